//! What is test-only code: files cargo builds only for tests, `#[test]`/`#[cfg(test)]`
//! attributes, and `if cfg!(test)` conditions.

use proc_macro2::TokenTree;
use syn::{Attribute, Expr};

/// Cargo builds `tests/` and `benches/` only for testing: the whole file is test code.
pub(super) fn is_test_file(path: &std::path::Path) -> bool {
    path.parent().is_some_and(|dir| {
        dir.components()
            .any(|c| matches!(c.as_os_str().to_str(), Some("tests" | "benches")))
    })
}

pub(super) fn is_test_attr(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| {
        let path = a.path();
        let last = path.segments.last().map(|s| s.ident.to_string());
        match last.as_deref() {
            Some("test") | Some("bench") => true,
            Some("cfg") if path.segments.len() == 1 => match &a.meta {
                syn::Meta::List(list) => {
                    let words: Vec<String> = list
                        .tokens
                        .clone()
                        .into_iter()
                        .flat_map(flatten_tokens)
                        .collect();
                    // `cfg(test)` or `cfg(all(test, ..))`; `any(test, feature = ..)` also
                    // builds outside tests and `not(test)` is the opposite.
                    let first = words.first().map(String::as_str);
                    words.iter().any(|w| w == "test")
                        && matches!(first, Some("test") | Some("all"))
                        && !words.iter().any(|w| w == "not" || w == "any")
                }
                _ => false,
            },
            _ => false,
        }
    })
}

/// Identifiers of a token tree, flattened (iteratively: token trees can nest deeply).
pub(super) fn flatten_tokens(tt: TokenTree) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![tt];
    while let Some(t) = stack.pop() {
        match t {
            TokenTree::Ident(i) => out.push(i.to_string()),
            TokenTree::Group(g) => stack.extend(g.stream()),
            _ => {}
        }
    }
    out
}

pub(super) fn is_cfg_test(cond: &Expr) -> bool {
    match cond {
        Expr::Macro(m) => {
            m.mac.path.is_ident("cfg")
                && m.mac
                    .tokens
                    .to_string()
                    .split_whitespace()
                    .collect::<String>()
                    == "test"
        }
        _ => false,
    }
}
