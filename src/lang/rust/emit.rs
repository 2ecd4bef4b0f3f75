//! The walk: items, functions, blocks, statements and expressions, emitting calls,
//! assignments, records, struct entries, functions and test spans as it goes.

use proc_macro2::{TokenStream, TokenTree};
use syn::punctuated::Punctuated;

use syn::{
    Attribute, Block, Expr, ExprClosure, Fields, GenericArgument, ImplItem, Item, Member, Pat,
    PathArguments, ReturnType, Stmt, Type,
};

use super::*;
use crate::facts::{Assign, Call, Entry, Field, Function, Record, Span, Value};

impl<'s> Lowerer<'s> {
    pub(super) fn items(&mut self, items: &[Item]) {
        for item in items {
            self.item(item);
        }
    }

    pub(super) fn item(&mut self, item: &Item) {
        if self.depth > MAX_WALK_DEPTH {
            return;
        }
        self.depth += 1;
        let attrs: &[Attribute] = match item {
            Item::Fn(f) => &f.attrs,
            Item::Mod(m) => &m.attrs,
            Item::Impl(i) => &i.attrs,
            Item::Const(c) => &c.attrs,
            Item::Static(s) => &s.attrs,
            Item::Struct(s) => &s.attrs,
            Item::Use(u) => &u.attrs,
            _ => &[],
        };
        if is_test_attr(attrs) {
            let span = self.span(item);
            self.facts.test_spans.push(span);
        }
        match item {
            // `use` inside a function body: known from here on.
            Item::Use(u) => self.collect_use(&u.tree, Vec::new()),
            Item::Fn(f) => {
                let name = f.sig.ident.to_string();
                self.function(name, None, &f.sig, &f.block);
            }
            Item::Mod(m) => {
                if let Some((_, items)) = &m.content {
                    self.items(items);
                }
            }
            Item::Impl(i) => {
                let saved = self.impl_ctx.clone();
                self.impl_ctx = ImplCtx {
                    self_ty: self.type_name(&i.self_ty).unwrap_or_default(),
                    trait_: i.trait_.as_ref().map(|(p, _)| self.path_name(p)),
                };
                for it in &i.items {
                    match it {
                        ImplItem::Fn(f) => {
                            if is_test_attr(&f.attrs) {
                                let span = self.span(f);
                                self.facts.test_spans.push(span);
                            }
                            let name = format!("{}.{}", self.impl_ctx.self_ty, f.sig.ident);
                            let implements = self.impl_ctx.trait_.clone();
                            self.function(name, implements, &f.sig, &f.block);
                        }
                        ImplItem::Const(c) => self.expr(&c.expr),
                        _ => {}
                    }
                }
                self.impl_ctx = saved;
            }
            Item::Trait(t) => {
                for it in &t.items {
                    if let syn::TraitItem::Fn(f) = it {
                        if let Some(b) = &f.default {
                            let name = format!("{}.{}", t.ident, f.sig.ident);
                            self.function(name, None, &f.sig, b);
                        }
                    }
                }
            }
            Item::Const(c) => self.const_item(&c.ident, &c.expr, item),
            Item::Static(s) => self.const_item(&s.ident, &s.expr, item),
            Item::Struct(s) => self.record(s),
            Item::Macro(m) if self.diesel_tables(&m.mac) => {}
            Item::Macro(m) => self.macro_body(&m.mac),
            _ => {}
        }
        self.depth -= 1;
    }

    pub(super) fn const_item(&mut self, ident: &syn::Ident, expr: &Expr, item: &Item) {
        let value = self.eval(expr, 0);
        let span = self.span(item);
        let value_span = self.expr_span(expr);
        self.facts.assigns.push(Assign {
            target: ident.to_string(),
            value,
            span,
            value_span,
        });
        self.expr(expr);
    }

    pub(super) fn record(&mut self, s: &syn::ItemStruct) {
        let Fields::Named(named) = &s.fields else {
            return;
        };
        let mut bases = Vec::new();
        for a in &s.attrs {
            let path = self.path_name(a.path());
            if path == "derive" {
                if let syn::Meta::List(list) = &a.meta {
                    let parsed = list
                        .parse_args_with(Punctuated::<syn::Path, syn::Token![,]>::parse_terminated);
                    if let Ok(paths) = parsed {
                        for p in &paths {
                            bases.push(self.path_name(p));
                        }
                    }
                }
            } else {
                bases.push(path);
            }
        }
        let fields = named
            .named
            .iter()
            .filter_map(|f| {
                let name = f.ident.as_ref()?.to_string();
                let ty_span = self.span(&f.ty);
                // `#[sea_orm(column_type = "Binary")]`, `#[serde(skip)]`: as written.
                // The type as written too: `type_name` keeps only the outer path of
                // `Option<String>`.
                let written = self.text(ty_span);
                let annotations = std::iter::once(written)
                    .chain(f.attrs.iter().map(|a| self.text(self.span(a))))
                    .collect();
                Some(Field {
                    name,
                    ty: self.type_name(&f.ty).unwrap_or_else(|| self.text(ty_span)),
                    annotations,
                    span: self.span(f),
                })
            })
            .collect();
        let span = self.span(s);
        self.facts.records.push(Record {
            name: s.ident.to_string(),
            bases,
            fields,
            span,
        });
    }

    /// Generic arguments of a type (`cbc::Encryptor<des::TdesEde3>`) as argument-less calls.
    pub(super) fn generic_args_of_type(&mut self, ty: &Type) {
        if let Type::Path(p) = ty {
            self.generic_args(&p.path);
        }
    }

    /// Qualified names of a path's generic type arguments.
    pub(super) fn generic_names(&self, path: &syn::Path) -> Vec<String> {
        let mut out = Vec::new();
        for seg in &path.segments {
            let PathArguments::AngleBracketed(ab) = &seg.arguments else {
                continue;
            };
            for ga in &ab.args {
                if let GenericArgument::Type(Type::Path(tp)) = ga {
                    if tp.qself.is_none() {
                        out.push(self.path_name(&tp.path));
                    }
                }
            }
        }
        out
    }

    /// A call through a generic type alias (`DesCbc::new(..)`) instantiates the alias's
    /// generic arguments here.
    pub(super) fn alias_use(&mut self, path: &syn::Path) {
        let Some(first) = path.segments.first() else {
            return;
        };
        let ident = first.ident.to_string();
        let span = self.span(&first.ident);
        let mut found = Vec::new();
        for a in self.alias_generics.iter_mut().filter(|a| a.0 == ident) {
            a.3 = true;
            found.extend(a.1.iter().cloned());
        }
        for callee in found {
            self.facts.calls.push(Call {
                callee,
                args: Vec::new(),
                span,
                callee_span: span,
            });
        }
    }

    /// Generic aliases never used in this file are instantiated where they are declared.
    pub(super) fn unused_aliases(&mut self) {
        for (_, generics, span, used) in std::mem::take(&mut self.alias_generics) {
            if used {
                continue;
            }
            for callee in generics {
                self.facts.calls.push(Call {
                    callee,
                    args: Vec::new(),
                    span,
                    callee_span: span,
                });
            }
        }
    }

    pub(super) fn generic_args(&mut self, path: &syn::Path) {
        for seg in &path.segments {
            let PathArguments::AngleBracketed(ab) = &seg.arguments else {
                continue;
            };
            for ga in &ab.args {
                if let GenericArgument::Type(Type::Path(tp)) = ga {
                    if tp.qself.is_some() {
                        continue;
                    }
                    let span = self.span(tp);
                    let callee = self.path_name(&tp.path);
                    self.facts.calls.push(Call {
                        callee,
                        args: Vec::new(),
                        span,
                        callee_span: span,
                    });
                }
            }
        }
    }

    pub(super) fn function(
        &mut self,
        name: String,
        implements: Option<String>,
        sig: &syn::Signature,
        block: &Block,
    ) {
        // Names assigned after their `let` in this function are not constants here.
        let mut assigned = Assigned::default();
        syn::visit::Visit::visit_block(&mut assigned, block);
        let saved = std::mem::replace(&mut self.reassigned, assigned.names);
        self.open_scope();
        for input in &sig.inputs {
            match input {
                syn::FnArg::Typed(pt) => {
                    let ty = self.type_name(&pt.ty);
                    for id in pat_idents(&pt.pat) {
                        self.bind(
                            id,
                            Local {
                                value: Value::Unknown,
                                name: ty.clone(),
                                origin: None,
                            },
                        );
                    }
                }
                syn::FnArg::Receiver(_) => {}
            }
        }
        let returns = self.returns_of_block(block, matches!(sig.output, ReturnType::Default));
        let span = self.span(&sig.ident);
        let body_span = self.span(block);
        self.facts.functions.push(Function {
            name,
            implements: implements.into_iter().collect(),
            returns,
            span: Span::new(span.start, body_span.end),
        });
        self.block_stmts(&block.stmts);
        self.close_scope();
        self.reassigned = saved;
    }

    pub(super) fn block(&mut self, b: &Block) {
        self.open_scope();
        self.block_stmts(&b.stmts);
        self.close_scope();
    }

    pub(super) fn block_stmts(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            match s {
                Stmt::Local(local) => {
                    if is_test_attr(&local.attrs) {
                        let span = self.span(local);
                        self.facts.test_spans.push(span);
                    }
                    if let Some(init) = &local.init {
                        self.expr(&init.expr);
                        if let Some((_, div)) = &init.diverge {
                            self.expr(div);
                        }
                    }
                    self.let_binding(&local.pat, local.init.as_ref().map(|i| &*i.expr));
                }
                Stmt::Item(item) => self.item(item),
                Stmt::Expr(e, _) => self.expr(e),
                Stmt::Macro(m) => {
                    if is_test_attr(&m.attrs) {
                        let span = self.span(m);
                        self.facts.test_spans.push(span);
                    }
                    self.macro_body(&m.mac)
                }
            }
        }
    }

    pub(super) fn let_binding(&mut self, pat: &Pat, init: Option<&Expr>) {
        let (inner, ty) = match pat {
            Pat::Type(pt) => (&*pt.pat, Some(&*pt.ty)),
            _ => (pat, None),
        };
        if let Some(ty) = ty {
            self.generic_args_of_type(ty);
        }
        match (inner, init) {
            (Pat::Ident(pi), Some(init)) if pi.subpat.is_none() => {
                let id = pi.ident.to_string();
                // A reassigned name may hold something else by the time a method is called
                // on it (`ftp = ftp.into_secure(..)?`): only its declared type names it.
                let name = if self.reassigned.contains(&id) {
                    ty.and_then(|t| self.type_name(t))
                } else {
                    self.chain_name(init, 0)
                        .or_else(|| ty.and_then(|t| self.type_name(t)))
                };
                // `let mut iv = [0u8; 16]; rng.fill_bytes(&mut iv);` or `let mut n =
                // Nonce::default(); n[4..].copy_from_slice(iv);`: a mutable buffer can be
                // filled in place, so its initial value is not its value.
                let value = if self.reassigned.contains(&id) {
                    Value::Unknown
                } else {
                    match self.eval(init, 0) {
                        Value::Bytes(_) | Value::List(_) | Value::Call(_)
                            if pi.mutability.is_some() =>
                        {
                            Value::Unknown
                        }
                        v => v,
                    }
                };
                let origin = Some(self.expr_span(init));
                self.bind(
                    id,
                    Local {
                        value,
                        name,
                        origin,
                    },
                );
            }
            (Pat::Ident(pi), None) => {
                let name = ty.and_then(|t| self.type_name(t));
                self.bind(
                    pi.ident.to_string(),
                    Local {
                        value: Value::Unknown,
                        name,
                        origin: None,
                    },
                );
            }
            _ => self.bind_unknown_pat(inner),
        }
    }

    pub(super) fn macro_body(&mut self, mac: &syn::Macro) {
        if let Some(items) = parse_exprs(&mac.tokens) {
            for x in &items {
                match x {
                    // `format!("{}", x = expr)`: the named argument's expression.
                    Expr::Assign(a) => self.expr(&a.right),
                    _ => self.expr(x),
                }
            }
        } else if let Ok(r) = syn::parse2::<syn::ExprRepeat>(bracketed(&mac.tokens)) {
            self.expr(&r.expr);
        } else {
            // Item-like macros: `thread_local!` holds plain `static` items, `lazy_static!`
            // holds `static ref` items (read as `static` once `ref` is dropped).
            let tokens: TokenStream = mac
                .tokens
                .clone()
                .into_iter()
                .filter(|t| !matches!(t, TokenTree::Ident(i) if i == "ref"))
                .collect();
            if let Ok(file) = syn::parse2::<syn::File>(tokens) {
                self.collect_items(&file.items, 0);
                self.items(&file.items);
            }
        }
    }

    pub(super) fn expr(&mut self, e: &Expr) {
        if self.depth > MAX_WALK_DEPTH {
            return;
        }
        self.depth += 1;
        self.expr_inner(e);
        self.depth -= 1;
    }

    pub(super) fn expr_inner(&mut self, e: &Expr) {
        match e {
            Expr::Call(c) => {
                if let Expr::Path(p) = &*c.func {
                    let callee = self.expr_path_name(p);
                    self.generic_args(&p.path);
                    self.alias_use(&p.path);
                    let args = self.args(c.args.iter(), 0);
                    let span = self.expr_span(e);
                    let callee_span = self.expr_span(&c.func);
                    self.facts.calls.push(Call {
                        callee,
                        args,
                        span,
                        callee_span,
                    });
                } else {
                    self.expr(&c.func);
                }
                for a in &c.args {
                    self.expr(a);
                }
            }
            Expr::MethodCall(m) => {
                let recv = self
                    .chain_name(&m.receiver, 0)
                    .unwrap_or_else(|| "_".into());
                let callee = format!("{recv}.{}", m.method);
                let args = self.args(m.args.iter(), 0);
                let callee_span = self.span(&m.method);
                let whole = self.expr_span(e);
                self.facts.calls.push(Call {
                    callee,
                    args,
                    span: Span::new(callee_span.start, whole.end),
                    callee_span,
                });
                self.expr(&m.receiver);
                for a in &m.args {
                    self.expr(a);
                }
            }
            Expr::Struct(s) => {
                let ty = self.path_name(&s.path);
                for f in &s.fields {
                    if let Member::Named(i) = &f.member {
                        let value = self.eval(&f.expr, 0);
                        let span = self.span(f);
                        self.facts.entries.push(Entry {
                            path: format!("{ty}.{i}"),
                            key: i.to_string(),
                            value,
                            span,
                        });
                    }
                    self.expr(&f.expr);
                }
                if let Some(rest) = &s.rest {
                    self.expr(rest);
                }
            }
            Expr::Assign(a) => {
                self.expr(&a.right);
                let target = match &*a.left {
                    Expr::Path(_) | Expr::Field(_) => self.chain_name(&a.left, 0),
                    _ => None,
                };
                if let Some(target) = target {
                    let value = self.eval(&a.right, 0);
                    let span = self.expr_span(e);
                    let value_span = self.expr_span(&a.right);
                    self.facts.assigns.push(Assign {
                        target,
                        value,
                        span,
                        value_span,
                    });
                }
                self.expr(&a.left);
            }
            Expr::Closure(c) => self.closure(c),
            Expr::Block(b) => self.block(&b.block),
            Expr::Unsafe(b) => self.block(&b.block),
            Expr::Async(b) => self.block(&b.block),
            Expr::Const(b) => self.block(&b.block),
            Expr::TryBlock(b) => self.block(&b.block),
            Expr::Loop(l) => self.block(&l.body),
            Expr::While(w) => {
                self.expr(&w.cond);
                self.block(&w.body);
            }
            Expr::ForLoop(f) => {
                self.expr(&f.expr);
                self.open_scope();
                self.bind_unknown_pat(&f.pat);
                self.block_stmts(&f.body.stmts);
                self.close_scope();
            }
            Expr::If(i) => {
                self.expr(&i.cond);
                if is_cfg_test(&i.cond) {
                    let span = self.span(&i.then_branch);
                    self.facts.test_spans.push(span);
                }
                self.open_scope();
                if let Expr::Let(l) = &*i.cond {
                    self.bind_unknown_pat(&l.pat);
                }
                self.block_stmts(&i.then_branch.stmts);
                self.close_scope();
                if let Some((_, els)) = &i.else_branch {
                    self.expr(els);
                }
            }
            Expr::Match(m) => {
                self.expr(&m.expr);
                for arm in &m.arms {
                    self.open_scope();
                    self.bind_unknown_pat(&arm.pat);
                    if let Pat::Guard(g) = &arm.pat {
                        self.expr(&g.guard);
                    }
                    self.expr(&arm.body);
                    self.close_scope();
                }
            }
            Expr::Let(l) => self.expr(&l.expr),
            Expr::Macro(m) => self.macro_body(&m.mac),
            Expr::Array(a) => a.elems.iter().for_each(|x| self.expr(x)),
            Expr::Tuple(t) => t.elems.iter().for_each(|x| self.expr(x)),
            Expr::Binary(b) => {
                self.expr(&b.left);
                self.expr(&b.right);
            }
            Expr::Unary(u) => self.expr(&u.expr),
            Expr::Reference(r) => self.expr(&r.expr),
            Expr::Paren(p) => self.expr(&p.expr),
            Expr::Group(g) => self.expr(&g.expr),
            Expr::Try(t) => self.expr(&t.expr),
            Expr::Await(a) => self.expr(&a.base),
            Expr::Cast(c) => self.expr(&c.expr),
            Expr::Field(f) => self.expr(&f.base),
            Expr::Index(i) => {
                self.expr(&i.expr);
                self.expr(&i.index);
            }
            Expr::Repeat(r) => self.expr(&r.expr),
            Expr::Return(r) => {
                if let Some(x) = &r.expr {
                    self.expr(x);
                }
            }
            Expr::Break(b) => {
                if let Some(x) = &b.expr {
                    self.expr(x);
                }
            }
            Expr::Range(r) => {
                if let Some(x) = &r.start {
                    self.expr(x);
                }
                if let Some(x) = &r.end {
                    self.expr(x);
                }
            }
            Expr::Yield(y) => {
                if let Some(x) = &y.expr {
                    self.expr(x);
                }
            }
            _ => {}
        }
    }

    pub(super) fn closure(&mut self, c: &ExprClosure) {
        self.open_scope();
        for p in &c.inputs {
            self.bind_unknown_pat(p);
        }
        let returns = self.returns_of_expr(&c.body);
        let span = self.span(c);
        self.facts.functions.push(Function {
            name: "<closure>".into(),
            implements: Vec::new(),
            returns,
            span,
        });
        self.expr(&c.body);
        self.close_scope();
    }
}
