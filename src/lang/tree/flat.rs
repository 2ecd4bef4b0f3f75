//! A tree-sitter parse copied into one flat array, in document order.
//!
//! The Python and JavaScript front-ends walk each tree three or four times, asking every node
//! for its kind, its fields and its children. Through tree-sitter each of those questions
//! descends through hidden nodes, looks field names up by string comparison and, for
//! children, allocates a cursor: on a 9 MB bundle that was two thirds of the time spent
//! after parsing. Here the same questions are array reads. The copy costs one cursor walk,
//! and the tree-sitter tree (about 100 bytes a node) is freed right after it, before any
//! lowering allocates, so the copy (24 bytes a node) also lowers peak memory.
//!
//! [`Node`] answers with tree-sitter's meaning: only visible nodes are kept (hidden rule
//! nodes are looked through, as tree-sitter's own iteration does), a child carries the field
//! it fills including fields inherited through hidden nodes, and aliased nodes report their
//! alias. `tests::matches_tree_sitter_on_every_fixture` checks that against tree-sitter
//! node by node.

// foldhash: looked up per node or per pattern; SipHash showed in profiles.
use foldhash::HashMap;
use std::sync::{Mutex, OnceLock};

use tree_sitter::{Language, Tree};

use super::ts::SyntaxNode;
use crate::lang::LowerError;

/// Kind and field names of one grammar, read once per process.
pub struct Grammar {
    kinds: Vec<&'static str>,
    fields: HashMap<&'static str, u16>,
}

impl Grammar {
    /// The names of the grammar registered as `name` (a parser name of [`super::ts::parse`]).
    pub fn get(name: &'static str, language: impl FnOnce() -> Language) -> &'static Grammar {
        static GRAMMARS: OnceLock<Mutex<HashMap<&'static str, &'static Grammar>>> = OnceLock::new();
        let mut map = GRAMMARS
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        map.entry(name)
            .or_insert_with(|| Box::leak(Box::new(Grammar::new(&language()))))
    }

    fn new(language: &Language) -> Grammar {
        let kinds = (0..language.node_kind_count())
            .map(|id| {
                u16::try_from(id)
                    .ok()
                    .and_then(|id| language.node_kind_for_id(id))
                    .map_or("", leak)
            })
            .collect();
        let fields = (1..=language.field_count())
            .filter_map(|id| {
                let id = u16::try_from(id).ok()?;
                Some((leak(language.field_name_for_id(id)?), id))
            })
            .collect();
        Grammar { kinds, fields }
    }

    fn kind(&self, id: u16) -> &'static str {
        match id {
            // tree-sitter's built-in error symbol sits outside the grammar's symbol table.
            u16::MAX => "ERROR",
            _ => self.kinds.get(usize::from(id)).copied().unwrap_or(""),
        }
    }
}

/// Grammars live as long as the process: their names are leaked once, like the grammar.
fn leak(name: &str) -> &'static str {
    Box::leak(name.to_owned().into_boxed_str())
}

const NAMED: u8 = 1;
const MISSING: u8 = 2;
const HAS_ERROR: u8 = 4;
const HAS_CHILDREN: u8 = 8;
const NONE: u32 = u32::MAX;

/// One visible node. Its first child, when it has one, is the next entry.
#[derive(Clone, Copy)]
struct Entry {
    start: u32,
    end: u32,
    parent: u32,
    next_sibling: u32,
    kind: u16,
    /// The field this node fills in its parent, 0 for none (tree-sitter's field ids start at 1).
    field: u16,
    flags: u8,
}

/// A parsed file as a flat array of its visible nodes.
pub struct Flat {
    entries: Vec<Entry>,
    grammar: &'static Grammar,
}

impl Flat {
    /// Copies `tree`, whose source is `len` bytes long.
    pub fn new(tree: &Tree, grammar: &'static Grammar, len: usize) -> Result<Flat, LowerError> {
        if u32::try_from(len).map_or(true, |len| len == NONE) {
            return Err(LowerError::skip(
                "larger than 4 GiB, more than the syntax tree can address",
            ));
        }
        let mut entries: Vec<Entry> = Vec::new();
        // For each open ancestor: its index and the index of its last child so far.
        let mut open: Vec<(u32, u32)> = Vec::new();
        let mut cursor = tree.walk();
        loop {
            let node = cursor.node();
            let index = entries.len() as u32;
            let parent = open.last().map_or(NONE, |&(p, _)| p);
            if let Some((_, last)) = open.last_mut() {
                if *last != NONE {
                    entries[*last as usize].next_sibling = index;
                }
                *last = index;
            }
            let mut flags = 0;
            if node.is_named() {
                flags |= NAMED;
            }
            if node.is_missing() {
                flags |= MISSING;
            }
            if node.has_error() {
                flags |= HAS_ERROR;
            }
            entries.push(Entry {
                // `len` fits in u32, and so does every offset into it.
                start: node.start_byte() as u32,
                end: node.end_byte() as u32,
                parent,
                next_sibling: NONE,
                kind: node.kind_id(),
                field: cursor.field_id().map_or(0, |f| f.get()),
                flags,
            });
            if cursor.goto_first_child() {
                entries[index as usize].flags |= HAS_CHILDREN;
                open.push((index, NONE));
                continue;
            }
            loop {
                if cursor.goto_next_sibling() {
                    break;
                }
                if !cursor.goto_parent() {
                    entries.shrink_to_fit();
                    return Ok(Flat { entries, grammar });
                }
                open.pop();
            }
        }
    }

    pub fn root(&self) -> Node<'_> {
        Node { flat: self, i: 0 }
    }

    /// Number of visible nodes.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A node of a [`Flat`] tree, with the methods of `tree_sitter::Node` the front-ends use.
#[derive(Clone, Copy)]
pub struct Node<'f> {
    flat: &'f Flat,
    i: u32,
}

impl PartialEq for Node<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.flat, other.flat) && self.i == other.i
    }
}

impl Eq for Node<'_> {}

impl std::fmt::Debug for Node<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} [{}..{}]",
            self.kind(),
            self.start_byte(),
            self.end_byte()
        )
    }
}

impl<'f> Node<'f> {
    fn entry(&self) -> &'f Entry {
        &self.flat.entries[self.i as usize]
    }

    fn at(&self, i: u32) -> Option<Node<'f>> {
        (i != NONE).then_some(Node { flat: self.flat, i })
    }

    /// Unique within its tree: the node's position in document order.
    pub fn id(&self) -> usize {
        self.i as usize
    }

    pub fn kind(&self) -> &'static str {
        self.flat.grammar.kind(self.entry().kind)
    }

    pub fn is_named(&self) -> bool {
        self.entry().flags & NAMED != 0
    }

    pub fn start_byte(&self) -> usize {
        self.entry().start as usize
    }

    pub fn end_byte(&self) -> usize {
        self.entry().end as usize
    }

    pub fn parent(&self) -> Option<Node<'f>> {
        self.at(self.entry().parent)
    }

    /// All children, anonymous tokens and comments included.
    pub fn children(&self) -> Children<'f> {
        let first = if self.entry().flags & HAS_CHILDREN != 0 {
            self.i + 1
        } else {
            NONE
        };
        Children {
            flat: self.flat,
            next: first,
        }
    }

    /// Children that are named nodes (comments included, as in tree-sitter).
    pub fn named_children(&self) -> impl Iterator<Item = Node<'f>> + 'f {
        self.children().filter(Node::is_named)
    }

    pub fn named_child(&self, index: u32) -> Option<Node<'f>> {
        self.named_children().nth(index as usize)
    }

    pub fn named_child_count(&self) -> usize {
        self.named_children().count()
    }

    /// The first child filling field `name`, if the grammar has that field.
    pub fn child_by_field_name(&self, name: &str) -> Option<Node<'f>> {
        // An error node has no fields of its own: tree-sitter answers none here, even where
        // a cursor over its children reports the field of a rule recovered inside it.
        if self.is_error() {
            return None;
        }
        self.children_by_field_name(name).next()
    }

    /// Every child filling field `name`, in order.
    pub fn children_by_field_name(&self, name: &str) -> impl Iterator<Item = Node<'f>> + 'f {
        let field = self.flat.grammar.fields.get(name).copied();
        self.children()
            .filter(move |c| field.is_some_and(|f| c.entry().field == f))
    }
}

/// The children of a node, in order.
pub struct Children<'f> {
    flat: &'f Flat,
    next: u32,
}

impl<'f> Iterator for Children<'f> {
    type Item = Node<'f>;

    fn next(&mut self) -> Option<Node<'f>> {
        let node = Node {
            flat: self.flat,
            i: self.next,
        };
        let entry = self.flat.entries.get(self.next as usize)?;
        self.next = entry.next_sibling;
        Some(node)
    }
}

/// Parses `text` with the grammar registered as `name` and copies the tree; the tree-sitter
/// tree is gone when this returns.
pub fn parse(
    name: &'static str,
    language: fn() -> Language,
    text: &str,
) -> Result<Flat, LowerError> {
    let tree = super::ts::parse(name, language, text)?;
    Flat::new(&tree, Grammar::get(name, language), text.len())
}

impl SyntaxNode for Node<'_> {
    fn byte_range(&self) -> std::ops::Range<usize> {
        self.start_byte()..self.end_byte()
    }
    fn is_error(&self) -> bool {
        self.entry().kind == u16::MAX
    }
    fn is_missing(&self) -> bool {
        self.entry().flags & MISSING != 0
    }
    fn has_error(&self) -> bool {
        self.entry().flags & HAS_ERROR != 0
    }
    fn push_children(&self, out: &mut Vec<Self>) {
        out.extend(self.children());
    }
}

#[cfg(test)]
mod tests;
