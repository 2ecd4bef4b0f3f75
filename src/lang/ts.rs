//! Shared tree-sitter plumbing: one parser per grammar per thread, text of a node, and the
//! syntax errors a parse recovered from.

use std::cell::RefCell;
use std::collections::HashMap;

use tree_sitter::{Language, Node, Parser, Tree};

use super::LowerError;
use crate::facts::Span;

thread_local! {
    static PARSERS: RefCell<HashMap<&'static str, Parser>> = RefCell::new(HashMap::new());
}

/// Parses `text` with the grammar registered under `name`, reusing this thread's parser.
pub fn parse(
    name: &'static str,
    language: impl FnOnce() -> Language,
    text: &str,
) -> Result<Tree, LowerError> {
    PARSERS.with(|cell| {
        let mut parsers = cell.borrow_mut();
        let parser = match parsers.entry(name) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                let mut parser = Parser::new();
                parser.set_language(&language()).map_err(|err| {
                    LowerError::new(format!("cannot load the {name} grammar: {err}"), None)
                })?;
                e.insert(parser)
            }
        };
        parser
            .parse(text, None)
            .ok_or_else(|| LowerError::new(format!("the {name} parser gave up on this file"), None))
    })
}

pub fn span(node: Node) -> Span {
    Span::new(node.start_byte(), node.end_byte())
}

pub fn text<'a>(node: Node, src: &'a str) -> &'a str {
    src.get(node.start_byte()..node.end_byte()).unwrap_or("")
}

/// Spans of ERROR and MISSING nodes, outermost only, found without recursion.
pub fn error_spans(root: Node) -> Vec<Span> {
    let mut out = Vec::new();
    if !root.has_error() {
        return out;
    }
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        if node.is_error() || node.is_missing() {
            out.push(span(node));
            continue;
        }
        if !node.has_error() {
            continue;
        }
        let mut cursor = node.walk();
        stack.extend(node.children(&mut cursor));
    }
    out.sort();
    out
}
