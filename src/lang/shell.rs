//! Shell front-end (tree-sitter-bash): every command with its words, redirections and the
//! other programs of its pipeline, and the environment variables it sets (`export X=1`,
//! `X=1 cmd`, `env X=1 cmd`). Wrappers (`sudo`, `env`, `exec`, `nohup`, `time`, `timeout`) are
//! looked through so the fact names the program that really runs; `sh -c '...'` is lowered as
//! a script of its own. Both passes are iterative, so deep nesting cannot overflow the stack.

use std::collections::{HashMap, HashSet};

use tree_sitter::Node;

use super::ts::{self, text};
use super::LowerError;
use crate::facts::{Command, EnvSet, Facts, Span, Value, Word, UNKNOWN_PART};
use crate::source::SourceFile;

/// How many `sh -c '...'` levels are lowered before giving up.
const MAX_NESTING: usize = 4;

pub fn lower(src: &SourceFile) -> Result<Facts, LowerError> {
    let mut facts = Facts::default();
    let tree = ts::parse("bash", || tree_sitter_bash::LANGUAGE.into(), &src.text)?;
    let root = tree.root_node();
    Lowerer::new(&src.text, 0, 0).run(root, &mut facts);
    // Recovered syntax errors are not reported: tree-sitter-bash rejects constructs that real,
    // valid scripts use (`for i do`, `case` arms, multi-line strings in some positions), and a
    // linter must not fail a user's build over its own parser's gap. The rest of the file is
    // lowered either way.
    Ok(facts)
}

/// Lowers a script embedded in another file (a Dockerfile `RUN`, a compose `command:`, a CI
/// `run:` step) whose text starts at byte `base` of the host file; facts get host-file spans.
pub fn lower_embedded(script: &str, base: usize, facts: &mut Facts) {
    lower_nested(script, base, facts, 0);
}

fn lower_nested(script: &str, base: usize, facts: &mut Facts, depth: usize) {
    if depth > MAX_NESTING || script.trim().is_empty() {
        return;
    }
    let Ok(tree) = ts::parse("bash", || tree_sitter_bash::LANGUAGE.into(), script) else {
        return;
    };
    Lowerer::new(script, base, depth).run(tree.root_node(), facts);
}

/// A word of a command line after quote removal, with its value (`Partial` when it holds an
/// expansion whose value is not known).
#[derive(Clone)]
struct W<'t> {
    text: String,
    value: Value,
    node: Node<'t>,
}

struct Lowerer<'s> {
    src: &'s str,
    base: usize,
    depth: usize,
    /// Variables assigned one literal value in the script (`DEST=/var/backups`).
    vars: HashMap<String, Option<String>>,
    exported: HashSet<String>,
}

const SHELLS: &[&str] = &["sh", "bash", "dash", "zsh", "ash", "ksh"];

impl<'s> Lowerer<'s> {
    fn new(src: &'s str, base: usize, depth: usize) -> Self {
        Lowerer {
            src,
            base,
            depth,
            vars: HashMap::new(),
            exported: HashSet::new(),
        }
    }

    fn span(&self, node: Node) -> Span {
        Span::new(node.start_byte() + self.base, node.end_byte() + self.base)
    }

    fn run(&mut self, root: Node, facts: &mut Facts) {
        self.bind(root);
        let mut stack = vec![root];
        while let Some(node) = stack.pop() {
            match node.kind() {
                "command" => self.command(node, facts),
                "declaration_command" => self.declaration(node, facts),
                "variable_assignment" => {
                    let standalone = node
                        .parent()
                        .is_some_and(|p| !matches!(p.kind(), "command" | "declaration_command"));
                    if standalone {
                        if let Some((name, _)) = self.assignment(node) {
                            if self.exported.contains(&name) {
                                self.env(node, facts);
                            }
                        }
                    }
                }
                "heredoc_body" | "comment" => continue,
                _ => {}
            }
            let mut cursor = node.walk();
            let children: Vec<Node> = node.children(&mut cursor).collect();
            stack.extend(children.into_iter().rev());
        }
    }

    /// First pass: variables with one literal value, and names exported anywhere.
    fn bind(&mut self, root: Node) {
        let mut stack = vec![root];
        while let Some(node) = stack.pop() {
            match node.kind() {
                "variable_assignment" => {
                    if let Some((name, value)) = self.assignment(node) {
                        let literal = value.as_str().map(str::to_owned);
                        let slot = self.vars.entry(name).or_insert(literal.clone());
                        if *slot != literal {
                            *slot = None;
                        }
                    }
                }
                "declaration_command" if self.is_export(node) => {
                    let mut cursor = node.walk();
                    for child in node.named_children(&mut cursor) {
                        if child.kind() == "variable_name" {
                            self.exported.insert(text(child, self.src).to_string());
                        }
                    }
                }
                "heredoc_body" | "comment" => continue,
                _ => {}
            }
            let mut cursor = node.walk();
            stack.extend(node.children(&mut cursor));
        }
    }

    fn is_export(&self, node: Node) -> bool {
        let first = node.child(0).map(|c| text(c, self.src)).unwrap_or_default();
        first == "export"
            || (first == "declare" || first == "typeset") && text(node, self.src).contains(" -x")
    }

    fn assignment(&self, node: Node) -> Option<(String, Value)> {
        let name = node.child_by_field_name("name")?;
        let name = text(name, self.src).to_string();
        let value = match node.child_by_field_name("value") {
            Some(v) => self.dequote(text(v, self.src)).1,
            None => Value::Str(String::new()),
        };
        Some((name, value))
    }

    fn env(&self, node: Node, facts: &mut Facts) {
        if let Some((name, value)) = self.assignment(node) {
            facts.envs.push(EnvSet {
                name,
                value,
                span: self.span(node),
            });
        }
    }

    fn declaration(&self, node: Node, facts: &mut Facts) {
        if !self.is_export(node) {
            return;
        }
        let mut cursor = node.walk();
        for child in node.named_children(&mut cursor) {
            if child.kind() == "variable_assignment" {
                self.env(child, facts);
            }
        }
    }

    fn word(&self, node: Node<'s>) -> W<'s> {
        let (text, value) = self.dequote(text(node, self.src));
        W { text, value, node }
    }

    /// The name and arguments of a `command` node, before wrappers are looked through.
    fn words(&self, node: Node<'s>) -> Vec<W<'s>> {
        let mut out = Vec::new();
        if let Some(name) = node.child_by_field_name("name") {
            out.push(self.word(name));
        }
        let mut cursor = node.walk();
        for arg in node.children_by_field_name("argument", &mut cursor) {
            out.push(self.word(arg));
        }
        out
    }

    /// Index of the word naming the program that really runs, past `sudo`, `env X=1`, ...,
    /// and the assignments `env` made on the way.
    fn unwrap<'a>(&self, words: &'a [W<'s>]) -> (Option<usize>, Vec<&'a W<'s>>) {
        let mut envs = Vec::new();
        let mut i = 0;
        while let Some(w) = words.get(i) {
            let prog = basename(&w.text);
            let takes_value: &[&str] = match prog {
                "sudo" | "doas" => &["-u", "-g", "-C", "-U", "-p", "-D", "-r", "-t", "-h"],
                "env" => &["-u", "-C", "-S"],
                "nice" => &["-n"],
                "exec" => &["-a"],
                "timeout" => &["-s", "-k"],
                "nohup" | "time" | "command" | "builtin" | "stdbuf" => &[],
                _ => break,
            };
            i += 1;
            while let Some(next) = words.get(i) {
                if next.text.starts_with('-') {
                    i += if takes_value.contains(&next.text.as_str()) {
                        2
                    } else {
                        1
                    };
                } else if prog == "env" && is_assignment(&next.text) {
                    envs.push(next);
                    i += 1;
                } else {
                    break;
                }
            }
            if prog == "timeout" {
                i += 1; // the duration
            }
        }
        ((i < words.len()).then_some(i), envs)
    }

    fn program_of(&self, statement: Node<'s>) -> Option<String> {
        let node = if statement.kind() == "redirected_statement" {
            statement.child_by_field_name("body")?
        } else {
            statement
        };
        if node.kind() != "command" {
            return None;
        }
        let words = self.words(node);
        let (i, _) = self.unwrap(&words);
        Some(basename(&words.get(i?)?.text).to_string())
    }

    fn redirects(&self, node: Node<'s>, out: &mut Vec<Word>) {
        let mut cursor = node.walk();
        for r in node.children_by_field_name("redirect", &mut cursor) {
            if r.kind() != "file_redirect" {
                continue;
            }
            let mut descriptor = None;
            let mut op = "";
            let mut c = r.walk();
            for child in r.children(&mut c) {
                match child.kind() {
                    "file_descriptor" => descriptor = Some(text(child, self.src)),
                    k if !child.is_named() && op.is_empty() => op = k,
                    _ => {}
                }
            }
            let to_stdout = descriptor.is_none_or(|d| d == "1");
            if !to_stdout || !matches!(op, ">" | ">>" | "&>" | "&>>" | ">|") {
                continue;
            }
            let Some(dest) = r.child_by_field_name("destination") else {
                continue;
            };
            let w = self.word(dest);
            if w.text == "/dev/null" || w.text.starts_with('&') || w.text.is_empty() {
                continue;
            }
            out.push(Word {
                text: w.text,
                span: self.span(dest),
            });
        }
    }

    fn command(&self, node: Node<'s>, facts: &mut Facts) {
        let mut cursor = node.walk();
        for child in node.children(&mut cursor) {
            if child.kind() == "variable_assignment" {
                self.env(child, facts);
            }
        }
        let words = self.words(node);
        let (start, envs) = self.unwrap(&words);
        for w in envs {
            if let Some((name, value)) = w.text.split_once('=') {
                let value = match &w.value {
                    Value::Partial(_) => Value::Partial(value.to_string()),
                    _ => Value::Str(value.to_string()),
                };
                facts.envs.push(EnvSet {
                    name: name.to_string(),
                    value,
                    span: self.span(w.node),
                });
            }
        }
        let Some(start) = start else { return };
        let program = basename(&words[start].text).to_string();
        let args = &words[start + 1..];

        if SHELLS.contains(&program.as_str()) {
            if let Some(pos) = args.iter().position(|w| is_dash_c(&w.text)) {
                if let Some(script) = args.get(pos + 1) {
                    let raw = text(script.node, self.src);
                    let quoted =
                        matches!(script.node.kind(), "raw_string" | "string") && raw.len() >= 2;
                    let (inner, offset) = if quoted {
                        (&raw[1..raw.len() - 1], 1)
                    } else {
                        (raw, 0)
                    };
                    lower_nested(
                        inner,
                        self.base + script.node.start_byte() + offset,
                        facts,
                        self.depth + 1,
                    );
                }
            }
        }

        let mut statement = node;
        let mut redirects = Vec::new();
        self.redirects(node, &mut redirects);
        if let Some(parent) = node.parent() {
            if parent.kind() == "redirected_statement" {
                self.redirects(parent, &mut redirects);
                statement = parent;
            }
        }
        let mut pipeline = Vec::new();
        let mut pipeline_span = self.span(node);
        if let Some(p) = statement.parent().filter(|p| p.kind() == "pipeline") {
            pipeline_span = self.span(p);
            // `a | b > f` parses as a redirected pipeline; the redirect belongs to `b`.
            let last = p.named_child(p.named_child_count().saturating_sub(1) as u32);
            if let Some(outer) = p.parent().filter(|o| o.kind() == "redirected_statement") {
                if last.is_some_and(|l| l.id() == statement.id()) {
                    self.redirects(outer, &mut redirects);
                }
            }
            let mut c = p.walk();
            for member in p.named_children(&mut c) {
                if member.id() != statement.id() {
                    if let Some(prog) = self.program_of(member) {
                        pipeline.push(prog);
                    }
                }
            }
        }
        facts.commands.push(Command {
            program,
            args: args
                .iter()
                .map(|w| Word {
                    text: w.text.clone(),
                    span: self.span(w.node),
                })
                .collect(),
            span: self.span(node),
            pipeline,
            pipeline_span,
            redirects,
        });
    }

    /// Removes quotes and backslashes and substitutes variables with one known literal value.
    /// Returns the text for display (unknown expansions kept as written) and the value
    /// (unknown expansions as [`UNKNOWN_PART`]).
    fn dequote(&self, raw: &str) -> (String, Value) {
        let chars: Vec<char> = raw.chars().collect();
        let mut text = String::new();
        let mut val = String::new();
        let mut unknown = false;
        let mut i = 0;
        let mut double = false;
        while i < chars.len() {
            let c = chars[i];
            match c {
                '\'' if !double => {
                    let end = chars[i + 1..]
                        .iter()
                        .position(|&x| x == '\'')
                        .map_or(chars.len(), |p| i + 1 + p);
                    let s: String = chars[i + 1..end].iter().collect();
                    text.push_str(&s);
                    val.push_str(&s);
                    i = end + 1;
                    continue;
                }
                '"' => double = !double,
                '\\' => {
                    if let Some(&next) = chars.get(i + 1) {
                        if next != '\n' {
                            if double && !matches!(next, '$' | '`' | '"' | '\\') {
                                text.push('\\');
                                val.push('\\');
                            }
                            text.push(next);
                            val.push(next);
                        }
                        i += 2;
                        continue;
                    }
                }
                '$' => {
                    let (len, name) = expansion(&chars[i..]);
                    if len > 1 {
                        let raw: String = chars[i..i + len].iter().collect();
                        match name.and_then(|n| self.vars.get(&n).cloned().flatten()) {
                            Some(v) => {
                                text.push_str(&v);
                                val.push_str(&v);
                            }
                            None => {
                                text.push_str(&raw);
                                val.push(UNKNOWN_PART);
                                unknown = true;
                            }
                        }
                        i += len;
                        continue;
                    }
                    text.push('$');
                    val.push('$');
                }
                '`' => {
                    let end = chars[i + 1..]
                        .iter()
                        .position(|&x| x == '`')
                        .map_or(chars.len(), |p| i + 1 + p);
                    let raw: String = chars[i..(end + 1).min(chars.len())].iter().collect();
                    text.push_str(&raw);
                    val.push(UNKNOWN_PART);
                    unknown = true;
                    i = end + 1;
                    continue;
                }
                _ => {
                    text.push(c);
                    val.push(c);
                }
            }
            i += 1;
        }
        let value = if unknown {
            Value::Partial(val)
        } else {
            Value::Str(val)
        };
        (text, value)
    }
}

/// Length of the expansion starting at `$` and the variable it names, if it is a plain one.
fn expansion(chars: &[char]) -> (usize, Option<String>) {
    match chars.get(1) {
        Some('{') => match chars[2..].iter().position(|&c| c == '}') {
            Some(p) => {
                let inner: String = chars[2..2 + p].iter().collect();
                let plain = is_name(&inner);
                (p + 3, plain.then_some(inner))
            }
            // Unterminated (`${` at the end of a word): the rest is the expansion.
            None => (chars.len(), None),
        },
        Some('(') => {
            let mut depth = 0usize;
            let mut end = chars.len() - 1;
            for (j, &c) in chars.iter().enumerate().skip(1) {
                match c {
                    '(' => depth += 1,
                    ')' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            end = j;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            (end + 1, None)
        }
        Some(c) if c.is_ascii_alphabetic() || *c == '_' => {
            let len = chars[1..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == '_')
                .count();
            (len + 1, Some(chars[1..=len].iter().collect()))
        }
        Some(c) if c.is_ascii_digit() || "?@#*!$-".contains(*c) => (2, None),
        _ => (1, None),
    }
}

fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn is_assignment(word: &str) -> bool {
    word.split_once('=').is_some_and(|(n, _)| is_name(n))
}

/// `-c`, or a cluster of short options ending in `c` (`-ec`, `-euc`).
fn is_dash_c(word: &str) -> bool {
    word.strip_prefix('-').is_some_and(|f| {
        !f.is_empty() && f.ends_with('c') && f.chars().all(|c| c.is_ascii_alphabetic())
    })
}

pub fn basename(program: &str) -> &str {
    program.rsplit('/').next().unwrap_or(program)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::FileKind;
    use std::path::PathBuf;

    fn facts(src: &str) -> Facts {
        let file = SourceFile::new(
            PathBuf::from("x.sh"),
            "x.sh".into(),
            FileKind::Shell,
            src.into(),
        );
        lower(&file).unwrap()
    }

    #[test]
    fn commands_with_words_and_wrappers() {
        let src = "# curl -k in a comment\nsudo -u root curl -k 'https://a.example.com'\n";
        let f = facts(src);
        assert_eq!(f.commands.len(), 1);
        let c = &f.commands[0];
        assert_eq!(c.program, "curl");
        assert_eq!(c.args[0].text, "-k");
        assert_eq!(c.args[1].text, "https://a.example.com");
        assert_eq!(&src[c.args[0].span.start..c.args[0].span.end], "-k");
    }

    #[test]
    fn pipelines_redirects_and_variables() {
        let f = facts(
            "DEST=/var/backups\npg_dump db | gzip > \"$DEST/db.sql.gz\"\nmysqldump x 2>/dev/null >> out.sql\n",
        );
        let dump = f.commands.iter().find(|c| c.program == "pg_dump").unwrap();
        assert_eq!(dump.pipeline, vec!["gzip".to_string()]);
        let gzip = f.commands.iter().find(|c| c.program == "gzip").unwrap();
        assert_eq!(gzip.redirects[0].text, "/var/backups/db.sql.gz");
        assert_eq!(gzip.pipeline_span, dump.pipeline_span);
        let my = f
            .commands
            .iter()
            .find(|c| c.program == "mysqldump")
            .unwrap();
        assert_eq!(my.redirects.len(), 1);
        assert_eq!(my.redirects[0].text, "out.sql");
    }

    #[test]
    fn exports_prefix_assignments_and_env() {
        let f = facts(
            "export NODE_TLS_REJECT_UNAUTHORIZED=0\nGIT_SSL_NO_VERIFY=1 git pull\nenv PYTHONHTTPSVERIFY=0 python x.py\nX=\"$HOME/a\"\nexport X\nLOCAL=1\n",
        );
        let names: Vec<_> = f.envs.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "NODE_TLS_REJECT_UNAUTHORIZED",
                "GIT_SSL_NO_VERIFY",
                "PYTHONHTTPSVERIFY",
                "X"
            ]
        );
        assert_eq!(f.envs[0].value, Value::Str("0".into()));
        assert!(matches!(f.envs[3].value, Value::Partial(_)));
        assert!(f.commands.iter().any(|c| c.program == "python"));
    }

    #[test]
    fn sh_dash_c_is_lowered_with_host_spans() {
        let src = "bash -c 'wget --no-check-certificate https://x.example.com/a'\n";
        let f = facts(src);
        let wget = f.commands.iter().find(|c| c.program == "wget").unwrap();
        let flag = &wget.args[0];
        assert_eq!(
            &src[flag.span.start..flag.span.end],
            "--no-check-certificate"
        );
    }

    #[test]
    fn embedded_scripts_are_offset() {
        let mut f = Facts::default();
        let host = "RUN curl -k https://x.example.com";
        lower_embedded(&host[4..], 4, &mut f);
        let c = &f.commands[0];
        assert_eq!(&host[c.args[0].span.start..c.args[0].span.end], "-k");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let src = format!("{}echo hi{}\n", "$(".repeat(2000), ")".repeat(2000));
        let _ = facts(&src);
    }
}
