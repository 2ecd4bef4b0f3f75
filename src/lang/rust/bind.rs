//! The pre-pass: `use` items (renames and groups), `const`/`static` items, type aliases,
//! local modules, and the names assigned after their `let` (never constants).

use foldhash::HashSet;

use syn::{Expr, ImplItem, Item, Pat, Type, UseTree};

use super::*;

impl<'s> Lowerer<'s> {
    pub(super) fn collect_items(&mut self, items: &[Item], depth: usize) {
        if depth > 32 {
            return;
        }
        for item in items {
            match item {
                Item::Use(u) => self.collect_use(&u.tree, Vec::new()),
                Item::Const(c) => {
                    let span = self.expr_span(&c.expr);
                    self.consts
                        .insert(c.ident.to_string(), ((*c.expr).clone(), span));
                }
                Item::Static(s) => {
                    let span = self.expr_span(&s.expr);
                    self.consts
                        .insert(s.ident.to_string(), ((*s.expr).clone(), span));
                }
                Item::Type(t) => {
                    if let Some(name) = self.type_name(&t.ty) {
                        self.uses.insert(t.ident.to_string(), name);
                    }
                    let generics = match &*t.ty {
                        Type::Path(p) => self.generic_names(&p.path),
                        _ => Vec::new(),
                    };
                    if !generics.is_empty() {
                        let span = self.span(&t.ty);
                        self.alias_generics
                            .push((t.ident.to_string(), generics, span, false));
                    }
                }
                Item::ExternCrate(e) => {
                    if let Some((_, rename)) = &e.rename {
                        self.uses.insert(rename.to_string(), e.ident.to_string());
                    }
                }
                Item::Mod(m) => {
                    self.local_mods.insert(m.ident.to_string());
                    if let Some((_, items)) = &m.content {
                        self.collect_items(items, depth + 1);
                    }
                }
                Item::Impl(i) => {
                    for it in &i.items {
                        if let ImplItem::Const(c) = it {
                            let span = self.expr_span(&c.expr);
                            self.consts
                                .insert(c.ident.to_string(), (c.expr.clone(), span));
                        }
                    }
                }
                _ => {}
            }
        }
    }

    pub(super) fn collect_use(&mut self, tree: &UseTree, prefix: Vec<String>) {
        // Use trees are shallow in practice; an explicit stack keeps them from recursing.
        let mut stack = vec![(tree, prefix)];
        while let Some((tree, prefix)) = stack.pop() {
            match tree {
                UseTree::Path(p) => {
                    let mut next = prefix.clone();
                    next.push(p.ident.to_string());
                    stack.push((&p.tree, next));
                }
                UseTree::Name(n) => {
                    let ident = n.ident.to_string();
                    if ident == "self" {
                        if let Some(last) = prefix.last() {
                            self.uses.insert(last.clone(), qualify(&prefix));
                        }
                    } else {
                        let mut full = prefix.clone();
                        full.push(ident.clone());
                        self.uses.insert(ident, qualify(&full));
                    }
                }
                UseTree::Rename(r) => {
                    let mut full = prefix.clone();
                    if r.ident != "self" {
                        full.push(r.ident.to_string());
                    }
                    let rename = r.rename.to_string();
                    if rename != "_" {
                        self.uses.insert(rename, qualify(&full));
                    }
                }
                UseTree::Glob(_) => {}
                UseTree::Group(g) => {
                    for t in &g.items {
                        stack.push((t, prefix.clone()));
                    }
                }
            }
        }
    }
}

/// Names assigned with `=` or `op=` in a function body: their `let` is not a constant.
#[derive(Default)]
pub(super) struct Assigned {
    pub(super) names: HashSet<String>,
    depth: usize,
}

impl<'ast> syn::visit::Visit<'ast> for Assigned {
    fn visit_expr(&mut self, e: &'ast Expr) {
        if self.depth > MAX_WALK_DEPTH {
            return;
        }
        let target = match e {
            Expr::Assign(a) => Some(&*a.left),
            Expr::Binary(b) if is_compound_assign(&b.op) => Some(&*b.left),
            _ => None,
        };
        if let Some(Expr::Path(p)) = target {
            if let Some(id) = p.path.get_ident() {
                self.names.insert(id.to_string());
            }
        }
        self.depth += 1;
        syn::visit::visit_expr(self, e);
        self.depth -= 1;
    }
}

pub(super) fn is_compound_assign(op: &syn::BinOp) -> bool {
    use syn::BinOp::*;
    matches!(
        op,
        AddAssign(_)
            | SubAssign(_)
            | MulAssign(_)
            | DivAssign(_)
            | RemAssign(_)
            | BitXorAssign(_)
            | BitAndAssign(_)
            | BitOrAssign(_)
            | ShlAssign(_)
            | ShrAssign(_)
    )
}

pub(super) fn qualify(segments: &[String]) -> String {
    let segs: Vec<&str> = segments
        .iter()
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect();
    segs.join(".")
}

pub(super) fn pat_idents(pat: &Pat) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![pat];
    while let Some(p) = stack.pop() {
        match p {
            Pat::Ident(i) => {
                out.push(i.ident.to_string());
                if let Some((_, sub)) = &i.subpat {
                    stack.push(sub);
                }
            }
            Pat::Type(t) => stack.push(&t.pat),
            Pat::Reference(r) => stack.push(&r.pat),
            Pat::Tuple(t) => stack.extend(t.elems.iter()),
            Pat::TupleStruct(t) => stack.extend(t.elems.iter()),
            Pat::Slice(s) => stack.extend(s.elems.iter()),
            Pat::Or(o) => stack.extend(o.cases.iter()),
            Pat::Paren(p) => stack.push(&p.pat),
            Pat::Guard(g) => stack.push(&g.pat),
            Pat::Struct(s) => stack.extend(s.fields.iter().map(|f| &*f.pat)),
            _ => {}
        }
    }
    out
}
