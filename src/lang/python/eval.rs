//! Constant evaluation of expressions: names through their single binding, attributes,
//! calls of well-known conversions, operators, strings with escapes and f-strings.

use std::sync::Arc;

use super::{Binding, Lowerer, MAX_BYTES, MAX_EVAL_DEPTH};
use crate::facts::{CallValue, Value, UNKNOWN_PART};
use crate::lang::flat::Node;
use crate::lang::scope::{agreed, agreed_return, Agreement, Key, ScopeId};
use crate::lang::tree::fields;
use crate::lang::values::{
    bytes_of, compact, concat, decode_base64, decode_hex, int_arith, is_constant, name_of, slice,
    unescape_python, Template,
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
            // A builtin or a name from a star import.
            return Value::Name(name.to_string());
        };
        if bindings.len() != 1 {
            // Reassigned: not a constant. An import bound twice to the same name still is.
            if let Some(q) = agreed(bindings, Binding::import) {
                return Value::Name(q.to_string());
            }
            // Straight-line module code: the latest binding before the use reaches it.
            return match reaching_module_binding(bindings, defining, scope, at) {
                Some((i, node)) => self
                    .once((defining, format!("{name}#{i}")), |this| {
                        this.eval(node, defining, depth + 1)
                    })
                    .unwrap_or(Value::Unknown),
                None => self.agreed_assignments(name, defining, depth),
            };
        }
        match bindings[0].clone() {
            Binding::Import(q) => Value::Name(q),
            Binding::Assign(node) | Binding::With(node) => self
                .once((defining, name.to_string()), |this| {
                    this.eval(node, defining, depth + 1)
                })
                .unwrap_or(Value::Unknown),
            Binding::Param {
                function,
                index,
                default,
            } => self
                .once((defining, name.to_string()), |this| {
                    this.parameter_value(name, defining, function, index, default, depth)
                })
                .unwrap_or(Value::Unknown),
            Binding::Class(_) => Value::Name(name.to_string()),
            Binding::Function(_) | Binding::Other => Value::Unknown,
        }
    }

    /// A name assigned more than once (a placeholder `None` at module level, then a value set
    /// through `global`): the constant every assignment but the `None`s agrees on, else
    /// unknown.
    fn agreed_assignments(&mut self, name: &str, defining: ScopeId, depth: usize) -> Value {
        let Some(bindings) = self.scopes.get(defining, name).cloned() else {
            return Value::Unknown;
        };
        let mut agreed = None;
        for (i, binding) in bindings.iter().enumerate() {
            let Binding::Assign(node) = binding else {
                return Value::Unknown;
            };
            let node = *node;
            let Some(v) = self.once((defining, format!("{name}#{i}")), |this| {
                this.eval(node, defining, depth + 1)
            }) else {
                return Value::Unknown;
            };
            match (&agreed, v) {
                (_, Value::Null) => {}
                (_, v) if !is_constant(&v) => return Value::Unknown,
                (None, v) => agreed = Some(v),
                (Some(a), v) if *a != v => return Value::Unknown,
                _ => {}
            }
        }
        agreed.unwrap_or(Value::Unknown)
    }

    /// What a call of a helper defined in this file returns: the constant (or qualified name)
    /// every `return` of its body agrees on. Generators, decorated helpers and helpers with a
    /// bare `return` are unknown.
    pub(super) fn helper_return(&mut self, function: Node<'t>, depth: usize) -> Option<Value> {
        if function
            .parent()
            .is_some_and(|p| p.kind() == "decorated_definition")
        {
            return None;
        }
        let scope = *self.opened.get(&function.id())?;
        let body = function.child_by_field_name("body")?;
        let mut returns = Vec::new();
        let mut stack = vec![body];
        while let Some(node) = stack.pop() {
            match node.kind() {
                "function_definition" | "lambda" | "class_definition" => continue,
                "yield" => return None,
                "return_statement" => returns.push(node.named_child(0)?),
                _ => stack.extend(node.named_children()),
            }
        }
        // The agreed value is remembered as an ordinary value; `Unknown` stands for none.
        let agreed = self.once((scope, "return".to_string()), |this| {
            let values = returns
                .into_iter()
                .map(|r| this.eval(r, scope, depth + 1))
                .collect();
            agreed_return(values).unwrap_or(Value::Unknown)
        })?;
        (agreed != Value::Unknown).then_some(agreed)
    }

    /// A parameter's value inside its function: the constant every call site in the file
    /// passes for it, or its default where a site passes nothing (a site passing the same
    /// constant is fine). A parameter without a default needs at least one call site. A
    /// decorated function (a route, a fixture) is called by something that may pass it, and a
    /// call through `*args` or `**kwargs` may pass anything: unknown.
    fn parameter_value(
        &mut self,
        name: &str,
        scope: ScopeId,
        function: Node<'t>,
        index: Option<usize>,
        default: Option<Node<'t>>,
        depth: usize,
    ) -> Value {
        if function
            .parent()
            .is_some_and(|p| p.kind() == "decorated_definition")
        {
            return Value::Unknown;
        }
        let outer = self.scopes.parent(scope).unwrap_or(0);
        let default = match default {
            Some(node) => {
                let value = self.eval(node, outer, depth + 1);
                if !is_constant(&value) {
                    return Value::Unknown;
                }
                Some(value)
            }
            None => None,
        };
        let Some(fname) = function.child_by_field_name("name").map(|n| self.text(n)) else {
            return Value::Unknown;
        };
        // A method's call sites pass `self` implicitly: its positional index is one less.
        let index = if self.self_class.contains_key(&scope) {
            match index {
                Some(0) => return Value::Unknown,
                i => i.map(|i| i - 1),
            }
        } else {
            index
        };
        let sites = self.calls.get(fname).cloned().unwrap_or_default();
        let method = self.self_class.contains_key(&scope);
        let mut agreement = Agreement::new(default);
        for (call, call_scope) in sites {
            // A function is called by its name, a method through an object: `x.get(...)`
            // calls some other `get` than a function `get`.
            let by_name = call
                .child_by_field_name("function")
                .is_some_and(|f| f.kind() == "identifier");
            if by_name == method {
                continue;
            }
            let Some(list) = call.child_by_field_name("arguments") else {
                continue;
            };
            if list.kind() != "argument_list" {
                return Value::Unknown;
            }
            let mut position = 0;
            let mut passed_here = None;
            for arg in list.named_children() {
                let here = match arg.kind() {
                    "list_splat" | "dictionary_splat" => return Value::Unknown,
                    "comment" => continue,
                    "keyword_argument" => {
                        let key = arg.child_by_field_name("name").map(|n| self.text(n));
                        if key != Some(name) {
                            continue;
                        }
                        arg.child_by_field_name("value")
                    }
                    _ => {
                        position += 1;
                        (Some(position - 1) == index).then_some(arg)
                    }
                };
                if here.is_some() {
                    passed_here = here;
                }
            }
            let passed = passed_here.map(|node| self.eval(node, call_scope, depth + 1));
            if !agreement.offer(passed) {
                return Value::Unknown;
            }
        }
        agreement.value()
    }

    /// `self.mode` in a method where the class body assigns `mode = ...` once, no method
    /// assigns `self.mode` and no class of the file derives from this one (and may override
    /// it).
    fn class_attribute_through_self(
        &mut self,
        attr: &str,
        scope: ScopeId,
        depth: usize,
    ) -> Option<Value> {
        let class = self.enclosing_self_class(scope)?;
        if self.scopes.get(class, &format!("self.{attr}")).is_some() {
            return None;
        }
        let name = self.class_names.get(&class)?;
        if self.base_names.contains(name) {
            return None;
        }
        self.class_assignment(class, attr, depth)
    }

    /// `Config.VERIFY` where `class Config: VERIFY = False` assigns it once.
    pub(super) fn class_constant(
        &mut self,
        class: Node<'t>,
        attr: &str,
        scope: ScopeId,
        depth: usize,
    ) -> Option<Value> {
        if class.kind() != "identifier" {
            return None;
        }
        let class_scope = match self.lookup(self.text(class), scope) {
            Some((_, [Binding::Class(s)])) => *s,
            _ => return None,
        };
        self.class_assignment(class_scope, attr, depth)
    }

    /// The value of `attr` in a class body that assigns it exactly once.
    fn class_assignment(&mut self, class: ScopeId, attr: &str, depth: usize) -> Option<Value> {
        let value = match self.scopes.get(class, attr).map(Vec::as_slice) {
            Some([Binding::Assign(v)]) => *v,
            _ => return None,
        };
        self.once((class, attr.to_string()), |this| {
            this.eval(value, class, depth + 1)
        })
    }

    /// A dotted name for a callee or attribute: qualified when resolvable, `?`-prefixed
    /// source text otherwise, and `callee()` for attributes of an instance.
    pub(super) fn qualified(&mut self, node: Node<'t>, scope: ScopeId, depth: usize) -> String {
        let value = self.eval(node, scope, depth);
        name_of(value, self.text(node))
    }

    /// Evaluates what `key` names once per file: the remembered value when there is one,
    /// `None` when `key` is already being evaluated (a cycle). Without the memo a chain of
    /// parameters whose call sites pass other parameters is evaluated once per path through
    /// it, which is exponential in the length of the chain.
    fn once(&mut self, key: Key, compute: impl FnOnce(&mut Self) -> Value) -> Option<Value> {
        if let Some(v) = self.evaluation.remembered(&key) {
            return Some(v.clone());
        }
        if !self.evaluation.enter(key) {
            return None;
        }
        let v = compute(self);
        self.evaluation.finish(&v);
        Some(v)
    }

    pub(super) fn eval(&mut self, node: Node<'t>, scope: ScopeId, depth: usize) -> Value {
        if depth > MAX_EVAL_DEPTH {
            self.evaluation.cut_by_depth();
            return Value::Unknown;
        }
        match node.kind() {
            "identifier" => {
                let name = self.text(node);
                self.resolve_identifier(name, scope, node.start_byte(), depth)
            }
            "attribute" => self.eval_attribute(node, scope, depth),
            "call" => self.eval_call(node, scope, depth),
            "string" => self.eval_string(node, scope, depth),
            "concatenated_string" => {
                let parts: Vec<_> = node
                    .named_children()
                    .filter(|c| c.kind() == "string")
                    .collect();
                let mut acc: Option<Value> = None;
                for part in parts {
                    let v = self.eval_string(part, scope, depth + 1);
                    acc = Some(match acc {
                        None => v,
                        Some(a) => concat(a, v, false),
                    });
                }
                acc.unwrap_or(Value::Unknown)
            }
            "integer" => parse_int(self.text(node))
                .map(Value::Int)
                .unwrap_or(Value::Unknown),
            "float" => self
                .text(node)
                .replace('_', "")
                .parse()
                .map(Value::Float)
                .unwrap_or(Value::Unknown),
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            "none" => Value::Null,
            "parenthesized_expression" | "await" | "expression_statement" => {
                match node.named_child(0) {
                    Some(inner) => self.eval(inner, scope, depth + 1),
                    None => Value::Unknown,
                }
            }
            "unary_operator" => {
                let operand = node
                    .child_by_field_name("argument")
                    .map(|a| self.eval(a, scope, depth + 1));
                let op = node.child_by_field_name("operator").map(|o| self.text(o));
                match (op, operand) {
                    (Some("-"), Some(Value::Int(i))) => Value::Int(-i),
                    (Some("+"), Some(v @ Value::Int(_))) => v,
                    _ => Value::Unknown,
                }
            }
            "binary_operator" => self.eval_binary(node, scope, depth),
            "subscript" => self.eval_subscript(node, scope, depth),
            "not_operator" => match node
                .child_by_field_name("argument")
                .map(|a| self.eval(a, scope, depth + 1))
            {
                Some(Value::Bool(b)) => Value::Bool(!b),
                _ => Value::Unknown,
            },
            "dictionary" => {
                // Pairs with a constant string key, and `**other` where `other` is a dict.
                let mut entries = Vec::new();
                for child in node.named_children().collect::<Vec<_>>() {
                    if child.kind() == "dictionary_splat" {
                        let more = child.named_child(0).map(|d| self.eval(d, scope, depth + 1));
                        if let Some(Value::Map(more)) = more {
                            entries.extend(more.iter().cloned());
                        }
                    } else if child.kind() == "pair" {
                        if let Some([k, v]) = fields(child, ["key", "value"]) {
                            if let Value::Str(k) = self.eval(k, scope, depth + 1) {
                                entries.push((k, self.eval(v, scope, depth + 1)));
                            }
                        }
                    }
                }
                Value::Map(entries.into())
            }
            "list" | "tuple" => {
                let children: Vec<_> = node
                    .named_children()
                    .filter(|c| c.kind() != "comment")
                    .collect();
                Value::List(
                    children
                        .into_iter()
                        .map(|c| self.eval(c, scope, depth + 1))
                        .collect::<Vec<_>>()
                        .into(),
                )
            }
            _ => Value::Unknown,
        }
    }

    pub(super) fn eval_attribute(&mut self, node: Node<'t>, scope: ScopeId, depth: usize) -> Value {
        let Some([object, attr]) = fields(node, ["object", "attribute"]) else {
            return Value::Unknown;
        };
        let attr = self.text(attr);
        if self.text(object) == "self" {
            if let Some(class) = self.enclosing_self_class(scope) {
                let key = format!("self.{attr}");
                if let Some(bindings) = self.scopes.get(class, &key) {
                    if let [Binding::Assign(value)] = bindings.as_slice() {
                        let value = *value;
                        if self.evaluation.enter((class, key)) {
                            let v = self.eval(value, scope, depth + 1);
                            self.evaluation.leave();
                            return match v {
                                v @ (Value::Call(_) | Value::Name(_)) => v,
                                Value::Unknown => Value::Name(format!("?self.{attr}")),
                                other => other,
                            };
                        }
                    }
                }
            }
        }
        if self.text(object) == "self" {
            if let Some(v) = self.class_attribute_through_self(attr, scope, depth) {
                return v;
            }
        }
        if let Some(v) = self.class_constant(object, attr, scope, depth) {
            return v;
        }
        match self.eval(object, scope, depth + 1) {
            Value::Name(base) => Value::Name(format!("{base}.{attr}")),
            Value::Call(c) => Value::Name(format!("{}().{attr}", c.callee)),
            _ => Value::Name(format!("?{}.{attr}", compact(self.text(object)))),
        }
    }

    /// The function a call's callee names, when it is defined in this file: `helper(...)`, or
    /// `self.helper(...)` in a method of the class defining it (no class of the file deriving
    /// from it).
    fn called_helper(&self, function: Node<'t>, scope: ScopeId) -> Option<Node<'t>> {
        let bindings = match function.kind() {
            "identifier" => self.lookup(self.text(function), scope)?.1,
            "attribute" => {
                let [object, attr] = fields(function, ["object", "attribute"])?;
                if self.text(object) != "self" {
                    return None;
                }
                let class = self.enclosing_self_class(scope)?;
                if self.base_names.contains(self.class_names.get(&class)?) {
                    // A subclass may override the method.
                    return None;
                }
                self.scopes.get(class, self.text(attr))?.as_slice()
            }
            _ => return None,
        };
        match bindings {
            [Binding::Function(def)] => Some(*def),
            _ => None,
        }
    }

    pub(super) fn enclosing_self_class(&self, scope: ScopeId) -> Option<ScopeId> {
        let mut current = Some(scope);
        while let Some(s) = current {
            if let Some(class) = self.self_class.get(&s) {
                return Some(*class);
            }
            current = self.scopes.parent(s);
        }
        None
    }

    pub(super) fn eval_call(&mut self, node: Node<'t>, scope: ScopeId, depth: usize) -> Value {
        let Some(function) = node.child_by_field_name("function") else {
            return Value::Unknown;
        };
        let args = match node.child_by_field_name("arguments") {
            Some(list) if list.kind() == "argument_list" => {
                self.args(list, scope, depth + 1, false)
            }
            _ => Vec::new(),
        };
        // Methods of constant strings and bytes.
        if function.kind() == "attribute" {
            if let Some([object, attr]) = fields(function, ["object", "attribute"]) {
                let method = self.text(attr);
                if matches!(
                    method,
                    "encode" | "decode" | "strip" | "lower" | "upper" | "rstrip" | "lstrip"
                ) {
                    match (self.eval(object, scope, depth + 1), method) {
                        (Value::Str(s), "encode") => return Value::Bytes(s.into_bytes()),
                        (Value::Bytes(b), "decode") => {
                            return Value::Str(String::from_utf8_lossy(&b).into_owned())
                        }
                        (Value::Str(s), "strip") => return Value::Str(s.trim().to_string()),
                        (Value::Str(s), "lower") => return Value::Str(s.to_lowercase()),
                        (Value::Str(s), "upper") => return Value::Str(s.to_uppercase()),
                        (Value::Str(_) | Value::Bytes(_), _) => return Value::Unknown,
                        _ => {}
                    }
                }
            }
        }
        if let Some(v) = self
            .called_helper(function, scope)
            .and_then(|def| self.helper_return(def, depth))
        {
            return v;
        }
        let callee = self.qualified(function, scope, depth + 1);
        // Only the callees matched below look at the first argument; cloning it for every call
        // made nested calls quadratic (each level copied the whole chain below it).
        let wants_first = matches!(
            callee.as_str(),
            "bytes"
                | "bytearray"
                | "bytes.fromhex"
                | "binascii.unhexlify"
                | "binascii.a2b_hex"
                | "codecs.decode"
                | "base64.b64decode"
                | "base64.urlsafe_b64decode"
                | "base64.standard_b64decode"
                | "str"
                | "int"
                | "dict"
        );
        let first = if wants_first {
            args.iter()
                .find(|a| a.index == Some(0))
                .map(|a| a.value.clone())
        } else {
            None
        };
        match (callee.as_str(), first) {
            ("bytes" | "bytearray", Some(Value::Int(n))) if (0..=MAX_BYTES).contains(&n) => {
                return Value::Bytes(vec![0; n as usize])
            }
            ("bytes" | "bytearray", Some(Value::List(items))) => {
                if let Some(bytes) = bytes_of(&items) {
                    return Value::Bytes(bytes);
                }
            }
            ("bytes" | "bytearray", Some(b @ Value::Bytes(_))) => return b,
            (
                "bytes.fromhex" | "binascii.unhexlify" | "binascii.a2b_hex" | "codecs.decode",
                Some(v),
            ) => {
                if let Some(bytes) = v.as_text().and_then(decode_hex).or_else(|| match &v {
                    Value::Bytes(b) => decode_hex(&String::from_utf8_lossy(b)),
                    _ => None,
                }) {
                    return Value::Bytes(bytes);
                }
            }
            (
                "base64.b64decode" | "base64.urlsafe_b64decode" | "base64.standard_b64decode",
                Some(v),
            ) => {
                let text = match &v {
                    Value::Str(s) => Some(s.clone()),
                    Value::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
                    _ => None,
                };
                if let Some(bytes) = text.and_then(|t| decode_base64(&t)) {
                    return Value::Bytes(bytes);
                }
            }
            ("str", Some(s @ Value::Str(_))) => return s,
            ("int", Some(i @ Value::Int(_))) => return i,
            ("dict", None) => {
                let entries: Vec<_> = args
                    .iter()
                    .filter_map(|a| a.name.clone().map(|n| (n, a.value.clone())))
                    .collect();
                if entries.len() == args.len() {
                    return Value::Map(entries.into());
                }
            }
            _ => {}
        }
        Value::Call(Arc::new(CallValue { callee, args }))
    }

    /// `b"..."[:16]`: a slice with constant bounds of a constant string or bytes.
    fn eval_subscript(&mut self, node: Node<'t>, scope: ScopeId, depth: usize) -> Value {
        let Some([value, sub]) = fields(node, ["value", "subscript"]) else {
            return Value::Unknown;
        };
        if node.children_by_field_name("subscript").count() != 1 {
            return Value::Unknown;
        }
        if sub.kind() != "slice" {
            // `conf["key"]`, `keys[0]`: an entry of a constant dict, list or tuple.
            let index = self.eval(sub, scope, depth + 1);
            return match (self.eval(value, scope, depth + 1), index) {
                (Value::Map(entries), Value::Str(key)) => entries
                    .iter()
                    .rev()
                    .find(|(k, _)| *k == key)
                    .map(|(_, v)| v.clone())
                    .unwrap_or(Value::Unknown),
                (Value::List(items), Value::Int(i)) => {
                    let i = if i < 0 { items.len() as i64 + i } else { i };
                    usize::try_from(i)
                        .ok()
                        .and_then(|i| items.get(i).cloned())
                        .unwrap_or(Value::Unknown)
                }
                _ => Value::Unknown,
            };
        }
        // `[a:b]`: the bounds are the named children around the one `:`; a step is refused.
        let mut bounds = [None, None];
        let mut part = 0;
        for child in sub.children() {
            if child.kind() == ":" {
                part += 1;
                if part > 1 {
                    return Value::Unknown;
                }
            } else if child.is_named() {
                match self.eval(child, scope, depth + 1) {
                    Value::Int(i) => bounds[part] = Some(i),
                    _ => return Value::Unknown,
                }
            }
        }
        let base = self.eval(value, scope, depth + 1);
        slice(&base, bounds[0], bounds[1]).unwrap_or(Value::Unknown)
    }

    pub(super) fn eval_binary(&mut self, node: Node<'t>, scope: ScopeId, depth: usize) -> Value {
        let Some([l, r, op]) = fields(node, ["left", "right", "operator"]) else {
            return Value::Unknown;
        };
        let op = self.text(op);
        let left = self.eval(l, scope, depth + 1);
        let right = self.eval(r, scope, depth + 1);
        match (op, left, right) {
            ("+", a @ (Value::Str(_) | Value::Partial(_)), b)
            | ("+", a, b @ (Value::Str(_) | Value::Partial(_))) => concat(a, b, false),
            ("+", Value::Bytes(mut a), Value::Bytes(b)) => {
                a.extend(b);
                Value::Bytes(a)
            }
            ("*", Value::Bytes(b), Value::Int(n)) | ("*", Value::Int(n), Value::Bytes(b))
                if n >= 0 && (b.len() as i64) * n <= MAX_BYTES =>
            {
                Value::Bytes(b.repeat(n as usize))
            }
            ("*", Value::Str(s), Value::Int(n)) if n >= 0 && (s.len() as i64) * n <= MAX_BYTES => {
                Value::Str(s.repeat(n as usize))
            }
            ("%", Value::Str(s), _) => Value::Partial(percent_format(&s)),
            ("//", Value::Int(a), Value::Int(b)) if b != 0 => Value::Int(a.div_euclid(b)),
            (op, Value::Int(a), Value::Int(b)) => int_arith(op, a, b, 62),
            _ => Value::Unknown,
        }
    }

    pub(super) fn eval_string(&mut self, node: Node<'t>, scope: ScopeId, depth: usize) -> Value {
        let raw = self.text(node);
        let prefix: String = raw
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect::<String>()
            .to_ascii_lowercase();
        let is_bytes = prefix.contains('b');
        let is_raw = prefix.contains('r');
        let mut out = Template::default();
        let mut bytes = Vec::new();
        let children: Vec<_> = node.named_children().collect();
        for child in children {
            match child.kind() {
                "string_content" => {
                    // Escape sequences are separate children; content may still hold some
                    // when the grammar folds them (raw strings).
                    let t = self.text(child);
                    if is_bytes {
                        bytes.extend_from_slice(t.as_bytes());
                    } else {
                        out.text.push_str(t);
                    }
                    let escapes: Vec<_> = child.named_children().collect();
                    if !escapes.is_empty() {
                        // Re-decode the whole content with escapes.
                        let decoded = if is_raw {
                            t.as_bytes().to_vec()
                        } else {
                            unescape_python(t)
                        };
                        if is_bytes {
                            bytes.truncate(bytes.len() - t.len());
                            bytes.extend(decoded);
                        } else {
                            out.text.truncate(out.text.len() - t.len());
                            out.text.push_str(&String::from_utf8_lossy(&decoded));
                        }
                    }
                }
                "escape_sequence" => {
                    let decoded = unescape_python(self.text(child));
                    if is_bytes {
                        bytes.extend(decoded);
                    } else {
                        out.text.push_str(&String::from_utf8_lossy(&decoded));
                    }
                }
                "interpolation" => {
                    let value = child
                        .child_by_field_name("expression")
                        .map(|e| self.eval(e, scope, depth + 1));
                    out.interpolate(value, false);
                }
                _ => {}
            }
        }
        if is_bytes {
            Value::Bytes(bytes)
        } else {
            out.finish()
        }
    }
}

/// The binding of a module-level name assigned more than once that reaches a use at byte
/// `at` in module code, with its index: every binding must be an assignment in straight-line
/// module code (not under `if`, `for`, `try`, `with`), and the use must follow one of them.
fn reaching_module_binding<'t>(
    bindings: &[Binding<'t>],
    defining: ScopeId,
    scope: ScopeId,
    at: usize,
) -> Option<(usize, Node<'t>)> {
    if defining != 0 || scope != 0 {
        return None;
    }
    let mut reaching = None;
    for (i, b) in bindings.iter().enumerate() {
        let Binding::Assign(value) = b else {
            return None;
        };
        let statement = value.parent().filter(|a| a.kind() == "assignment")?;
        let top = statement
            .parent()
            .filter(|e| e.kind() == "expression_statement")?;
        if top.parent().map(|m| m.kind()) != Some("module") {
            return None;
        }
        if statement.end_byte() <= at {
            reaching = Some((i, *value));
        }
    }
    reaching
}

/// `"http://%s/x" % host`: the template with every conversion unknown.
fn percent_format(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '%' {
            if chars.peek() == Some(&'%') {
                chars.next();
                out.push('%');
                continue;
            }
            while let Some(&n) = chars.peek() {
                chars.next();
                if n.is_ascii_alphabetic() {
                    break;
                }
            }
            out.push(UNKNOWN_PART);
        } else {
            out.push(c);
        }
    }
    out
}

fn parse_int(t: &str) -> Option<i64> {
    let t = t.replace('_', "").to_ascii_lowercase();
    let t = t.trim_end_matches('l');
    if let Some(h) = t.strip_prefix("0x") {
        i64::from_str_radix(h, 16).ok()
    } else if let Some(o) = t.strip_prefix("0o") {
        i64::from_str_radix(o, 8).ok()
    } else if let Some(b) = t.strip_prefix("0b") {
        i64::from_str_radix(b, 2).ok()
    } else {
        t.parse().ok()
    }
}
