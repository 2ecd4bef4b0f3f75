//! Decides from a file's bytes alone whether any pattern could match it.
//!
//! Each pattern yields clauses of words it cannot match without (see [`clauses`]): every
//! clause needs one of its words in the file. One case-insensitive multi-literal search per
//! file finds which words occur; the file is parsed only if some pattern of its kind has all
//! its clauses satisfied. A pattern with no clause makes its kinds always parse, so the
//! prefilter can only ever skip work, never findings (a test runs every fixture both ways).

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::catalog::{Condition, Lint, Pattern, ValueTest};
use crate::classify::FileKind;

/// Words of which at least one must occur.
pub type Clause = Vec<String>;

struct KindFilter {
    /// Some pattern has no clause: every file of the kind is parsed.
    always: bool,
    words: Vec<String>,
    ac: Option<AhoCorasick>,
    /// Per pattern, its clauses as indexes into `words`.
    patterns: Vec<Vec<Vec<usize>>>,
    /// Per pattern, for Python: top-level modules one of which the file must import (a
    /// callee `requests.get` resolves only through `import requests` or `from requests ...`).
    imports: Vec<Option<Vec<String>>>,
}

pub struct Prefilter {
    kinds: BTreeMap<FileKind, KindFilter>,
}

impl Prefilter {
    pub fn new(lints: &[Lint]) -> Self {
        type Collected = (bool, Vec<Vec<Clause>>, Vec<Option<Vec<String>>>);
        let mut collected: BTreeMap<FileKind, Collected> = BTreeMap::new();
        for p in lints.iter().flat_map(|l| &l.patterns) {
            let pattern_clauses = clauses(p);
            for kind in p.kinds.iter().filter_map(|k| FileKind::from_name(k)) {
                let entry = collected.entry(kind).or_default();
                match &pattern_clauses {
                    None => entry.0 = true,
                    Some(c) => {
                        entry.1.push(c.clone());
                        entry.2.push(if kind == FileKind::Python {
                            required_imports(p)
                        } else {
                            None
                        });
                    }
                }
            }
        }
        let kinds = collected
            .into_iter()
            .map(|(kind, (always, patterns, imports))| {
                (kind, KindFilter::new(always, patterns, imports))
            })
            .collect();
        Prefilter { kinds }
    }

    /// Could any pattern for `kind` match a file with these bytes?
    pub fn may_match(&self, kind: FileKind, bytes: &[u8]) -> bool {
        let Some(f) = self.kinds.get(&kind) else {
            return false;
        };
        if f.always {
            return true;
        }
        let Some(ac) = &f.ac else { return false };
        let mut present = vec![false; f.words.len()];
        for m in ac.find_overlapping_iter(bytes) {
            present[m.pattern().as_usize()] = true;
        }
        let mut imported: Option<Vec<Import>> = None;
        f.patterns.iter().zip(&f.imports).any(|(clauses, imports)| {
            if !clauses.iter().all(|c| c.iter().any(|&w| present[w])) {
                return false;
            }
            let Some(modules) = imports else { return true };
            let imported = imported.get_or_insert_with(|| python_imports(bytes));
            modules
                .iter()
                .any(|m| imported.iter().any(|i| reaches(i, m.as_bytes())))
        })
    }

    /// Does any lint have a pattern for `kind` at all?
    pub fn covers(&self, kind: FileKind) -> bool {
        self.kinds.contains_key(&kind)
    }

    /// Every word the search looks for, per kind (for the benchmark's `rg` floor).
    pub fn literals(&self) -> impl Iterator<Item = (FileKind, &[String])> {
        self.kinds
            .iter()
            .filter(|(_, f)| !f.always)
            .map(|(k, f)| (*k, f.words.as_slice()))
    }

    /// `kind<TAB>word` per word, `kind<TAB>*` for kinds that are always parsed.
    pub fn debug_lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (kind, f) in &self.kinds {
            if f.always {
                out.push(format!("{}\t*", kind.name()));
            } else {
                out.extend(f.words.iter().map(|w| format!("{}\t{w}", kind.name())));
            }
        }
        out
    }
}

impl KindFilter {
    fn new(always: bool, patterns: Vec<Vec<Clause>>, imports: Vec<Option<Vec<String>>>) -> Self {
        let mut words: Vec<String> = patterns.iter().flatten().flatten().cloned().collect();
        words.sort();
        words.dedup();
        let index = |w: &String| words.binary_search(w).unwrap_or(0);
        let patterns = patterns
            .iter()
            .map(|cs| cs.iter().map(|c| c.iter().map(index).collect()).collect())
            .collect();
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&words)
            .ok();
        KindFilter {
            always: always || ac.is_none(),
            words,
            ac,
            patterns,
            imports,
        }
    }
}

/// The top-level modules a Python file must import for `p` to match: the first segment of
/// every dotted callee or target, when all of them start with a plain name. `None` when the
/// pattern can match without an import (`*.verify_mode`, a settings name, an environment
/// variable).
fn required_imports(p: &Pattern) -> Option<Vec<String>> {
    let globs: &[String] = if !p.call.is_empty() {
        &p.call
    } else if !p.assign.is_empty() {
        &p.assign
    } else {
        return None;
    };
    let plain =
        |seg: &str| !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    let mut names = Vec::new();
    for g in globs {
        // The leading plain segments: `requests.Session().get` needs `requests.Session`. A
        // glob without a dot (`SECURE_HSTS_SECONDS`) names no import.
        let lead: Vec<&str> = g.split('.').take_while(|seg| plain(seg)).collect();
        if lead.is_empty() || !g.contains('.') {
            return None;
        }
        names.push(lead.join("."));
    }
    names.sort();
    names.dedup();
    Some(names)
}

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

pub fn python_imports(bytes: &[u8]) -> Vec<Import> {
    let mut out = Vec::new();
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
    // Statements after `:` or `;` on one line (`try: import x`) count too.
    for statement in bytes.split(|b| matches!(b, b'\n' | b';' | b':')) {
        let statement = statement.trim_ascii_start();
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
                continue;
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
                continue;
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
    out
}

/// Can these imports lead to a name starting with `required` (`requests.Session`)?
fn reaches(import: &Import, required: &[u8]) -> bool {
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

/// The clauses any file matched by `p` must satisfy, or `None` when there are none.
///
/// Every segment of a resolved name was spelled somewhere in the file (in an import or at the
/// use site), so the segments of a callee, target or value name are necessary words, and so
/// are a keyword argument's name, an expected string and a plaintext URL's scheme.
pub fn clauses(p: &Pattern) -> Option<Vec<Clause>> {
    let mut out: Vec<Clause> = Vec::new();
    if p.check.is_some() {
        if !p.literals.is_empty() {
            out.push(p.literals.clone());
        }
    } else {
        let subject: &[String] = if !p.call.is_empty() {
            &p.call
        } else if !p.assign.is_empty() {
            &p.assign
        } else if !p.entry.is_empty() {
            &p.entry
        } else if !p.env.is_empty() {
            &p.env
        } else if !p.command.is_empty() {
            &p.command
        } else {
            &p.directive
        };
        out.extend(name_clauses(subject));
        out.extend(argument_clauses(
            p.arg.as_deref(),
            p.pos,
            p.is.as_ref(),
            &p.params,
        ));
        for c in &p.when {
            out.extend(condition_clauses(c, &p.params));
        }
    }
    out.retain(|c| !c.is_empty() && c.iter().all(|w| w.len() >= 3));
    (!out.is_empty()).then_some(out)
}

fn condition_clauses(c: &Condition, params: &toml::Table) -> Vec<Clause> {
    argument_clauses(c.arg.as_deref(), c.pos, Some(&c.is), params)
}

/// The argument's name (when it can only be passed by name) and the words its value needs.
fn argument_clauses(
    arg: Option<&str>,
    pos: Option<usize>,
    test: Option<&ValueTest>,
    params: &toml::Table,
) -> Vec<Clause> {
    let mut out = Vec::new();
    let may_be_absent = test.is_some_and(|t| t.absent == Some(true));
    if let (Some(arg), None, false) = (arg, pos, may_be_absent) {
        out.push(vec![arg.to_string()]);
    }
    if let Some(t) = test.filter(|t| t.absent.is_none()) {
        out.extend(value_clauses(t, params));
    }
    out
}

fn value_clauses(t: &ValueTest, params: &toml::Table) -> Vec<Clause> {
    let mut out = Vec::new();
    let strings: Option<Vec<String>> = t
        .equals
        .iter()
        .map(|v| v.as_str().filter(|s| s.len() >= 3).map(str::to_owned))
        .collect();
    if let Some(strings) = strings.filter(|s| !s.is_empty()) {
        out.push(strings);
    }
    out.extend(name_clauses(&t.name));
    out.extend(name_clauses(&t.call));
    match t.check.as_deref() {
        Some("plaintext-url") => {
            let schemes = match params.get("schemes").and_then(|v| v.as_array()) {
                Some(list) => list
                    .iter()
                    .filter_map(|v| v.as_str())
                    .map(|s| format!("{s}://"))
                    .collect(),
                None => vec!["http://".into(), "ws://".into(), "ftp://".into()],
            };
            out.push(schemes);
        }
        Some("dsn-without-tls") => out.push(vec!["ssl".into(), "tls".into()]),
        Some("password-like" | "mentions-password") => {
            out.push(
                super::predicates::PASSWORD_WORDS
                    .iter()
                    .map(|w| w.to_string())
                    .collect(),
            );
        }
        _ => {}
    }
    out
}

/// For one name glob, every literal segment is its own clause; for several, the segments all
/// of them share are clauses, plus one clause of each glob's longest segment.
fn name_clauses(globs: &[String]) -> Vec<Clause> {
    let segments: Vec<Vec<&str>> = globs
        .iter()
        .map(|g| {
            g.split(['.', ':', '[', ']', '(', ')', '*', '/', ' '])
                .filter(|s| s.len() >= 3)
                .collect()
        })
        .collect();
    let Some(first) = segments.first() else {
        return Vec::new();
    };
    let mut out: Vec<Clause> = first
        .iter()
        .filter(|s| segments.iter().all(|other| other.contains(s)))
        .map(|s| vec![s.to_string()])
        .collect();
    if globs.len() > 1 {
        // Each glob's rarest segment that is not already required by every glob.
        let rarest: Option<Clause> = segments
            .iter()
            .map(|segs| {
                segs.iter()
                    .filter(|s| !out.iter().any(|c| c[0] == **s))
                    .max_by_key(|s| rarity(s))
                    .map(|s| s.to_string())
            })
            .collect();
        if let Some(rarest) = rarest {
            out.push(rarest);
        }
    }
    out
}

/// Words so common in code that requiring one says little; among a glob's segments the
/// prefilter prefers others.
const COMMON: &[&str] = &[
    "new",
    "get",
    "post",
    "put",
    "patch",
    "delete",
    "head",
    "options",
    "request",
    "open",
    "connect",
    "update",
    "create",
    "client",
    "session",
    "context",
    "config",
    "settings",
    "url",
    "data",
    "key",
    "mode",
    "name",
    "value",
    "init",
    "run",
    "call",
    "send",
    "read",
    "write",
    "load",
    "ssl",
    "tls",
    "http",
    "host",
    "login",
    "user",
    "from",
    "default",
    "method",
    "generate",
    "secret",
    "connection",
    "database",
    "databases",
    "server",
    "encrypt",
];

fn rarity(word: &str) -> usize {
    if COMMON.iter().any(|c| c.eq_ignore_ascii_case(word)) {
        1
    } else {
        word.len().min(24) + 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(toml_text: &str) -> Pattern {
        toml::from_str(toml_text).unwrap()
    }

    #[test]
    fn a_positional_argument_does_not_require_its_name() {
        let p = pattern("kinds = ['python']\ncall = ['requests.get']\narg = 'url'\npos = 0\nis = { check = 'plaintext-url' }");
        let c = clauses(&p).unwrap();
        assert!(!c.contains(&vec!["url".to_string()]), "{c:?}");
        assert!(c.contains(&vec!["requests".to_string()]));
        assert!(c.iter().any(|cl| cl.contains(&"http://".to_string())));
    }

    #[test]
    fn a_keyword_argument_and_the_names_in_its_value_are_required() {
        let p = pattern("kinds = ['python']\ncall = ['urllib3.PoolManager']\narg = 'cert_reqs'\nis = { name = ['ssl.CERT_NONE'] }");
        let c = clauses(&p).unwrap();
        for word in ["urllib3", "PoolManager", "cert_reqs", "CERT_NONE"] {
            assert!(
                c.contains(&vec![word.to_string()]),
                "{word} missing from {c:?}"
            );
        }
    }

    #[test]
    fn python_imports_decide_which_names_are_reachable() {
        let src = b"import os, requests as r\nfrom urllib.parse import quote\ntry: import httpx\nfrom aws_cdk import (\nfrom . import local\nx = 'import nothing'\n";
        let imports = python_imports(src);
        let can = |name: &str| imports.iter().any(|i| reaches(i, name.as_bytes()));
        assert!(
            can("requests.Session")
                && can("requests.get")
                && can("httpx.Client")
                && can("os.environ")
        );
        assert!(
            can("urllib.parse.quote") && !can("urllib.request.urlopen") && !can("urllib.urlopen")
        );
        assert!(can("aws_cdk.aws_s3.Bucket"));
        assert!(!can("ssl.wrap_socket") && !can("local.x"));
    }

    #[test]
    fn a_file_passes_only_when_every_clause_of_some_pattern_holds() {
        let lint: Lint = toml::from_str(&format!(
            "{}\n[[pattern]]\nkinds = ['python']\ncall = ['requests.get']\narg = 'verify'\nis = {{ equals = [false] }}\n",
            include_str!("../../lints/ecb-mode.toml").split("\n[[pattern]]").next().unwrap().split("\n# ----").next().unwrap()
        ))
        .unwrap();
        let f = Prefilter::new(&[lint]);
        assert!(f.may_match(
            FileKind::Python,
            b"import requests\nrequests.get(u, verify=False)"
        ));
        assert!(!f.may_match(FileKind::Python, b"import requests\nrequests.get(u)"));
        assert!(!f.may_match(FileKind::Python, b"def verify(): pass"));
        assert!(!f.may_match(FileKind::Rust, b"requests verify"));
    }
}
