//! Constant evaluation: literals, names through their bindings, concatenation, byte arrays,
//! `"..".getBytes()`, decoders of constant text, helper methods and private methods'
//! parameters. Anything else is `Unknown`, or a `Value::Call` for a call whose callee is known.

use std::sync::Arc;

use super::{Binding, CallSite, Lowerer, ScopeKind, MAX_BYTES, MAX_EVAL_DEPTH, MAX_STEPS};
use crate::facts::{Arg, CallValue, Value};
use crate::lang::flat::Node;
use crate::lang::scope::{ScopeId, Scopes};
use crate::lang::ts::span;
use crate::lang::values::{concat, decode_base64, decode_hex, int_arith, is_constant, positional};

impl<'t> Lowerer<'t> {
    pub(super) fn eval(&mut self, node: Node<'t>, scope: ScopeId, depth: usize) -> Value {
        self.steps += 1;
        if depth > MAX_EVAL_DEPTH || self.steps > MAX_STEPS {
            return Value::Unknown;
        }
        let d = depth + 1;
        match node.kind() {
            "string_literal" => Value::Str(string_literal(self.text(node))),
            "character_literal" => {
                let s = string_literal(self.text(node));
                match s.chars().next() {
                    Some(c) if s.chars().count() == 1 => Value::Int(c as i64),
                    _ => Value::Unknown,
                }
            }
            "decimal_integer_literal"
            | "hex_integer_literal"
            | "octal_integer_literal"
            | "binary_integer_literal" => int_literal(self.text(node)),
            "decimal_floating_point_literal" => self
                .text(node)
                .trim_end_matches(['f', 'F', 'd', 'D'])
                .replace('_', "")
                .parse()
                .map(Value::Float)
                .unwrap_or(Value::Unknown),
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            "null_literal" => Value::Null,
            "parenthesized_expression" => match node.named_child(0) {
                Some(inner) => self.eval(inner, scope, d),
                None => Value::Unknown,
            },
            "cast_expression" => match node.child_by_field_name("value") {
                Some(v) => self.eval(v, scope, d),
                None => Value::Unknown,
            },
            "unary_expression" => {
                let (Some(op), Some(arg)) = (
                    node.child_by_field_name("operator"),
                    node.child_by_field_name("operand"),
                ) else {
                    return Value::Unknown;
                };
                match (self.text(op), self.eval(arg, scope, d)) {
                    ("-", Value::Int(i)) => Value::Int(-i),
                    ("+", v @ Value::Int(_)) => v,
                    ("!", Value::Bool(b)) => Value::Bool(!b),
                    _ => Value::Unknown,
                }
            }
            "binary_expression" => self.eval_binary(node, scope, d),
            "ternary_expression" => {
                let (Some(a), Some(b)) = (
                    node.child_by_field_name("consequence"),
                    node.child_by_field_name("alternative"),
                ) else {
                    return Value::Unknown;
                };
                let (a, b) = (self.eval(a, scope, d), self.eval(b, scope, d));
                if a == b {
                    a
                } else {
                    Value::Unknown
                }
            }
            "identifier" => {
                let name = self.text(node);
                self.use_at = Some(node.start_byte());
                self.resolve(name, scope, d)
            }
            "field_access" => self.eval_field_access(node, scope, d),
            "scoped_identifier" | "type_identifier" | "scoped_type_identifier" => {
                Value::Name(self.type_name(node))
            }
            "array_creation_expression" => self.eval_array_creation(node, scope, d),
            "array_initializer" => {
                let byte = node
                    .parent()
                    .filter(|p| p.kind() == "variable_declarator")
                    .and_then(|p| p.parent())
                    .and_then(|p| p.child_by_field_name("type"))
                    .is_some_and(|t| self.text(t).starts_with("byte"));
                self.eval_array(node, byte, scope, d)
            }
            "method_invocation" => self.eval_invocation(node, scope, d),
            "object_creation_expression" => {
                let Some(ty) = node.child_by_field_name("type") else {
                    return Value::Unknown;
                };
                let callee = self.type_name(ty);
                let args = self.arg_values(node, scope, d);
                if callee == "String" || callee == "java.lang.String" {
                    if let [Arg {
                        value: Value::Bytes(b),
                        ..
                    }] = args.as_slice()
                    {
                        return String::from_utf8(b.clone())
                            .map(Value::Str)
                            .unwrap_or(Value::Unknown);
                    }
                }
                Value::Call(Arc::new(CallValue { callee, args }))
            }
            _ => Value::Unknown,
        }
    }

    fn eval_binary(&mut self, node: Node<'t>, scope: ScopeId, d: usize) -> Value {
        let (Some(l), Some(op), Some(r)) = (
            node.child_by_field_name("left"),
            node.child_by_field_name("operator"),
            node.child_by_field_name("right"),
        ) else {
            return Value::Unknown;
        };
        let op = self.text(op);
        let (a, b) = (self.eval(l, scope, d), self.eval(r, scope, d));
        match (op, &a, &b) {
            ("+", Value::Str(_) | Value::Partial(_), _)
            | ("+", _, Value::Str(_) | Value::Partial(_)) => concat(a, b, true),
            (_, Value::Int(x), Value::Int(y)) => match op {
                "/" if *y != 0 => Value::Int(x / y),
                _ => int_arith(op, *x, *y, 62),
            },
            _ => Value::Unknown,
        }
    }

    /// `this.x`, `Other.CONSTANT` of a class in this file, or a qualified name.
    fn eval_field_access(&mut self, node: Node<'t>, scope: ScopeId, d: usize) -> Value {
        let (Some(object), Some(field)) = (
            node.child_by_field_name("object"),
            node.child_by_field_name("field"),
        ) else {
            return Value::Unknown;
        };
        let field = self.text(field);
        if object.kind() == "this" {
            return match self.class_scope(scope) {
                Some(c) => self.resolve(field, c, d),
                None => Value::Unknown,
            };
        }
        if object.kind() == "identifier" && self.scopes.lookup(self.text(object), scope).is_none() {
            if let Some(&class) = self.classes.get(self.text(object)) {
                if self.scopes.get(class, field).is_some() {
                    return self.resolve(field, class, d);
                }
            }
        }
        match self.eval(object, scope, d) {
            Value::Name(n) => Value::Name(format!("{n}.{field}")),
            Value::Bytes(b) if field == "length" => Value::Int(b.len() as i64),
            _ => Value::Unknown,
        }
    }

    fn eval_array_creation(&mut self, node: Node<'t>, scope: ScopeId, d: usize) -> Value {
        let byte = node
            .child_by_field_name("type")
            .is_some_and(|t| self.text(t) == "byte");
        if let Some(init) = node.child_by_field_name("value") {
            return self.eval_array(init, byte, scope, d);
        }
        let dims: Vec<_> = node.children_by_field_name("dimensions").collect();
        match dims.as_slice() {
            [dim] if byte && dim.kind() == "dimensions_expr" => {
                match dim.named_child(0).map(|e| self.eval(e, scope, d)) {
                    Some(Value::Int(n)) if (0..=MAX_BYTES).contains(&n) => {
                        Value::Bytes(vec![0; n as usize])
                    }
                    _ => Value::Unknown,
                }
            }
            _ => Value::Unknown,
        }
    }

    /// `{1, 2, (byte) 0xff}`: bytes for a byte array whose items are all known, else a list.
    fn eval_array(&mut self, init: Node<'t>, byte: bool, scope: ScopeId, d: usize) -> Value {
        let items: Vec<Value> = init
            .named_children()
            .filter(|c| c.kind() != "comment")
            .map(|c| self.eval(c, scope, d))
            .collect();
        if byte {
            let bytes: Option<Vec<u8>> = items
                .iter()
                .map(|v| match v {
                    Value::Int(i) if (-128..=255).contains(i) => Some((*i & 0xff) as u8),
                    _ => None,
                })
                .collect();
            return bytes.map(Value::Bytes).unwrap_or(Value::Unknown);
        }
        Value::List(Arc::new(items))
    }

    fn eval_invocation(&mut self, node: Node<'t>, scope: ScopeId, d: usize) -> Value {
        let Some(name) = node.child_by_field_name("name") else {
            return Value::Unknown;
        };
        let method = self.text(name);
        let object = node.child_by_field_name("object");
        if object.is_none_or(|o| o.kind() == "this") {
            if let Some(v) = self.helper_return(method, node, scope, d) {
                return v;
            }
        }
        let receiver = object.map(|o| self.eval(o, scope, d));
        let args = self.arg_values(node, scope, d);
        let first = args.first().map(|a| &a.value);
        match (method, &receiver, first) {
            ("getBytes", Some(Value::Str(s)), _) => return Value::Bytes(s.as_bytes().to_vec()),
            ("toCharArray" | "toString" | "trim" | "intern", Some(v @ Value::Str(_)), _) => {
                return v.clone()
            }
            ("clone", Some(v @ Value::Bytes(_)), _) => return v.clone(),
            _ => {}
        }
        // `String.valueOf(chars)` and `Arrays.copyOf(bytes, n)` keep a constant constant.
        let class = match &receiver {
            Some(Value::Name(n)) => n.rsplit('.').next().unwrap_or(n),
            _ => "",
        };
        match (class, method, args.as_slice()) {
            ("String", "valueOf" | "copyValueOf", [a]) if matches!(a.value, Value::Str(_)) => {
                return a.value.clone()
            }
            // An address is its text: `getByAddress({127, 0, 0, 1})` is "127.0.0.1".
            ("InetAddress" | "Inet4Address", "getByAddress", [a]) => {
                if let Value::Bytes(b) = &a.value {
                    if b.len() == 4 {
                        let parts: Vec<String> = b.iter().map(u8::to_string).collect();
                        return Value::Str(parts.join("."));
                    }
                }
            }
            ("InetAddress" | "Inet4Address" | "Inet6Address", "getByName", [a])
                if matches!(a.value, Value::Str(_)) =>
            {
                return a.value.clone()
            }
            // `props.getProperty(key, fallback)`: the fallback the code chooses when the
            // setting is absent, which is the value it runs with unless configured.
            (_, "getProperty", [_, fallback]) if is_constant(&fallback.value) => {
                return fallback.value.clone()
            }
            ("Arrays", "copyOf", [a, n]) => {
                if let (Value::Bytes(b), Value::Int(n)) = (&a.value, &n.value) {
                    if (0..=MAX_BYTES).contains(n) {
                        let mut b = b.clone();
                        b.resize(*n as usize, 0);
                        return Value::Bytes(b);
                    }
                }
            }
            _ => {}
        }
        let callee = self.callee_of(node, scope, d);
        let decoded = match (callee.rsplit('.').nth(1), method, first) {
            (Some("Base64.getDecoder()" | "getDecoder()"), "decode", Some(Value::Str(s))) => {
                decode_base64(s)
            }
            (_, "parseHexBinary" | "decodeHex" | "hexStringToByteArray", Some(Value::Str(s))) => {
                decode_hex(s)
            }
            _ => None,
        };
        if let Some(b) = decoded {
            return Value::Bytes(b);
        }
        Value::Call(Arc::new(CallValue { callee, args }))
    }

    pub(super) fn arg_values(&mut self, node: Node<'t>, scope: ScopeId, d: usize) -> Vec<Arg> {
        let Some(list) = node.child_by_field_name("arguments") else {
            return Vec::new();
        };
        let children: Vec<_> = list
            .named_children()
            .filter(|c| c.kind() != "comment")
            .collect();
        children
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                let value = self.eval(c, scope, d);
                positional(Some(i), value, span(c), None, String::new())
            })
            .collect()
    }

    /// The value of a name seen from `scope`: agreed by every binding, or `Unknown`.
    pub(super) fn resolve(&mut self, name: &str, scope: ScopeId, d: usize) -> Value {
        let at = self.use_at.take();
        let Some((def, bindings)) = self.scopes.lookup(name, scope) else {
            return Value::Name(self.qualify(name));
        };
        let mut bindings: Vec<Binding<'t>> = bindings.to_vec();
        let filled_key = (def, name.to_string());
        let mut key = filled_key.clone();
        if let (Some(at), true) = (at, bindings.len() > 1) {
            if self.scopes.kind(def) == ScopeKind::Other {
                bindings = self.reaching(bindings, scope, at);
                key.1 = format!("{name}@{at}");
            }
        }
        if let Some(v) = self.evaluation.remembered(&key) {
            return v.clone();
        }
        if !self.evaluation.enter(key.clone()) {
            return Value::Unknown;
        }
        let mut agreed: Option<Value> = None;
        let mut known = true;
        for b in bindings {
            let v = match b {
                Binding::Declared(_) => continue,
                Binding::Assign(expr, s, _) => self.eval(expr, s, d),
                Binding::Param { method, index, .. } => self.param_value(method, index, d),
                Binding::Other(_) => Value::Unknown,
            };
            match &agreed {
                _ if v == Value::Unknown => known = false,
                Some(a) if *a != v => known = false,
                _ => agreed = Some(v),
            }
            if !known {
                break;
            }
        }
        self.evaluation.leave();
        let mut value = match agreed {
            Some(v) if known => v,
            _ => Value::Unknown,
        };
        if matches!(value, Value::Bytes(_) | Value::List(_)) && self.filled.contains(&filled_key) {
            value = Value::Unknown;
        }
        self.evaluation.remember(key, value.clone());
        value
    }

    /// The bindings of a local that can reach a use at byte `at` seen from `scope`: those
    /// written before the use, from the last one that always runs on the way to it (in the
    /// use's block or a block around it: `key = Arrays.copyOf(key, 16)` replaces `key`), so
    /// a value overwritten in straight-line code does not count. A binding inside a branch
    /// still does: `url = ..; if (c) url = ..;` keeps both, and two values are unknown.
    fn reaching(&self, bindings: Vec<Binding<'t>>, scope: ScopeId, at: usize) -> Vec<Binding<'t>> {
        let before: Vec<(Binding<'t>, bool)> = bindings
            .into_iter()
            .filter_map(|b| match b {
                Binding::Assign(expr, s, _) => {
                    let always = straight_line(expr) && self.scope_encloses(s, scope);
                    (expr.end_byte() <= at).then_some((b, always))
                }
                Binding::Param { .. } => Some((b, true)),
                // Where `x++` or a loop variable changes the name is not recorded.
                Binding::Other(_) => Some((b, false)),
                Binding::Declared(_) => Some((b, true)),
            })
            .collect();
        let from = before.iter().rposition(|(_, always)| *always).unwrap_or(0);
        before.into_iter().skip(from).map(|(b, _)| b).collect()
    }

    /// Whether `outer` is `inner` or a scope around it.
    fn scope_encloses(&self, outer: ScopeId, inner: ScopeId) -> bool {
        let mut current = Some(inner);
        while let Some(c) = current {
            if c == outer {
                return true;
            }
            current = self.scopes.parent(c);
        }
        false
    }

    /// Parameter `index` of a method or constructor: the constant every call site in the
    /// file passes, if there is one and they all pass the same one. A site on a receiver
    /// counts when the receiver is of the declaring class (`helper.go(..)` with `Helper
    /// helper`, `new Helper().go(..)`, `Helper.go(..)`); others may be another class's
    /// method of that name and are left out. A method no site in the file calls stays
    /// unknown: its callers are elsewhere.
    fn param_value(&mut self, method: Node<'t>, index: usize, d: usize) -> Value {
        let Some((class, name, params)) = self.method_of(method) else {
            return Value::Unknown;
        };
        let class_name = self
            .classes
            .iter()
            .find(|(_, &s)| s == class)
            .map(|(n, _)| n.clone());
        let constructor = method.kind() == "constructor_declaration";
        let sites: Vec<CallSite<'t>> = if constructor {
            class_name
                .as_ref()
                .and_then(|n| self.constructions.get(n))
                .cloned()
                .unwrap_or_default()
        } else {
            self.call_sites.get(&name).cloned().unwrap_or_default()
        };
        let mut agreed: Option<Value> = None;
        for site in sites {
            let args: Vec<_> = site
                .args
                .named_children()
                .filter(|c| c.kind() != "comment")
                .collect();
            if args.len() != params {
                continue;
            }
            let ours = match site.receiver {
                None => {
                    constructor
                        || self
                            .class_scope(site.scope)
                            .is_some_and(|c| self.encloses(class, c))
                }
                Some(r) => class_name
                    .as_deref()
                    .is_some_and(|n| self.receiver_class(r, site.scope, d).as_deref() == Some(n)),
            };
            if !ours {
                continue;
            }
            let v = self.eval(args[index], site.scope, d);
            if !is_constant(&v) || agreed.as_ref().is_some_and(|a| *a != v) {
                return Value::Unknown;
            }
            agreed = Some(v);
        }
        agreed.unwrap_or(Value::Unknown)
    }

    /// Whether class body `outer` is `inner` or one of the class bodies around it (a call
    /// without a receiver reaches the methods of every enclosing class).
    fn encloses(&self, outer: ScopeId, inner: ScopeId) -> bool {
        let mut current = Some(inner);
        while let Some(c) = current {
            if c == outer {
                return true;
            }
            current = self.scopes.parent(c).and_then(|p| self.class_scope(p));
        }
        false
    }

    /// The simple name of the class a receiver is an instance of (or names, for a static
    /// call), when that is one of this file's classes.
    fn receiver_class(&mut self, receiver: Node<'t>, scope: ScopeId, d: usize) -> Option<String> {
        let name = match receiver.kind() {
            "identifier" if self.scopes.lookup(self.text(receiver), scope).is_none() => {
                self.text(receiver).to_string()
            }
            "identifier" | "field_access" => match self.declared_type(receiver, scope) {
                Some(t) => t,
                None => match self.eval(receiver, scope, d) {
                    Value::Call(c) => c.callee.clone(),
                    _ => return None,
                },
            },
            "object_creation_expression" => self.type_name(receiver.child_by_field_name("type")?),
            _ => return None,
        };
        let simple = name.rsplit('.').next().unwrap_or(&name).to_string();
        self.classes.contains_key(&simple).then_some(simple)
    }

    /// The class body, name and parameter count of a declared method or constructor node.
    fn method_of(&self, node: Node<'t>) -> Option<(ScopeId, String, usize)> {
        self.methods.iter().find_map(|((class, name), ms)| {
            ms.iter()
                .find(|m| m.node == node)
                .map(|m| (*class, name.clone(), m.params))
        })
    }

    /// `helper()` of a method of the enclosing classes whose every `return` gives the same
    /// known value.
    fn helper_return(
        &mut self,
        method: &str,
        call: Node<'t>,
        scope: ScopeId,
        d: usize,
    ) -> Option<Value> {
        let argc = call.child_by_field_name("arguments").map_or(0, |a| {
            a.named_children().filter(|c| c.kind() != "comment").count()
        });
        let mut class = self.class_scope(scope);
        let mut target = None;
        while let Some(c) = class {
            if let Some(ms) = self.methods.get(&(c, method.to_string())) {
                let same: Vec<_> = ms.iter().filter(|m| m.params == argc).collect();
                if let [m] = same.as_slice() {
                    target = Some(m.node);
                }
                break;
            }
            class = self.scopes.parent(c).and_then(|p| self.class_scope(p));
        }
        let node = target?;
        let body = node.child_by_field_name("body")?;
        let inner = self.child_scope(node, scope);
        let key = (inner, "#return".to_string());
        if let Some(v) = self.evaluation.remembered(&key) {
            return (*v != Value::Unknown).then(|| v.clone());
        }
        if !self.evaluation.enter(key.clone()) {
            return None;
        }
        let mut agreed: Option<Value> = None;
        let mut known = true;
        for (ret, s) in self.returns_of(body, inner) {
            let v = match ret.named_child(0) {
                Some(e) => self.eval(e, s, d),
                None => Value::Unknown,
            };
            if v == Value::Unknown || agreed.as_ref().is_some_and(|a| *a != v) {
                known = false;
                break;
            }
            agreed = Some(v);
        }
        self.evaluation.leave();
        let value = agreed.filter(|_| known).unwrap_or(Value::Unknown);
        self.evaluation.remember(key, value.clone());
        (value != Value::Unknown).then_some(value)
    }

    /// The `return` statements of a body with their scopes, not those of lambdas or classes
    /// inside it.
    pub(super) fn returns_of(&self, body: Node<'t>, scope: ScopeId) -> Vec<(Node<'t>, ScopeId)> {
        self.statements_of(body, scope, "return_statement")
    }

    /// The nodes of `kind` in a body, not inside a lambda or class declared in it.
    pub(super) fn statements_of(
        &self,
        body: Node<'t>,
        scope: ScopeId,
        kind: &str,
    ) -> Vec<(Node<'t>, ScopeId)> {
        let mut out = Vec::new();
        let mut stack = vec![(body, scope)];
        while let Some((n, s)) = stack.pop() {
            if n.kind() == kind {
                out.push((n, s));
            }
            if matches!(
                n.kind(),
                "lambda_expression" | "class_body" | "class_declaration"
            ) {
                continue;
            }
            let inner = self.child_scope(n, s);
            stack.extend(n.named_children().map(|c| (c, inner)));
        }
        out.sort_by_key(|(n, _)| n.start_byte());
        out
    }

    /// The qualified callee of a method invocation: `Type.method` for a static call, the
    /// receiver's constructor or factory call for an instance (`javax.crypto.Cipher.getInstance().init`),
    /// the declared type of a receiver whose value is unknown, `?text` otherwise.
    pub(super) fn callee_of(&mut self, node: Node<'t>, scope: ScopeId, d: usize) -> String {
        let method = node
            .child_by_field_name("name")
            .map(|n| self.text(n))
            .unwrap_or("");
        let Some(object) = node.child_by_field_name("object") else {
            return self.qualify(method);
        };
        if object.kind() == "this" {
            return method.to_string();
        }
        let value = self.eval(object, scope, d);
        let receiver = match value {
            Value::Name(n) => n,
            Value::Call(c) if !c.callee.starts_with('?') => format!("{}()", c.callee),
            _ => match self.declared_type(object, scope) {
                Some(t) => t,
                None => format!("?{}", crate::lang::values::compact(self.text(object))),
            },
        };
        format!("{receiver}.{method}")
    }

    /// The declared type of a local, field or parameter name.
    fn declared_type(&self, object: Node<'t>, scope: ScopeId) -> Option<String> {
        let (name, scope) = match object.kind() {
            "identifier" => (self.text(object), scope),
            "field_access" if object.child_by_field_name("object")?.kind() == "this" => (
                self.text(object.child_by_field_name("field")?),
                self.class_scope(scope)?,
            ),
            _ => return None,
        };
        let (_, bindings) = lookup(&self.scopes, name, scope)?;
        let ty = bindings.iter().find_map(Binding::ty)?;
        let t = self.type_name(ty);
        (t != "var").then_some(t)
    }
}

/// Whether the assignment or declaration whose value is `expr` is a statement of its own,
/// directly in a block (not a branch of an `if` without braces, not inside a condition).
fn straight_line(expr: Node) -> bool {
    let mut node = expr;
    while let Some(parent) = node.parent() {
        match parent.kind() {
            "assignment_expression" | "variable_declarator" => node = parent,
            "expression_statement" | "local_variable_declaration" => {
                return parent
                    .parent()
                    .is_some_and(|b| matches!(b.kind(), "block" | "constructor_body"));
            }
            _ => return false,
        }
    }
    false
}

fn lookup<'s, 't>(
    scopes: &'s Scopes<Vec<Binding<'t>>, super::ScopeKind>,
    name: &str,
    scope: ScopeId,
) -> Option<(ScopeId, &'s Vec<Binding<'t>>)> {
    scopes.lookup(name, scope)
}

/// An integer literal's value (`0x10`, `1_000L`, `017`, `0b11`).
fn int_literal(text: &str) -> Value {
    let t: String = text
        .trim_end_matches(['l', 'L'])
        .chars()
        .filter(|c| *c != '_')
        .collect();
    let parsed = if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        u64::from_str_radix(h, 16).map(|v| v as i64)
    } else if let Some(b) = t.strip_prefix("0b").or_else(|| t.strip_prefix("0B")) {
        u64::from_str_radix(b, 2).map(|v| v as i64)
    } else if t.len() > 1 && t.starts_with('0') {
        i64::from_str_radix(&t[1..], 8)
    } else {
        t.parse()
    };
    parsed.map(Value::Int).unwrap_or(Value::Unknown)
}

/// The text of a string, text block or character literal, escapes decoded.
fn string_literal(text: &str) -> String {
    let inner = if let Some(t) = text.strip_prefix("\"\"\"") {
        let t = t.strip_suffix("\"\"\"").unwrap_or(t);
        // A text block starts after the line break that follows its opening quotes.
        t.split_once('\n').map_or(t, |(_, rest)| rest)
    } else {
        let t = text.strip_prefix(['"', '\'']).unwrap_or(text);
        t.strip_suffix(['"', '\'']).unwrap_or(t)
    };
    unescape(inner)
}

/// Java escape sequences: `\n \t \b \r \f \s \0-\377 \' \" \\` and `\uXXXX`.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('b') => out.push('\u{8}'),
            Some('r') => out.push('\r'),
            Some('f') => out.push('\u{c}'),
            Some('s') => out.push(' '),
            Some('u') => {
                while chars.peek() == Some(&'u') {
                    chars.next();
                }
                let h: String = chars.by_ref().take(4).collect();
                match u32::from_str_radix(&h, 16).ok().and_then(char::from_u32) {
                    Some(ch) => out.push(ch),
                    None => out.push_str(&h),
                }
            }
            Some(d @ '0'..='7') => {
                let mut v = d as u32 - '0' as u32;
                let max = if d <= '3' { 2 } else { 1 };
                for _ in 0..max {
                    match chars.peek() {
                        Some(&n @ '0'..='7') => {
                            v = v * 8 + (n as u32 - '0' as u32);
                            chars.next();
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\0'));
            }
            Some('\n') => {}
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}
