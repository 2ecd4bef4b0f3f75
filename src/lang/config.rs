//! Line-oriented config front-end: dotenv (`KEY=value` → [`EnvSet`]), ini-style tool configs
//! (`.npmrc`, `.yarnrc`, `.yarnrc.yml`, `.gitconfig`, `pip.conf`, `.curlrc`, `.wgetrc` →
//! [`Directive`] with the section, the key and the value), and Java `.properties`
//! (→ [`Entry`] with the dotted key as its path).
//!
//! Template dotenv files (`.env.example`, `.env.sample`, `.env.template`, ...) hold
//! placeholders: their values are lowered as partial strings, so they are never taken for
//! literal key material, while a URL or connection string in them is still readable.

use super::LowerError;
use crate::classify::FileKind;
use crate::facts::{Directive, Entry, EnvSet, Facts, Span, Value, Word, UNKNOWN_PART};
use crate::source::SourceFile;

pub fn lower(src: &SourceFile) -> Result<Facts, LowerError> {
    let name = src
        .path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    Ok(match src.kind {
        FileKind::Dotenv => dotenv(&src.text, is_template(&name)),
        FileKind::Properties => properties(&src.text),
        _ => ini(&src.text, &name),
    })
}

/// `.env.example`, `.env.sample`, `.env.template`, `.env.dist`, `.env.tpl`, `.env.defaults`.
pub fn is_template(name: &str) -> bool {
    [
        "example", "sample", "template", "dist", "tpl", "defaults", "skel",
    ]
    .iter()
    .any(|t| {
        name.ends_with(&format!(".{t}"))
            || name.contains(&format!(".{t}."))
            || name.starts_with(&format!("{t}."))
    })
}

/// Lines with their start offsets, without the line break.
fn lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        out.push((start, line.trim_end_matches(['\n', '\r'])));
        start += line.len();
    }
    out
}

fn dotenv(text: &str, template: bool) -> Facts {
    let mut facts = Facts::default();
    let all = lines(text);
    let mut i = 0;
    while i < all.len() {
        let (start, line) = all[i];
        i += 1;
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let lead = line.len() - trimmed.len();
        let body = trimmed.strip_prefix("export ").unwrap_or(trimmed);
        let offset = lead + (trimmed.len() - body.len());
        let Some(eq) = body.find('=') else { continue };
        let name = body[..eq].trim();
        if name.is_empty() || name.contains(char::is_whitespace) {
            continue;
        }
        let raw = body[eq + 1..].trim_start();
        let mut end = start + line.len();
        let mut value;
        let mut expand = true;
        if let Some(q) = raw.chars().next().filter(|c| *c == '"' || *c == '\'') {
            // A quoted value may span lines.
            let mut joined = raw[1..].to_string();
            let mut close = joined.find(q);
            while close.is_none() && i < all.len() {
                let (s, l) = all[i];
                i += 1;
                joined.push('\n');
                joined.push_str(l);
                end = s + l.len();
                close = joined.find(q);
            }
            value = joined[..close.unwrap_or(joined.len())].to_string();
            if q == '"' {
                value = value.replace("\\n", "\n").replace("\\\"", "\"");
            } else {
                expand = false;
            }
        } else {
            value = strip_inline_comment(raw).trim_end().to_string();
        }
        let value = if template {
            Value::Partial(value)
        } else if expand {
            interpolate(&value)
        } else {
            Value::Str(value)
        };
        facts.envs.push(EnvSet {
            name: name.to_string(),
            value,
            span: Span::new(start + offset, end),
        });
    }
    facts
}

/// ` # comment` after an unquoted value (a `#` inside a URL fragment has no space before it).
fn strip_inline_comment(v: &str) -> &str {
    let bytes = v.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if (*b == b'#' || *b == b';') && i > 0 && bytes[i - 1].is_ascii_whitespace() {
            return &v[..i];
        }
    }
    v
}

/// `${VAR}` and `$VAR` are read at run time: unknown parts.
fn interpolate(v: &str) -> Value {
    if !v.contains('$') {
        return Value::Str(v.to_string());
    }
    let mut out = String::new();
    let chars: Vec<char> = v.chars().collect();
    let mut i = 0;
    let mut unknown = false;
    while i < chars.len() {
        if chars[i] == '$' {
            if chars.get(i + 1) == Some(&'{') {
                let end = chars[i..]
                    .iter()
                    .position(|&c| c == '}')
                    .map_or(chars.len(), |p| i + p);
                out.push(UNKNOWN_PART);
                unknown = true;
                i = end + 1;
                continue;
            }
            let len = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == '_')
                .count();
            if len > 0 {
                out.push(UNKNOWN_PART);
                unknown = true;
                i += len + 1;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    if unknown {
        Value::Partial(out)
    } else {
        Value::Str(out)
    }
}

fn unquote(v: &str) -> &str {
    let v = v.trim();
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    v
}

/// How keys and values are separated in one ini-style dialect.
#[derive(Clone, Copy, PartialEq)]
enum Dialect {
    /// `key = value` (`.npmrc`, `.gitconfig`, `pip.conf`, `.wgetrc`).
    Equals,
    /// `key value` or `key "value"` (`.yarnrc` v1).
    Space,
    /// `key: value` (`.yarnrc.yml`, flattened).
    Colon,
    /// curl's config: `--insecure`, `-k`, `url = "..."`, `cacert /path`.
    Curl,
}

fn ini(text: &str, name: &str) -> Facts {
    let dialect = match name {
        ".yarnrc" => Dialect::Space,
        ".yarnrc.yml" | ".yarnrc.yaml" => Dialect::Colon,
        ".curlrc" | "_curlrc" => Dialect::Curl,
        _ => Dialect::Equals,
    };
    let npmrc = name == ".npmrc";
    let mut facts = Facts::default();
    let mut section = String::new();
    let mut last: Option<usize> = None;
    for (start, line) in lines(text) {
        let trimmed = line.trim_start();
        let lead = line.len() - trimmed.len();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with(';') {
            continue;
        }
        if dialect == Dialect::Equals && trimmed.starts_with('[') {
            section = section_name(trimmed);
            last = None;
            continue;
        }
        // pip.conf: an indented line without a separator continues the previous value.
        if lead > 0 && dialect == Dialect::Equals && !trimmed.contains('=') {
            if let Some(d) = last.and_then(|i| facts.directives.get_mut(i)) {
                let value = strip_inline_comment(trimmed).trim_end();
                d.args.push(Word {
                    text: unquote(value).to_string(),
                    span: Span::new(start + lead, start + lead + value.len()),
                });
                d.span.end = start + line.len();
                continue;
            }
        }
        let Some((key, value_at)) = split_key(trimmed, dialect) else {
            continue;
        };
        let mut key = key.trim().to_string();
        let mut dsection = section.clone();
        if dialect == Dialect::Curl {
            key = key.trim_start_matches('-').to_string();
            if key == "k" {
                key = "insecure".into();
            }
        }
        if npmrc {
            // `@scope:registry`, `//host/:_authToken`: the scope or host is the section.
            if let Some((scope, k)) = key.rsplit_once(':') {
                if scope.starts_with('@') || scope.starts_with("//") {
                    dsection = scope.to_string();
                    key = k.to_string();
                }
            }
        }
        let mut args = Vec::new();
        if let Some(at) = value_at {
            let raw = strip_inline_comment(&trimmed[at..]);
            let value = raw.trim();
            if !value.is_empty() {
                let vstart = start + lead + at + (raw.len() - raw.trim_start().len());
                args.push(Word {
                    text: unquote(value).to_string(),
                    span: Span::new(vstart, vstart + value.len()),
                });
            }
        }
        facts.directives.push(Directive {
            section: dsection,
            name: key,
            args,
            span: Span::new(start + lead, start + line.trim_end().len()),
        });
        last = Some(facts.directives.len() - 1);
    }
    facts
}

/// `[http]` → `http`; `[http "https://git.example.com/"]` → `http.https://git.example.com/`.
fn section_name(line: &str) -> String {
    let inner = line.trim_start_matches('[');
    let inner = inner.split(']').next().unwrap_or(inner).trim();
    // Section names are case-insensitive in git and pip; subsections (URLs) are not.
    match inner.split_once(char::is_whitespace) {
        Some((name, sub)) => format!("{}.{}", name.to_ascii_lowercase(), unquote(sub.trim())),
        None => inner.to_ascii_lowercase(),
    }
}

/// The key and where its value starts in `line`.
fn split_key(line: &str, dialect: Dialect) -> Option<(&str, Option<usize>)> {
    let sep = match dialect {
        Dialect::Equals => line.find('='),
        Dialect::Colon => line
            .find(": ")
            .or_else(|| line.strip_suffix(':').map(|l| l.len())),
        Dialect::Space => line.find(char::is_whitespace),
        Dialect::Curl => line.find(['=', ':', ' ', '\t']),
    };
    match sep {
        Some(i) => {
            let key = line[..i].trim();
            let mut rest = i + 1;
            if dialect == Dialect::Curl || dialect == Dialect::Space {
                // `url = "x"` in curl: skip a separator after spaces.
                let after = line[rest..].trim_start();
                let skipped = line.len() - rest - after.len();
                rest += skipped;
                if dialect == Dialect::Curl && (after.starts_with('=') || after.starts_with(':')) {
                    rest += 1;
                }
            }
            (!key.is_empty()).then_some((key, Some(rest.min(line.len()))))
        }
        None => Some((line.trim(), None)),
    }
}

/// Java properties: `key=value`, `key: value`, `key value`, `\` continuations, `#`/`!` comments.
fn properties(text: &str) -> Facts {
    let mut facts = Facts::default();
    let all = lines(text);
    let mut i = 0;
    while i < all.len() {
        let (start, line) = all[i];
        i += 1;
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with('!') {
            continue;
        }
        let lead = line.len() - trimmed.len();
        let mut logical = trimmed.to_string();
        let mut end = start + line.len();
        while logical.ends_with('\\') && i < all.len() {
            logical.pop();
            let (s, l) = all[i];
            i += 1;
            logical.push_str(l.trim_start());
            end = s + l.len();
        }
        let sep = logical
            .char_indices()
            .find(|(j, c)| {
                (*c == '=' || *c == ':' || c.is_whitespace())
                    && (*j == 0 || logical.as_bytes()[j - 1] != b'\\')
            })
            .map(|(j, _)| j);
        let (key, value) = match sep {
            Some(j) => {
                let rest = logical[j..].trim_start();
                let rest = rest
                    .strip_prefix(['=', ':'])
                    .map(str::trim_start)
                    .unwrap_or(rest);
                (&logical[..j], rest.trim_end())
            }
            None => (logical.as_str(), ""),
        };
        let key = key.replace('\\', "");
        let leaf = key.rsplit('.').next().unwrap_or(&key).to_string();
        facts.entries.push(Entry {
            path: key.clone(),
            key: leaf,
            value: interpolate(value),
            span: Span::new(start + lead, end),
        });
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotenv_values_quotes_and_templates() {
        let src = "# c\nexport A=1\nB=\"x y\" \nC='$NOT'\nD=http://h.example.com/#frag # note\nE=${HOME}/x\n";
        let f = dotenv(src, false);
        let v: Vec<_> = f
            .envs
            .iter()
            .map(|e| (e.name.as_str(), e.value.clone()))
            .collect();
        assert_eq!(v[0], ("A", Value::Str("1".into())));
        assert_eq!(v[1], ("B", Value::Str("x y".into())));
        assert_eq!(v[2], ("C", Value::Str("$NOT".into())));
        assert_eq!(v[3], ("D", Value::Str("http://h.example.com/#frag".into())));
        assert!(matches!(v[4].1, Value::Partial(_)));
        let t = dotenv("KEY=abcdefabcdef\n", true);
        assert!(matches!(t.envs[0].value, Value::Partial(_)));
        assert!(is_template(".env.example") && !is_template(".env.production"));
    }

    #[test]
    fn ini_sections_npm_scopes_and_continuations() {
        let f = ini(
            "[http \"https://git.example.com/\"]\n\tsslVerify = false\n",
            ".gitconfig",
        );
        assert_eq!(f.directives[0].section, "http.https://git.example.com/");
        assert_eq!(f.directives[0].name, "sslVerify");
        assert_eq!(f.directives[0].args[0].text, "false");
        let f = ini("@legacy:registry=http://npm.example.com/\n", ".npmrc");
        assert_eq!(f.directives[0].section, "@legacy");
        assert_eq!(f.directives[0].name, "registry");
        let f = ini(
            "[global]\ntrusted-host = a.example.com\n    b.example.com\n",
            "pip.conf",
        );
        assert_eq!(f.directives[0].args.len(), 2);
        let f = ini(
            "strict-ssl false\nregistry \"http://r.example.com\"\n",
            ".yarnrc",
        );
        assert_eq!(f.directives[1].args[0].text, "http://r.example.com");
        let f = ini("-k\nurl = \"http://x.example.com\"\n", ".curlrc");
        assert_eq!(f.directives[0].name, "insecure");
        assert_eq!(f.directives[1].args[0].text, "http://x.example.com");
    }

    #[test]
    fn properties_keys_and_continuations() {
        let f = properties(
            "spring.datasource.url=jdbc:mysql://db/x?\\\n  useSSL=false\n! c\na.b : c\n",
        );
        assert_eq!(f.entries[0].path, "spring.datasource.url");
        assert_eq!(f.entries[0].key, "url");
        assert_eq!(
            f.entries[0].value,
            Value::Str("jdbc:mysql://db/x?useSSL=false".into())
        );
        assert_eq!(f.entries[1].value, Value::Str("c".into()));
    }
}
