//! Getting syn a file it can read, and positions back out: a cargo script's frontmatter
//! blanked, a lexical pre-scan that refuses nesting syn would recurse too deep on, a parse
//! that skips the items syn cannot read, and the line index that turns proc-macro2's
//! line/column into byte offsets of this file.

use proc_macro2::LineColumn;

use super::*;
use crate::facts::Span;

/// The top-level items syn can read in a file it cannot read whole (syntax of an old edition
/// such as a trait object without `dyn`, or newer than syn): an item that fails is skipped to
/// its end (a `;` or a `{...}` at the top level) and its error kept, so the rest of the file
/// is still checked. None when the text does not even split into tokens.
pub(super) fn parse_items_recovering(text: &str) -> Option<(syn::File, Vec<syn::Error>)> {
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

/// A cargo script's frontmatter (`---cargo` ... `---` after an optional shebang) is not Rust:
/// blank it out, keeping every line and column where it was.
pub(super) fn blank_frontmatter(text: &str) -> std::borrow::Cow<'_, str> {
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

/// Offset of the first bracket that opens a level deeper than [`MAX_NESTING`], skipping
/// strings, characters and comments well enough for real code.
pub(super) fn too_deep(text: &str) -> Option<usize> {
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
pub(super) struct LineIndex<'s> {
    text: &'s str,
    starts: Vec<usize>,
    /// syn strips a byte-order mark before parsing; columns on line 1 start after it.
    bom: usize,
    /// Lines added above the file before parsing (a snippet wrapped in a block).
    pub(super) line_shift: usize,
}

impl<'s> LineIndex<'s> {
    pub(super) fn new(text: &'s str) -> Self {
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

    pub(super) fn offset(&self, lc: LineColumn) -> usize {
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

    pub(super) fn span(&self, s: proc_macro2::Span) -> Span {
        self.between(s, s)
    }

    /// From the start of `first` to the end of `last`.
    pub(super) fn between(&self, first: proc_macro2::Span, last: proc_macro2::Span) -> Span {
        let start = self.offset(first.start());
        let end = self.offset(last.end()).max(start);
        Span::new(start, end)
    }
}
