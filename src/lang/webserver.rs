//! Web-server configs: nginx, Apache httpd and HAProxy. Every directive becomes a
//! [`Directive`] with its enclosing blocks as the section (`http.server.location`,
//! `VirtualHost`, `backend`); every nginx `server {}` and Apache `<VirtualHost>` also becomes a
//! [`Resource`] (`nginx.server`, `apache.virtualhost`) spanning the block, so a check can look
//! at everything one server does (listen ports, redirects, headers). HAProxy `bind`/`server`
//! lines also give one directive per TLS option (`verify none`, `ciphers ...`,
//! `ssl-min-ver ...`), spanning that option.

use super::LowerError;
use crate::classify::FileKind;
use crate::facts::{Directive, Facts, Node, NodeKind, Resource, Span, Value, Word};
use crate::source::SourceFile;

pub fn lower(src: &SourceFile) -> Result<Facts, LowerError> {
    Ok(match src.kind {
        FileKind::Apache => apache(&src.text),
        FileKind::Haproxy => haproxy(&src.text),
        _ => nginx(&src.text),
    })
}

#[derive(Debug, PartialEq)]
enum Tok {
    Word(String),
    Open,
    Close,
    Semi,
}

fn nginx_tokens(text: &str) -> Vec<(Tok, Span)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b if b.is_ascii_whitespace() => i += 1,
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'{' => {
                out.push((Tok::Open, Span::new(i, i + 1)));
                i += 1;
            }
            b'}' => {
                out.push((Tok::Close, Span::new(i, i + 1)));
                i += 1;
            }
            b';' => {
                out.push((Tok::Semi, Span::new(i, i + 1)));
                i += 1;
            }
            _ => {
                let start = i;
                let mut word = Vec::new();
                while i < bytes.len() {
                    let c = bytes[i];
                    if c == b'"' || c == b'\'' {
                        i += 1;
                        while i < bytes.len() && bytes[i] != c {
                            if bytes[i] == b'\\' && i + 1 < bytes.len() {
                                i += 1;
                            }
                            word.push(bytes[i]);
                            i += 1;
                        }
                        i += 1;
                        continue;
                    }
                    if c.is_ascii_whitespace() || c == b';' || c == b'{' || c == b'}' {
                        break;
                    }
                    // `${var}` stays inside the word.
                    if c == b'$' && bytes.get(i + 1) == Some(&b'{') {
                        while i < bytes.len() && bytes[i] != b'}' {
                            word.push(bytes[i]);
                            i += 1;
                        }
                    }
                    if i < bytes.len() {
                        word.push(bytes[i]);
                        i += 1;
                    }
                }
                let end = i.min(bytes.len());
                out.push((
                    Tok::Word(String::from_utf8_lossy(&word).into_owned()),
                    Span::new(start, end),
                ));
            }
        }
    }
    out
}

struct OpenBlock {
    name: String,
    header: Span,
    /// Index of the block's own directive, whose span grows to the closing brace.
    directive: Option<usize>,
    /// Index into `facts.resources` when the block is a `server`.
    resource: Option<usize>,
}

fn nginx(text: &str) -> Facts {
    let mut facts = Facts::default();
    let mut stack: Vec<OpenBlock> = Vec::new();
    let mut words: Vec<Word> = Vec::new();
    let section = |stack: &[OpenBlock]| {
        stack
            .iter()
            .map(|b| b.name.as_str())
            .collect::<Vec<_>>()
            .join(".")
    };
    for (tok, span) in nginx_tokens(text) {
        match tok {
            Tok::Word(w) => words.push(Word { text: w, span }),
            Tok::Semi => {
                if let Some((first, rest)) = words.split_first() {
                    let d = Directive {
                        section: section(&stack),
                        name: first.text.clone(),
                        args: rest.to_vec(),
                        span: Span::new(first.span.start, span.end),
                    };
                    // Only the server's own directives go into its attribute tree.
                    if let Some(r) = stack.last().and_then(|b| b.resource) {
                        add_attr(&mut facts.resources[r], &d);
                    }
                    facts.directives.push(d);
                }
                words.clear();
            }
            Tok::Open => {
                let (name, header) = match words.first() {
                    Some(first) => (
                        first.text.clone(),
                        Span::new(
                            first.span.start,
                            words.last().map_or(span.end, |w| w.span.end),
                        ),
                    ),
                    None => (String::new(), span),
                };
                // A block is a directive too (`location /api/ {...}`, `if (...) {...}`), spanning
                // the whole block so a check can tell what lies inside it.
                let mut directive = None;
                if let Some((first, rest)) = words.split_first() {
                    facts.directives.push(Directive {
                        section: section(&stack),
                        name: first.text.clone(),
                        args: rest.to_vec(),
                        span: header,
                    });
                    directive = Some(facts.directives.len() - 1);
                }
                let in_http = stack.iter().all(|b| b.name == "http");
                let resource = (name == "server" && in_http).then(|| {
                    facts.resources.push(Resource {
                        kind: "nginx.server".into(),
                        name: String::new(),
                        body: Node {
                            kind: NodeKind::Map(Vec::new()),
                            span: header,
                        },
                        span: header,
                        header,
                    });
                    facts.resources.len() - 1
                });
                stack.push(OpenBlock {
                    name,
                    header,
                    directive,
                    resource,
                });
                words.clear();
            }
            Tok::Close => {
                words.clear();
                if let Some(block) = stack.pop() {
                    if let Some(d) = block.directive {
                        facts.directives[d].span.end = span.end;
                    }
                    if let Some(r) = block.resource {
                        let res = &mut facts.resources[r];
                        res.span = Span::new(block.header.start, span.end);
                        res.body.span = res.span;
                    }
                }
            }
        }
    }
    facts
}

fn add_attr(res: &mut Resource, d: &Directive) {
    let value = d
        .args
        .iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if d.name == "server_name" && res.name.is_empty() {
        res.name = value.clone();
    }
    if let NodeKind::Map(entries) = &mut res.body.kind {
        entries.push((
            d.name.clone(),
            Node {
                kind: NodeKind::Scalar(Value::Str(value)),
                span: d.span,
            },
        ));
    }
}

/// Physical lines joined across `\` continuations, with comment lines dropped: (start, end,
/// text) where `text` keeps the original offsets of its first line only.
fn logical_lines(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut offset = 0;
    let mut pending: Option<(usize, usize, String)> = None;
    for raw in text.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let end = start + line.len();
        let (s, mut acc) = match pending.take() {
            Some((s, _, acc)) => (s, acc),
            None => {
                let t = line.trim_start();
                if t.is_empty() || t.starts_with('#') {
                    continue;
                }
                (start + (line.len() - t.len()), String::new())
            }
        };
        let part = if acc.is_empty() {
            line.trim_start()
        } else {
            line
        };
        if let Some(cont) = part.strip_suffix('\\') {
            acc.push_str(cont);
            pending = Some((s, end, acc));
        } else {
            acc.push_str(part);
            out.push((s, end, acc));
        }
    }
    if let Some(p) = pending {
        out.push(p);
    }
    out
}

/// Words of a line with spans, quotes removed (spans are exact for single-line directives).
fn line_words(text: &str, base: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let mut word = Vec::new();
        if bytes[i] == b'"' || bytes[i] == b'\'' {
            let q = bytes[i];
            i += 1;
            while i < bytes.len() && bytes[i] != q {
                if bytes[i] == b'\\' && i + 1 < bytes.len() {
                    i += 1;
                }
                word.push(bytes[i]);
                i += 1;
            }
            i += 1;
        } else {
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                word.push(bytes[i]);
                i += 1;
            }
        }
        out.push(Word {
            text: String::from_utf8_lossy(&word).into_owned(),
            span: Span::new(base + start, base + i.min(bytes.len())),
        });
    }
    out
}

fn apache(text: &str) -> Facts {
    let mut facts = Facts::default();
    // (block name, its resource, its directive)
    let mut stack: Vec<(String, Option<usize>, usize)> = Vec::new();
    for (start, end, line) in logical_lines(text) {
        let t = line.trim();
        if let Some(close) = t.strip_prefix("</") {
            let name = close.trim_end_matches('>').trim();
            if let Some(pos) = stack
                .iter()
                .rposition(|(n, _, _)| n.eq_ignore_ascii_case(name))
            {
                for (_, r, d) in stack.drain(pos..) {
                    facts.directives[d].span.end = end;
                    if let Some(r) = r {
                        let res = &mut facts.resources[r];
                        res.span.end = end;
                        res.body.span = res.span;
                    }
                }
            }
            continue;
        }
        if let Some(open) = t.strip_prefix('<') {
            let inner = open.trim_end().trim_end_matches('>');
            let words = line_words(inner, start + 1);
            let Some((first, rest)) = words.split_first() else {
                continue;
            };
            let section = stack
                .iter()
                .map(|(n, _, _)| n.as_str())
                .collect::<Vec<_>>()
                .join(".");
            let header = Span::new(start, end);
            facts.directives.push(Directive {
                section,
                name: first.text.clone(),
                args: rest.to_vec(),
                span: header,
            });
            let resource = first.text.eq_ignore_ascii_case("VirtualHost").then(|| {
                facts.resources.push(Resource {
                    kind: "apache.virtualhost".into(),
                    name: rest
                        .iter()
                        .map(|w| w.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                    body: Node {
                        kind: NodeKind::Map(Vec::new()),
                        span: header,
                    },
                    span: header,
                    header,
                });
                facts.resources.len() - 1
            });
            stack.push((first.text.clone(), resource, facts.directives.len() - 1));
            continue;
        }
        let words = line_words(&line, start);
        let Some((first, rest)) = words.split_first() else {
            continue;
        };
        let d = Directive {
            section: stack
                .iter()
                .map(|(n, _, _)| n.as_str())
                .collect::<Vec<_>>()
                .join("."),
            name: first.text.clone(),
            args: rest.to_vec(),
            span: Span::new(start, end),
        };
        if let Some(r) = stack.iter().rev().find_map(|(_, r, _)| *r) {
            add_attr(&mut facts.resources[r], &d);
        }
        facts.directives.push(d);
    }
    facts
}

/// HAProxy section keywords: a line starting with one opens a section.
const HAPROXY_SECTIONS: &[&str] = &[
    "global",
    "defaults",
    "frontend",
    "backend",
    "listen",
    "resolvers",
    "peers",
    "userlist",
    "program",
    "http-errors",
    "ring",
    "cache",
    "mailers",
    "crt-store",
];

/// Options of `bind`/`server` lines that take a value and matter for TLS.
const HAPROXY_TLS_OPTIONS: &[&str] = &[
    "verify",
    "ciphers",
    "ciphersuites",
    "ssl-min-ver",
    "ssl-max-ver",
];

fn haproxy(text: &str) -> Facts {
    let mut facts = Facts::default();
    let mut section = String::new();
    for (start, end, line) in logical_lines(text) {
        let line = match line.find(" #") {
            Some(i) => line[..i].to_string(),
            None => line,
        };
        let words = line_words(&line, start);
        let Some((first, rest)) = words.split_first() else {
            continue;
        };
        if HAPROXY_SECTIONS.contains(&first.text.as_str()) {
            section = first.text.clone();
            facts.directives.push(Directive {
                section: String::new(),
                name: first.text.clone(),
                args: rest.to_vec(),
                span: Span::new(start, end),
            });
            continue;
        }
        facts.directives.push(Directive {
            section: section.clone(),
            name: first.text.clone(),
            args: rest.to_vec(),
            span: Span::new(start, end),
        });
        if matches!(first.text.as_str(), "bind" | "server" | "default-server") {
            for (i, w) in rest.iter().enumerate() {
                if HAPROXY_TLS_OPTIONS.contains(&w.text.as_str()) {
                    if let Some(v) = rest.get(i + 1) {
                        facts.directives.push(Directive {
                            section: format!("{section}.{}", first.text),
                            name: w.text.clone(),
                            args: vec![v.clone()],
                            span: Span::new(w.span.start, v.span.end),
                        });
                    }
                }
            }
        }
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nginx_blocks_sections_and_servers() {
        let src = "http {\n  # ssl_protocols TLSv1; in a comment\n  server {\n    listen 443 ssl;\n    add_header Strict-Transport-Security \"max-age=600\" always;\n    location /api/ { proxy_pass https://x; proxy_ssl_verify off; }\n  }\n}\n";
        let f = nginx(src);
        let hsts = f
            .directives
            .iter()
            .find(|d| d.name == "add_header")
            .unwrap();
        assert_eq!(hsts.section, "http.server");
        assert_eq!(hsts.args[1].text, "max-age=600");
        let verify = f
            .directives
            .iter()
            .find(|d| d.name == "proxy_ssl_verify")
            .unwrap();
        assert_eq!(verify.section, "http.server.location");
        assert!(!f.directives.iter().any(|d| d.name == "ssl_protocols"));
        assert_eq!(f.resources.len(), 1);
        let r = &f.resources[0];
        assert!(src[r.span.start..r.span.end].starts_with("server {"));
        assert!(src[r.span.start..r.span.end].ends_with('}'));
        assert!(r.body.get("listen").is_some());
    }

    #[test]
    fn apache_virtual_hosts() {
        let src = "<VirtualHost *:443>\n  SSLEngine on\n  SSLProtocol all -SSLv3\n  <Location /x>\n    Require all granted\n  </Location>\n</VirtualHost>\n";
        let f = apache(src);
        assert_eq!(f.resources.len(), 1);
        assert_eq!(f.resources[0].name, "*:443");
        assert!(src[f.resources[0].span.start..f.resources[0].span.end].ends_with("</VirtualHost>"));
        let p = f
            .directives
            .iter()
            .find(|d| d.name == "SSLProtocol")
            .unwrap();
        assert_eq!(p.section, "VirtualHost");
        assert_eq!(p.args.len(), 2);
    }

    #[test]
    fn haproxy_options() {
        let src = "global\n  ssl-default-bind-options ssl-min-ver TLSv1.2\nbackend app\n  server a 10.0.0.1:443 ssl verify none\n";
        let f = haproxy(src);
        let v = f.directives.iter().find(|d| d.name == "verify").unwrap();
        assert_eq!(v.section, "backend.server");
        assert_eq!(&src[v.span.start..v.span.end], "verify none");
    }
}
