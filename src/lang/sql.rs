//! SQL front-end: a small tolerant reader, not a parser. It tokenises the whole file
//! (dollar-quoted function bodies are read as SQL too) and picks out what lints need, so a
//! dialect it does not know never hides a finding:
//! - `CREATE TABLE t (...)` and `ALTER TABLE t ADD [COLUMN] c ...` → a [`Record`] per table with
//!   its columns as fields;
//! - every `name(args)` → a [`Call`] with the function name lower-cased (schema dropped) and each
//!   argument's value (a string or number literal, a nested call, else unknown);
//! - `INSERT INTO t (c, ...) VALUES (v, ...)`, `UPDATE t SET c = v` and `NEW.c := v` → an
//!   [`Assign`] of `t.c` (or `c`) so a lint can see what goes into a column;
//! - `SET [@@session.]name = value` → an [`Assign`] of `name`.

use super::LowerError;
use crate::facts::{Arg, Assign, Call, CallValue, Facts, Field, Record, Span, Value};
use crate::source::SourceFile;

pub fn lower(src: &SourceFile) -> Result<Facts, LowerError> {
    Ok(lower_text(&src.text))
}

#[derive(Clone, Debug, PartialEq)]
enum Kind {
    Ident,
    Str,
    Num,
    Punct,
}

#[derive(Clone, Debug)]
struct Tok {
    kind: Kind,
    /// Identifiers unquoted, strings unescaped, punctuation as written.
    text: String,
    span: Span,
}

impl Tok {
    fn is(&self, word: &str) -> bool {
        self.kind == Kind::Ident && self.text.eq_ignore_ascii_case(word)
    }
    fn punct(&self, p: &str) -> bool {
        self.kind == Kind::Punct && self.text == p
    }
}

fn tokens(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let push = |out: &mut Vec<Tok>, kind, text: String, s, e| {
        out.push(Tok {
            kind,
            text,
            span: Span::new(s, e),
        })
    };
    while i < b.len() {
        let c = b[i];
        let start = i;
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c == b'-' && b.get(i + 1) == Some(&b'-') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            i += 2;
            while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                i += 1;
            }
            i += 2;
        } else if c == b'\''
            || ((c == b'E' || c == b'e' || c == b'N') && b.get(i + 1) == Some(&b'\''))
        {
            if c != b'\'' {
                i += 1;
            }
            i += 1;
            let mut s = Vec::new();
            while i < b.len() {
                if b[i] == b'\'' {
                    if b.get(i + 1) == Some(&b'\'') {
                        s.push(b'\'');
                        i += 2;
                        continue;
                    }
                    break;
                }
                if b[i] == b'\\' && c != b'\'' && i + 1 < b.len() {
                    i += 1;
                }
                s.push(b[i]);
                i += 1;
            }
            i += 1;
            push(
                &mut out,
                Kind::Str,
                String::from_utf8_lossy(&s).into_owned(),
                start,
                i.min(b.len()),
            );
        } else if c == b'$'
            && (b.get(i + 1) == Some(&b'$')
                || b.get(i + 1)
                    .is_some_and(|n| n.is_ascii_alphabetic() || *n == b'_'))
        {
            // `$$` / `$tag$` open or close a function body: read through it as SQL.
            let mut j = i + 1;
            while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_') {
                j += 1;
            }
            if b.get(j) == Some(&b'$') {
                i = j + 1;
            } else {
                i = j; // a positional parameter or a variable such as `$1`
                push(&mut out, Kind::Ident, text[start..i].to_string(), start, i);
            }
        } else if c == b'"' || c == b'`' || c == b'[' {
            let close = if c == b'[' { b']' } else { c };
            i += 1;
            while i < b.len() && b[i] != close {
                i += 1;
            }
            let inner = text.get(start + 1..i).unwrap_or("").to_string();
            i += 1;
            push(&mut out, Kind::Ident, inner, start, i.min(b.len()));
        } else if c.is_ascii_alphabetic() || c == b'_' || c == b'@' || c >= 0x80 {
            while i < b.len()
                && (b[i].is_ascii_alphanumeric()
                    || b[i] == b'_'
                    || b[i] == b'@'
                    || b[i] == b'$'
                    || b[i] >= 0x80)
            {
                i += 1;
            }
            push(&mut out, Kind::Ident, text[start..i].to_string(), start, i);
        } else if c.is_ascii_digit() {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'.') {
                i += 1;
            }
            push(&mut out, Kind::Num, text[start..i].to_string(), start, i);
        } else {
            let two = text.get(i..i + 2).unwrap_or("");
            let len = if [":=", "::", "<>", "!=", ">=", "<=", "||"].contains(&two) {
                2
            } else {
                1
            };
            let len = if text.is_char_boundary(i + len) {
                len
            } else {
                1
            };
            i += len;
            push(
                &mut out,
                Kind::Punct,
                text.get(start..i).unwrap_or("").to_string(),
                start,
                i,
            );
        }
    }
    out
}

/// Index of the token closing the parenthesis opened at `open`.
fn closing(toks: &[Tok], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (j, t) in toks.iter().enumerate().skip(open) {
        if t.punct("(") {
            depth += 1;
        } else if t.punct(")") {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return Some(j);
            }
        }
    }
    None
}

/// Splits `toks[from..to]` at top-level commas.
fn split_commas(toks: &[Tok], from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = from;
    for (j, t) in toks.iter().enumerate().take(to).skip(from) {
        if t.punct("(") {
            depth += 1;
        } else if t.punct(")") {
            depth = depth.saturating_sub(1);
        } else if t.punct(",") && depth == 0 {
            out.push((start, j));
            start = j + 1;
        }
    }
    if start < to {
        out.push((start, to));
    }
    out
}

/// A qualified name ending at `i` (`schema.table`), and the index after it.
fn name_at(toks: &[Tok], mut i: usize) -> Option<(String, usize)> {
    let mut parts = Vec::new();
    loop {
        let t = toks.get(i)?;
        if t.kind != Kind::Ident {
            return None;
        }
        parts.push(t.text.clone());
        i += 1;
        if toks.get(i).is_some_and(|t| t.punct(".")) {
            i += 1;
            continue;
        }
        break;
    }
    Some((parts.join("."), i))
}

/// The value of an expression made of `toks[from..to]`.
fn value_of(toks: &[Tok], from: usize, to: usize, depth: usize) -> Value {
    let part = &toks[from..to];
    // `'x'::bytea`, `'x'::text` are the literal.
    let part = match part.iter().position(|t| t.punct("::")) {
        Some(p) if p > 0 => &part[..p],
        _ => part,
    };
    match part {
        [t] if t.kind == Kind::Str => Value::Str(t.text.clone()),
        [t] if t.kind == Kind::Num => t.text.parse().map_or(Value::Unknown, Value::Int),
        [t] if t.is("NULL") => Value::Null,
        [t] if t.is("TRUE") => Value::Bool(true),
        [t] if t.is("FALSE") => Value::Bool(false),
        _ if depth < 16 => {
            let Some((name, after)) = name_at(toks, from) else {
                return Value::Unknown;
            };
            if !toks.get(after).is_some_and(|t| t.punct("(")) {
                return Value::Unknown;
            }
            match closing(toks, after) {
                Some(close) if close + 1 == to => Value::Call(std::sync::Arc::new(CallValue {
                    callee: callee_name(&name),
                    args: args(toks, after, close, depth + 1),
                })),
                _ => Value::Unknown,
            }
        }
        _ => Value::Unknown,
    }
}

fn callee_name(name: &str) -> String {
    name.rsplit('.').next().unwrap_or(name).to_ascii_lowercase()
}

fn args(toks: &[Tok], open: usize, close: usize, depth: usize) -> Vec<Arg> {
    split_commas(toks, open + 1, close)
        .into_iter()
        .enumerate()
        .filter(|(_, (s, e))| s < e)
        .map(|(index, (s, e))| {
            let span = Span::new(toks[s].span.start, toks[e - 1].span.end);
            Arg {
                name: None,
                index: Some(index),
                value: value_of(toks, s, e, depth),
                span,
                origin: None,
                text: toks[s..e]
                    .iter()
                    .map(|t| t.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            }
        })
        .collect()
}

/// Words after which `name (` is not a function call.
const NOT_CALLS: &[&str] = &[
    "TABLE",
    "INTO",
    "REFERENCES",
    "EXISTS",
    "VALUES",
    "IN",
    "AS",
    "ON",
    "USING",
    "KEY",
    "INDEX",
    "FUNCTION",
    "PROCEDURE",
    "VIEW",
    "TRIGGER",
    "TYPE",
    "UNIQUE",
    "CHECK",
    "PRIMARY",
];

const CONSTRAINTS: &[&str] = &[
    "CONSTRAINT",
    "PRIMARY",
    "FOREIGN",
    "UNIQUE",
    "CHECK",
    "KEY",
    "INDEX",
    "EXCLUDE",
    "LIKE",
    "FULLTEXT",
    "SPATIAL",
    "PERIOD",
];

fn lower_text(text: &str) -> Facts {
    let toks = tokens(text);
    let mut facts = Facts::default();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        // CREATE [OR REPLACE] [TEMP...] TABLE [IF NOT EXISTS] name (
        if t.is("TABLE") && i > 0 && before_is_create_or_alter(&toks, i) {
            let mut j = i + 1;
            if toks.get(j).is_some_and(|t| t.is("IF")) {
                j += 2;
                if toks.get(j).is_some_and(|t| t.is("EXISTS")) {
                    j += 1;
                }
            }
            if toks.get(j).is_some_and(|t| t.is("ONLY")) {
                j += 1;
            }
            if let Some((name, after)) = name_at(&toks, j) {
                if toks.get(after).is_some_and(|t| t.punct("(")) {
                    if let Some(close) = closing(&toks, after) {
                        table(&toks, &name, t.span.start, after, close, &mut facts);
                    }
                } else {
                    alter_add(&toks, &name, after, &mut facts);
                }
            }
        }
        if t.is("SET") {
            set_assign(&toks, i, &mut facts);
        }
        if t.is("INSERT") {
            insert(&toks, i, &mut facts);
        }
        if t.kind == Kind::Ident && toks.get(i + 1).is_some_and(|n| n.punct(":=")) {
            // plpgsql `NEW.col := expr;`
            let target_start = if i >= 2 && toks[i - 1].punct(".") {
                i - 2
            } else {
                i
            };
            let end = statement_end(&toks, i + 2);
            facts.assigns.push(Assign {
                target: toks[i].text.to_ascii_lowercase(),
                value: value_of(&toks, i + 2, end, 0),
                span: Span::new(
                    toks[target_start].span.start,
                    toks[end.max(i + 2) - 1].span.end,
                ),
                value_span: span_of(&toks, i + 2, end),
            });
        }
        if t.kind == Kind::Ident && toks.get(i + 1).is_some_and(|n| n.punct("(")) {
            let prev_blocks =
                i > 0 && (NOT_CALLS.iter().any(|w| toks[i - 1].is(w)) || toks[i - 1].punct("."));
            if !prev_blocks || (i > 0 && toks[i - 1].punct(".") && !before_is_keyword(&toks, i)) {
                if let Some(close) = closing(&toks, i + 1) {
                    let name = if i >= 2 && toks[i - 1].punct(".") {
                        format!("{}.{}", toks[i - 2].text, t.text)
                    } else {
                        t.text.clone()
                    };
                    facts.calls.push(Call {
                        callee: callee_name(&name),
                        args: args(&toks, i + 1, close, 0),
                        span: Span::new(t.span.start, toks[close].span.end),
                        callee_span: t.span,
                    });
                }
            }
        }
        i += 1;
    }
    facts
}

fn span_of(toks: &[Tok], from: usize, to: usize) -> Span {
    match (toks.get(from), to.checked_sub(1).and_then(|e| toks.get(e))) {
        (Some(a), Some(b)) if from < to => Span::new(a.span.start, b.span.end),
        (Some(a), _) => a.span,
        _ => Span::default(),
    }
}

/// `schema.table(` after `REFERENCES` / `INTO` is not a call either.
fn before_is_keyword(toks: &[Tok], i: usize) -> bool {
    i >= 3 && NOT_CALLS.iter().any(|w| toks[i - 3].is(w))
}

fn before_is_create_or_alter(toks: &[Tok], i: usize) -> bool {
    toks[..i]
        .iter()
        .rev()
        .take(4)
        .any(|t| t.is("CREATE") || t.is("ALTER"))
}

/// Index of the `;` ending the statement that starts at `from` (or the end).
fn statement_end(toks: &[Tok], from: usize) -> usize {
    let mut depth = 0usize;
    for (j, t) in toks.iter().enumerate().skip(from) {
        if t.punct("(") {
            depth += 1;
        } else if t.punct(")") {
            if depth == 0 {
                return j;
            }
            depth -= 1;
        } else if t.punct(";") && depth == 0 {
            return j;
        }
    }
    toks.len()
}

fn table(toks: &[Tok], name: &str, start: usize, open: usize, close: usize, facts: &mut Facts) {
    let mut fields = Vec::new();
    for (s, e) in split_commas(toks, open + 1, close) {
        let Some(first) = toks.get(s) else { continue };
        if s >= e || first.kind != Kind::Ident || CONSTRAINTS.iter().any(|c| first.is(c)) {
            continue;
        }
        let ty = toks
            .get(s + 1)
            .filter(|_| s + 1 < e)
            .map(|t| t.text.to_ascii_uppercase())
            .unwrap_or_default();
        fields.push(Field {
            name: first.text.clone(),
            ty,
            annotations: Vec::new(),
            span: span_of(toks, s, e),
        });
    }
    facts.records.push(Record {
        name: name.to_string(),
        bases: vec!["sql.table".into()],
        fields,
        span: Span::new(start, toks[close].span.end),
    });
}

/// `ALTER TABLE t ADD [COLUMN] [IF NOT EXISTS] c type, ADD ...`: the columns join `t`'s record.
fn alter_add(toks: &[Tok], name: &str, from: usize, facts: &mut Facts) {
    let end = statement_end(toks, from);
    let mut fields = Vec::new();
    for (s, e) in split_commas(toks, from, end) {
        let mut j = s;
        if !toks.get(j).is_some_and(|t| t.is("ADD")) {
            continue;
        }
        j += 1;
        if toks.get(j).is_some_and(|t| t.is("COLUMN")) {
            j += 1;
        }
        if toks.get(j).is_some_and(|t| t.is("IF")) {
            j += 3;
        }
        let Some(col) = toks.get(j).filter(|t| t.kind == Kind::Ident && j < e) else {
            continue;
        };
        if CONSTRAINTS.iter().any(|c| col.is(c)) {
            continue;
        }
        fields.push(Field {
            name: col.text.clone(),
            ty: toks
                .get(j + 1)
                .map(|t| t.text.to_ascii_uppercase())
                .unwrap_or_default(),
            annotations: Vec::new(),
            span: span_of(toks, s, e),
        });
    }
    if fields.is_empty() {
        return;
    }
    match facts.records.iter_mut().find(|r| r.name == name) {
        Some(r) => r.fields.extend(fields),
        None => facts.records.push(Record {
            name: name.to_string(),
            bases: vec!["sql.table".into()],
            span: span_of(toks, from, end),
            fields,
        }),
    }
}

/// `SET [GLOBAL|SESSION] [@@session.]name = value` and `UPDATE t SET c = v, ...`.
fn set_assign(toks: &[Tok], at: usize, facts: &mut Facts) {
    let mut end = statement_end(toks, at + 1);
    let mut depth = 0usize;
    for (k, t) in toks.iter().enumerate().take(end).skip(at + 1) {
        if t.punct("(") {
            depth += 1;
        } else if t.punct(")") {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && ["WHERE", "FROM", "RETURNING"].iter().any(|w| t.is(w)) {
            end = k;
            break;
        }
    }
    // `UPDATE t SET`: the table two tokens back.
    let table = (at >= 2 && toks[at - 2].is("UPDATE")).then(|| toks[at - 1].text.clone());
    let mut j = at + 1;
    if toks
        .get(j)
        .is_some_and(|t| t.is("GLOBAL") || t.is("SESSION") || t.is("LOCAL"))
    {
        j += 1;
    }
    for (s, e) in split_commas(toks, j, end) {
        let Some(eq) = (s..e).find(|&k| toks[k].punct("=") || toks[k].is("TO")) else {
            continue;
        };
        let Some((name, _)) = name_at(toks, s) else {
            continue;
        };
        let name = name
            .trim_start_matches("@@")
            .trim_start_matches("session.")
            .trim_start_matches("global.")
            .to_ascii_lowercase();
        let target = match &table {
            Some(t) => format!("{}.{}", t.to_ascii_lowercase(), name),
            None => name,
        };
        facts.assigns.push(Assign {
            target,
            value: value_of(toks, eq + 1, e, 0),
            span: span_of(toks, s, e),
            value_span: span_of(toks, eq + 1, e),
        });
    }
}

/// `INSERT INTO t (a, b) VALUES (x, y), (...)`: one assignment per column and row.
fn insert(toks: &[Tok], at: usize, facts: &mut Facts) {
    let mut j = at + 1;
    if toks.get(j).is_some_and(|t| t.is("INTO")) {
        j += 1;
    }
    let Some((table, after)) = name_at(toks, j) else {
        return;
    };
    if !toks.get(after).is_some_and(|t| t.punct("(")) {
        return;
    }
    let Some(close) = closing(toks, after) else {
        return;
    };
    let columns: Vec<String> = split_commas(toks, after + 1, close)
        .into_iter()
        .filter_map(|(s, _)| toks.get(s).map(|t| t.text.to_ascii_lowercase()))
        .collect();
    let mut k = close + 1;
    if !toks.get(k).is_some_and(|t| t.is("VALUES")) {
        return;
    }
    k += 1;
    let table = table.to_ascii_lowercase();
    while toks.get(k).is_some_and(|t| t.punct("(")) {
        let Some(row_close) = closing(toks, k) else {
            return;
        };
        for ((s, e), col) in split_commas(toks, k + 1, row_close)
            .into_iter()
            .zip(&columns)
        {
            facts.assigns.push(Assign {
                target: format!("{table}.{col}"),
                value: value_of(toks, s, e, 0),
                span: span_of(toks, s, e),
                value_span: span_of(toks, s, e),
            });
        }
        k = row_close + 1;
        if toks.get(k).is_some_and(|t| t.punct(",")) {
            k += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_and_alter() {
        let src = "CREATE TABLE IF NOT EXISTS public.cards (\n  id BIGSERIAL PRIMARY KEY,\n  pan_encrypted BYTEA NOT NULL,\n  CONSTRAINT x UNIQUE (id)\n);\nALTER TABLE public.cards ADD COLUMN encryption_key BYTEA;\n";
        let f = lower_text(src);
        assert_eq!(f.records.len(), 1);
        let names: Vec<_> = f.records[0]
            .fields
            .iter()
            .map(|x| x.name.as_str())
            .collect();
        assert_eq!(names, vec!["id", "pan_encrypted", "encryption_key"]);
        assert!(!f.calls.iter().any(|c| c.callee == "cards"));
    }

    #[test]
    fn calls_inside_function_bodies() {
        let src = "CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  NEW.ssn_encrypted := pgp_sym_encrypt(NEW.ssn, 'Pa55-word', 'cipher-algo=aes256');\n  RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql;\n";
        let f = lower_text(src);
        let c = f
            .calls
            .iter()
            .find(|c| c.callee == "pgp_sym_encrypt")
            .unwrap();
        assert_eq!(c.args[1].value, Value::Str("Pa55-word".into()));
        assert_eq!(
            &src[c.args[1].span.start..c.args[1].span.end],
            "'Pa55-word'"
        );
        assert_eq!(f.assigns[0].target, "ssn_encrypted");
    }

    #[test]
    fn set_insert_update() {
        let src = "SET block_encryption_mode = 'aes-256-ecb';\nINSERT INTO staff (username, password_hash) VALUES ('a', md5('x'));\nUPDATE app_users SET password_hash = sha1(p), updated_at = now() WHERE id = 1;\nSELECT * FROM t ORDER BY created_at DESC;\n";
        let f = lower_text(src);
        let targets: Vec<_> = f.assigns.iter().map(|a| a.target.as_str()).collect();
        assert!(targets.contains(&"block_encryption_mode"));
        assert!(targets.contains(&"staff.password_hash"));
        assert!(targets.contains(&"app_users.password_hash"));
        let pw = f
            .assigns
            .iter()
            .find(|a| a.target == "staff.password_hash")
            .unwrap();
        assert!(matches!(&pw.value, Value::Call(c) if c.callee == "md5"));
    }

    #[test]
    fn unterminated_input_does_not_panic() {
        for src in [
            "CREATE TABLE t (",
            "SELECT 'abc",
            "$$ x",
            "/* x",
            "INSERT INTO t (a) VALUES (",
            "é(",
            "x := ",
        ] {
            let _ = lower_text(src);
        }
    }
}
