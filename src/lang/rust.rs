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

// Names are looked up per node: foldhash, not SipHash (SipHash was 5% of the instructions
// on JavaScript bundles).
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::sync::Arc;

use proc_macro2::{LineColumn, TokenStream, TokenTree};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{
    Attribute, Block, Expr, ExprClosure, Fields, GenericArgument, ImplItem, Item, Lit, Member, Pat,
    PathArguments, ReturnType, Stmt, Type, UseTree,
};

mod spans;

use super::LowerError;
use crate::facts::{
    Arg, Assign, Call, CallValue, Entry, Facts, Field, Function, Record, Span, Value, UNKNOWN_PART,
};
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

/// The top-level items syn can read in a file it cannot read whole (syntax of an old edition
/// such as a trait object without `dyn`, or newer than syn): an item that fails is skipped to
/// its end (a `;` or a `{...}` at the top level) and its error kept, so the rest of the file
/// is still checked. None when the text does not even split into tokens.
fn parse_items_recovering(text: &str) -> Option<(syn::File, Vec<syn::Error>)> {
    use proc_macro2::{Delimiter, TokenTree};
    use syn::parse::discouraged::Speculative;
    use syn::parse::{ParseStream, Parser};

    let tokens: proc_macro2::TokenStream = text.parse().ok()?;
    let parser = |input: ParseStream| {
        let attrs = input.call(syn::Attribute::parse_inner)?;
        let mut items = Vec::new();
        let mut errors = Vec::new();
        while !input.is_empty() {
            let fork = input.fork();
            match fork.parse::<syn::Item>() {
                Ok(item) => {
                    input.advance_to(&fork);
                    items.push(item);
                }
                Err(e) => {
                    errors.push(e);
                    // Every pass takes at least one token: the loop ends.
                    while !input.is_empty() {
                        match input.parse::<TokenTree>()? {
                            TokenTree::Punct(p) if p.as_char() == ';' => break,
                            TokenTree::Group(g) if g.delimiter() == Delimiter::Brace => break,
                            _ => {}
                        }
                    }
                }
            }
        }
        Ok((attrs, items, errors))
    };
    let (attrs, items, errors) = parser.parse2(tokens).ok()?;
    let file = syn::File {
        shebang: None,
        frontmatter: None,
        attrs,
        items,
    };
    Some((file, errors))
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

/// Cargo builds `tests/` and `benches/` only for testing: the whole file is test code.
fn is_test_file(path: &std::path::Path) -> bool {
    path.parent().is_some_and(|dir| {
        dir.components()
            .any(|c| matches!(c.as_os_str().to_str(), Some("tests" | "benches")))
    })
}

/// A cargo script's frontmatter (`---cargo` ... `---` after an optional shebang) is not Rust:
/// blank it out, keeping every line and column where it was.
fn blank_frontmatter(text: &str) -> std::borrow::Cow<'_, str> {
    let body_start = if text.starts_with("#!") && !text.starts_with("#![") {
        text.find('\n').map(|i| i + 1).unwrap_or(text.len())
    } else {
        0
    };
    let rest = &text[body_start..];
    if !rest.starts_with("---") {
        return std::borrow::Cow::Borrowed(text);
    }
    // The closing fence: the next line that is exactly `---` (after the opening line).
    let mut end = None;
    let mut offset = body_start;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if i > 0 && line.trim_end() == "---" {
            end = Some(offset + line.len());
            break;
        }
        offset += line.len();
    }
    let Some(end) = end else {
        return std::borrow::Cow::Borrowed(text);
    };
    let blanked: String = text[body_start..end]
        .chars()
        .map(|c| if c == '\n' || c == '\r' { c } else { ' ' })
        .collect();
    std::borrow::Cow::Owned(format!(
        "{}{}{}",
        &text[..body_start],
        blanked,
        &text[end..]
    ))
}

/// Names assigned with `=` or `op=` in a function body: their `let` is not a constant.
#[derive(Default)]
struct Assigned {
    names: HashSet<String>,
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

fn is_compound_assign(op: &syn::BinOp) -> bool {
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

/// Offset of the first bracket that opens a level deeper than [`MAX_NESTING`], skipping
/// strings, characters and comments well enough for real code.
fn too_deep(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(i);
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                    i += 1;
                }
                i += 1;
            }
            b'r' if matches!(b.get(i + 1), Some(b'#') | Some(b'"'))
                && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')) =>
            {
                let mut j = i + 1;
                let mut hashes = 0;
                while b.get(j) == Some(&b'#') {
                    hashes += 1;
                    j += 1;
                }
                if b.get(j) == Some(&b'"') {
                    j += 1;
                    'raw: while j < b.len() {
                        if b[j] == b'"' && (0..hashes).all(|k| b.get(j + 1 + k) == Some(&b'#')) {
                            j += hashes;
                            break 'raw;
                        }
                        j += 1;
                    }
                    i = j;
                }
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'\'' => {
                // A char literal ('x', '\n', '\u{..}') and not a lifetime ('a).
                if b.get(i + 1) == Some(&b'\\') {
                    let mut j = i + 2;
                    while j < b.len() && b[j] != b'\'' && j < i + 12 {
                        j += 1;
                    }
                    i = j;
                } else if b.get(i + 2) == Some(&b'\'') {
                    i += 2;
                } else if let Some(c) = text.get(i + 1..).and_then(|s| s.chars().next()) {
                    if text
                        .get(i + 1 + c.len_utf8()..)
                        .is_some_and(|s| s.starts_with('\''))
                    {
                        i += c.len_utf8() + 1;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Line starts of one file, to turn proc-macro2's line/column (columns in characters) into
/// byte offsets of this file.
struct LineIndex<'s> {
    text: &'s str,
    starts: Vec<usize>,
    /// syn strips a byte-order mark before parsing; columns on line 1 start after it.
    bom: usize,
    /// Lines added above the file before parsing (a snippet wrapped in a block).
    line_shift: usize,
}

impl<'s> LineIndex<'s> {
    fn new(text: &'s str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        LineIndex {
            text,
            starts,
            bom,
            line_shift: 0,
        }
    }

    fn offset(&self, lc: LineColumn) -> usize {
        let lc = LineColumn {
            line: lc.line.saturating_sub(self.line_shift),
            column: lc.column,
        };
        let Some(&start) = self.starts.get(lc.line.saturating_sub(1)) else {
            return self.text.len();
        };
        let start = if lc.line == 1 {
            start + self.bom
        } else {
            start
        };
        let rest = self.text.get(start..).unwrap_or("");
        // Columns count characters: on an ASCII prefix they are bytes (the usual case, and
        // a SIMD check rather than a walk over every character of a long line).
        let col = match rest.as_bytes().get(..lc.column) {
            Some(prefix) if prefix.is_ascii() => lc.column,
            _ => rest
                .char_indices()
                .nth(lc.column)
                .map(|(i, _)| i)
                .unwrap_or(rest.len()),
        };
        start + col
    }

    fn span(&self, s: proc_macro2::Span) -> Span {
        self.between(s, s)
    }

    /// From the start of `first` to the end of `last`.
    fn between(&self, first: proc_macro2::Span, last: proc_macro2::Span) -> Span {
        let start = self.offset(first.start());
        let end = self.offset(last.end()).max(start);
        Span::new(start, end)
    }
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
    scopes: Vec<HashMap<String, Local>>,
    evaluating: Vec<String>,
    depth: usize,
    impl_ctx: ImplCtx,
    facts: Facts,
}

fn ident_path(path: &syn::Path) -> Vec<String> {
    path.segments.iter().map(|s| s.ident.to_string()).collect()
}

fn is_test_attr(attrs: &[Attribute]) -> bool {
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
fn flatten_tokens(tt: TokenTree) -> Vec<String> {
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

fn hex_decode(s: &str) -> Option<Vec<u8>> {
    let digits: Vec<u8> = s
        .bytes()
        .filter(|b| !b.is_ascii_whitespace())
        .collect::<Vec<_>>();
    if digits.len() % 2 != 0 || digits.is_empty() {
        return None;
    }
    digits
        .chunks(2)
        .map(|p| {
            let h = (p[0] as char).to_digit(16)?;
            let l = (p[1] as char).to_digit(16)?;
            Some((h * 16 + l) as u8)
        })
        .collect()
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
            scopes: vec![HashMap::new()],
            evaluating: Vec::new(),
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

    // ---- pre-pass: uses, constants, aliases, reassigned names ------------------------------

    fn collect_items(&mut self, items: &[Item], depth: usize) {
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

    fn collect_use(&mut self, tree: &UseTree, prefix: Vec<String>) {
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

    // ---- names ------------------------------------------------------------------------------

    /// The qualified name of a path, generic arguments dropped.
    fn resolve(&self, segments: &[String]) -> String {
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

    fn path_name(&self, path: &syn::Path) -> String {
        self.resolve(&ident_path(path))
    }

    fn expr_path_name(&self, p: &syn::ExprPath) -> String {
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
    fn type_name(&self, ty: &Type) -> Option<String> {
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
    fn chain_name(&self, e: &Expr, depth: usize) -> Option<String> {
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

    fn lookup(&self, name: &str) -> Option<&Local> {
        self.scopes.iter().rev().find_map(|s| s.get(name))
    }

    fn bind(&mut self, name: String, local: Local) {
        if let Some(scope) = self.scopes.last_mut() {
            scope.insert(name, local);
        }
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

    // ---- constant evaluation ---------------------------------------------------------------

    fn eval(&mut self, e: &Expr, depth: usize) -> Value {
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
                            if let Some(b) = hex_decode(&s) {
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

    fn eval_path(&mut self, p: &syn::ExprPath, depth: usize) -> Value {
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

    fn eval_const(&mut self, id: &str, depth: usize) -> Option<Value> {
        if self.evaluating.iter().any(|n| n == id) {
            return Some(Value::Unknown);
        }
        let (expr, _) = self.consts.get(id)?.clone();
        self.evaluating.push(id.to_string());
        let v = self.eval(&expr, depth + 1);
        self.evaluating.pop();
        Some(v)
    }

    /// Where a value came from when it was defined elsewhere: a constant or a `let`.
    fn origin(&self, e: &Expr) -> Option<Span> {
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

    fn args<'e>(&mut self, args: impl Iterator<Item = &'e Expr>, depth: usize) -> Vec<Arg> {
        let mut out = Vec::new();
        for (i, a) in args.enumerate() {
            let span = self.expr_span(a);
            let value = self.eval(a, depth);
            out.push(Arg {
                name: None,
                index: Some(i),
                value,
                span,
                origin: self.origin(a),
                text: self.text(span),
            });
        }
        out
    }

    fn eval_macro(&mut self, mac: &syn::Macro, depth: usize) -> Value {
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
                hex_decode(&s).map(Value::Bytes).unwrap_or(Value::Unknown)
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

    fn eval_format(&mut self, items: &[Expr], depth: usize) -> Value {
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

    // ---- the walk ----------------------------------------------------------------------------

    fn items(&mut self, items: &[Item]) {
        for item in items {
            self.item(item);
        }
    }

    fn item(&mut self, item: &Item) {
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
            Item::Macro(m) => self.macro_body(&m.mac),
            _ => {}
        }
        self.depth -= 1;
    }

    fn const_item(&mut self, ident: &syn::Ident, expr: &Expr, item: &Item) {
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

    fn record(&mut self, s: &syn::ItemStruct) {
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
                Some(Field {
                    name,
                    ty: self.type_name(&f.ty).unwrap_or_else(|| self.text(ty_span)),
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
    fn generic_args_of_type(&mut self, ty: &Type) {
        if let Type::Path(p) = ty {
            self.generic_args(&p.path);
        }
    }

    /// Qualified names of a path's generic type arguments.
    fn generic_names(&self, path: &syn::Path) -> Vec<String> {
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
    fn alias_use(&mut self, path: &syn::Path) {
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
    fn unused_aliases(&mut self) {
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

    fn generic_args(&mut self, path: &syn::Path) {
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

    fn function(
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
        self.scopes.push(HashMap::new());
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
        self.scopes.pop();
        self.reassigned = saved;
    }

    fn block(&mut self, b: &Block) {
        self.scopes.push(HashMap::new());
        self.block_stmts(&b.stmts);
        self.scopes.pop();
    }

    fn block_stmts(&mut self, stmts: &[Stmt]) {
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

    fn let_binding(&mut self, pat: &Pat, init: Option<&Expr>) {
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

    fn macro_body(&mut self, mac: &syn::Macro) {
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

    fn expr(&mut self, e: &Expr) {
        if self.depth > MAX_WALK_DEPTH {
            return;
        }
        self.depth += 1;
        self.expr_inner(e);
        self.depth -= 1;
    }

    fn expr_inner(&mut self, e: &Expr) {
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
                self.scopes.push(HashMap::new());
                self.bind_unknown_pat(&f.pat);
                self.block_stmts(&f.body.stmts);
                self.scopes.pop();
            }
            Expr::If(i) => {
                self.expr(&i.cond);
                if is_cfg_test(&i.cond) {
                    let span = self.span(&i.then_branch);
                    self.facts.test_spans.push(span);
                }
                self.scopes.push(HashMap::new());
                if let Expr::Let(l) = &*i.cond {
                    self.bind_unknown_pat(&l.pat);
                }
                self.block_stmts(&i.then_branch.stmts);
                self.scopes.pop();
                if let Some((_, els)) = &i.else_branch {
                    self.expr(els);
                }
            }
            Expr::Match(m) => {
                self.expr(&m.expr);
                for arm in &m.arms {
                    self.scopes.push(HashMap::new());
                    self.bind_unknown_pat(&arm.pat);
                    if let Pat::Guard(g) = &arm.pat {
                        self.expr(&g.guard);
                    }
                    self.expr(&arm.body);
                    self.scopes.pop();
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

    fn closure(&mut self, c: &ExprClosure) {
        self.scopes.push(HashMap::new());
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
        self.scopes.pop();
    }

    // ---- return values -------------------------------------------------------------------------

    /// The value of every way out of a block: its tail (each branch of a tail `if`/`match`),
    /// each `return`, and `Unknown` for each `?` (an early error return).
    fn returns_of_block(&mut self, b: &Block, unit: bool) -> Vec<Value> {
        let mut out = Vec::new();
        let mut exits = Vec::new();
        for s in &b.stmts {
            collect_exits_stmt(s, &mut exits, 0);
        }
        for x in exits {
            match x {
                Some(e) => {
                    let v = self.eval(e, 0);
                    out.push(v);
                }
                None => out.push(Value::Unknown),
            }
        }
        match b.stmts.last() {
            Some(Stmt::Expr(tail, None)) => self.tail_values(tail, &mut out, 0),
            _ if unit => out.push(Value::Null),
            _ => {}
        }
        out
    }

    fn returns_of_expr(&mut self, e: &Expr) -> Vec<Value> {
        match e {
            Expr::Block(b) => self.returns_of_block(&b.block, false),
            _ => {
                let mut out = Vec::new();
                let mut exits = Vec::new();
                collect_exits(e, &mut exits, 0);
                for x in exits {
                    let v = x.map(|e| self.eval(e, 0)).unwrap_or(Value::Unknown);
                    out.push(v);
                }
                self.tail_values(e, &mut out, 0);
                out
            }
        }
    }

    fn tail_values(&mut self, e: &Expr, out: &mut Vec<Value>, depth: usize) {
        if depth > 16 {
            out.push(Value::Unknown);
            return;
        }
        match e {
            Expr::If(i) => {
                match i.then_branch.stmts.last() {
                    Some(Stmt::Expr(t, None)) => self.tail_values(t, out, depth + 1),
                    _ => out.push(Value::Null),
                }
                match &i.else_branch {
                    Some((_, els)) => self.tail_values(els, out, depth + 1),
                    None => out.push(Value::Null),
                }
            }
            Expr::Match(m) => {
                for arm in &m.arms {
                    self.tail_values(&arm.body, out, depth + 1);
                }
            }
            Expr::Block(b) => match b.block.stmts.last() {
                Some(Stmt::Expr(t, None)) => self.tail_values(t, out, depth + 1),
                _ => out.push(Value::Null),
            },
            Expr::Paren(p) => self.tail_values(&p.expr, out, depth + 1),
            Expr::Return(_) | Expr::Macro(_) if is_diverging(e) => {}
            _ => {
                let v = self.eval(e, 0);
                out.push(v);
            }
        }
    }
}

/// `return`, `panic!()`, `unreachable!()` and the like: no value comes out of them (a
/// `return`'s value was already collected).
fn is_diverging(e: &Expr) -> bool {
    match e {
        Expr::Return(_) => true,
        Expr::Macro(m) => m.mac.path.segments.last().is_some_and(|s| {
            matches!(
                s.ident.to_string().as_str(),
                "panic" | "unreachable" | "todo" | "unimplemented"
            )
        }),
        _ => false,
    }
}

/// `return` expressions (`Some(value)`) and `?` operators (`None`) of a statement, not
/// looking into nested closures or items.
fn collect_exits_stmt<'e>(s: &'e Stmt, out: &mut Vec<Option<&'e Expr>>, depth: usize) {
    match s {
        Stmt::Local(l) => {
            if let Some(init) = &l.init {
                collect_exits(&init.expr, out, depth + 1);
                if let Some((_, d)) = &init.diverge {
                    collect_exits(d, out, depth + 1);
                }
            }
        }
        Stmt::Expr(e, _) => collect_exits(e, out, depth + 1),
        Stmt::Item(_) | Stmt::Macro(_) => {}
    }
}

fn collect_exits<'e>(e: &'e Expr, out: &mut Vec<Option<&'e Expr>>, depth: usize) {
    if depth > MAX_WALK_DEPTH {
        out.push(None);
        return;
    }
    let d = depth + 1;
    match e {
        Expr::Return(r) => match &r.expr {
            Some(x) => {
                out.push(Some(x));
                collect_exits(x, out, d);
            }
            None => out.push(None),
        },
        Expr::Try(t) => {
            out.push(None);
            collect_exits(&t.expr, out, d);
        }
        Expr::Closure(_) | Expr::Async(_) => {}
        Expr::Block(b) => b
            .block
            .stmts
            .iter()
            .for_each(|s| collect_exits_stmt(s, out, d)),
        Expr::Unsafe(b) => b
            .block
            .stmts
            .iter()
            .for_each(|s| collect_exits_stmt(s, out, d)),
        Expr::Loop(l) => l
            .body
            .stmts
            .iter()
            .for_each(|s| collect_exits_stmt(s, out, d)),
        Expr::While(w) => {
            collect_exits(&w.cond, out, d);
            w.body
                .stmts
                .iter()
                .for_each(|s| collect_exits_stmt(s, out, d));
        }
        Expr::ForLoop(f) => {
            collect_exits(&f.expr, out, d);
            f.body
                .stmts
                .iter()
                .for_each(|s| collect_exits_stmt(s, out, d));
        }
        Expr::If(i) => {
            collect_exits(&i.cond, out, d);
            i.then_branch
                .stmts
                .iter()
                .for_each(|s| collect_exits_stmt(s, out, d));
            if let Some((_, els)) = &i.else_branch {
                collect_exits(els, out, d);
            }
        }
        Expr::Match(m) => {
            collect_exits(&m.expr, out, d);
            for arm in &m.arms {
                collect_exits(&arm.body, out, d);
            }
        }
        Expr::Call(c) => {
            collect_exits(&c.func, out, d);
            c.args.iter().for_each(|a| collect_exits(a, out, d));
        }
        Expr::MethodCall(m) => {
            collect_exits(&m.receiver, out, d);
            m.args.iter().for_each(|a| collect_exits(a, out, d));
        }
        Expr::Binary(b) => {
            collect_exits(&b.left, out, d);
            collect_exits(&b.right, out, d);
        }
        Expr::Unary(u) => collect_exits(&u.expr, out, d),
        Expr::Paren(p) => collect_exits(&p.expr, out, d),
        Expr::Reference(r) => collect_exits(&r.expr, out, d),
        Expr::Await(a) => collect_exits(&a.base, out, d),
        Expr::Field(f) => collect_exits(&f.base, out, d),
        Expr::Let(l) => collect_exits(&l.expr, out, d),
        Expr::Assign(a) => collect_exits(&a.right, out, d),
        Expr::Tuple(t) => t.elems.iter().for_each(|x| collect_exits(x, out, d)),
        Expr::Array(a) => a.elems.iter().for_each(|x| collect_exits(x, out, d)),
        Expr::Struct(s) => s.fields.iter().for_each(|f| collect_exits(&f.expr, out, d)),
        _ => {}
    }
}

fn is_cfg_test(cond: &Expr) -> bool {
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

fn qualify(segments: &[String]) -> String {
    let segs: Vec<&str> = segments
        .iter()
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect();
    segs.join(".")
}

fn pat_idents(pat: &Pat) -> Vec<String> {
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

fn lit_value(lit: &Lit) -> Value {
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
fn bytes_or_list(items: Vec<Value>) -> Value {
    let small = !items.is_empty()
        && items
            .iter()
            .all(|v| matches!(v, Value::Int(i) if (0..=255).contains(i)));
    if small {
        Value::Bytes(
            items
                .iter()
                .filter_map(|v| match v {
                    Value::Int(i) => u8::try_from(*i).ok(),
                    _ => None,
                })
                .collect(),
        )
    } else {
        Value::List(items.into())
    }
}

fn text_part(v: &Value) -> Option<String> {
    match v {
        Value::Str(s) | Value::Partial(s) => Some(s.clone()),
        Value::Int(i) => Some(i.to_string()),
        _ => None,
    }
}

fn str_or_partial(s: String) -> Value {
    if s.contains(UNKNOWN_PART) {
        Value::Partial(s)
    } else {
        Value::Str(s)
    }
}

/// Comma-separated expressions of a macro's tokens (`format!`, `vec!`, `assert!`), or `None`
/// when the tokens are not expressions.
fn parse_exprs(tokens: &TokenStream) -> Option<Vec<Expr>> {
    let parser = Punctuated::<Expr, syn::Token![,]>::parse_terminated;
    syn::parse::Parser::parse2(parser, tokens.clone())
        .ok()
        .map(|p| p.into_iter().collect())
}

fn bracketed(tokens: &TokenStream) -> TokenStream {
    let g = proc_macro2::Group::new(proc_macro2::Delimiter::Bracket, tokens.clone());
    TokenStream::from(TokenTree::Group(g))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::FileKind;

    fn facts(code: &str) -> Facts {
        let src = SourceFile::new("a.rs".into(), "a.rs".into(), FileKind::Rust, code.into());
        lower(&src).unwrap()
    }

    fn call<'f>(f: &'f Facts, callee: &str) -> &'f Call {
        f.calls
            .iter()
            .find(|c| c.callee == callee)
            .unwrap_or_else(|| {
                let names: Vec<_> = f.calls.iter().map(|c| c.callee.as_str()).collect();
                panic!("no call {callee} in {names:?}")
            })
    }

    #[test]
    fn builder_chains_name_every_step() {
        let code = "use reqwest::Client;\nfn f() { let c = Client::builder()\n  .timeout(t)\n  .danger_accept_invalid_certs(true)\n  .build(); }\n";
        let f = facts(code);
        let c = call(
            &f,
            "reqwest.Client.builder().timeout().danger_accept_invalid_certs",
        );
        assert_eq!(c.args[0].value, Value::Bool(true));
        assert_eq!(
            &code[c.span.start..c.span.end],
            "danger_accept_invalid_certs(true)"
        );
        call(
            &f,
            "reqwest.Client.builder().timeout().danger_accept_invalid_certs().build",
        );
    }

    #[test]
    fn use_groups_and_renames_resolve() {
        let f = facts(
            "use openssl::ssl::{SslConnector, SslMethod, SslVerifyMode as Mode};\n\
             fn f() { let mut b = SslConnector::builder(SslMethod::tls())?; b.set_verify(Mode::NONE); }",
        );
        let c = call(&f, "openssl.ssl.SslConnector.builder().set_verify");
        assert_eq!(
            c.args[0].value,
            Value::Name("openssl.ssl.SslVerifyMode.NONE".into())
        );
    }

    #[test]
    fn constants_and_lets_propagate_with_origin() {
        let code = "const KEY: &[u8; 8] = b\"abcdefgh\";\nfn f() { let iv = [0u8; 4]; let n = hex!(\"00ff\");\n Aes::new_from_slice(KEY); enc(&iv, *b\"xy\", n, Some(SslVersion::TLS1)); }";
        let f = facts(code);
        let c = call(&f, "Aes.new_from_slice");
        assert_eq!(c.args[0].value, Value::Bytes(b"abcdefgh".to_vec()));
        let origin = c.args[0].origin.unwrap();
        assert_eq!(&code[origin.start..origin.end], "b\"abcdefgh\"");
        let e = call(&f, "enc");
        assert_eq!(e.args[0].value, Value::Bytes(vec![0; 4]));
        assert_eq!(e.args[1].value, Value::Bytes(b"xy".to_vec()));
        assert_eq!(e.args[2].value, Value::Bytes(vec![0, 255]));
        assert_eq!(e.args[3].value, Value::Name("SslVersion.TLS1".into()));
    }

    #[test]
    fn lazy_statics_and_cargo_script_frontmatter_are_read() {
        let code = "#!/usr/bin/env cargo\n---cargo\n[dependencies]\nx = 1\n---\nlazy_static! { static ref C: Client = Client::builder().danger(true).build(); }\n";
        let f = facts(code);
        let c = call(&f, "Client.builder().danger");
        assert_eq!(&code[c.span.start..c.span.end], "danger(true)");
    }

    #[test]
    fn integration_test_files_are_test_code() {
        assert!(is_test_file(std::path::Path::new("crate/tests/api.rs")));
        assert!(is_test_file(std::path::Path::new("benches/speed.rs")));
        assert!(!is_test_file(std::path::Path::new("src/tests_util.rs")));
        assert!(!is_test_file(std::path::Path::new("tests.rs")));
    }

    #[test]
    fn mutable_lets_are_not_constant() {
        let f = facts("fn f() { let mut iv = [0u8; 16]; rng.fill_bytes(&mut iv); enc(&iv); }");
        assert_eq!(call(&f, "enc").args[0].value, Value::Unknown);
    }

    #[test]
    fn constants_of_local_modules_propagate() {
        let f = facts("mod config { pub const URL: &str = \"http://a.example\"; }\nfn f() { get(config::URL); }");
        assert_eq!(
            call(&f, "get").args[0].value,
            Value::Str("http://a.example".into())
        );
    }

    #[test]
    fn reassigned_lets_are_not_constant() {
        let f = facts("fn f() { let mut u = \"http://a.example\"; u = g(); get(u); }");
        assert_eq!(call(&f, "get").args[0].value, Value::Unknown);
    }

    #[test]
    fn format_strings_become_partial() {
        let f = facts("const H: &str = \"api.example.com\";\nfn f(p: u16) { get(format!(\"http://{H}:{}/x\", p)); }");
        assert_eq!(
            call(&f, "get").args[0].value,
            Value::Partial("http://api.example.com:\u{FFFD}/x".into())
        );
    }

    #[test]
    fn generic_arguments_are_recorded_as_type_uses() {
        let f = facts("use des::TdesEde3;\ntype Enc = cbc::Encryptor<aes::Aes128>;\nfn f() { cbc::Encryptor::<TdesEde3>::new(k, iv); Enc::new(k, iv); }");
        call(&f, "des.TdesEde3");
        call(&f, "aes.Aes128");
        assert_eq!(
            f.calls
                .iter()
                .filter(|c| c.callee == "cbc.Encryptor.new")
                .count(),
            2
        );
    }

    #[test]
    fn typed_parameters_name_their_methods() {
        let f = facts("fn f(b: &mut native_tls::TlsConnectorBuilder) { b.min_protocol_version(Some(native_tls::Protocol::Tlsv10)); }");
        let c = call(&f, "native_tls.TlsConnectorBuilder.min_protocol_version");
        assert_eq!(
            c.args[0].value,
            Value::Name("native_tls.Protocol.Tlsv10".into())
        );
    }

    #[test]
    fn structs_give_records_and_entries() {
        let f = facts("use serde::Serialize;\n#[derive(Serialize, sqlx::FromRow)]\nstruct Row { encrypted_ssn: Vec<u8>, data_key: Vec<u8> }\nfn f() { let c = Config { ssl_mode: Mode::Disable, port: 5 }; }");
        let r = &f.records[0];
        assert_eq!(r.bases, vec!["serde.Serialize", "sqlx.FromRow"]);
        assert_eq!(r.fields[1].name, "data_key");
        let e = f.entries.iter().find(|e| e.key == "ssl_mode").unwrap();
        assert_eq!(e.path, "Config.ssl_mode");
        assert_eq!(e.value, Value::Name("Mode.Disable".into()));
    }

    #[test]
    fn verifier_returns_are_collected() {
        let f = facts("use rustls::client::danger::{ServerCertVerified, ServerCertVerifier};\nimpl ServerCertVerifier for NoVerifier { fn verify_server_cert(&self) -> Result<ServerCertVerified, Error> { Ok(ServerCertVerified::assertion()) } }\nfn g(b: B) { b.set_verify_callback(m, |_, _| true); }");
        let v = f
            .functions
            .iter()
            .find(|x| x.name == "NoVerifier.verify_server_cert")
            .unwrap();
        assert_eq!(
            v.implements,
            vec!["rustls.client.danger.ServerCertVerifier"]
        );
        assert!(matches!(&v.returns[..], [Value::Call(c)] if c.callee == "Ok"));
        let cl = f.functions.iter().find(|x| x.name == "<closure>").unwrap();
        assert_eq!(cl.returns, vec![Value::Bool(true)]);
    }

    #[test]
    fn test_code_is_marked() {
        let code = "fn a() {}\n#[cfg(test)]\nmod tests { fn b() {} }\n#[tokio::test]\nasync fn c() {}\nfn d() { if cfg!(test) { x(); } }\n#[cfg(not(test))]\nfn e() {}\n#[cfg(any(test, feature = \"x\"))]\nfn g() {}";
        let f = facts(code);
        assert_eq!(f.test_spans.len(), 3);
        assert!(f
            .test_spans
            .iter()
            .all(|s| !code[s.start..s.end].contains("fn e")));
        assert!(code[f.test_spans[2].start..f.test_spans[2].end].contains("x()"));
    }

    #[test]
    fn spans_count_characters_per_file() {
        // A multi-byte character before the call, and a second file on the same thread: both
        // must map to this file's own offsets.
        let code = "fn f() { let s = \"é\"; g(1); }";
        for _ in 0..2 {
            let f = facts(code);
            let c = call(&f, "g");
            assert_eq!(&code[c.span.start..c.span.end], "g(1)");
        }
    }

    #[test]
    fn top_level_statements_are_read_as_a_snippet() {
        let code = "use reqwest::Client;\nlet c = Client::builder()\n    .danger_accept_invalid_certs(true);\n";
        let f = facts(code);
        assert_eq!(f.recovered_errors.len(), 1);
        let c = call(&f, "reqwest.Client.builder().danger_accept_invalid_certs");
        assert_eq!(
            &code[c.span.start..c.span.end],
            "danger_accept_invalid_certs(true)"
        );
    }

    #[test]
    fn parse_errors_have_a_location() {
        let src = SourceFile::new(
            "a.rs".into(),
            "a.rs".into(),
            FileKind::Rust,
            "fn f() {\n  let = ;\n}\n".into(),
        );
        let err = lower(&src).unwrap_err();
        assert!(!err.skip);
        let span = err.span.unwrap();
        assert_eq!(src.position(span.start).line, 2);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        // Run on the default test thread (2 MiB), far smaller than the engine's 64 MiB stacks.
        let n = 10_000;
        let parens = format!("fn f() {{ let x = {}1{}; }}", "(".repeat(n), ")".repeat(n));
        let src = SourceFile::new("a.rs".into(), "a.rs".into(), FileKind::Rust, parens);
        assert!(lower(&src).is_err());
        let handle = std::thread::Builder::new()
            .stack_size(64 * 1024 * 1024)
            .spawn(move || {
                let chain = format!(
                    "fn f() {{ x{}; let y = 1{}; }}",
                    ".m()".repeat(n),
                    " + 1".repeat(n)
                );
                let f = facts(&chain);
                assert!(!f.calls.is_empty());
            })
            .unwrap();
        handle.join().unwrap();
    }
}
