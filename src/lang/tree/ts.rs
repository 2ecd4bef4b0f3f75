//! Shared tree-sitter plumbing: one parser per grammar per thread, text of a node, and the
//! syntax errors a parse recovered from.

use std::cell::RefCell;
use std::collections::HashMap;

use tree_sitter::{Language, Node, Parser, Tree};

use crate::facts::Span;
use crate::lang::LowerError;

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

/// What the helpers below ask of a node: tree-sitter's own, or the flat copy's
/// ([`super::flat::Node`]).
pub trait SyntaxNode: Copy {
    fn byte_range(&self) -> std::ops::Range<usize>;
    fn is_error(&self) -> bool;
    fn is_missing(&self) -> bool;
    /// The node is or contains a syntax error.
    fn has_error(&self) -> bool;
    fn push_children(&self, out: &mut Vec<Self>);
}

impl SyntaxNode for Node<'_> {
    fn byte_range(&self) -> std::ops::Range<usize> {
        self.start_byte()..self.end_byte()
    }
    fn is_error(&self) -> bool {
        Node::is_error(self)
    }
    fn is_missing(&self) -> bool {
        Node::is_missing(self)
    }
    fn has_error(&self) -> bool {
        Node::has_error(self)
    }
    fn push_children(&self, out: &mut Vec<Self>) {
        let mut cursor = self.walk();
        out.extend(self.children(&mut cursor));
    }
}

pub fn span(node: impl SyntaxNode) -> Span {
    let range = node.byte_range();
    Span::new(range.start, range.end)
}

pub fn text(node: impl SyntaxNode, src: &str) -> &str {
    src.get(node.byte_range()).unwrap_or("")
}

/// Spans of ERROR and MISSING nodes, outermost only, found without recursion.
pub fn error_spans<N: SyntaxNode>(root: N) -> Vec<Span> {
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
        if node.has_error() {
            node.push_children(&mut stack);
        }
    }
    out.sort();
    out
}
