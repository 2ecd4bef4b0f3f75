//! Expressions: their values (literals, names through scopes, package-level constants and
//! imports, conversions, `append`, `make`, `hex.DecodeString`, `fmt.Sprintf`, operators),
//! and the facts they make as they are evaluated: every call, and every composite literal of
//! a named type as a call of that type with its fields as named arguments.

use std::sync::Arc;

use super::{Lowerer, MAX_BYTES, MAX_DEPTH, MAX_STEPS};
use crate::facts::{Arg, Call, CallValue, Value};
use crate::lang::flat::Node;
use crate::lang::scope::ScopeId;
use crate::lang::ts::{span, text};
use crate::lang::values::{
    bytes_of, capped, compact, concat, decode_base64, decode_hex, int_arith, is_constant, name_of,
    positional, slice, str_or_partial, unescape_python, Template,
};

/// Longest argument text copied into a fact.
const ARG_TEXT_MAX: usize = 256;

/// The value of a function literal (its body runs where it is written).
pub const FUNCTION: &str = "(function)";

impl<'t> Lowerer<'t> {
    pub(super) fn eval(&mut self, node: Node<'t>, scope: ScopeId, depth: usize) -> Value {
        self.steps += 1;
        if depth > MAX_DEPTH || self.steps > MAX_STEPS {
            return Value::Unknown;
        }
        match node.kind() {
            "identifier" => self.identifier(self.text(node), scope),
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            "nil" => Value::Null,
            "iota" => self.iota.map(Value::Int).unwrap_or_default(),
            "int_literal" => parse_int(self.text(node)),
            "float_literal" => self
                .text(node)
                .replace('_', "")
                .parse()
                .map(Value::Float)
                .unwrap_or_default(),
            "rune_literal" => {
                let t = self.text(node);
                let inner = t.get(1..t.len().saturating_sub(1)).unwrap_or("");
                let bytes = unescape_python(inner);
                match String::from_utf8_lossy(&bytes).chars().collect::<Vec<_>>()[..] {
                    [c] => Value::Int(c as i64),
                    _ => Value::Unknown,
                }
            }
            "interpreted_string_literal" | "raw_string_literal" => {
                Value::Str(string_literal(node, self.src))
            }
            "parenthesized_expression" => match node.named_child(0) {
                Some(inner) => self.eval(inner, scope, depth + 1),
                None => Value::Unknown,
            },
            "selector_expression" => {
                let (Some(operand), Some(field)) = (
                    node.child_by_field_name("operand"),
                    node.child_by_field_name("field"),
                ) else {
                    return Value::Unknown;
                };
                let base = self.eval(operand, scope, depth + 1);
                let field = self.text(field);
                // The field of one of the file's struct types that no literal set: an
                // instance of its declared type (`b.gcm` of `type Box struct{ gcm cipher.AEAD }`).
                if let Value::Call(c) = &base {
                    if !c.args.iter().any(|a| a.name.as_deref() == Some(field)) {
                        if let Some(ty) = self.fields.get(&format!("{}.{field}", c.callee)) {
                            let ty = *ty;
                            if let v @ Value::Call(_) = self.declared_type(Some(ty)) {
                                return v;
                            }
                        }
                    }
                }
                member(base, field, self.text(operand))
            }
            "index_expression" => {
                let (Some(operand), Some(index)) = (
                    node.child_by_field_name("operand"),
                    node.child_by_field_name("index"),
                ) else {
                    return Value::Unknown;
                };
                let base = self.eval(operand, scope, depth + 1);
                let index = self.eval(index, scope, depth + 1);
                match (base, index) {
                    (Value::Map(m), Value::Str(k)) => m
                        .iter()
                        .rev()
                        .find(|(key, _)| *key == k)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default(),
                    (Value::Bytes(b), Value::Int(i)) => usize::try_from(i)
                        .ok()
                        .and_then(|i| b.get(i))
                        .map(|x| Value::Int(i64::from(*x)))
                        .unwrap_or_default(),
                    (Value::List(l), Value::Int(i)) => usize::try_from(i)
                        .ok()
                        .and_then(|i| l.get(i).cloned())
                        .unwrap_or_default(),
                    _ => Value::Unknown,
                }
            }
            "slice_expression" => {
                let Some(operand) = node.child_by_field_name("operand") else {
                    return Value::Unknown;
                };
                let base = self.eval(operand, scope, depth + 1);
                let mut bound = |field: &str| -> Result<Option<i64>, ()> {
                    match node.child_by_field_name(field) {
                        None => Ok(None),
                        Some(n) => match self.eval(n, scope, depth + 1) {
                            Value::Int(i) if i >= 0 => Ok(Some(i)),
                            _ => Err(()),
                        },
                    }
                };
                match (bound("start"), bound("end")) {
                    (Ok(a), Ok(b)) => slice(&base, a, b).unwrap_or_default(),
                    _ => Value::Unknown,
                }
            }
            "unary_expression" => {
                let Some(operand) = node.child_by_field_name("operand") else {
                    return Value::Unknown;
                };
                let op = node
                    .child_by_field_name("operator")
                    .map(|o| self.text(o))
                    .unwrap_or("");
                let v = self.eval(operand, scope, depth + 1);
                match (op, v) {
                    // `&T{...}` is the literal itself, as far as lints care.
                    ("&", v) => v,
                    ("!", Value::Bool(b)) => Value::Bool(!b),
                    ("-", Value::Int(i)) => Value::Int(i.wrapping_neg()),
                    ("-", Value::Float(f)) => Value::Float(-f),
                    ("+", v @ (Value::Int(_) | Value::Float(_))) => v,
                    ("^", Value::Int(i)) => Value::Int(!i),
                    _ => Value::Unknown,
                }
            }
            "binary_expression" => self.binary(node, scope, depth),
            "call_expression" => self.call(node, scope, depth),
            "type_conversion_expression" => {
                let (Some(ty), Some(operand)) = (
                    node.child_by_field_name("type"),
                    node.child_by_field_name("operand"),
                ) else {
                    return Value::Unknown;
                };
                let v = self.eval(operand, scope, depth + 1);
                convert(self.text(ty), v)
            }
            "composite_literal" => self.composite(node, scope, depth),
            "func_literal" => {
                self.run_function(node, Some(scope), depth);
                Value::Name(FUNCTION.into())
            }
            "type_assertion_expression" => {
                if let Some(operand) = node.child_by_field_name("operand") {
                    self.eval(operand, scope, depth + 1);
                }
                Value::Unknown
            }
            _ => {
                // Anything else is not followed, but the calls inside it are facts.
                let children: Vec<_> = node.named_children().collect();
                for child in children {
                    self.eval(child, scope, depth + 1);
                }
                Value::Unknown
            }
        }
    }

    /// A name: a local's current value, a package-level constant or variable assigned
    /// nowhere, an imported package, or (through a dot import) a member of one.
    fn identifier(&mut self, name: &str, scope: ScopeId) -> Value {
        if let Some((_, v)) = self.scopes.lookup(name, scope) {
            return v.clone();
        }
        if let Some(global) = self.globals.get(name).copied() {
            if self.reassigned.contains(name) || global.tuple {
                return Value::Unknown;
            }
            let Some(expr) = global.value else {
                return Value::Unknown;
            };
            let key = (0, name.to_string());
            if let Some(v) = self.evaluation.remembered(&key) {
                return v.clone();
            }
            if !self.evaluation.enter(key.clone()) {
                return Value::Unknown;
            }
            let outer = self.iota.replace(global.iota);
            let v = self.eval(expr, 0, 0);
            self.iota = outer;
            self.evaluation.leave();
            self.evaluation.remember(key, v.clone());
            return v;
        }
        if let Some(path) = self.imports.get(name) {
            return Value::Name(path.clone());
        }
        if let Some(path) = self.dot_imports.first() {
            if name.starts_with(|c: char| c.is_ascii_uppercase()) {
                return Value::Name(format!("{path}.{name}"));
            }
        }
        Value::Name(name.to_string())
    }

    fn binary(&mut self, node: Node<'t>, scope: ScopeId, depth: usize) -> Value {
        let (Some(l), Some(r), Some(op)) = (
            node.child_by_field_name("left"),
            node.child_by_field_name("right"),
            node.child_by_field_name("operator"),
        ) else {
            return Value::Unknown;
        };
        let op = self.text(op);
        let a = self.eval(l, scope, depth + 1);
        let b = self.eval(r, scope, depth + 1);
        match (op, a, b) {
            ("+", a, b) => add(a, b),
            ("&&", Value::Bool(x), Value::Bool(y)) => Value::Bool(x && y),
            ("||", Value::Bool(x), Value::Bool(y)) => Value::Bool(x || y),
            ("==", x, y) if is_constant(&x) && is_constant(&y) => Value::Bool(x == y),
            ("!=", x, y) if is_constant(&x) && is_constant(&y) => Value::Bool(x != y),
            (op, Value::Int(x), Value::Int(y)) => match op {
                "/" if y != 0 => Value::Int(x / y),
                "%" if y != 0 => Value::Int(x % y),
                "|" => Value::Int(x | y),
                "&" => Value::Int(x & y),
                ">>" if (0..64).contains(&y) => Value::Int(x >> y),
                _ => int_arith(op, x, y, 62),
            },
            _ => Value::Unknown,
        }
    }

    fn call(&mut self, node: Node<'t>, scope: ScopeId, depth: usize) -> Value {
        let Some(function) = node.child_by_field_name("function") else {
            return Value::Unknown;
        };
        let arg_nodes: Vec<Node<'t>> = node
            .child_by_field_name("arguments")
            .map(|a| {
                a.named_children()
                    .filter(|c| c.kind() != "comment")
                    .collect()
            })
            .unwrap_or_default();
        // `[]byte("k")` and `(*T)(x)` parse as calls of a type.
        if matches!(
            function.kind(),
            "slice_type" | "array_type" | "parenthesized_type" | "pointer_type" | "map_type"
        ) {
            let v = match arg_nodes.first() {
                Some(a) => self.eval(*a, scope, depth + 1),
                None => Value::Unknown,
            };
            return convert(self.text(function), v);
        }
        // A function literal called where it is written: what it returns, when every way
        // out returns the same kind of constant.
        if function.kind() == "func_literal" {
            for a in &arg_nodes {
                self.eval(*a, scope, depth + 1);
            }
            let returns = self.run_function(function, Some(scope), depth);
            let mut it = returns.into_iter();
            let first = it.next().unwrap_or_default();
            return it.fold(first, join);
        }
        let callee_value = self.eval(function, scope, depth + 1);
        let callee = name_of(callee_value, self.text(function));
        let mut args = Vec::with_capacity(arg_nodes.len());
        let mut index = Some(0usize);
        for a in &arg_nodes {
            let (expr, spread) = match a.kind() {
                "variadic_argument" => match a.named_child(0) {
                    Some(inner) => (inner, true),
                    None => continue,
                },
                _ => (*a, false),
            };
            let value = self.eval(expr, scope, depth + 1);
            let text = capped(self.text(*a), ARG_TEXT_MAX).to_string();
            let i = if spread { None } else { index };
            args.push(positional(i, value, span(*a), None, text));
            index = index.map(|i| i + 1);
        }
        if self.emitted.insert(node.id()) {
            self.facts.calls.push(Call {
                callee: callee.clone(),
                args: args.clone(),
                span: span(node),
                callee_span: span(function),
            });
        }
        let value = builtin(&callee, &args, &arg_nodes);
        self.forget_written(&callee, &arg_nodes, scope);
        value.unwrap_or_else(|| Value::Call(Arc::new(CallValue { callee, args })))
    }

    /// `T{...}`: bytes for a byte slice or array, a list for other slices, a map for a map,
    /// and for a named type a call of it with its fields as named arguments (a fact too).
    fn composite(&mut self, node: Node<'t>, scope: ScopeId, depth: usize) -> Value {
        let ty = node.child_by_field_name("type");
        let body = node.child_by_field_name("body");
        self.literal(node, ty, body, scope, depth)
    }

    /// A literal of type `ty` (`None`: not known) with the elements of `body`; `node` is
    /// where it is written (the body alone, for an element whose type is elided).
    pub(super) fn literal(
        &mut self,
        node: Node<'t>,
        ty: Option<Node<'t>>,
        body: Option<Node<'t>>,
        scope: ScopeId,
        depth: usize,
    ) -> Value {
        if depth > MAX_DEPTH {
            return Value::Unknown;
        }
        let ty_kind = ty.map(|t| t.kind()).unwrap_or("");
        // The type of an element written without one (`[]*tls.Config{{...}}`).
        let elem = ty
            .and_then(|t| {
                t.child_by_field_name("element")
                    .or(t.child_by_field_name("value"))
            })
            .map(|e| match e.kind() {
                "pointer_type" => e.named_child(0).unwrap_or(e),
                _ => e,
            });
        let elements: Vec<Node<'t>> = body
            .map(|b| {
                b.named_children()
                    .filter(|c| c.kind() != "comment")
                    .collect()
            })
            .unwrap_or_default();
        let mut keyed: Vec<(Option<String>, Value, Node<'t>)> = Vec::new();
        for e in &elements {
            match e.kind() {
                "keyed_element" => {
                    let (Some(k), Some(v)) =
                        (e.child_by_field_name("key"), e.child_by_field_name("value"))
                    else {
                        continue;
                    };
                    let key_node = k.named_child(0).unwrap_or(k);
                    let key = match key_node.kind() {
                        "identifier" | "field_identifier" => Some(self.text(key_node).to_string()),
                        _ => match self.eval(key_node, scope, depth + 1) {
                            Value::Str(s) => Some(s),
                            Value::Int(i) => Some(i.to_string()),
                            _ => None,
                        },
                    };
                    let value = self.element(v, elem, scope, depth);
                    keyed.push((key, value, *e));
                }
                _ => {
                    let value = self.element(*e, elem, scope, depth);
                    keyed.push((None, value, *e));
                }
            }
        }
        let ty_text = ty.map(|t| self.text(t)).unwrap_or("");
        match ty_kind {
            "slice_type" | "array_type" | "implicit_length_array_type" => {
                let items: Vec<Value> = keyed.into_iter().map(|(_, v, _)| v).collect();
                if is_byte_type(element_type(ty_text)) {
                    if items.is_empty() {
                        if let Some(n) = ty
                            .and_then(|t| t.child_by_field_name("length"))
                            .map(|l| self.eval(l, scope, depth + 1))
                        {
                            if let Value::Int(n) = n {
                                if (0..=MAX_BYTES).contains(&n) {
                                    return Value::Bytes(vec![0; n as usize]);
                                }
                            }
                            return Value::Unknown;
                        }
                    }
                    return bytes_of(&items).map(Value::Bytes).unwrap_or_default();
                }
                Value::List(items.into())
            }
            "map_type" => Value::Map(
                keyed
                    .into_iter()
                    .filter_map(|(k, v, _)| Some((k?, v)))
                    .collect::<Vec<_>>()
                    .into(),
            ),
            "qualified_type" | "type_identifier" | "generic_type" => {
                let callee = match ty {
                    Some(t) => self.type_name(t, scope),
                    None => return Value::Unknown,
                };
                let mut index = 0usize;
                let args: Vec<Arg> = keyed
                    .into_iter()
                    .map(|(k, value, e)| {
                        let text = capped(self.text(e), ARG_TEXT_MAX).to_string();
                        match k {
                            Some(name) => Arg {
                                name: Some(name),
                                index: None,
                                value,
                                span: span(e),
                                origin: None,
                                text,
                            },
                            None => {
                                index += 1;
                                positional(Some(index - 1), value, span(e), None, text)
                            }
                        }
                    })
                    .collect();
                if self.emitted.insert(node.id()) {
                    self.facts.calls.push(Call {
                        callee: callee.clone(),
                        args: args.clone(),
                        span: span(node),
                        callee_span: ty.map(span).unwrap_or_else(|| span(node)),
                    });
                }
                Value::Call(Arc::new(CallValue { callee, args }))
            }
            _ => Value::Unknown,
        }
    }

    /// A literal element: an expression, or a nested literal whose type is elided.
    fn element(
        &mut self,
        e: Node<'t>,
        elem: Option<Node<'t>>,
        scope: ScopeId,
        depth: usize,
    ) -> Value {
        if depth > MAX_DEPTH {
            return Value::Unknown;
        }
        let inner = if e.kind() == "literal_element" {
            match e.named_child(0) {
                Some(i) => i,
                None => return Value::Unknown,
            }
        } else {
            e
        };
        if inner.kind() == "literal_value" {
            return self.literal(inner, elem, Some(inner), scope, depth + 1);
        }
        self.eval(inner, scope, depth + 1)
    }

    /// The qualified name of a type (`crypto/tls.Config`, a local `Options`).
    pub(super) fn type_name(&mut self, ty: Node<'t>, scope: ScopeId) -> String {
        match ty.kind() {
            "qualified_type" => {
                let (Some(pkg), Some(name)) = (
                    ty.child_by_field_name("package"),
                    ty.child_by_field_name("name"),
                ) else {
                    return compact(self.text(ty));
                };
                let pkg_name = self.text(pkg);
                match self.imports.get(pkg_name) {
                    Some(path) => format!("{path}.{}", self.text(name)),
                    None => format!("?{pkg_name}.{}", self.text(name)),
                }
            }
            "generic_type" => match ty.child_by_field_name("type") {
                Some(t) => self.type_name(t, scope),
                None => compact(self.text(ty)),
            },
            _ => {
                let name = self.text(ty);
                match self.dot_imports.first() {
                    Some(path)
                        if !self.globals.contains_key(name)
                            && self.scopes.lookup(name, scope).is_none()
                            && name.starts_with(|c: char| c.is_ascii_uppercase())
                            && !self.declares_type(name) =>
                    {
                        format!("{path}.{name}")
                    }
                    _ => name.to_string(),
                }
            }
        }
    }

    /// Does the file declare the type `name`? (Then a dot import does not name it.)
    fn declares_type(&self, name: &str) -> bool {
        let needle = format!("type {name} ");
        self.src.contains(&needle)
    }
}

/// What a variable declared with type `ty` and no value stands for, as far as lints care:
/// an instance of a named type from a package (`gcm cipher.AEAD`, `c *http.Client`), so its
/// methods are named after it (`crypto/cipher.AEAD().Seal`); anything else is not known.
pub(super) fn instance_of(ty: Option<&str>) -> Value {
    match ty {
        Some(name) if !name.starts_with('?') && name.contains('.') => {
            Value::Call(Arc::new(CallValue {
                callee: name.to_string(),
                args: Vec::new(),
            }))
        }
        _ => Value::Unknown,
    }
}

/// The value of a conversion `T(v)`: bytes of a string for `[]byte`, text of bytes for
/// `string`, the value itself for numeric types.
fn convert(ty: &str, v: Value) -> Value {
    let ty = compact(ty);
    let ty = ty.trim_start_matches('(').trim_end_matches(')');
    match (ty, v) {
        ("[]byte" | "[]uint8", Value::Str(s)) => Value::Bytes(s.into_bytes()),
        ("[]byte" | "[]uint8", b @ Value::Bytes(_)) => b,
        ("string", Value::Bytes(b)) => Value::Str(String::from_utf8_lossy(&b).into_owned()),
        ("string", s @ (Value::Str(_) | Value::Partial(_))) => s,
        (
            "int" | "int8" | "int16" | "int32" | "int64" | "uint" | "uint8" | "uint16" | "uint32"
            | "uint64" | "byte" | "rune" | "uintptr",
            v @ (Value::Int(_) | Value::Name(_)),
        ) => v,
        ("float32" | "float64", Value::Int(i)) => Value::Float(i as f64),
        ("float32" | "float64", f @ Value::Float(_)) => f,
        ("bool", b @ Value::Bool(_)) => b,
        _ => Value::Unknown,
    }
}

/// The values of builtins and well-known conversions: `make([]byte, n)` (zero bytes; a
/// block of zeros when `n` is not known, since every run gets the same zeros), `append`,
/// `len`, `hex.DecodeString`, base64 decoding, `fmt.Sprintf` and `strings.Repeat`.
fn builtin(callee: &str, args: &[Arg], nodes: &[Node]) -> Option<Value> {
    let at = |i: usize| args.iter().find(|a| a.index == Some(i)).map(|a| &a.value);
    match callee {
        "make" => {
            // Only byte buffers: a slice of anything else is not key or IV material.
            let ty = nodes.first()?;
            let text = compact(&args.first()?.text);
            if ty.kind() != "slice_type" || !matches!(text.as_str(), "[]byte" | "[]uint8") {
                return None;
            }
            match at(1) {
                Some(Value::Int(n)) if (0..=MAX_BYTES).contains(n) => {
                    Some(Value::Bytes(vec![0; *n as usize]))
                }
                Some(Value::Int(_)) => Some(Value::Unknown),
                _ => Some(Value::Bytes(vec![0; 16])),
            }
        }
        "append" => {
            let mut out = match at(0)? {
                Value::Null => Vec::new(),
                Value::Bytes(b) => b.clone(),
                _ => return Some(Value::Unknown),
            };
            for a in &args[1..] {
                match (&a.value, a.index) {
                    (Value::Bytes(b), None) => out.extend_from_slice(b),
                    (Value::Str(s), None) => out.extend_from_slice(s.as_bytes()),
                    (Value::Int(i), Some(_)) => out.push(u8::try_from(*i).ok()?),
                    _ => return Some(Value::Unknown),
                }
            }
            Some(Value::Bytes(out))
        }
        "len" => match at(0)? {
            Value::Str(s) => Some(Value::Int(s.len() as i64)),
            Value::Bytes(b) => Some(Value::Int(b.len() as i64)),
            Value::List(l) => Some(Value::Int(l.len() as i64)),
            _ => Some(Value::Unknown),
        },
        "encoding/hex.DecodeString" => match at(0)? {
            Value::Str(s) => decode_hex(s).map(Value::Bytes),
            _ => None,
        },
        c if c.starts_with("encoding/base64.") && c.ends_with(".DecodeString") => match at(0)? {
            Value::Str(s) => decode_base64(s).map(Value::Bytes),
            _ => None,
        },
        "fmt.Sprintf" => match at(0)? {
            Value::Str(f) => Some(sprintf(f, &args[1..])),
            _ => None,
        },
        "strings.Repeat" => match (at(0)?, at(1)?) {
            (Value::Str(s), Value::Int(n)) if (0..=1024).contains(n) => {
                Some(Value::Str(s.repeat(*n as usize)))
            }
            _ => None,
        },
        _ => None,
    }
}

/// `fmt.Sprintf` of constant arguments; a verb whose argument is not known leaves an
/// unknown part.
fn sprintf(format: &str, args: &[Arg]) -> Value {
    let mut out = Template::default();
    let mut values = args.iter().map(|a| a.value.clone());
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.text.push(c);
            continue;
        }
        if chars.peek() == Some(&'%') {
            chars.next();
            out.text.push('%');
            continue;
        }
        // Flags, width and precision, then the verb.
        while chars.peek().is_some_and(|c| "+-# 0123456789.".contains(*c)) {
            chars.next();
        }
        let verb = chars.next();
        let value = values.next();
        match (verb, value) {
            (Some('s' | 'v' | 'd'), Some(v @ (Value::Str(_) | Value::Int(_)))) => {
                out.interpolate(Some(v), false)
            }
            (Some('t' | 'v'), Some(Value::Bool(b))) => out.text.push_str(&b.to_string()),
            _ => out.interpolate(None, false),
        }
    }
    out.finish()
}

/// `a + b`: string concatenation or integer addition.
pub(super) fn add(a: Value, b: Value) -> Value {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => int_arith("+", x, y, 62),
        (Value::Float(x), Value::Float(y)) => Value::Float(x + y),
        (a @ (Value::Str(_) | Value::Partial(_)), b)
        | (a, b @ (Value::Str(_) | Value::Partial(_))) => match concat(a, b, false) {
            Value::Partial(s) | Value::Str(s) => str_or_partial(s),
            v => v,
        },
        _ => Value::Unknown,
    }
}

/// What a name holds after a branch that may or may not have assigned it: the value when
/// both agree, either of two literal strings or byte strings (every run gets one of two
/// constants), and otherwise not known.
pub(super) fn join(a: Value, b: Value) -> Value {
    if a == b {
        return a;
    }
    match (&a, &b) {
        (Value::Bytes(_), Value::Bytes(_)) | (Value::Str(_), Value::Str(_)) => a,
        _ => Value::Unknown,
    }
}

/// `base.field`: a member of an imported package, the field of a literal (or the method of
/// its type, `crypto/md5.New().Sum`), or an unresolved `?x.field`.
fn member(base: Value, field: &str, operand_text: &str) -> Value {
    match base {
        Value::Name(b) => Value::Name(format!("{b}.{field}")),
        Value::Call(c) => c
            .args
            .iter()
            .rev()
            .find(|a| a.name.as_deref() == Some(field))
            .map(|a| a.value.clone())
            .unwrap_or_else(|| Value::Name(format!("{}().{field}", c.callee))),
        Value::Map(m) => m
            .iter()
            .rev()
            .find(|(k, _)| k == field)
            .map(|(_, v)| v.clone())
            .unwrap_or_default(),
        _ => Value::Name(format!("?{}.{field}", compact(operand_text))),
    }
}

/// The name of the object whose field `target` (`x.f`) assigns, as [`member`] would give
/// `x` a prefix.
pub(super) fn name_of_object(object: Value, target_text: &str, field: &str) -> String {
    let operand = target_text
        .strip_suffix(field)
        .map(|t| t.trim_end().trim_end_matches('.'))
        .unwrap_or(target_text);
    name_of(object, operand)
}

/// A literal with its field `field` set to `value`.
pub(super) fn member_named(c: &CallValue, field: &str, value: Value) -> Value {
    let mut args: Vec<Arg> = c
        .args
        .iter()
        .filter(|a| a.name.as_deref() != Some(field))
        .cloned()
        .collect();
    args.push(Arg {
        name: Some(field.to_string()),
        index: None,
        value,
        span: Default::default(),
        origin: None,
        text: String::new(),
    });
    Value::Call(Arc::new(CallValue {
        callee: c.callee.clone(),
        args,
    }))
}

/// The text of a string literal, escapes decoded.
pub(super) fn string_literal(node: Node, src: &str) -> String {
    let t = text(node, src);
    if node.kind() == "raw_string_literal" {
        return t.trim_matches('`').replace('\r', "");
    }
    let inner = t.strip_prefix('"').unwrap_or(t);
    let inner = inner.strip_suffix('"').unwrap_or(inner);
    String::from_utf8_lossy(&unescape_python(inner)).into_owned()
}

fn element_type(ty: &str) -> &str {
    ty.rsplit(']').next().unwrap_or(ty).trim()
}

fn is_byte_type(t: &str) -> bool {
    matches!(t, "byte" | "uint8")
}

/// A Go integer literal: decimal, `0x`, `0o`, `0b`, old-style octal `0644`, `_` separators.
fn parse_int(t: &str) -> Value {
    let t = t.replace('_', "").to_ascii_lowercase();
    let (digits, radix) = match t.as_bytes() {
        [b'0', b'x', ..] => (&t[2..], 16),
        [b'0', b'o', ..] => (&t[2..], 8),
        [b'0', b'b', ..] => (&t[2..], 2),
        [b'0', _, ..] => (&t[1..], 8),
        _ => (&t[..], 10),
    };
    i64::from_str_radix(digits, radix)
        .map(Value::Int)
        .unwrap_or_default()
}
