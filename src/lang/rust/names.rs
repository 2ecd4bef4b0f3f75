//! Qualified names: paths through `use` renames and `Self`, types, and the chain of calls a
//! method's receiver was made by (`reqwest.Client.builder().timeout()`).

use syn::{Expr, Member, Type};

use super::*;

impl<'s> Lowerer<'s> {
    /// The qualified name of a path, generic arguments dropped.
    pub(super) fn resolve(&self, segments: &[String]) -> String {
        let Some(first) = segments.first() else {
            return String::new();
        };
        let head = if first == "Self" && !self.impl_ctx.self_ty.is_empty() {
            self.impl_ctx.self_ty.clone()
        } else if let Some(q) = self.uses.get(first) {
            q.clone()
        } else {
            first.clone()
        };
        let mut out = head;
        for s in &segments[1..] {
            out.push('.');
            out.push_str(s);
        }
        out
    }

    pub(super) fn path_name(&self, path: &syn::Path) -> String {
        self.resolve(&ident_path(path))
    }

    pub(super) fn expr_path_name(&self, p: &syn::ExprPath) -> String {
        if let Some(q) = &p.qself {
            // `<Aes256Gcm as KeyInit>::new`: the self type, then the rest of the path.
            let ty = self.type_name(&q.ty).unwrap_or_else(|| "_".into());
            let rest: Vec<String> = p
                .path
                .segments
                .iter()
                .skip(q.position)
                .map(|s| s.ident.to_string())
                .collect();
            if rest.is_empty() {
                return ty;
            }
            return format!("{ty}.{}", rest.join("."));
        }
        self.path_name(&p.path)
    }

    /// The qualified name of a type (`&mut SslConnectorBuilder` → `openssl.ssl.SslConnectorBuilder`).
    pub(super) fn type_name(&self, ty: &Type) -> Option<String> {
        let mut ty = ty;
        for _ in 0..16 {
            match ty {
                Type::Path(p) => {
                    if p.qself.is_some() {
                        return None;
                    }
                    return Some(self.path_name(&p.path));
                }
                Type::Reference(r) => ty = &r.elem,
                Type::Paren(p) => ty = &p.elem,
                Type::Group(g) => ty = &g.elem,
                _ => return None,
            }
        }
        None
    }

    /// The name an expression's value goes by when a method is called on it: the chain of
    /// calls that made it (`reqwest.Client.builder().timeout()`), a typed parameter's type, or
    /// the path itself.
    pub(super) fn chain_name(&self, e: &Expr, depth: usize) -> Option<String> {
        if depth > MAX_EVAL_DEPTH {
            return None;
        }
        match e {
            Expr::Path(p) => {
                if p.qself.is_none() && p.path.segments.len() == 1 {
                    let id = p.path.segments[0].ident.to_string();
                    if let Some(local) = self.lookup(&id) {
                        return Some(local.name.clone().unwrap_or(id));
                    }
                }
                Some(self.expr_path_name(p))
            }
            Expr::Call(c) => match &*c.func {
                Expr::Path(p) => {
                    let name = self.expr_path_name(p);
                    if TRANSPARENT_FNS.contains(&name.as_str()) && c.args.len() == 1 {
                        return self.chain_name(&c.args[0], depth + 1);
                    }
                    Some(format!("{name}()"))
                }
                _ => None,
            },
            Expr::MethodCall(m) => {
                let recv = self
                    .chain_name(&m.receiver, depth + 1)
                    .unwrap_or_else(|| "_".into());
                let method = m.method.to_string();
                if matches!(method.as_str(), "unwrap" | "expect" | "clone") {
                    return Some(recv);
                }
                Some(format!("{recv}.{method}()"))
            }
            Expr::Field(f) => {
                let base = self
                    .chain_name(&f.base, depth + 1)
                    .unwrap_or_else(|| "_".into());
                let member = match &f.member {
                    Member::Named(i) => i.to_string(),
                    Member::Unnamed(i) => i.index.to_string(),
                };
                Some(format!("{base}.{member}"))
            }
            Expr::Try(t) => self.chain_name(&t.expr, depth + 1),
            Expr::Await(a) => self.chain_name(&a.base, depth + 1),
            Expr::Paren(p) => self.chain_name(&p.expr, depth + 1),
            Expr::Group(g) => self.chain_name(&g.expr, depth + 1),
            Expr::Reference(r) => self.chain_name(&r.expr, depth + 1),
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => {
                self.chain_name(&u.expr, depth + 1)
            }
            _ => None,
        }
    }
}

pub(super) fn ident_path(path: &syn::Path) -> Vec<String> {
    path.segments.iter().map(|s| s.ident.to_string()).collect()
}
