//! Decides from a file's bytes alone whether any pattern could match it.
//!
//! Each pattern yields clauses of words it cannot match without (see [`clauses`]): every
//! clause needs one of its words in the file. One case-insensitive multi-literal search per
//! file finds which words occur; the file is parsed only if some pattern of its kind has all
//! its clauses satisfied. A pattern with no clause makes its kinds always parse, so the
//! prefilter can only ever skip work, never findings (a test runs every fixture both ways).
//!
//! A word taken from a name (a callee, target or key segment, an argument name) is a whole
//! token wherever the source spells it: `request` inside `XMLHttpRequest` or `ws` inside
//! `allows` cannot be the module `request` or `ws`. Such words count only where the bytes
//! beside them cannot continue an identifier. Words from strings (URL schemes, expected
//! values, password words) count anywhere.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::catalog::{Condition, Lint, Pattern, ValueTest};
use crate::classify::FileKind;

/// A word the file must hold; `whole_start`/`whole_end`: no identifier byte may touch it on
/// that side (only meaningful when the word itself starts/ends with an identifier byte);
/// `exact_case`: spelled with this case (names, in the languages whose names are
/// case-sensitive: see [`CASE_SENSITIVE`]).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Word {
    pub text: String,
    pub whole_start: bool,
    pub whole_end: bool,
    pub exact_case: bool,
}

/// Kinds whose front-ends match names byte for byte: a name word must occur in its own case
/// there (`Key::from` is not `key.from`). Elsewhere (nginx directives, ini keys, SQL) case
/// may not matter, and every word is matched case-insensitively.
const CASE_SENSITIVE: &[FileKind] = &[
    FileKind::Python,
    FileKind::JavaScript,
    FileKind::TypeScript,
    FileKind::Rust,
];

impl Word {
    /// A word that counts wherever it occurs (from a string value).
    pub fn anywhere(text: impl Into<String>) -> Self {
        Word {
            text: text.into(),
            whole_start: false,
            whole_end: false,
            exact_case: false,
        }
    }

    /// A whole token (a name).
    pub fn token(text: impl Into<String>) -> Self {
        Word {
            text: text.into(),
            whole_start: true,
            whole_end: true,
            exact_case: true,
        }
    }

    /// The occurrence kinds (see [`occurrence`]) that satisfy this word.
    fn accepted(&self) -> u8 {
        let starts = self.whole_start && self.text.bytes().next().is_some_and(is_ident);
        let ends = self.whole_end && self.text.bytes().last().is_some_and(is_ident);
        (0..8u8)
            .filter(|&o| {
                (!starts || o & 2 != 0) && (!ends || o & 1 != 0) && (!self.exact_case || o & 4 != 0)
            })
            .fold(0, |mask, o| mask | 1 << o)
    }
}

/// Bytes that can continue an identifier in any language read (non-ASCII bytes included:
/// `éverify` is not `verify`).
fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// An occurrence of `word` at `start..end` as three bits: 4 = in the word's own case, 2 =
/// nothing identifier-like before it, 1 = nothing after it.
fn occurrence(bytes: &[u8], start: usize, end: usize, word: &str) -> u8 {
    let exact = bytes.get(start..end) == Some(word.as_bytes());
    let before = start == 0 || !is_ident(bytes[start - 1]);
    let after = end >= bytes.len() || !is_ident(bytes[end]);
    (u8::from(exact) << 2) | (u8::from(before) << 1) | u8::from(after)
}

/// Alternatives of which at least one must hold; an alternative holds when all its words
/// occur. Most clauses are single words (`any_of`); a name with several spellings
/// (`*Nonce.from_slice`, `*Iv.from`) is one clause with an alternative per glob, which says
/// exactly "one of these names" where a single word per glob would say much less.
pub type Clause = Vec<Vec<Word>>;

/// A word from a lint file: `\\b` at its start or end asks for a token boundary there.
fn marked(text: &str) -> Word {
    let (text, whole_start) = match text.strip_prefix("\\b") {
        Some(rest) => (rest, true),
        None => (text, false),
    };
    let (text, whole_end) = match text.strip_suffix("\\b") {
        Some(rest) => (rest, true),
        None => (text, false),
    };
    Word {
        text: text.to_string(),
        whole_start,
        whole_end,
        exact_case: false,
    }
}

/// A clause satisfied by any one of `words`.
fn any_of(words: impl IntoIterator<Item = Word>) -> Clause {
    words.into_iter().map(|w| vec![w]).collect()
}

/// Long enough to say something: three bytes, or two for a word that must be a token on at
/// least one side (`Iv` in `*Iv.from_slice`).
fn long_enough(w: &Word) -> bool {
    let bounded = (w.whole_start && w.text.bytes().next().is_some_and(is_ident))
        || (w.whole_end && w.text.bytes().last().is_some_and(is_ident));
    w.text.len() >= 3 || (w.text.len() == 2 && bounded)
}

/// A word of a clause as (index into `words`, accepted occurrence kinds).
type WordRef = (usize, u8);
/// A clause with its words resolved: any alternative whose words are all present holds.
type IndexedClause = Vec<Vec<WordRef>>;

struct KindFilter {
    /// Some pattern has no clause: every file of the kind is parsed.
    always: bool,
    /// The distinct texts searched for (case-insensitively).
    words: Vec<String>,
    /// Built on first use: a pre-commit run over one Python file never pays for the YAML one.
    ac: OnceLock<Option<AhoCorasick>>,
    /// Per pattern, its clauses (all must hold).
    patterns: Vec<Vec<IndexedClause>>,
    /// Per pattern, for Python: top-level modules one of which the file must import (a
    /// callee `requests.get` resolves only through `import requests` or `from requests ...`).
    imports: Vec<Option<Vec<String>>>,
    /// Per pattern, `lint-id#n` (for `debug-prefilter`).
    labels: Vec<String>,
}

pub struct Prefilter {
    kinds: BTreeMap<FileKind, KindFilter>,
}

impl Prefilter {
    pub fn new(lints: &[Lint]) -> Self {
        type Collected = (
            bool,
            Vec<Vec<Clause>>,
            Vec<Option<Vec<String>>>,
            Vec<String>,
        );
        let mut collected: BTreeMap<FileKind, Collected> = BTreeMap::new();
        let labelled = lints.iter().flat_map(|l| {
            l.patterns
                .iter()
                .enumerate()
                .map(move |(n, p)| (format!("{}#{n}", l.id), p))
        });
        for (label, p) in labelled {
            let pattern_clauses = clauses(p);
            for kind in p.kinds.iter().filter_map(|k| FileKind::from_name(k)) {
                let entry = collected.entry(kind).or_default();
                match &pattern_clauses {
                    None => entry.0 = true,
                    Some(c) => {
                        let mut c = c.clone();
                        if !CASE_SENSITIVE.contains(&kind) {
                            for word in c.iter_mut().flatten().flatten() {
                                word.exact_case = false;
                            }
                        }
                        entry.1.push(c);
                        entry.2.push(if kind == FileKind::Python {
                            required_imports(p)
                        } else {
                            None
                        });
                        entry.3.push(label.clone());
                    }
                }
            }
        }
        let kinds = collected
            .into_iter()
            .map(|(kind, (always, patterns, imports, labels))| {
                (kind, KindFilter::new(always, patterns, imports, labels))
            })
            .collect();
        Prefilter { kinds }
    }

    /// Could any pattern for `kind` match a file with these bytes?
    pub fn may_match(&self, kind: FileKind, bytes: &[u8]) -> bool {
        let Some(f) = self.kinds.get(&kind) else {
            return false;
        };
        f.always || f.passing(bytes).next().is_some()
    }

    /// Why a file of `kind` is parsed: the labels of the patterns whose words it holds, or `*`
    /// when the kind is always parsed. Empty when the prefilter skips it.
    pub fn explain(&self, kind: FileKind, bytes: &[u8]) -> Vec<String> {
        match self.kinds.get(&kind) {
            None => Vec::new(),
            Some(f) if f.always => vec!["*".to_string()],
            Some(f) => f.passing(bytes).map(|i| f.labels[i].clone()).collect(),
        }
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
    /// The indexes of the patterns whose clauses `bytes` satisfy, lazily.
    fn passing<'a>(&'a self, bytes: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
        // Per word, a bit per occurrence kind seen. Without an automaton (it failed to
        // build) every word counts as present everywhere: the prefilter must never hide
        // findings.
        let mut present = vec![0u8; self.words.len()];
        match self.automaton() {
            Some(ac) => {
                for m in ac.find_overlapping_iter(bytes) {
                    let w = m.pattern().as_usize();
                    present[w] |= 1 << occurrence(bytes, m.start(), m.end(), &self.words[w]);
                }
            }
            None => present.fill(0xff),
        }
        let mut imported: Option<Vec<Import>> = None;
        (0..self.patterns.len()).filter(move |&i| {
            let holds = |clause: &IndexedClause| {
                clause
                    .iter()
                    .any(|alt| alt.iter().all(|&(w, ok)| present[w] & ok != 0))
            };
            if !self.patterns[i].iter().all(holds) {
                return false;
            }
            let Some(modules) = &self.imports[i] else {
                return true;
            };
            let imported = imported.get_or_insert_with(|| python_imports(bytes));
            modules
                .iter()
                .any(|m| imported.iter().any(|i| reaches(i, m.as_bytes())))
        })
    }

    fn automaton(&self) -> Option<&AhoCorasick> {
        self.ac
            .get_or_init(|| {
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .kind(Some(AhoCorasickKind::DFA))
                    .build(&self.words)
                    .ok()
            })
            .as_ref()
    }

    fn new(
        always: bool,
        patterns: Vec<Vec<Clause>>,
        imports: Vec<Option<Vec<String>>>,
        labels: Vec<String>,
    ) -> Self {
        let mut words: Vec<String> = patterns
            .iter()
            .flatten()
            .flatten()
            .flatten()
            .map(|w| w.text.clone())
            .collect();
        words.sort();
        words.dedup();
        let index = |w: &Word| (words.binary_search(&w.text).unwrap_or(0), w.accepted());
        let patterns = patterns
            .iter()
            .map(|cs| {
                cs.iter()
                    .map(|c| {
                        c.iter()
                            .map(|alt| alt.iter().map(index).collect())
                            .collect()
                    })
                    .collect()
            })
            .collect();
        KindFilter {
            always: always || words.is_empty(),
            words,
            ac: OnceLock::new(),
            patterns,
            imports,
            labels,
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
            out.push(any_of(p.literals.iter().map(Word::anywhere)));
        }
        out.extend(
            p.require
                .iter()
                .map(|words| any_of(words.iter().map(|w| marked(w)))),
        );
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
    // Too short a word says little: it is dropped from its alternative, and a clause with an
    // alternative left empty always holds (dropping words only ever lets more files through).
    for clause in &mut out {
        for alt in clause.iter_mut() {
            alt.retain(long_enough);
        }
    }
    out.retain(|c| !c.is_empty() && c.iter().all(|alt| !alt.is_empty()));
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
        out.push(any_of([Word::token(arg)]));
    }
    if let Some(t) = test.filter(|t| t.absent.is_none()) {
        out.extend(value_clauses(t, params));
    }
    out
}

fn value_clauses(t: &ValueTest, params: &toml::Table) -> Vec<Clause> {
    let mut out = Vec::new();
    let strings: Option<Vec<Word>> = t
        .equals
        .iter()
        .map(|v| v.as_str().filter(|s| s.len() >= 3).map(Word::anywhere))
        .collect();
    if let Some(strings) = strings.filter(|s| !s.is_empty()) {
        out.push(any_of(strings));
    }
    out.extend(name_clauses(&t.name));
    out.extend(name_clauses(&t.call));
    match t.check.as_deref() {
        Some("plaintext-url") => {
            let schemes = match params.get("schemes").and_then(|v| v.as_array()) {
                Some(list) => list
                    .iter()
                    .filter_map(|v| v.as_str())
                    .map(|s| Word::anywhere(format!("{s}://")))
                    .collect(),
                None => ["http://", "ws://", "ftp://"].map(Word::anywhere).to_vec(),
            };
            out.push(any_of(schemes));
        }
        Some("dsn-without-tls") => out.push(any_of([Word::anywhere("ssl"), Word::anywhere("tls")])),
        Some("password-like" | "mentions-password") => {
            out.push(any_of(
                super::predicates::PASSWORD_WORDS
                    .iter()
                    .map(|w| Word::anywhere(*w)),
            ));
        }
        _ => {}
    }
    out
}

/// For one name glob, every literal segment is its own clause; for several, one clause with
/// an alternative per glob: all of its segments. A segment is a whole token on a side unless a
/// `*` touches it there (`*subtle` also matches `mysubtle`).
fn name_clauses(globs: &[String]) -> Vec<Clause> {
    match globs {
        [] => Vec::new(),
        [one] => glob_segments(one)
            .into_iter()
            .map(|w| any_of([w]))
            .collect(),
        many => vec![many.iter().map(|g| glob_segments(g)).collect()],
    }
}

/// The literal segments of a name glob, with whether a `*` touches each side.
fn glob_segments(glob: &str) -> Vec<Word> {
    const SEPARATORS: &[char] = &['.', ':', '[', ']', '(', ')', '*', '/', ' '];
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in glob
        .char_indices()
        .chain(std::iter::once((glob.len(), '.')))
    {
        if !SEPARATORS.contains(&c) {
            continue;
        }
        let text = &glob[start..i];
        if !text.is_empty() {
            out.push(Word {
                text: text.to_string(),
                whole_start: !glob[..start].ends_with('*'),
                whole_end: !glob[i..].starts_with('*'),
                exact_case: true,
            });
        }
        start = i + c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(toml_text: &str) -> Pattern {
        toml::from_str(toml_text).unwrap()
    }

    /// The single-word clauses' words.
    fn texts(clauses: &[Clause]) -> Vec<Vec<String>> {
        clauses
            .iter()
            .map(|c| c.iter().flatten().map(|w| w.text.clone()).collect())
            .collect()
    }

    #[test]
    fn a_positional_argument_does_not_require_its_name() {
        let p = pattern("kinds = ['python']\ncall = ['requests.get']\narg = 'url'\npos = 0\nis = { check = 'plaintext-url' }");
        let c = texts(&clauses(&p).unwrap());
        assert!(!c.contains(&vec!["url".to_string()]), "{c:?}");
        assert!(c.contains(&vec!["requests".to_string()]));
        assert!(c.iter().any(|cl| cl.contains(&"http://".to_string())));
    }

    #[test]
    fn a_keyword_argument_and_the_names_in_its_value_are_required() {
        let p = pattern("kinds = ['python']\ncall = ['urllib3.PoolManager']\narg = 'cert_reqs'\nis = { name = ['ssl.CERT_NONE'] }");
        let c = texts(&clauses(&p).unwrap());
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
        // Names are whole tokens; a word inside a longer identifier does not count.
        assert!(!f.may_match(
            FileKind::Python,
            b"import requests\nrequests.get(u, dont_verify=False)"
        ));
        assert!(f.may_match(
            FileKind::Python,
            b"import requests\nrequests.get(u, **{'verify': False})"
        ));
    }

    #[test]
    fn several_callee_globs_need_all_the_segments_of_one_of_them() {
        let p = pattern("kinds = ['rust']\ncall = ['*Nonce.from_slice', '*Iv.from']\npos = 0\nis = { check = 'constant-bytes' }");
        let f = {
            let mut by_kind = BTreeMap::new();
            by_kind.insert(
                FileKind::Rust,
                KindFilter::new(
                    false,
                    vec![clauses(&p).unwrap()],
                    vec![None],
                    vec!["p#0".into()],
                ),
            );
            Prefilter { kinds: by_kind }
        };
        assert!(f.may_match(FileKind::Rust, b"let n = Nonce::from_slice(b\"x\");"));
        assert!(f.may_match(FileKind::Rust, b"let iv = cbc::Iv::from([0u8; 16]);"));
        // `from` alone, or `Nonce` without `from_slice`, names neither callee.
        assert!(!f.may_match(
            FileKind::Rust,
            b"let s = String::from(\"x\"); let n: Nonce;"
        ));
        assert!(!f.may_match(FileKind::Rust, b"let d = Drive::from(1);"));
    }

    #[test]
    fn a_star_beside_a_segment_lifts_its_boundary() {
        let segs = glob_segments("crypto-js.*.encrypt");
        assert!(
            segs.iter().all(|w| w.whole_start && w.whole_end),
            "{segs:?}"
        );
        let segs = glob_segments("*subtle.encrypt");
        assert_eq!(segs[0].text, "subtle");
        assert!(!segs[0].whole_start && segs[0].whole_end);
        assert!(segs[1].whole_start && segs[1].whole_end);
        let segs = glob_segments("*_password*");
        assert!(!segs[0].whole_start && !segs[0].whole_end);
    }

    #[test]
    fn whole_token_words_ignore_occurrences_inside_identifiers() {
        let word = Word::token("request");
        let ok = word.accepted();
        let seen = |src: &[u8], at: usize| 1u8 << occurrence(src, at, at + 7, "request") & ok != 0;
        assert!(seen(b"request(u)", 0));
        assert!(seen(b"x = require('request')", 13));
        assert!(!seen(b"new XMLHttpRequest()", 11));
        assert!(!seen(b"requests.get", 0));
        // A word that does not start with an identifier byte has no start boundary.
        assert_eq!(Word::anywhere("://x").accepted(), 0xff);
        assert_eq!(Word::anywhere("request").accepted(), 0xff);
        // A name word in a case-sensitive language: `Request` is not `request`.
        assert!(!seen(b"Request(u)", 0));
    }
}
