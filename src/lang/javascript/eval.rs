//! Constant evaluation of expressions: names through their single binding (memoised),
//! members of known objects, well-known constructors and conversions (`Buffer.from`),
//! operators with JavaScript truthiness, template strings, and what a function can return.

use std::sync::Arc;

use super::imports::module_name;
use super::{
    is_function, Binding, Lowerer, FUNCTION, FUNCTION_RETURNING_NOTHING, MAX_BYTES, MAX_EVAL_DEPTH,
    MAX_FUNCTION_SCAN, MAX_STEPS,
};
use crate::facts::{Arg, CallValue, Value};
use crate::lang::flat::Node;
use crate::lang::scope::{agreed, agreed_return, Agreement, ScopeId};
use crate::lang::tree::fields;
use crate::lang::ts::text;
use crate::lang::values::{
    bytes_of, compact, concat, decode_base64, decode_hex, hex, int_arith, name_of,
    unescape_javascript, Template,
};

impl<'t> Lowerer<'t> {
    /// The value of `name` used at byte offset `at` in `scope`.
    pub(super) fn resolve_identifier(
        &mut self,
        name: &str,
        scope: ScopeId,
        at: usize,
        depth: usize,
    ) -> Value {
        let Some((defining, bindings)) = self.lookup(name, scope) else {
            // A global (`process`, `Buffer`, `fetch`, `WebSocket`) or an undeclared name.
            return match name {
                "undefined" => Value::Null,
                _ => Value::Name(name.to_string()),
            };
        };
        if bindings.len() != 1 {
            if let Some(q) = agreed(bindings, Binding::import) {
                return Value::Name(q.to_string());
            }
            let Some((i, value, assigned)) = reaching_binding(bindings, defining, scope, at) else {
                return Value::Unknown;
            };
            if !self.evaluation.enter((defining, format!("{name}#{i}"))) {
                return Value::Unknown;
            }
            let v = self.eval(value, assigned, depth + 1);
            self.evaluation.leave();
            return v;
        }
        let binding = bindings[0].clone();
        let key = (defining, name.to_string());
        if let Binding::Undeclared {
            value,
            scope: assigned,
            end,
        } = binding
        {
            // Known only after the assignment, in the same block.
            if assigned != scope || at < end || !self.evaluation.enter(key) {
                return Value::Unknown;
            }
            let v = self.eval(value, assigned, depth + 1);
            self.evaluation.leave();
            return v;
        }
        if let Some(v) = self.evaluation.remembered(&key) {
            return v.clone();
        }
        let value = match binding.clone() {
            Binding::Import(q) => return Value::Name(q),
            Binding::Other | Binding::Function(_) | Binding::Undeclared { .. } => {
                return Value::Unknown
            }
            Binding::Param {
                function,
                index,
                default,
            } => {
                if !self.evaluation.enter(key.clone()) {
                    return Value::Unknown;
                }
                let v = self.parameter_value(function, index, default, defining, depth);
                self.evaluation.leave();
                v
            }
            Binding::Assign(node) | Binding::Member(node, _) => {
                if !self.evaluation.enter(key.clone()) {
                    return Value::Unknown;
                }
                let v = self.eval(node, defining, depth + 1);
                self.evaluation.leave();
                match &binding {
                    Binding::Member(_, member) => member_of(v, member, ""),
                    _ => v,
                }
            }
        };
        if depth < 8 {
            self.evaluation.remember(key, value.clone());
        }
        value
    }

    /// A dotted name for a callee: qualified when resolvable, `?`-prefixed source text
    /// otherwise, and `callee()` for members of an instance.
    pub(super) fn qualified(&mut self, node: Node<'t>, scope: ScopeId, depth: usize) -> String {
        let value = self.eval(node, scope, depth);
        name_of(value, self.text(node))
    }

    pub(super) fn eval(&mut self, node: Node<'t>, scope: ScopeId, depth: usize) -> Value {
        self.steps += 1;
        if depth > MAX_EVAL_DEPTH || self.steps > MAX_STEPS {
            return Value::Unknown;
        }
        match node.kind() {
            "identifier" | "shorthand_property_identifier" => {
                let name = self.text(node);
                self.resolve_identifier(name, scope, node.start_byte(), depth)
            }
            "this" => Value::Name("this".into()),
            "undefined" | "null" => Value::Null,
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            "number" => parse_number(self.text(node)),
            "string" => Value::Str(string_text(node, self.src)),
            "template_string" => self.eval_template(node, scope, depth),
            "member_expression" => {
                let Some([object, prop]) = fields(node, ["object", "property"]) else {
                    return Value::Unknown;
                };
                if object.kind() == "this" {
                    if let Some(v) = self.this_member(self.text(prop), scope, depth) {
                        return v;
                    }
                }
                let base = self.eval(object, scope, depth + 1);
                member_of(base, self.text(prop), self.text(object))
            }
            "subscript_expression" => {
                let Some([object, index]) = fields(node, ["object", "index"]) else {
                    return Value::Unknown;
                };
                match self.eval(index, scope, depth + 1) {
                    Value::Str(k) => {
                        let base = self.eval(object, scope, depth + 1);
                        member_of(base, &k, self.text(object))
                    }
                    Value::Int(i) => match self.eval(object, scope, depth + 1) {
                        Value::List(items) => usize::try_from(i)
                            .ok()
                            .and_then(|i| items.get(i).cloned())
                            .unwrap_or(Value::Unknown),
                        _ => Value::Unknown,
                    },
                    _ => Value::Unknown,
                }
            }
            "call_expression" | "new_expression" => self.eval_call(node, scope, depth),
            "parenthesized_expression"
            | "await_expression"
            | "as_expression"
            | "satisfies_expression"
            | "non_null_expression" => match node.named_child(0) {
                Some(inner) => self.eval(inner, scope, depth + 1),
                None => Value::Unknown,
            },
            // `<T>x` and `a, b`: the value of the last child.
            "type_assertion" | "sequence_expression" => {
                let count = node.named_child_count();
                let last = count
                    .checked_sub(1)
                    .and_then(|i| u32::try_from(i).ok())
                    .and_then(|i| node.named_child(i));
                match last {
                    Some(inner) => self.eval(inner, scope, depth + 1),
                    None => Value::Unknown,
                }
            }
            "unary_expression" => {
                let op = node.child_by_field_name("operator").map(|o| self.text(o));
                let Some(arg) = node.child_by_field_name("argument") else {
                    return Value::Unknown;
                };
                if op == Some("void") {
                    return Value::Null;
                }
                let v = self.eval(arg, scope, depth + 1);
                match (op, v) {
                    (Some("-"), Value::Int(i)) => Value::Int(-i),
                    (Some("-"), Value::Float(f)) => Value::Float(-f),
                    (Some("+"), v @ (Value::Int(_) | Value::Float(_))) => v,
                    (Some("!"), v) => match truthiness(&v) {
                        Some(b) => Value::Bool(!b),
                        None => Value::Unknown,
                    },
                    _ => Value::Unknown,
                }
            }
            "binary_expression" => self.eval_binary(node, scope, depth),
            "ternary_expression" => {
                let Some([c, a, b]) = fields(node, ["condition", "consequence", "alternative"])
                else {
                    return Value::Unknown;
                };
                match truthiness(&self.eval(c, scope, depth + 1)) {
                    Some(true) => self.eval(a, scope, depth + 1),
                    Some(false) => self.eval(b, scope, depth + 1),
                    None => {
                        let a = self.eval(a, scope, depth + 1);
                        let b = self.eval(b, scope, depth + 1);
                        if a == b {
                            a
                        } else {
                            Value::Unknown
                        }
                    }
                }
            }
            "object" => self.eval_object(node, scope, depth),
            "array" => {
                let children: Vec<_> = node
                    .named_children()
                    .filter(|c| c.kind() != "comment")
                    .collect();
                let mut items = Vec::new();
                for c in children {
                    if c.kind() == "spread_element" {
                        match c.named_child(0).map(|i| self.eval(i, scope, depth + 1)) {
                            Some(Value::List(more)) => items.extend(more.iter().cloned()),
                            _ => return Value::Unknown,
                        }
                    } else {
                        items.push(self.eval(c, scope, depth + 1));
                    }
                }
                Value::List(items.into())
            }
            k if is_function(k) => self.function_value(node, scope),
            _ => Value::Unknown,
        }
    }

    pub(super) fn eval_object(&mut self, node: Node<'t>, scope: ScopeId, depth: usize) -> Value {
        let mut entries: Vec<(String, Value)> = Vec::new();
        let children: Vec<_> = node.named_children().collect();
        for child in children {
            match child.kind() {
                "pair" => {
                    let Some([k, v]) = fields(child, ["key", "value"]) else {
                        continue;
                    };
                    if let Some(k) = self.key_of(k, scope) {
                        let v = self.eval(v, scope, depth + 1);
                        entries.push((k, v));
                    }
                }
                "shorthand_property_identifier" => {
                    let name = self.text(child);
                    let v = self.resolve_identifier(name, scope, child.start_byte(), depth + 1);
                    entries.push((name.to_string(), v));
                }
                "spread_element" => {
                    if let Some(inner) = child.named_child(0) {
                        if let Value::Map(more) = self.eval(inner, scope, depth + 1) {
                            entries.extend(more.iter().cloned());
                        }
                    }
                }
                "method_definition" => {
                    if let Some(name) = child.child_by_field_name("name") {
                        if let Some(k) = self.key_of(name, scope) {
                            entries.push((k, self.function_value(child, scope)));
                        }
                    }
                }
                _ => {}
            }
        }
        Value::Map(entries.into())
    }

    /// A function is only looked at for one thing: whether it can return anything but
    /// `undefined` or `null`.
    pub(super) fn function_value(&mut self, node: Node<'t>, scope: ScopeId) -> Value {
        let Some(body) = node.child_by_field_name("body") else {
            return Value::Name(FUNCTION.into());
        };
        if body.kind() != "statement_block" {
            // An arrow with an expression body.
            let scope = self.child_scope(node, scope);
            let v = self.eval(body, scope, MAX_EVAL_DEPTH - 4);
            return if v == Value::Null {
                Value::Name(FUNCTION_RETURNING_NOTHING.into())
            } else {
                Value::Name(FUNCTION.into())
            };
        }
        let mut stack = vec![body];
        let mut seen = 0;
        while let Some(n) = stack.pop() {
            seen += 1;
            if seen > MAX_FUNCTION_SCAN {
                return Value::Name(FUNCTION.into());
            }
            if n.kind() == "return_statement" {
                if let Some(arg) = n.named_child(0) {
                    let t = self.text(arg).trim();
                    if !matches!(t, "undefined" | "null" | "void 0") {
                        return Value::Name(FUNCTION.into());
                    }
                }
                continue;
            }
            if n.kind() == "throw_statement" {
                return Value::Name(FUNCTION.into());
            }
            if n != body && is_function(n.kind()) {
                continue;
            }
            stack.extend(n.named_children());
        }
        Value::Name(FUNCTION_RETURNING_NOTHING.into())
    }

    /// A parameter's value inside its function: what every call site of the function in the
    /// file passes at its position (its default where a site passes nothing). A call with a
    /// spread may pass anything.
    fn parameter_value(
        &mut self,
        function: &str,
        index: usize,
        default: Option<Node<'t>>,
        scope: ScopeId,
        depth: usize,
    ) -> Value {
        let outer = self.scopes.parent(scope).unwrap_or(0);
        let default = default.map(|d| self.eval(d, outer, depth + 1));
        let sites = self.calls.get(function).cloned().unwrap_or_default();
        let mut agreement = Agreement::new(default);
        for (call, call_scope) in sites {
            let Some(list) = call.child_by_field_name("arguments") else {
                return Value::Unknown;
            };
            if list.kind() != "arguments" {
                return Value::Unknown;
            }
            let mut args = Vec::new();
            for arg in list.named_children() {
                match arg.kind() {
                    "comment" => {}
                    "spread_element" => return Value::Unknown,
                    _ => args.push(arg),
                }
            }
            let passed = args
                .get(index)
                .map(|arg| self.eval(*arg, call_scope, depth + 1));
            if !agreement.offer(passed) {
                return Value::Unknown;
            }
        }
        agreement.value()
    }

    /// `this.key` in a method: what the class binds once as `this.key` (a constructor
    /// assignment or a field definition).
    fn this_member(&mut self, prop: &str, scope: ScopeId, depth: usize) -> Option<Value> {
        let class = self.this_class(scope)?;
        let key = format!("this.{prop}");
        let value = match self.scopes.get(class, &key).map(Vec::as_slice) {
            Some([Binding::Assign(v)]) => *v,
            _ => return None,
        };
        if !self.evaluation.enter((class, key)) {
            return None;
        }
        let v = self.eval(value, class, depth + 1);
        self.evaluation.leave();
        Some(v)
    }

    /// The function a call's callee names when it is defined in this file: a declared
    /// function, a `const` bound to a function or arrow, or `this.m()` for a method of the
    /// class.
    fn called_helper(&self, function: Node<'t>, scope: ScopeId) -> Option<Node<'t>> {
        let bindings = match function.kind() {
            "identifier" => self.lookup(self.text(function), scope)?.1,
            "member_expression" => {
                let [object, prop] = fields(function, ["object", "property"])?;
                if object.kind() != "this" {
                    return None;
                }
                let class = self.this_class(scope)?;
                let key = format!("this.{}()", self.text(prop));
                self.scopes.get(class, &key)?.as_slice()
            }
            _ => return None,
        };
        match bindings {
            [Binding::Function(def)] => Some(*def),
            [Binding::Assign(def)] if is_function(def.kind()) => Some(*def),
            _ => None,
        }
    }

    /// What a call of a helper returns: the constant (or qualified name) that its expression
    /// body, or every `return` of its block body, agrees on. Generators and async functions
    /// are unknown.
    fn helper_return(&mut self, def: Node<'t>, scope: ScopeId, depth: usize) -> Option<Value> {
        if def.kind().starts_with("generator") || self.text(def).starts_with("async") {
            return None;
        }
        let inner = self.child_scope(def, scope);
        let body = def.child_by_field_name("body")?;
        let returns: Vec<Node<'t>> = if body.kind() == "statement_block" {
            let mut found = Vec::new();
            let mut stack = vec![body];
            let mut seen = 0;
            while let Some(n) = stack.pop() {
                seen += 1;
                if seen > MAX_FUNCTION_SCAN {
                    return None;
                }
                match n.kind() {
                    "return_statement" => found.push(n.named_child(0)?),
                    k if n != body && is_function(k) => {}
                    _ => stack.extend(n.named_children()),
                }
            }
            found
        } else {
            vec![body]
        };
        if !self.evaluation.enter((inner, "return".to_string())) {
            return None;
        }
        let values = returns
            .into_iter()
            .map(|r| self.eval(r, inner, depth + 1))
            .collect();
        self.evaluation.leave();
        agreed_return(values)
    }

    pub(super) fn eval_call(&mut self, node: Node<'t>, scope: ScopeId, depth: usize) -> Value {
        let Some((function, arguments)) = self.call_parts(node) else {
            return Value::Unknown;
        };
        let args = match arguments {
            Some(list) => self.args(list, scope, depth + 1),
            None => Vec::new(),
        };
        let first = args
            .iter()
            .find(|a| a.index == Some(0))
            .map(|a| a.value.clone());
        let second = args
            .iter()
            .find(|a| a.index == Some(1))
            .map(|a| a.value.clone());
        // `require('m')` with no local `require`.
        if function.kind() == "identifier" && self.text(function) == "require" {
            if self.lookup("require", scope).is_none() {
                if let Some(Value::Str(m)) = &first {
                    return Value::Name(module_name(m));
                }
            }
            return Value::Unknown;
        }
        // Methods of constant strings and buffers.
        if function.kind() == "member_expression" {
            if let Some([object, prop]) = fields(function, ["object", "property"]) {
                let method = self.text(prop);
                if matches!(
                    method,
                    "toString" | "trim" | "toLowerCase" | "toUpperCase" | "valueOf"
                ) {
                    match (self.eval(object, scope, depth + 1), method) {
                        (s @ Value::Str(_), "toString" | "valueOf") => return s,
                        (Value::Str(s), "trim") => return Value::Str(s.trim().to_string()),
                        (Value::Str(s), "toLowerCase") => return Value::Str(s.to_lowercase()),
                        (Value::Str(s), "toUpperCase") => return Value::Str(s.to_uppercase()),
                        (Value::Bytes(b), "toString") => {
                            return match first.as_ref().and_then(Value::as_str) {
                                Some("hex") => Value::Str(hex(&b)),
                                None | Some("utf8") | Some("utf-8") => {
                                    Value::Str(String::from_utf8_lossy(&b).into_owned())
                                }
                                _ => Value::Unknown,
                            }
                        }
                        (Value::Str(_) | Value::Bytes(_), _) => return Value::Unknown,
                        _ => {}
                    }
                }
            }
        }
        if let Some(v) = self
            .called_helper(function, scope)
            .and_then(|def| self.helper_return(def, scope, depth))
        {
            return v;
        }
        let callee = self.qualified(function, scope, depth + 1);
        if let Some(v) = builtin(&callee, first.as_ref(), second.as_ref(), &args) {
            return v;
        }
        Value::Call(Arc::new(CallValue { callee, args }))
    }

    pub(super) fn eval_template(&mut self, node: Node<'t>, scope: ScopeId, depth: usize) -> Value {
        let mut out = Template::default();
        let children: Vec<_> = node.named_children().collect();
        for child in children {
            match child.kind() {
                "string_fragment" => out.text.push_str(self.text(child)),
                "escape_sequence" => out.text.push_str(&unescape_javascript(self.text(child))),
                "template_substitution" => {
                    let v = child.named_child(0).map(|e| self.eval(e, scope, depth + 1));
                    out.interpolate(v, true);
                }
                _ => {}
            }
        }
        out.finish()
    }

    pub(super) fn eval_binary(&mut self, node: Node<'t>, scope: ScopeId, depth: usize) -> Value {
        let Some([l, r, op]) = fields(node, ["left", "right", "operator"]) else {
            return Value::Unknown;
        };
        let op = self.text(op);
        let left = self.eval(l, scope, depth + 1);
        match op {
            // `process.env.X ?? 'literal'` is whatever the environment says: not a constant.
            "??" => {
                return match left {
                    Value::Null => self.eval(r, scope, depth + 1),
                    Value::Unknown | Value::Name(_) | Value::Call(_) => Value::Unknown,
                    known => known,
                }
            }
            "||" => {
                return match truthiness(&left) {
                    Some(true) => left,
                    Some(false) => self.eval(r, scope, depth + 1),
                    None => Value::Unknown,
                }
            }
            "&&" => {
                return match truthiness(&left) {
                    Some(false) => left,
                    Some(true) => self.eval(r, scope, depth + 1),
                    None => Value::Unknown,
                }
            }
            _ => {}
        }
        let right = self.eval(r, scope, depth + 1);
        match (op, left, right) {
            ("+", a @ (Value::Str(_) | Value::Partial(_)), b)
            | ("+", a, b @ (Value::Str(_) | Value::Partial(_))) => concat(a, b, true),
            (op, Value::Int(a), Value::Int(b)) => match op {
                "/" if b != 0 && a % b == 0 => Value::Int(a / b),
                "/" if b != 0 => Value::Float(a as f64 / b as f64),
                "%" if b != 0 => Value::Int(a % b),
                "===" | "==" => Value::Bool(a == b),
                "!==" | "!=" => Value::Bool(a != b),
                _ => int_arith(op, a, b, 30),
            },
            ("===" | "==", Value::Str(a), Value::Str(b)) => Value::Bool(a == b),
            ("!==" | "!=", Value::Str(a), Value::Str(b)) => Value::Bool(a != b),
            _ => Value::Unknown,
        }
    }
}

/// `base.prop`: a qualified name for names and instances, the entry for a known object.
/// The binding of a name bound more than once that reaches a use at byte `at` in `scope`:
/// every binding is a declaration or a statement-level assignment (nothing reassigns it
/// elsewhere), the latest one before the use is in the use's own block, and no other binding
/// lies between the two. Its index, value and scope.
fn reaching_binding<'t>(
    bindings: &[Binding<'t>],
    defining: ScopeId,
    scope: ScopeId,
    at: usize,
) -> Option<(usize, Node<'t>, ScopeId)> {
    let mut placed = Vec::with_capacity(bindings.len());
    for b in bindings {
        match b {
            Binding::Assign(value) => placed.push((*value, defining, value.end_byte())),
            Binding::Undeclared { value, scope, end } => placed.push((*value, *scope, *end)),
            _ => return None,
        }
    }
    let (i, &(value, assigned, end)) = placed
        .iter()
        .enumerate()
        .filter(|(_, (_, _, end))| *end <= at)
        .max_by_key(|(_, (_, _, end))| *end)?;
    let between = placed.iter().any(|(_, _, e)| *e > end && *e <= at);
    (assigned == scope && !between).then_some((i, value, assigned))
}

pub(super) fn member_of(base: Value, prop: &str, object_text: &str) -> Value {
    match base {
        Value::Name(b) => Value::Name(format!("{b}.{prop}")),
        Value::Call(c) => Value::Name(format!("{}().{prop}", c.callee)),
        Value::Map(entries) => entries
            .iter()
            .rev()
            .find(|(k, _)| k == prop)
            .map(|(_, v)| v.clone())
            .unwrap_or(Value::Unknown),
        Value::Str(s) if prop == "length" => Value::Int(s.chars().count() as i64),
        Value::Bytes(b) if prop == "length" => Value::Int(b.len() as i64),
        Value::List(l) if prop == "length" => Value::Int(l.len() as i64),
        _ if object_text.is_empty() => Value::Unknown,
        _ => Value::Name(format!("?{}.{prop}", compact(object_text))),
    }
}

/// Values of well-known constructors and conversions (`Buffer.from('..', 'hex')`,
/// `Buffer.alloc(16)`, `new Uint8Array(12)`).
pub(super) fn builtin(
    callee: &str,
    first: Option<&Value>,
    second: Option<&Value>,
    args: &[Arg],
) -> Option<Value> {
    let encoding = second.and_then(Value::as_str).map(str::to_ascii_lowercase);
    match (callee, first) {
        ("Buffer.from" | "Buffer" | "buffer.Buffer.from", Some(Value::Str(s))) => {
            match encoding.as_deref() {
                None | Some("utf8") | Some("utf-8") | Some("binary") | Some("latin1")
                | Some("ascii") => Some(Value::Bytes(s.as_bytes().to_vec())),
                Some("hex") => decode_hex(s).map(Value::Bytes),
                Some("base64") | Some("base64url") => decode_base64(s).map(Value::Bytes),
                _ => None,
            }
        }
        (
            "Buffer.from" | "Uint8Array.from" | "Uint8Array" | "Buffer.of" | "Uint8Array.of",
            Some(Value::List(items)),
        ) => bytes_of(items).map(Value::Bytes),
        ("Buffer.of" | "Uint8Array.of", Some(_)) => {
            let items: Vec<Value> = args.iter().map(|a| a.value.clone()).collect();
            bytes_of(&items).map(Value::Bytes)
        }
        ("Buffer.from", Some(b @ Value::Bytes(_))) => Some(b.clone()),
        (
            "Buffer.alloc" | "Buffer.allocUnsafe" | "Uint8Array" | "Int8Array" | "ArrayBuffer",
            Some(Value::Int(n)),
        ) if (0..=MAX_BYTES).contains(n) => {
            if callee == "Buffer.allocUnsafe" {
                return None;
            }
            let fill = match second {
                Some(Value::Int(f)) => u8::try_from(*f).ok()?,
                Some(Value::Str(s)) if s.len() == 1 => s.as_bytes()[0],
                None => 0,
                _ => return None,
            };
            Some(Value::Bytes(vec![fill; *n as usize]))
        }
        ("String", Some(s @ Value::Str(_))) => Some(s.clone()),
        ("Number" | "parseInt", Some(Value::Str(s))) => s.trim().parse().ok().map(Value::Int),
        ("Number" | "parseInt", Some(i @ Value::Int(_))) => Some(i.clone()),
        ("TextEncoder().encode", Some(Value::Str(s))) => Some(Value::Bytes(s.as_bytes().to_vec())),
        ("Object.assign", _) => {
            let mut entries = Vec::new();
            for a in args {
                match &a.value {
                    Value::Map(m) => entries.extend(m.iter().cloned()),
                    _ => return None,
                }
            }
            Some(Value::Map(entries.into()))
        }
        (c, Some(Value::Str(s))) if c.starts_with("crypto-js.enc.") && c.ends_with(".parse") => {
            match c {
                "crypto-js.enc.Hex.parse" => decode_hex(s).map(Value::Bytes),
                "crypto-js.enc.Base64.parse" => decode_base64(s).map(Value::Bytes),
                _ => Some(Value::Bytes(s.as_bytes().to_vec())),
            }
        }
        _ => None,
    }
}

/// JavaScript truthiness of a known value.
pub(super) fn truthiness(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::Int(i) => Some(*i != 0),
        Value::Float(f) => Some(*f != 0.0 && !f.is_nan()),
        Value::Str(s) => Some(!s.is_empty()),
        Value::Null => Some(false),
        Value::Map(_) | Value::List(_) | Value::Bytes(_) => Some(true),
        _ => None,
    }
}

/// The name of a property key: an identifier, a string or a number.
pub(super) fn property_name(key: Node, src: &str) -> Option<String> {
    match key.kind() {
        "property_identifier"
        | "identifier"
        | "shorthand_property_identifier"
        | "shorthand_property_identifier_pattern"
        | "private_property_identifier"
        | "number" => Some(text(key, src).to_string()),
        "string" => Some(string_text(key, src)),
        _ => None,
    }
}

/// The decoded text of a string literal node (or the text of any other node).
pub(super) fn string_text(node: Node, src: &str) -> String {
    if node.kind() != "string" {
        return text(node, src).to_string();
    }
    let mut out = String::new();
    for child in node.named_children() {
        match child.kind() {
            "string_fragment" => out.push_str(text(child, src)),
            "escape_sequence" => out.push_str(&unescape_javascript(text(child, src))),
            _ => out.push_str(text(child, src)),
        }
    }
    out
}

pub(super) fn parse_number(t: &str) -> Value {
    let t = t.replace('_', "");
    let t = t.trim_end_matches('n').to_ascii_lowercase();
    let radix = |p: &str, r: u32| i64::from_str_radix(p, r).map(Value::Int).ok();
    let parsed = if let Some(h) = t.strip_prefix("0x") {
        radix(h, 16)
    } else if let Some(o) = t.strip_prefix("0o") {
        radix(o, 8)
    } else if let Some(b) = t.strip_prefix("0b") {
        radix(b, 2)
    } else if let Ok(i) = t.parse::<i64>() {
        Some(Value::Int(i))
    } else {
        t.parse::<f64>().ok().map(|f| {
            if f.fract() == 0.0 && f.abs() < 9.0e15 {
                Value::Int(f as i64)
            } else {
                Value::Float(f)
            }
        })
    };
    parsed.unwrap_or(Value::Unknown)
}

impl Binding<'_> {
    /// The qualified name an import binding stands for.
    pub(super) fn import(&self) -> Option<&str> {
        match self {
            Binding::Import(q) => Some(q),
            _ => None,
        }
    }
}
