//! The import statements of a Python file, found by a scan of its bytes (no parse): what the
//! [prefilter](crate::prefilter)'s Python gate asks before any word search. Takes bytes; gives
//! the modules and names the imports make reachable. (`imports.rs` beside it binds the names of
//! a parsed file; this scan runs before any parse.)

use std::sync::OnceLock;

/// What the import statements of a Python file make reachable, found by a line scan (no
/// parse): whatever else the file holds, a name no import reaches cannot be the root of a
/// resolved callee.
#[derive(Debug, PartialEq)]
pub enum Import {
    /// `import a.b` binds `a`: everything under `a` is reachable.
    Bound(Vec<u8>),
    /// `from m import n`: `m.n` and what is under it.
    Name(Vec<u8>),
    /// `from m import (` or `*`: anything under `m`.
    Under(Vec<u8>),
}

/// Statements end at a newline, and also at `;` and `:` (`try: import x` counts).
fn ends_statement(b: &u8) -> bool {
    matches!(b, b'\n' | b';' | b':')
}

pub fn python_imports(bytes: &[u8]) -> Vec<Import> {
    // Every statement that imports starts with `import` or `from`: only those occurrences are
    // looked at, and only when one starts its statement, so the scan costs a search for two
    // words (the line-by-line split it replaces cost as much as the whole-file word search).
    // Every position is scanned a bounded number of times, also on one megabyte-long line.
    // A packed (SIMD) search: `i` and `f` are too common for a first-byte scan to skip much.
    static KEYWORDS: OnceLock<Option<aho_corasick::packed::Searcher>> = OnceLock::new();
    let Some(keywords) = KEYWORDS
        .get_or_init(|| {
            aho_corasick::packed::Config::new()
                .builder()
                .extend(["import", "from"])
                .build()
        })
        .as_ref()
    else {
        return python_imports_line_by_line(bytes);
    };
    let mut out = Vec::new();
    // The statement containing the last occurrence: where it starts (after its separator),
    // where its first non-blank byte is, and where it ends.
    let mut scanned = 0;
    let mut statement_start = 0;
    let mut first_word: Option<usize> = None;
    let mut statement_end = 0;
    for m in keywords.find_iter(bytes) {
        let at = m.start();
        if let Some(sep) = bytes[scanned..at].iter().rposition(ends_statement) {
            statement_start = scanned + sep + 1;
            first_word = None;
        }
        scanned = at;
        let first = *first_word.get_or_insert_with(|| {
            statement_start
                + bytes[statement_start..]
                    .iter()
                    .position(|b| !b.is_ascii_whitespace())
                    .unwrap_or(bytes.len() - statement_start)
        });
        if first != at {
            continue;
        }
        if statement_end <= at {
            statement_end = bytes[at..]
                .iter()
                .position(ends_statement)
                .map_or(bytes.len(), |i| at + i);
        }
        statement_imports(&bytes[at..statement_end], &mut out);
    }
    out
}

/// The reference [`python_imports`] is tested against: every statement, split out.
pub fn python_imports_line_by_line(bytes: &[u8]) -> Vec<Import> {
    let mut out = Vec::new();
    for statement in bytes.split(ends_statement) {
        statement_imports(statement.trim_ascii_start(), &mut out);
    }
    out
}

/// The imports of one statement (its leading blanks already trimmed).
fn statement_imports(statement: &[u8], out: &mut Vec<Import>) {
    let dotted = |part: &[u8]| -> Vec<u8> {
        let end = part
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_' || *b == b'.'))
            .unwrap_or(part.len());
        part[..end].to_vec()
    };
    let after_keyword = |statement: &'_ [u8], keyword: &[u8]| -> Option<usize> {
        let rest = statement.strip_prefix(keyword)?;
        rest.first()
            .is_some_and(u8::is_ascii_whitespace)
            .then_some(keyword.len())
    };
    if let Some(n) = after_keyword(statement, b"import") {
        for part in statement[n..].split(|b| *b == b',') {
            let module = dotted(part.trim_ascii_start());
            let top = module.split(|b| *b == b'.').next().unwrap_or(&[]).to_vec();
            if !top.is_empty() {
                out.push(Import::Bound(top));
            }
        }
    } else if let Some(n) = after_keyword(statement, b"from") {
        let rest = statement[n..].trim_ascii_start();
        let module = dotted(rest);
        if module.is_empty() || module.starts_with(b".") {
            return;
        }
        let names = rest
            .windows(7)
            .position(|w| w == b"import ")
            .map(|pos| &rest[pos + 7..])
            .unwrap_or(&[]);
        let names = names.trim_ascii();
        if names.is_empty()
            || names.starts_with(b"(")
            || names.starts_with(b"*")
            || names.ends_with(b"\\")
        {
            out.push(Import::Under(module));
            return;
        }
        for name in names.split(|b| *b == b',') {
            let name = dotted(name.trim_ascii_start());
            if !name.is_empty() {
                let mut full = module.clone();
                full.push(b'.');
                full.extend_from_slice(&name);
                out.push(Import::Name(full));
            }
        }
    }
}

/// Can these imports lead to a name starting with `required` (`requests.Session`)?
pub fn reaches(import: &Import, required: &[u8]) -> bool {
    let under = |long: &[u8], short: &[u8]| {
        long.len() > short.len() && long.starts_with(short) && long[short.len()] == b'.'
    };
    match import {
        Import::Bound(top) => required == top.as_slice() || under(required, top),
        Import::Name(path) => {
            required == path.as_slice() || under(required, path) || under(path, required)
        }
        Import::Under(module) => under(required, module) || under(module, required),
    }
}
