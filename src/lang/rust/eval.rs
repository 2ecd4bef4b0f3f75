//! Constant evaluation of expressions: literals, locals and constants, transparent wrappers
//! (`String::from`, `.to_vec()`), byte arrays, `hex!`/`hex::decode`, `concat!` and `format!`.

use foldhash::{HashMap, HashMapExt};
use std::sync::Arc;

use proc_macro2::{TokenStream, TokenTree};
use syn::punctuated::Punctuated;
use syn::{Expr, Lit, Member, Stmt};

use super::*;
use crate::facts::{Arg, CallValue, Span, Value, UNKNOWN_PART};
use crate::lang::values::{bytes_of, positional};

impl<'s> Lowerer<'s> {
    pub(super) fn eval(&mut self, e: &Expr, depth: usize) -> Value {
        if depth > MAX_EVAL_DEPTH {
            return Value::Unknown;
        }
        match e {
            Expr::Lit(l) => lit_value(&l.lit),
            Expr::Path(p) => self.eval_path(p, depth),
            Expr::Reference(r) => self.eval(&r.expr, depth + 1),
            Expr::Paren(p) => self.eval(&p.expr, depth + 1),
            Expr::Group(g) => self.eval(&g.expr, depth + 1),
            Expr::Try(t) => self.eval(&t.expr, depth + 1),
            Expr::Cast(c) => self.eval(&c.expr, depth + 1),
            Expr::Unary(u) => match u.op {
                syn::UnOp::Deref(_) => self.eval(&u.expr, depth + 1),
                syn::UnOp::Neg(_) => match self.eval(&u.expr, depth + 1) {
                    Value::Int(i) => Value::Int(i.wrapping_neg()),
                    Value::Float(f) => Value::Float(-f),
                    _ => Value::Unknown,
                },
                syn::UnOp::Not(_) => match self.eval(&u.expr, depth + 1) {
                    Value::Bool(b) => Value::Bool(!b),
                    _ => Value::Unknown,
                },
                _ => Value::Unknown,
            },
            Expr::Array(a) => {
                let items: Vec<Value> = a.elems.iter().map(|x| self.eval(x, depth + 1)).collect();
                bytes_or_list(items)
            }
            Expr::Repeat(r) => {
                let elem = self.eval(&r.expr, depth + 1);
                let len = self.eval(&r.len, depth + 1);
                match (elem, len) {
                    (Value::Int(b), Value::Int(n))
                        if (0..=255).contains(&b) && (0..=MAX_BYTES).contains(&n) =>
                    {
                        Value::Bytes(vec![b as u8; n as usize])
                    }
                    _ => Value::Unknown,
                }
            }
            Expr::Tuple(t) => Value::List(
                t.elems
                    .iter()
                    .map(|x| self.eval(x, depth + 1))
                    .collect::<Vec<_>>()
                    .into(),
            ),
            Expr::Binary(b) => match b.op {
                syn::BinOp::Add(_) => {
                    let l = self.eval(&b.left, depth + 1);
                    let r = self.eval(&b.right, depth + 1);
                    match (l, r) {
                        (Value::Int(x), Value::Int(y)) => Value::Int(x.wrapping_add(y)),
                        (l, r) => match (text_part(&l), text_part(&r)) {
                            (Some(a), Some(b)) => str_or_partial(format!("{a}{b}")),
                            _ => Value::Unknown,
                        },
                    }
                }
                syn::BinOp::Mul(_) => match (
                    self.eval(&b.left, depth + 1),
                    self.eval(&b.right, depth + 1),
                ) {
                    (Value::Int(x), Value::Int(y)) => Value::Int(x.wrapping_mul(y)),
                    _ => Value::Unknown,
                },
                _ => Value::Unknown,
            },
            Expr::Block(b) if b.block.stmts.len() == 1 => match &b.block.stmts[0] {
                Stmt::Expr(x, None) => self.eval(x, depth + 1),
                _ => Value::Unknown,
            },
            Expr::Unsafe(b) if b.block.stmts.len() == 1 => match &b.block.stmts[0] {
                Stmt::Expr(x, None) => self.eval(x, depth + 1),
                _ => Value::Unknown,
            },
            Expr::Call(c) => {
                let Expr::Path(p) = &*c.func else {
                    return Value::Unknown;
                };
                let callee = self.expr_path_name(p);
                if c.args.len() == 1 {
                    let last = callee.rsplit('.').next().unwrap_or("");
                    let transparent = TRANSPARENT_FNS.contains(&callee.as_str())
                        || callee.ends_with("GenericArray.from_slice")
                        || callee.ends_with("GenericArray.clone_from_slice")
                        || callee.ends_with("GenericArray.from_array")
                        || callee.ends_with("GenericArray.from");
                    // A URL parsed from a string is still that string to a lint.
                    let url = [
                        "Url.parse",
                        "Uri.from_static",
                        "Uri.try_from",
                        "Uri.from_str",
                    ]
                    .iter()
                    .any(|s| callee == *s || callee.ends_with(&format!(".{s}")));
                    if transparent || url {
                        return self.eval(&c.args[0], depth + 1);
                    }
                    if callee == "hex.decode" || (last == "decode" && callee.starts_with("hex")) {
                        if let Value::Str(s) = self.eval(&c.args[0], depth + 1) {
                            if let Some(b) = decode_hex(&s) {
                                return Value::Bytes(b);
                            }
                        }
                    }
                }
                if callee == "None" {
                    return Value::Null;
                }
                let args = self.args(c.args.iter(), depth + 1);
                Value::Call(Arc::new(CallValue { callee, args }))
            }
            Expr::MethodCall(m) => {
                let method = m.method.to_string();
                if TRANSPARENT_METHODS.contains(&method.as_str()) {
                    return self.eval(&m.receiver, depth + 1);
                }
                if method == "parse" && m.args.is_empty() {
                    // `"http://..".parse::<Uri>()`: the text it was parsed from.
                    return match self.eval(&m.receiver, depth + 1) {
                        v @ (Value::Str(_) | Value::Partial(_)) => v,
                        _ => Value::Unknown,
                    };
                }
                if matches!(method.as_str(), "as_bytes" | "into_bytes" | "to_bytes") {
                    return match self.eval(&m.receiver, depth + 1) {
                        Value::Str(s) => Value::Bytes(s.into_bytes()),
                        v @ Value::Bytes(_) => v,
                        _ => Value::Unknown,
                    };
                }
                let recv = self
                    .chain_name(&m.receiver, depth + 1)
                    .unwrap_or_else(|| "_".into());
                let args = self.args(m.args.iter(), depth + 1);
                Value::Call(Arc::new(CallValue {
                    callee: format!("{recv}.{method}"),
                    args,
                }))
            }
            Expr::Macro(m) => self.eval_macro(&m.mac, depth + 1),
            Expr::Struct(s) => {
                let mut entries = Vec::new();
                for f in &s.fields {
                    if let Member::Named(i) = &f.member {
                        let v = self.eval(&f.expr, depth + 1);
                        entries.push((i.to_string(), v));
                    }
                }
                Value::Map(entries.into())
            }
            _ => Value::Unknown,
        }
    }

    pub(super) fn eval_path(&mut self, p: &syn::ExprPath, depth: usize) -> Value {
        if p.qself.is_none() && p.path.segments.len() == 1 {
            let id = p.path.segments[0].ident.to_string();
            if let Some(local) = self.lookup(&id) {
                return local.value.clone();
            }
            if id == "None" {
                return Value::Null;
            }
            if let Some(v) = self.eval_const(&id, depth) {
                return v;
            }
        } else if let Some(last) = p.path.segments.last() {
            // `Self::KEY`, `config::KEY`: a constant of this file by its last segment.
            let id = last.ident.to_string();
            let local_prefix = p.path.segments.first().is_some_and(|f| {
                let first = f.ident.to_string();
                matches!(first.as_str(), "Self" | "self" | "crate" | "super")
                    || self.local_mods.contains(&first)
            });
            if local_prefix {
                if let Some(v) = self.eval_const(&id, depth) {
                    return v;
                }
            }
        }
        Value::Name(self.expr_path_name(p))
    }

    pub(super) fn eval_const(&mut self, id: &str, depth: usize) -> Option<Value> {
        let (expr, _) = self.consts.get(id)?.clone();
        if !self.evaluation.enter((0, id.to_string())) {
            return Some(Value::Unknown);
        }
        let v = self.eval(&expr, depth + 1);
        self.evaluation.leave();
        Some(v)
    }

    /// Where a value came from when it was defined elsewhere: a constant or a `let`.
    pub(super) fn origin(&self, e: &Expr) -> Option<Span> {
        let mut e = e;
        for _ in 0..16 {
            match e {
                Expr::Reference(r) => e = &r.expr,
                Expr::Paren(p) => e = &p.expr,
                Expr::Unary(u) => e = &u.expr,
                Expr::Try(t) => e = &t.expr,
                Expr::MethodCall(m)
                    if TRANSPARENT_METHODS.contains(&m.method.to_string().as_str()) =>
                {
                    e = &m.receiver
                }
                Expr::Path(p) if p.qself.is_none() => {
                    let id = p.path.segments.last()?.ident.to_string();
                    if p.path.segments.len() == 1 {
                        if let Some(l) = self.lookup(&id) {
                            return l.origin;
                        }
                    }
                    return self.consts.get(&id).map(|(_, s)| *s);
                }
                _ => return None,
            }
        }
        None
    }

    pub(super) fn args<'e>(
        &mut self,
        args: impl Iterator<Item = &'e Expr>,
        depth: usize,
    ) -> Vec<Arg> {
        let mut out = Vec::new();
        for (i, a) in args.enumerate() {
            let span = self.expr_span(a);
            let value = self.eval(a, depth);
            out.push(positional(
                Some(i),
                value,
                span,
                self.origin(a),
                self.text(span),
            ));
        }
        out
    }

    pub(super) fn eval_macro(&mut self, mac: &syn::Macro, depth: usize) -> Value {
        let name = mac
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default();
        match name.as_str() {
            "hex" => {
                let mut s = String::new();
                for tt in mac.tokens.clone() {
                    if let TokenTree::Literal(l) = tt {
                        match Lit::new(l) {
                            Lit::Str(ls) => s.push_str(&ls.value()),
                            _ => return Value::Unknown,
                        }
                    }
                }
                decode_hex(&s).map(Value::Bytes).unwrap_or(Value::Unknown)
            }
            "vec" => {
                if let Ok(r) = syn::parse2::<syn::ExprRepeat>(bracketed(&mac.tokens)) {
                    return self.eval(&Expr::Repeat(r), depth + 1);
                }
                match parse_exprs(&mac.tokens) {
                    Some(items) => {
                        let vals = items.iter().map(|x| self.eval(x, depth + 1)).collect();
                        bytes_or_list(vals)
                    }
                    None => Value::Unknown,
                }
            }
            "concat" => {
                let Some(items) = parse_exprs(&mac.tokens) else {
                    return Value::Unknown;
                };
                let mut s = String::new();
                for x in &items {
                    let v = self.eval(x, depth + 1);
                    match text_part(&v) {
                        Some(t) => s.push_str(&t),
                        None => s.push(UNKNOWN_PART),
                    }
                }
                str_or_partial(s)
            }
            "format" => {
                let Some(items) = parse_exprs(&mac.tokens) else {
                    return Value::Unknown;
                };
                self.eval_format(&items, depth + 1)
            }
            _ => Value::Unknown,
        }
    }

    pub(super) fn eval_format(&mut self, items: &[Expr], depth: usize) -> Value {
        let Some(Expr::Lit(syn::ExprLit {
            lit: Lit::Str(fmt), ..
        })) = items.first()
        else {
            return Value::Unknown;
        };
        let fmt = fmt.value();
        let mut positional = Vec::new();
        let mut named = HashMap::new();
        for x in &items[1..] {
            match x {
                Expr::Assign(a) => {
                    if let Expr::Path(p) = &*a.left {
                        let key = ident_path(&p.path).join("::");
                        let v = self.eval(&a.right, depth + 1);
                        named.insert(key, v);
                    }
                }
                _ => positional.push(self.eval(x, depth + 1)),
            }
        }
        let mut out = String::new();
        let mut next = 0;
        let mut chars = fmt.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    out.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    out.push('}');
                }
                '{' => {
                    let mut spec = String::new();
                    for c in chars.by_ref() {
                        if c == '}' {
                            break;
                        }
                        spec.push(c);
                    }
                    let key = spec.split(':').next().unwrap_or("").trim().to_string();
                    let v = if key.is_empty() {
                        next += 1;
                        positional.get(next - 1).cloned()
                    } else if let Ok(i) = key.parse::<usize>() {
                        positional.get(i).cloned()
                    } else if let Some(v) = named.get(&key) {
                        Some(v.clone())
                    } else if let Some(l) = self.lookup(&key) {
                        Some(l.value.clone())
                    } else {
                        self.eval_const(&key, depth + 1)
                    };
                    match v.as_ref().and_then(text_part) {
                        Some(t) => out.push_str(&t),
                        None => out.push(UNKNOWN_PART),
                    }
                }
                c => out.push(c),
            }
        }
        str_or_partial(out)
    }
}

pub(super) fn lit_value(lit: &Lit) -> Value {
    match lit {
        Lit::Str(s) => Value::Str(s.value()),
        Lit::ByteStr(b) => Value::Bytes(b.value()),
        Lit::CStr(c) => Value::Bytes(c.value().into_bytes()),
        Lit::Byte(b) => Value::Int(i64::from(b.value())),
        Lit::Char(c) => Value::Str(c.value().to_string()),
        Lit::Int(i) => i
            .base10_parse::<i64>()
            .map(Value::Int)
            .unwrap_or(Value::Unknown),
        Lit::Float(f) => f
            .base10_parse::<f64>()
            .map(Value::Float)
            .unwrap_or(Value::Unknown),
        Lit::Bool(b) => Value::Bool(b.value),
        _ => Value::Unknown,
    }
}

/// An array of small integers is bytes (`[0u8; 16]`, `[1, 2, 3]`); anything else a list.
pub(super) fn bytes_or_list(items: Vec<Value>) -> Value {
    match bytes_of(&items) {
        Some(bytes) if !items.is_empty() => Value::Bytes(bytes),
        _ => Value::List(items.into()),
    }
}

/// Comma-separated expressions of a macro's tokens (`format!`, `vec!`, `assert!`), or `None`
/// when the tokens are not expressions.
pub(super) fn parse_exprs(tokens: &TokenStream) -> Option<Vec<Expr>> {
    let parser = Punctuated::<Expr, syn::Token![,]>::parse_terminated;
    syn::parse::Parser::parse2(parser, tokens.clone())
        .ok()
        .map(|p| p.into_iter().collect())
}

pub(super) fn bracketed(tokens: &TokenStream) -> TokenStream {
    let g = proc_macro2::Group::new(proc_macro2::Delimiter::Bracket, tokens.clone());
    TokenStream::from(TokenTree::Group(g))
}
