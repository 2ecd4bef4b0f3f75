//! Rust front-end on syn (full parse). One walk over the file after a pre-pass that collects
//! `use` items (renames and groups), `const`/`static` items, type aliases and every name that
//! is assigned after its `let`. Callees are qualified with `.` separators; a method is named
//! after its receiver's chain (`reqwest.Client.builder().danger_accept_invalid_certs`), so
//! every step of a builder chain is a call of its own. Single-assignment `let` bindings and
//! constants are propagated into argument values.
//!
//! Generic type arguments written at a call (`cbc::Encryptor::<des::TdesEde3>::new`) or in a
//! type alias are recorded as argument-less calls of the type (`des.TdesEde3`), so a lint about
//! a cipher crate sees the cipher wherever it is instantiated.
//!
//! Test-only code (`#[cfg(test)]`, `#[test]`, `if cfg!(test)`, `#![cfg(test)]` files and files
//! under `tests/` or `benches/`) is listed in `Facts::test_spans`; its findings are notes. A file
//! of top-level statements (a snippet) is read as a function body, its syntax error still
//! reported.
//!
//! Spans: proc-macro2 keeps one source map per thread, so positions are taken as line/column
//! and turned into byte offsets against this file's own line index, and the map is reset after
//! every file. Recursion is bounded twice: a lexical pre-scan refuses files nested deeper than
//! [`MAX_NESTING`] brackets before syn sees them, and the walk and the evaluator stop descending
//! at fixed depths.
//!
//! Modules by role: [`parse`] (the text before syn), [`bind`] (the pre-pass), [`names`]
//! (qualified names), [`eval`] (constant evaluation), [`emit`] (the walk), [`returns`] (what a
//! function can return), [`test_code`], [`spans`] (an expression's first and last tokens).

// Names are looked up per node: foldhash, not SipHash (SipHash was 5% of the instructions
// on JavaScript bundles).
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use syn::spanned::Spanned;
use syn::{Block, Expr, Item, Pat, Stmt};

mod bind;
mod diesel;
mod emit;
mod eval;
mod names;
mod parse;
mod returns;
mod spans;
mod test_code;
#[cfg(test)]
mod tests;

use super::scope::{Evaluation, ScopeId, Scopes};
use super::LowerError;
// Each role's helpers, for the others (which `use super::*`).
use self::{bind::*, eval::*, names::*, parse::*, test_code::*};
use super::values::{decode_hex, str_or_partial, text_part};
use crate::facts::{Facts, Span, Value};
use crate::source::SourceFile;

/// Deepest bracket nesting parsed at all (syn's parser recurses on every level).
const MAX_NESTING: usize = 256;
/// Deepest expression the walker descends into.
const MAX_WALK_DEPTH: usize = 200;
/// Deepest expression the evaluator follows before answering `Unknown`.
const MAX_EVAL_DEPTH: usize = 48;
/// Largest byte array a constant expression may build (`[0u8; N]`).
const MAX_BYTES: i64 = 1 << 20;

pub fn lower(src: &SourceFile) -> Result<Facts, LowerError> {
    let lines = LineIndex::new(&src.text);
    if let Some(at) = too_deep(&src.text) {
        return Err(LowerError::new(
            format!("nesting deeper than {MAX_NESTING} brackets; not parsed"),
            Some(Span::new(at, at + 1)),
        ));
    }
    let result = lower_parsed(src, &lines);
    // Spans of this file are no longer needed: free the thread's source map so the next file
    // starts from an empty one (and memory does not grow with every file a thread reads).
    proc_macro2::extra::invalidate_current_thread_spans();
    result
}

fn lower_parsed(src: &SourceFile, lines: &LineIndex) -> Result<Facts, LowerError> {
    let text = blank_frontmatter(&src.text);
    let mut skipped = Vec::new();
    let file = match syn::parse_file(&text) {
        Ok(f) => f,
        Err(e) => {
            let span = lines.span(e.span());
            // A snippet with statements at the top level (documentation, rule fixtures) is
            // still read as the body of a function; the syntax error is reported either way.
            if let Some(mut facts) = lower_snippet(src, &text) {
                facts.recovered_errors.push(span);
                return Ok(facts);
            }
            match parse_items_recovering(&text) {
                Some((file, errors)) if !file.items.is_empty() => {
                    skipped = errors.iter().map(|e| lines.span(e.span())).collect();
                    file
                }
                _ => {
                    return Err(LowerError::new(
                        format!("cannot parse Rust: {e}"),
                        Some(span),
                    ))
                }
            }
        }
    };
    let mut l = Lowerer::new(&src.text, lines);
    l.facts.recovered_errors = skipped;
    // The path as shown (relative to where the scan runs), so directories above the scanned
    // tree never count. `#![cfg(test)]` at the top of a file makes all of it test code, as tests/ and benches/ do.
    if is_test_file(std::path::Path::new(&src.display)) || is_test_attr(&file.attrs) {
        l.facts.test_spans.push(Span::new(0, src.text.len()));
    }
    l.collect_items(&file.items, 0);
    l.items(&file.items);
    l.unused_aliases();
    Ok(l.facts)
}

/// Lowers a file of top-level statements as the body of a function: the text is wrapped in a
/// block whose opening brace sits on a line of its own, so every line moves down by one.
fn lower_snippet(src: &SourceFile, text: &str) -> Option<Facts> {
    let wrapped = format!("{{\n{text}\n}}");
    let block: Block = syn::parse_str(&wrapped).ok()?;
    let mut lines = LineIndex::new(&src.text);
    lines.line_shift = 1;
    let mut l = Lowerer::new(&src.text, &lines);
    let items: Vec<Item> = block
        .stmts
        .iter()
        .filter_map(|s| match s {
            Stmt::Item(i) => Some(i.clone()),
            _ => None,
        })
        .collect();
    l.collect_items(&items, 0);
    l.block_stmts(&block.stmts);
    l.unused_aliases();
    Some(l.facts)
}

/// What a local name is bound to.
#[derive(Clone)]
struct Local {
    value: Value,
    /// The instance name for method calls on it (`reqwest.Client.builder()`).
    name: Option<String>,
    origin: Option<Span>,
}

/// The impl block being walked: its self type and the trait it implements.
#[derive(Clone, Default)]
struct ImplCtx {
    self_ty: String,
    trait_: Option<String>,
}

struct Lowerer<'s> {
    src: &'s str,
    lines: &'s LineIndex<'s>,
    /// `use` names and type aliases: local identifier → qualified name.
    uses: HashMap<String, String>,
    /// `const` and `static` items by name: their expression and span.
    consts: HashMap<String, (Expr, Span)>,
    /// Names assigned after their `let` (never propagated).
    reassigned: HashSet<String>,
    /// Modules declared in this file (`config::KEY` names a constant of this file).
    local_mods: HashSet<String>,
    /// Type aliases with generic arguments (`type DesCbc = cbc::Encryptor<des::Des>`): the
    /// alias, the qualified generic arguments, the alias item's span, and whether it was used.
    alias_generics: Vec<(String, Vec<String>, Span, bool)>,
    /// Block scopes of `let` bindings, a later `let` of a name shadowing an earlier one.
    scopes: Scopes<Local>,
    /// The innermost block scope the walk is in.
    scope: ScopeId,
    /// Constants being evaluated right now (all bound at the top level, scope 0).
    evaluation: Evaluation,
    depth: usize,
    impl_ctx: ImplCtx,
    facts: Facts,
}

/// Methods that hand back (a view of) their receiver's value.
const TRANSPARENT_METHODS: &[&str] = &[
    "unwrap",
    "expect",
    "to_vec",
    "to_owned",
    "to_string",
    "into",
    "try_into",
    "as_ref",
    "as_slice",
    "as_str",
    "clone",
    "unwrap_or_default",
    "into_owned",
];

/// Functions whose single argument is their value (`String::from("..")`).
const TRANSPARENT_FNS: &[&str] = &[
    "Some",
    "Box.new",
    "Arc.new",
    "Rc.new",
    "std.sync.Arc.new",
    "String.from",
    "Vec.from",
    "std.string.String.from",
    "Cow.from",
    "Cow.Borrowed",
    "Cow.Owned",
];

impl<'s> Lowerer<'s> {
    fn new(src: &'s str, lines: &'s LineIndex<'s>) -> Self {
        Lowerer {
            src,
            lines,
            uses: HashMap::new(),
            consts: HashMap::new(),
            reassigned: HashSet::new(),
            local_mods: HashSet::new(),
            alias_generics: Vec::new(),
            scopes: Scopes::new(()),
            scope: 0,
            evaluation: Evaluation::default(),
            depth: 0,
            impl_ctx: ImplCtx::default(),
            facts: Facts::default(),
        }
    }

    fn span<T: Spanned>(&self, node: &T) -> Span {
        self.lines.span(node.span())
    }

    /// [`Self::span`] of an expression, from its first and last tokens when the spine walk
    /// finds them (see [`spans`]).
    fn expr_span(&self, e: &Expr) -> Span {
        match (spans::first_token(e), spans::last_token(e)) {
            (Some(first), Some(last)) => self.lines.between(first, last),
            _ => self.span(e),
        }
    }

    fn text(&self, span: Span) -> String {
        self.src.get(span.start..span.end).unwrap_or("").to_string()
    }

    fn lookup(&self, name: &str) -> Option<&Local> {
        self.scopes.lookup(name, self.scope).map(|(_, local)| local)
    }

    fn bind(&mut self, name: String, local: Local) {
        self.scopes.insert(self.scope, name, local);
    }

    /// Enters a block scope, to be left by [`Self::close_scope`] in the same function.
    fn open_scope(&mut self) {
        self.scope = self.scopes.open(self.scope, ());
    }

    fn close_scope(&mut self) {
        self.scope = self.scopes.close(self.scope);
    }

    fn bind_unknown_pat(&mut self, pat: &Pat) {
        for name in pat_idents(pat) {
            self.bind(
                name,
                Local {
                    value: Value::Unknown,
                    name: None,
                    origin: None,
                },
            );
        }
    }
}
