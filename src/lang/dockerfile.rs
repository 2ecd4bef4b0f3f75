//! Dockerfile front-end: a line reader for instructions with `\` continuations and heredocs.
//! Every instruction becomes a [`Directive`]; `ENV`/`ARG` set variables; `RUN`, `CMD`,
//! `ENTRYPOINT` and `HEALTHCHECK CMD` are shell scripts lowered by the shell front-end with
//! Dockerfile spans; `ADD <url>` is a download, lowered as a command named `ADD`.

use std::collections::HashMap;

use super::{shell, LowerError};
use crate::facts::{Command, Directive, EnvSet, Facts, Span, Value, Word, UNKNOWN_PART};
use crate::source::SourceFile;

pub fn lower(src: &SourceFile) -> Result<Facts, LowerError> {
    Ok(lower_text(&src.text))
}

/// One logical instruction: its keyword and the rest of its text, with comment lines inside
/// continuations blanked out (same length, so offsets still point into the file).
struct Instruction {
    keyword: String,
    span: Span,
    /// Start of the arguments in the file.
    args_start: usize,
    /// The arguments, blanked as described.
    args: String,
    /// The body of a heredoc (`RUN <<EOF`), and where it starts.
    heredoc: Option<(usize, String)>,
}

fn lower_text(text: &str) -> Facts {
    let mut facts = Facts::default();
    let escape = escape_char(text);
    let mut vars: HashMap<String, String> = HashMap::new();
    for ins in instructions(text, escape) {
        let (keyword, args_start, args) = match ins.keyword.as_str() {
            "ONBUILD" => {
                let trimmed = ins.args.trim_start();
                let lead = ins.args.len() - trimmed.len();
                let kw_len = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
                (
                    trimmed[..kw_len].to_ascii_uppercase(),
                    ins.args_start + lead + kw_len,
                    trimmed[kw_len..].to_string(),
                )
            }
            _ => (ins.keyword.clone(), ins.args_start, ins.args.clone()),
        };
        let words = split_words(&args, args_start);
        facts.directives.push(Directive {
            section: String::new(),
            name: keyword.clone(),
            args: words.clone(),
            span: ins.span,
        });
        match keyword.as_str() {
            "ENV" | "ARG" => {
                // `ARG NAME value` is read like legacy `ENV NAME value`: Checkov and Docker
                // users write it meaning a default, and git reads any value of
                // GIT_SSL_NO_VERIFY as "off".
                for (name, value, span) in assignments(&args, args_start, true) {
                    let value = substitute(&value, &vars);
                    if let Value::Str(v) = &value {
                        vars.insert(name.clone(), v.clone());
                    }
                    if keyword == "ARG" && span.end == span.start + name.len() {
                        continue; // `ARG NAME` without a default sets nothing
                    }
                    facts.envs.push(EnvSet { name, value, span });
                }
            }
            "RUN" | "CMD" | "ENTRYPOINT" => script(&args, args_start, ins.span, &mut facts),
            "HEALTHCHECK" => {
                if let Some(pos) = find_word(&args, "CMD") {
                    script(&args[pos + 3..], args_start + pos + 3, ins.span, &mut facts);
                }
            }
            "ADD" => {
                let sources = words.iter().filter(|w| !w.text.starts_with("--"));
                let count = sources.clone().count();
                for w in sources.take(count.saturating_sub(1)) {
                    let url = substitute(&w.text, &vars);
                    let url = url.as_text().unwrap_or_default();
                    if url.contains("://") {
                        facts.commands.push(Command {
                            program: "ADD".into(),
                            args: vec![Word {
                                text: url.to_string(),
                                span: w.span,
                            }],
                            span: ins.span,
                            pipeline: Vec::new(),
                            pipeline_span: ins.span,
                            redirects: Vec::new(),
                        });
                    }
                }
            }
            _ => {}
        }
        if let Some((start, body)) = &ins.heredoc {
            if keyword == "RUN" {
                shell::lower_embedded(body, *start, &mut facts);
            }
        }
    }
    facts
}

/// `# escape=`` ` `` parser directive, else `\`.
fn escape_char(text: &str) -> char {
    for line in text.lines() {
        let t = line.trim();
        let Some(d) = t.strip_prefix('#') else { break };
        let d = d.trim().to_ascii_lowercase();
        if let Some(v) = d.strip_prefix("escape") {
            if let Some(c) = v
                .trim_start()
                .strip_prefix('=')
                .and_then(|v| v.trim().chars().next())
            {
                return c;
            }
        }
    }
    '\\'
}

fn instructions(text: &str, escape: char) -> Vec<Instruction> {
    // Lines with their start offsets (the newline kept out of the line).
    let mut lines = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        lines.push((start, line));
        start += line.len();
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let (line_start, line) = lines[i];
        let trimmed = line.trim_start();
        if trimmed.trim().is_empty() || trimmed.starts_with('#') {
            i += 1;
            continue;
        }
        let lead = line.len() - trimmed.len();
        let kw_len = trimmed
            .find(char::is_whitespace)
            .unwrap_or(trimmed.trim_end().len());
        let keyword = trimmed[..kw_len].to_ascii_uppercase();
        let args_start = line_start + lead + kw_len;
        let mut body = String::new();
        body.push_str(&text[args_start..line_start + line.len()]);
        let mut end = line_start + line.trim_end().len();
        let mut continued = line.trim_end().ends_with(escape);
        i += 1;
        while continued && i < lines.len() {
            let (ls, l) = lines[i];
            let t = l.trim();
            if t.is_empty() || t.starts_with('#') {
                body.push_str(&" ".repeat(l.len()));
                i += 1;
                continue;
            }
            body.push_str(l);
            end = ls + l.trim_end().len();
            continued = l.trim_end().ends_with(escape);
            i += 1;
        }
        if escape != '\\' {
            // The shell only knows `\` continuations.
            body = body.replace(&format!("{escape}\n"), "\\\n");
        }
        let mut heredoc = None;
        if let Some(delim) = heredoc_delimiter(&body) {
            let body_start = lines.get(i).map_or(text.len(), |(s, _)| *s);
            let mut heredoc_text = String::new();
            while i < lines.len() {
                let (ls, l) = lines[i];
                i += 1;
                if l.trim() == delim {
                    end = ls + l.trim_end().len();
                    break;
                }
                heredoc_text.push_str(l);
                end = ls + l.trim_end().len();
            }
            heredoc = Some((body_start, heredoc_text));
        }
        let body_len = end.saturating_sub(args_start).min(body.len());
        body.truncate(body_len);
        out.push(Instruction {
            keyword,
            span: Span::new(line_start + lead, end.max(line_start + lead)),
            args_start,
            args: body,
            heredoc,
        });
    }
    out
}

/// `<<EOF`, `<<-EOF`, `<<"EOF"`: the delimiter.
fn heredoc_delimiter(body: &str) -> Option<String> {
    let i = body.find("<<")?;
    let rest = body[i + 2..].trim_start_matches('-');
    let rest = rest.trim_start_matches(['"', '\'']);
    let delim: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    (!delim.is_empty()).then_some(delim)
}

fn find_word(args: &str, word: &str) -> Option<usize> {
    let mut offset = 0;
    for w in args.split_inclusive(char::is_whitespace) {
        if w.trim().eq_ignore_ascii_case(word) {
            return Some(offset + (w.len() - w.trim_start().len()));
        }
        offset += w.len();
    }
    None
}

/// Whitespace-separated words with their file spans (quotes removed from whole-word quotes).
fn split_words(args: &str, base: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    let bytes = args.as_bytes();
    for (i, &b) in bytes
        .iter()
        .enumerate()
        .chain(std::iter::once((bytes.len(), &b' ')))
    {
        let space = b.is_ascii_whitespace() || (b == b'\\' && bytes.get(i + 1) == Some(&b'\n'));
        match (space, start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                let raw = &args[s..i];
                let text = raw.trim_matches(|c| c == '"' || c == '\'');
                out.push(Word {
                    text: text.to_string(),
                    span: Span::new(base + s, base + i),
                });
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// `ENV a=1 b="x y"`, legacy `ENV a 1 2`, `ARG a=1`: (name, raw value, span of the pair).
fn assignments(args: &str, base: usize, legacy: bool) -> Vec<(String, String, Span)> {
    let trimmed = args.trim_start();
    let lead = args.len() - trimmed.len();
    let first = trimmed.split_whitespace().next().unwrap_or("");
    if legacy && !first.contains('=') && !first.is_empty() {
        let value = trimmed[first.len()..].trim();
        let value = value.replace("\\\n", " ");
        let end = lead + trimmed.trim_end().len();
        return vec![(
            first.to_string(),
            unquote(value.trim()),
            Span::new(base + lead, base + end),
        )];
    }
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = args.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        while i < chars.len() && (chars[i].1.is_whitespace() || chars[i].1 == '\\') {
            i += 1;
        }
        if i >= chars.len() {
            break;
        }
        let start = chars[i].0;
        let mut quote = None;
        let mut j = i;
        while j < chars.len() {
            let c = chars[j].1;
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) if c == '\\' => j += 1,
                Some(_) => {}
                None if c == '"' || c == '\'' => quote = Some(c),
                None if c == '\\' && chars.get(j + 1).is_some_and(|n| n.1 != '\n') => j += 1,
                None if c.is_whitespace() => break,
                None => {}
            }
            j += 1;
        }
        let end = chars.get(j).map_or(args.len(), |c| c.0);
        let pair = &args[start..end];
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        if !name.is_empty() {
            out.push((
                name.to_string(),
                unquote(value),
                Span::new(base + start, base + end),
            ));
        }
        i = j;
    }
    out
}

fn unquote(v: &str) -> String {
    let mut out = String::new();
    let mut quote = None;
    let mut chars = v.chars().peekable();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (q, '\\') if q != Some('\'') => {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// `$VAR` / `${VAR}` from earlier `ARG`/`ENV` values; unknown ones become [`UNKNOWN_PART`].
fn substitute(value: &str, vars: &HashMap<String, String>) -> Value {
    if !value.contains('$') {
        return Value::Str(value.to_string());
    }
    let mut out = String::new();
    let mut unknown = false;
    let chars: Vec<char> = value.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '$' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let (name, len) = if chars.get(i + 1) == Some(&'{') {
            let end = chars[i..]
                .iter()
                .position(|&c| c == '}')
                .map_or(chars.len(), |p| i + p);
            let inner: String = chars[i + 2..end].iter().collect();
            let name = inner
                .split([':', '-', '+'])
                .next()
                .unwrap_or("")
                .to_string();
            (name, end + 1 - i)
        } else {
            let name: String = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == '_')
                .collect();
            let len = name.len() + 1;
            (name, len)
        };
        match vars.get(&name) {
            Some(v) if !name.is_empty() => out.push_str(v),
            _ if name.is_empty() => out.push('$'),
            _ => {
                out.push(UNKNOWN_PART);
                unknown = true;
            }
        }
        i += len.max(1);
    }
    if unknown {
        Value::Partial(out)
    } else {
        Value::Str(out)
    }
}

/// A `RUN`/`CMD`/`ENTRYPOINT` body: a JSON exec form or a shell script.
fn script(args: &str, base: usize, span: Span, facts: &mut Facts) {
    let trimmed = args.trim_start();
    let lead = args.len() - trimmed.len();
    // Shell-form `RUN` may start with `--mount=...` / `--network=...` options.
    let mut rest = trimmed;
    let mut offset = lead;
    while rest.starts_with("--") {
        let w = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let after = rest[w..].trim_start();
        offset += rest.len() - after.len();
        rest = after;
    }
    if rest.starts_with('[') {
        if let Some(words) = json_words(rest, base + offset) {
            exec_form(&words, span, facts);
            return;
        }
    }
    if rest.starts_with("<<") {
        return; // the heredoc body is lowered separately
    }
    // Docker joins continuation lines before the shell sees them; blanking each `\` and its
    // newline (same length, so offsets hold) gives the shell the command Docker runs.
    let joined = rest.replace("\\\r\n", "   ").replace("\\\n", "  ");
    let before = facts.envs.len();
    shell::lower_embedded(&joined, base + offset, facts);
    prefix_assignments(&joined, base + offset, before, facts);
}

/// `RUN NAME=value ... program`: the assignments before the program, read as Docker reads
/// `ENV` pairs. The shell front-end finds them in well-formed commands; this adds those it
/// could not read (a quote it sees as unterminated, `'a\''`), so that an assignment the
/// author plainly wrote is not lost to a parse error later on the line.
fn prefix_assignments(script: &str, base: usize, before: usize, facts: &mut Facts) {
    let mut found = Vec::new();
    for (name, value, span) in assignments(script, base, false) {
        let pair = &script[span.start - base..span.end - base];
        if !pair.contains('=') || !is_env_name(&name) {
            break;
        }
        found.push((name, value, span));
    }
    for (name, value, span) in found {
        let known = facts.envs[before..]
            .iter()
            .any(|e| e.name == name && e.span.start == span.start);
        if !known {
            facts.envs.push(EnvSet {
                name,
                value: Value::Str(value),
                span,
            });
        }
    }
}

fn is_env_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn exec_form(words: &[(String, Span)], span: Span, facts: &mut Facts) {
    let Some((program, _)) = words.first() else {
        return;
    };
    let program = shell::basename(program).to_string();
    if ["sh", "bash", "dash", "ash", "zsh"].contains(&program.as_str()) {
        if let Some(i) = words.iter().position(|(w, _)| w == "-c") {
            if let Some((script, s)) = words.get(i + 1) {
                shell::lower_embedded(script, s.start + 1, facts);
                return;
            }
        }
    }
    facts.commands.push(Command {
        program,
        args: words[1..]
            .iter()
            .map(|(t, s)| Word {
                text: t.clone(),
                span: *s,
            })
            .collect(),
        span,
        pipeline: Vec::new(),
        pipeline_span: span,
        redirects: Vec::new(),
    });
}

/// The strings of a JSON array of strings, with their spans (quotes included).
fn json_words(text: &str, base: usize) -> Option<Vec<(String, Span)>> {
    let end = text.rfind(']')?;
    let inner = &text[..=end];
    let list: Vec<String> = serde_json::from_str(inner).ok()?;
    let mut out = Vec::new();
    let mut search = 0;
    for s in list {
        let pos = inner[search..].find('"').map(|p| p + search)?;
        let mut close = pos + 1;
        let bytes = inner.as_bytes();
        while close < bytes.len() && bytes[close] != b'"' {
            close += if bytes[close] == b'\\' { 2 } else { 1 };
        }
        out.push((s, Span::new(base + pos, base + close + 1)));
        search = close + 1;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continuations_comments_and_env() {
        let src = "FROM node:20\nENV NODE_ENV=production \\\n    NODE_TLS_REJECT_UNAUTHORIZED=0\n# a comment\nRUN apt-get update \\\n  # curl -k in a comment\n  && curl -k https://x.example.com/a \\\n  && echo done\n";
        let f = lower_text(src);
        let env = f
            .envs
            .iter()
            .find(|e| e.name == "NODE_TLS_REJECT_UNAUTHORIZED")
            .unwrap();
        assert_eq!(env.value, Value::Str("0".into()));
        assert_eq!(
            &src[env.span.start..env.span.end],
            "NODE_TLS_REJECT_UNAUTHORIZED=0"
        );
        let curls: Vec<_> = f.commands.iter().filter(|c| c.program == "curl").collect();
        assert_eq!(curls.len(), 1);
        let k = &curls[0].args[0];
        assert_eq!(&src[k.span.start..k.span.end], "-k");
        assert!(f.commands.iter().any(|c| c.program == "echo"));
    }

    #[test]
    fn legacy_env_arg_and_add_url() {
        let src = "ARG BASE=http://mirror.example.com\nARG TOKEN\nENV KEY some value\nADD --chown=1:1 $BASE/x.tgz http://files.example.com/y.tgz /opt/\nCOPY secrets/server.key /etc/ssl/\n";
        let f = lower_text(src);
        assert_eq!(f.envs.len(), 2);
        assert_eq!(f.envs[1].value, Value::Str("some value".into()));
        let adds: Vec<_> = f.commands.iter().filter(|c| c.program == "ADD").collect();
        assert_eq!(adds.len(), 2);
        let copy = f.directives.iter().find(|d| d.name == "COPY").unwrap();
        assert_eq!(copy.args[0].text, "secrets/server.key");
    }

    #[test]
    fn exec_form_and_heredoc() {
        let src = "RUN [\"sh\", \"-c\", \"wget --no-check-certificate https://a.example.com\"]\nCMD [\"curl\", \"-k\", \"https://b.example.com\"]\nRUN <<EOF\ncurl --insecure https://c.example.com\nEOF\n";
        let f = lower_text(src);
        let progs: Vec<_> = f.commands.iter().map(|c| c.program.as_str()).collect();
        assert_eq!(progs, vec!["wget", "curl", "curl"]);
        let w = &f.commands[0].args[0];
        assert_eq!(&src[w.span.start..w.span.end], "--no-check-certificate");
        let last = &f.commands[2].args[0];
        assert_eq!(&src[last.span.start..last.span.end], "--insecure");
    }
}
