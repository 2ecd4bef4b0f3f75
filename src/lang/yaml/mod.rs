//! YAML-family front-end on tree-sitter-yaml: CloudFormation (YAML, and JSON read as flow-style
//! YAML), Kubernetes and Istio manifests, kubeconfig, docker-compose, GitHub Actions and GitLab
//! CI workflows, Spring `application.yml`, Ansible playbooks and roles.
//!
//! Every document of a stream is lowered to a small tree ([`Y`]) that keeps the span of every
//! key, with anchors, aliases and `<<` merges resolved and CloudFormation short-form tags
//! (`!Ref x`) rewritten to their long form (`{Ref: x}`). From that tree come `Entry` facts for
//! every scalar mapping entry (key path joined by `.`), then the kind-specific facts:
//! CloudFormation resources ([`cfn`]), Kubernetes objects, container env and commands ([`kube`]),
//! compose and CI environment and scripts ([`workflow`]), Ansible tasks ([`ansible`]).

mod ansible;
mod cfn;
mod kube;
mod workflow;

use std::collections::HashMap;

use tree_sitter::Node as TsNode;

use super::ts::{self, text};
use super::LowerError;
use crate::classify::FileKind;
use crate::facts::{Entry, Facts, Node, NodeKind, Span, Value};
use crate::source::SourceFile;

/// Deepest nesting lowered; anything below is `Unknown` (no stack overflow on hostile input).
const MAX_DEPTH: usize = 128;
/// Most nodes aliases may copy in one file (guards against "billion laughs" documents).
const ALIAS_BUDGET: usize = 100_000;

/// How a scalar was written: plain, quoted or as a block. Embedded scripts are read from the
/// source text when the style allows it, so their facts get exact host-file spans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    Plain,
    Quoted,
    Block,
    /// Not written in the file (a missing value, a depth cut-off).
    None,
}

/// A YAML node with spans, keys included.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Y {
    pub kind: YKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum YKind {
    Scalar(Value, Style),
    Map(Vec<Pair>),
    List(Vec<Y>),
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Pair {
    pub key: String,
    pub key_span: Span,
    pub value: Y,
}

impl Pair {
    /// From the key to the end of the value.
    pub fn span(&self) -> Span {
        Span::new(
            self.key_span.start,
            self.value.span.end.max(self.key_span.end),
        )
    }
}

impl Y {
    pub fn scalar(value: Value, span: Span) -> Y {
        Y {
            kind: YKind::Scalar(value, Style::None),
            span,
        }
    }

    pub fn get(&self, key: &str) -> Option<&Y> {
        self.pair(key).map(|p| &p.value)
    }

    pub fn pair(&self, key: &str) -> Option<&Pair> {
        match &self.kind {
            YKind::Map(pairs) => pairs.iter().find(|p| p.key == key),
            _ => None,
        }
    }

    pub fn pairs(&self) -> &[Pair] {
        match &self.kind {
            YKind::Map(pairs) => pairs,
            _ => &[],
        }
    }

    pub fn items(&self) -> &[Y] {
        match &self.kind {
            YKind::List(items) => items,
            _ => &[],
        }
    }

    pub fn value(&self) -> Option<&Value> {
        match &self.kind {
            YKind::Scalar(v, _) => Some(v),
            _ => None,
        }
    }

    /// The text of a scalar, for keys, names and command words (`8080` gives `"8080"`).
    pub fn text(&self) -> Option<String> {
        match self.value()? {
            Value::Str(s) | Value::Partial(s) => Some(s.clone()),
            Value::Bool(b) => Some(b.to_string()),
            Value::Int(i) => Some(i.to_string()),
            Value::Float(f) => Some(f.to_string()),
            _ => None,
        }
    }

    /// The attribute tree the lints see.
    pub fn to_node(&self) -> Node {
        self.to_node_at(0)
    }

    fn to_node_at(&self, depth: usize) -> Node {
        let kind = if depth > MAX_DEPTH {
            NodeKind::Scalar(Value::Unknown)
        } else {
            match &self.kind {
                YKind::Scalar(v, _) => NodeKind::Scalar(v.clone()),
                YKind::Map(pairs) => NodeKind::Map(
                    pairs
                        .iter()
                        .map(|p| (p.key.clone(), p.value.to_node_at(depth + 1)))
                        .collect(),
                ),
                YKind::List(items) => {
                    NodeKind::List(items.iter().map(|i| i.to_node_at(depth + 1)).collect())
                }
            }
        };
        Node {
            kind,
            span: self.span,
        }
    }

    fn size(&self) -> usize {
        match &self.kind {
            YKind::Scalar(..) => 1,
            YKind::Map(pairs) => 1 + pairs.iter().map(|p| p.value.size()).sum::<usize>(),
            YKind::List(items) => 1 + items.iter().map(Y::size).sum::<usize>(),
        }
    }
}

/// One document of the stream: its tree and the span of the whole document.
pub(crate) struct Doc {
    pub root: Y,
    pub span: Span,
}

pub fn lower(src: &SourceFile) -> Result<Facts, LowerError> {
    let text = &src.text;
    let (mut docs, errors) = parse(text)?;
    if !errors.is_empty() && text.contains("{{") {
        return Err(LowerError::skip(
            "helm template: the file is not YAML until it is rendered",
        ));
    }
    let mut facts = Facts {
        recovered_errors: errors,
        ..Facts::default()
    };
    if src.kind == FileKind::CloudFormation {
        for doc in &mut docs {
            cfn::resolve(&mut doc.root);
        }
    }
    for doc in &docs {
        entries(&doc.root, &mut facts);
    }
    match src.kind {
        FileKind::CloudFormation => cfn::lower(&docs, &mut facts),
        FileKind::Kubernetes | FileKind::Kubeconfig => kube::lower(&docs, text, &mut facts),
        FileKind::Compose => workflow::compose(&docs, text, &mut facts),
        FileKind::GithubActions => workflow::github(&docs, text, &mut facts),
        FileKind::GitlabCi => workflow::gitlab(&docs, text, &mut facts),
        FileKind::Ansible => ansible::lower(&docs, &src.path, text, &mut facts),
        _ => {}
    }
    Ok(facts)
}

/// Every document of a stream, and the spans of the syntax errors the parser recovered from.
pub(crate) fn parse(text: &str) -> Result<(Vec<Doc>, Vec<Span>), LowerError> {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for (base, chunk) in chunks(text) {
        let tree = ts::parse("yaml", || tree_sitter_yaml::LANGUAGE.into(), chunk)?;
        let root = tree.root_node();
        errors.extend(
            ts::error_spans(root)
                .into_iter()
                .map(|e| Span::new(e.start + base, e.end + base)),
        );
        docs.extend(documents(root, chunk, base));
    }
    Ok((docs, errors))
}

/// Splits a stream at its document markers (`---` at the start of a line always starts a new
/// document, even inside a block scalar). Each document is parsed on its own: one broken
/// document does not spoil the others, and very long streams stay cheap to parse.
fn chunks(text: &str) -> Vec<(usize, &str)> {
    let mut starts = vec![0];
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let marker = line
            .strip_prefix("---")
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', '\r', '\n']));
        if marker && offset > 0 {
            starts.push(offset);
        }
        offset += line.len();
    }
    starts.push(text.len());
    starts
        .windows(2)
        .filter_map(|w| Some((w[0], text.get(w[0]..w[1])?)))
        .collect()
}

/// Lowers every document of one chunk of the stream (an empty document gives nothing).
pub(crate) fn documents(root: TsNode, src: &str, base: usize) -> Vec<Doc> {
    let mut builder = Builder {
        src,
        base,
        anchors: HashMap::new(),
        budget: ALIAS_BUDGET,
    };
    let mut docs = Vec::new();
    let mut cursor = root.walk();
    for doc in root.named_children(&mut cursor) {
        if doc.kind() != "document" {
            continue;
        }
        builder.anchors.clear();
        let mut c = doc.walk();
        let body = doc
            .named_children(&mut c)
            .find(|n| matches!(n.kind(), "block_node" | "flow_node"));
        if let Some(body) = body {
            docs.push(Doc {
                root: builder.node(body, 0),
                span: builder.at(doc),
            });
        }
    }
    docs
}

struct Builder<'s> {
    /// The text of the document being lowered, which starts at byte `base` of the file.
    src: &'s str,
    base: usize,
    anchors: HashMap<String, Y>,
    budget: usize,
}

impl Builder<'_> {
    /// A node's span in the whole file (documents are parsed one at a time), without the line
    /// breaks a block node swallows at its end.
    fn at(&self, n: TsNode) -> Span {
        let (start, end) = (n.start_byte(), n.end_byte());
        let trimmed = self
            .src
            .get(start..end)
            .map_or(end, |t| start + t.trim_end().len());
        Span::new(start + self.base, trimmed.max(start) + self.base)
    }

    fn node(&mut self, n: TsNode, depth: usize) -> Y {
        let sp = self.at(n);
        if depth > MAX_DEPTH {
            return Y::scalar(Value::Unknown, sp);
        }
        match n.kind() {
            "block_node" | "flow_node" => {
                let (mut tag, mut anchor, mut content) = (None, None, None);
                let mut cursor = n.walk();
                for child in n.named_children(&mut cursor) {
                    match child.kind() {
                        "tag" => tag = Some(text(child, self.src).to_string()),
                        "anchor" => {
                            anchor = Some(text(child, self.src).trim_start_matches('&').to_string())
                        }
                        "comment" => {}
                        _ => content = Some(child),
                    }
                }
                let mut y = match content {
                    Some(c) => self.node(c, depth + 1),
                    None => Y::scalar(Value::Null, sp),
                };
                if let Some(t) = tag {
                    y = self.apply_tag(&t, y, sp);
                }
                if let Some(a) = anchor {
                    self.anchors.insert(a, y.clone());
                }
                y
            }
            "block_mapping" | "flow_mapping" => {
                let mut pairs: Vec<Pair> = Vec::new();
                let mut merged: Vec<Pair> = Vec::new();
                let mut cursor = n.walk();
                for child in n.named_children(&mut cursor) {
                    let (key, value) = match child.kind() {
                        "block_mapping_pair" | "flow_pair" => (
                            child.child_by_field_name("key"),
                            child.child_by_field_name("value"),
                        ),
                        "flow_node" => (Some(child), None),
                        _ => continue,
                    };
                    let Some(key) = key else { continue };
                    let key_text = self.key_text(key, depth);
                    let value = match value {
                        Some(v) => self.node(v, depth + 1),
                        None => {
                            Y::scalar(Value::Null, Span::new(self.at(key).end, self.at(key).end))
                        }
                    };
                    if key_text == "<<" {
                        match &value.kind {
                            YKind::Map(ps) => merged.extend(ps.iter().cloned()),
                            YKind::List(items) => {
                                for i in items {
                                    merged.extend(i.pairs().iter().cloned());
                                }
                            }
                            _ => {}
                        }
                        continue;
                    }
                    pairs.push(Pair {
                        key: key_text,
                        key_span: self.at(key),
                        value,
                    });
                }
                for m in merged {
                    if !pairs.iter().any(|p| p.key == m.key) {
                        pairs.push(m);
                    }
                }
                Y {
                    kind: YKind::Map(pairs),
                    span: sp,
                }
            }
            "block_sequence" | "flow_sequence" => {
                let mut items = Vec::new();
                let mut cursor = n.walk();
                for child in n.named_children(&mut cursor) {
                    match child.kind() {
                        "block_sequence_item" => {
                            let mut c = child.walk();
                            let inner = child
                                .named_children(&mut c)
                                .find(|x| matches!(x.kind(), "block_node" | "flow_node"));
                            items.push(match inner {
                                Some(i) => self.node(i, depth + 1),
                                None => Y::scalar(Value::Null, self.at(child)),
                            });
                        }
                        "flow_node" => items.push(self.node(child, depth + 1)),
                        "flow_pair" => {
                            let key = child
                                .child_by_field_name("key")
                                .map(|k| (self.key_text(k, depth), self.at(k)));
                            let value = child
                                .child_by_field_name("value")
                                .map(|v| self.node(v, depth + 1));
                            if let (Some((key, key_span)), Some(value)) = (key, value) {
                                items.push(Y {
                                    kind: YKind::Map(vec![Pair {
                                        key,
                                        key_span,
                                        value,
                                    }]),
                                    span: self.at(child),
                                });
                            }
                        }
                        _ => {}
                    }
                }
                Y {
                    kind: YKind::List(items),
                    span: sp,
                }
            }
            "plain_scalar" => {
                let raw = text(n, self.src);
                let mut cursor = n.walk();
                let typed = n.named_children(&mut cursor).next().map(|c| c.kind());
                let value = match typed {
                    Some("boolean_scalar") => Value::Bool(raw.eq_ignore_ascii_case("true")),
                    Some("null_scalar") => Value::Null,
                    Some("integer_scalar") => {
                        parse_int(raw).map_or_else(|| Value::Str(raw.into()), Value::Int)
                    }
                    Some("float_scalar") => raw
                        .parse()
                        .map_or_else(|_| Value::Str(raw.into()), Value::Float),
                    _ => Value::Str(fold_plain(raw)),
                };
                Y {
                    kind: YKind::Scalar(value, Style::Plain),
                    span: sp,
                }
            }
            "double_quote_scalar" => Y {
                kind: YKind::Scalar(
                    Value::Str(unescape_double(text(n, self.src))),
                    Style::Quoted,
                ),
                span: sp,
            },
            "single_quote_scalar" => {
                let raw = text(n, self.src);
                let inner = raw
                    .strip_prefix('\'')
                    .and_then(|r| r.strip_suffix('\''))
                    .unwrap_or(raw);
                Y {
                    kind: YKind::Scalar(
                        Value::Str(fold_plain(&inner.replace("''", "'"))),
                        Style::Quoted,
                    ),
                    span: sp,
                }
            }
            "block_scalar" => Y {
                kind: YKind::Scalar(Value::Str(block_scalar(text(n, self.src))), Style::Block),
                span: sp,
            },
            "alias" => {
                let name = text(n, self.src).trim_start_matches('*');
                match self.anchors.get(name) {
                    Some(y) if y.size() <= self.budget => {
                        self.budget -= y.size();
                        y.clone()
                    }
                    _ => Y::scalar(Value::Unknown, sp),
                }
            }
            _ => Y::scalar(Value::Unknown, sp),
        }
    }

    /// A mapping key as text: the scalar's value, or the source text of anything else.
    fn key_text(&mut self, key: TsNode, depth: usize) -> String {
        let y = self.node(key, depth + 1);
        match (&y.kind, y.text()) {
            (YKind::Scalar(_, Style::Plain), _) => text(key, self.src).trim().to_string(),
            (_, Some(t)) => t,
            _ => text(key, self.src).trim().to_string(),
        }
    }

    /// CloudFormation short forms become the long form: `!Ref x` is `{Ref: x}`, `!GetAtt a.b`
    /// is `{Fn::GetAtt: [a, b]}`, `!Sub s` is `{Fn::Sub: s}`. YAML core tags are kept as they
    /// are except `!!str`, which makes the scalar a string.
    fn apply_tag(&self, tag: &str, y: Y, sp: Span) -> Y {
        let wrap = |key: &str, value: Y| Y {
            kind: YKind::Map(vec![Pair {
                key: key.to_string(),
                key_span: Span::new(sp.start, sp.start + tag.len()),
                value,
            }]),
            span: sp,
        };
        match tag {
            "!!str" => match &y.kind {
                YKind::Scalar(..) => Y {
                    kind: YKind::Scalar(Value::Str(y.text().unwrap_or_default()), Style::Plain),
                    span: y.span,
                },
                _ => y,
            },
            t if t.starts_with("!!") || !t.starts_with('!') => y,
            "!Ref" => wrap("Ref", y),
            "!Condition" => wrap("Condition", y),
            "!GetAtt" => {
                let parts = match y.text() {
                    Some(s) if matches!(y.kind, YKind::Scalar(..)) => {
                        let (a, b) = s.split_once('.').unwrap_or((&s, ""));
                        Y {
                            kind: YKind::List(vec![
                                Y::scalar(Value::Str(a.into()), y.span),
                                Y::scalar(Value::Str(b.into()), y.span),
                            ]),
                            span: y.span,
                        }
                    }
                    _ => y,
                };
                wrap("Fn::GetAtt", parts)
            }
            t => wrap(&format!("Fn::{}", &t[1..]), y),
        }
    }
}

fn parse_int(raw: &str) -> Option<i64> {
    let t = raw.trim().trim_start_matches('+');
    if let Some(h) = t.strip_prefix("0x") {
        return i64::from_str_radix(h, 16).ok();
    }
    if let Some(o) = t.strip_prefix("0o") {
        return i64::from_str_radix(o, 8).ok();
    }
    t.parse().ok()
}

/// A multi-line plain or single-quoted scalar folds its line breaks into spaces.
fn fold_plain(raw: &str) -> String {
    if !raw.contains('\n') {
        return raw.to_string();
    }
    let mut out = String::new();
    for line in raw.lines().map(str::trim) {
        if line.is_empty() {
            out.push('\n');
        } else {
            if !out.is_empty() && !out.ends_with('\n') {
                out.push(' ');
            }
            out.push_str(line);
        }
    }
    out
}

fn unescape_double(raw: &str) -> String {
    let inner = raw
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .unwrap_or(raw);
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some('0') => out.push('\0'),
                Some('e') => out.push('\u{1b}'),
                Some(' ') => out.push(' '),
                Some('/') => out.push('/'),
                Some('"') => out.push('"'),
                Some('\\') => out.push('\\'),
                Some(k @ ('x' | 'u' | 'U')) => {
                    let n = match k {
                        'x' => 2,
                        'u' => 4,
                        _ => 8,
                    };
                    let hex: String = (0..n).filter_map(|_| chars.next()).collect();
                    if let Some(ch) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                        out.push(ch);
                    }
                }
                Some('\n') => {
                    while chars.peek().is_some_and(|c| *c == ' ' || *c == '\t') {
                        chars.next();
                    }
                }
                Some(other) => out.push(other),
                None => {}
            },
            '\n' => {
                while out.ends_with(' ') || out.ends_with('\t') {
                    out.pop();
                }
                while chars.peek().is_some_and(|c| *c == ' ' || *c == '\t') {
                    chars.next();
                }
                out.push(' ');
            }
            _ => out.push(c),
        }
    }
    out
}

/// The content of a `|` or `>` block scalar: indentation removed, folded for `>`, chomped
/// as its header says.
fn block_scalar(raw: &str) -> String {
    let (header, body) = raw.split_once('\n').unwrap_or((raw, ""));
    let header = header.split('#').next().unwrap_or("").trim();
    let folded = header.starts_with('>');
    let lines: Vec<&str> = body.lines().collect();
    let indent = lines
        .iter()
        .find(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .unwrap_or(0);
    let strip = |l: &str| -> String { l.get(indent.min(l.len())..).unwrap_or("").to_string() };
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        let l = strip(line);
        if i > 0 {
            let prev_more = lines[i - 1].trim().is_empty() || strip(lines[i - 1]).starts_with(' ');
            if folded && !l.is_empty() && !l.starts_with(' ') && !prev_more {
                out.push(' ');
            } else {
                out.push('\n');
            }
        }
        out.push_str(&l);
    }
    if header.contains('-') {
        out.truncate(out.trim_end_matches('\n').len());
    } else if header.contains('+') {
        out.push('\n');
    } else {
        out.truncate(out.trim_end_matches('\n').len());
        out.push('\n');
    }
    out
}

/// The text of an embedded script and the byte where it starts in the host file. Plain and
/// block scalars are read from the source (indentation is only whitespace to a shell), so the
/// script's facts get exact spans; quoted scalars give their unescaped value.
pub(crate) fn embedded_script(y: &Y, src: &str) -> Option<(String, usize)> {
    let YKind::Scalar(value, style) = &y.kind else {
        return None;
    };
    let raw = src.get(y.span.start..y.span.end)?;
    match style {
        Style::Plain if !raw.contains('\n') => Some((raw.to_string(), y.span.start)),
        Style::Block => {
            let nl = raw.find('\n')?;
            Some((raw[nl + 1..].to_string(), y.span.start + nl + 1))
        }
        _ => value.as_text().map(|s| (s.to_string(), y.span.start + 1)),
    }
}

/// `Entry` facts for every mapping entry whose value is a scalar (or an intrinsic function),
/// with the key path joined by `.`; sequences add nothing to the path.
fn entries(root: &Y, facts: &mut Facts) {
    let mut stack: Vec<(&Y, String, usize)> = vec![(root, String::new(), 0)];
    while let Some((y, path, depth)) = stack.pop() {
        if depth > MAX_DEPTH {
            continue;
        }
        match &y.kind {
            YKind::Scalar(..) => {}
            YKind::List(items) => {
                for i in items.iter().rev() {
                    stack.push((i, path.clone(), depth + 1));
                }
            }
            YKind::Map(pairs) => {
                let mut children = Vec::new();
                for p in pairs {
                    let full = if path.is_empty() {
                        p.key.clone()
                    } else {
                        format!("{path}.{}", p.key)
                    };
                    match &p.value.kind {
                        YKind::Scalar(v, _) => facts.entries.push(Entry {
                            path: full,
                            key: p.key.clone(),
                            value: v.clone(),
                            span: p.span(),
                        }),
                        YKind::Map(_) if cfn::is_intrinsic(&p.value) => facts.entries.push(Entry {
                            path: full,
                            key: p.key.clone(),
                            value: Value::Unknown,
                            span: p.span(),
                        }),
                        _ => children.push((&p.value, full, depth + 1)),
                    }
                }
                stack.extend(children.into_iter().rev());
            }
        }
    }
}

#[cfg(test)]
mod tests;
