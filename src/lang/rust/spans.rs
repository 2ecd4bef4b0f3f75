//! The first and last tokens of an expression, found by walking its spine.
//!
//! `Spanned::span` prints a node into a token stream to join the spans of its first and last
//! tokens: it costs the node's whole size, and the lowerer asks for the span of a call, then
//! of each argument, then of each call inside those, at every level of nesting. For the
//! shapes that calls and arguments mostly take, the two tokens are read off the syntax tree
//! directly; for the others (and any expression with attributes, whose `#` comes first) the
//! answer is `None` and the caller falls back to `Spanned`. A test checks both agree on
//! every expression of the Rust fixtures.

use proc_macro2::Span;
use syn::{Expr, Member, Path, PathArguments};

/// Walks down the left spine: the token printed first.
pub fn first_token(mut e: &Expr) -> Option<Span> {
    loop {
        e = match e {
            Expr::Call(c) if c.attrs.is_empty() => &c.func,
            Expr::MethodCall(m) if m.attrs.is_empty() => &m.receiver,
            Expr::Field(f) if f.attrs.is_empty() => &f.base,
            Expr::Index(i) if i.attrs.is_empty() => &i.expr,
            Expr::Try(t) if t.attrs.is_empty() => &t.expr,
            Expr::Await(a) if a.attrs.is_empty() => &a.base,
            Expr::Lit(l) if l.attrs.is_empty() => return Some(l.lit.span()),
            Expr::Path(p) if p.attrs.is_empty() && p.qself.is_none() => return path_first(&p.path),
            Expr::Reference(r) if r.attrs.is_empty() => return Some(r.and_token.span),
            Expr::Paren(p) if p.attrs.is_empty() => return Some(p.paren_token.span.open()),
            Expr::Tuple(t) if t.attrs.is_empty() => return Some(t.paren_token.span.open()),
            Expr::Array(a) if a.attrs.is_empty() => return Some(a.bracket_token.span.open()),
            Expr::Macro(m) if m.attrs.is_empty() => return path_first(&m.mac.path),
            _ => return None,
        };
    }
}

/// Walks down the right spine: the token printed last.
pub fn last_token(mut e: &Expr) -> Option<Span> {
    loop {
        return Some(match e {
            Expr::Call(c) => c.paren_token.span.close(),
            Expr::MethodCall(m) => m.paren_token.span.close(),
            Expr::Field(f) => match &f.member {
                Member::Named(ident) => ident.span(),
                Member::Unnamed(index) => index.span,
            },
            Expr::Index(i) => i.bracket_token.span.close(),
            Expr::Try(t) => t.question_token.span,
            Expr::Await(a) => a.await_token.span,
            Expr::Lit(l) => l.lit.span(),
            Expr::Path(p) if p.qself.is_none() => path_last(&p.path)?,
            Expr::Reference(r) => {
                e = &r.expr;
                continue;
            }
            Expr::Paren(p) => p.paren_token.span.close(),
            Expr::Tuple(t) => t.paren_token.span.close(),
            Expr::Array(a) => a.bracket_token.span.close(),
            Expr::Macro(m) => match &m.mac.delimiter {
                syn::MacroDelimiter::Paren(p) => p.span.close(),
                syn::MacroDelimiter::Brace(b) => b.span.close(),
                syn::MacroDelimiter::Bracket(b) => b.span.close(),
            },
            _ => return None,
        });
    }
}

fn path_first(path: &Path) -> Option<Span> {
    match &path.leading_colon {
        Some(colons) => Some(colons.spans[0]),
        None => path.segments.first().map(|s| s.ident.span()),
    }
}

/// The last segment's name, when no generic arguments follow it.
fn path_last(path: &Path) -> Option<Span> {
    let last = path.segments.last()?;
    matches!(last.arguments, PathArguments::None).then(|| last.ident.span())
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::spanned::Spanned;

    struct Compare {
        checked: usize,
    }

    impl<'ast> syn::visit::Visit<'ast> for Compare {
        fn visit_expr(&mut self, e: &'ast Expr) {
            if let (Some(first), Some(last)) = (first_token(e), last_token(e)) {
                let whole = e.span();
                assert_eq!((first.start(), last.end()), (whole.start(), whole.end()));
                self.checked += 1;
            }
            syn::visit::visit_expr(self, e);
        }
    }

    /// The spine walk gives `Spanned`'s answer on every expression of every Rust fixture
    /// (and on a few shapes written here for the cases fixtures rarely hold).
    #[test]
    fn the_spine_walk_agrees_with_spanned() {
        let mut sources = vec!["fn f() { let a = ::std::env::var(\"X\")?.len(); \
             let b = &mut x.0[1].y.await; let c = (1, 2); let d = [a, b]; \
             let e = vec![1](2); let f = Vec::<u8>::new(); let g = <T as Tr>::f(); \
             let h = #[allow(x)] y.z(); let i = (a)(b); let j = m! { 1 }; }"
            .to_string()];
        let mut stack = vec![std::path::PathBuf::from("testdata")];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|x| x == "rs") {
                    sources.push(std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        let mut compare = Compare { checked: 0 };
        for text in &sources {
            if let Ok(file) = syn::parse_file(text) {
                syn::visit::Visit::visit_file(&mut compare, &file);
            }
        }
        assert!(compare.checked > 500, "{}", compare.checked);
    }
}
