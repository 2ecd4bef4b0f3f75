//! Decides from a file's bytes alone whether any pattern could match it. Built from the
//! catalog once (see [`Prefilter::new`]); asked per file, allocating nothing for a file it
//! rejects. The Python import scan it uses first lives with the Python front-end
//! ([`crate::lang::python::import_scan`]).
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
//!
//! Python files meet a cheaper test first: most Python patterns need an import (a scan of the
//! `import`/`from` statements decides), and each of the others needs one of a few dozen words
//! (SIMD searches over the lower-cased bytes; a hit counts where the bytes beside it satisfy
//! the word's markers). A file that fails both cannot pass, and skips the word search; tests
//! check the gate changes no decision.

use std::collections::BTreeMap;
use std::sync::{LazyLock, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::classify::FileKind;
use crate::lang::python::import_scan::{python_imports, reaches, Import};
use crate::lint::catalog::{Condition, Lint, Pattern, ValueTest};

/// A word the file must hold; `whole_start`/`whole_end`: no identifier byte may touch it on
/// that side (only meaningful when the word itself starts/ends with an identifier byte);
/// `part_end`: the byte after it starts a new part of a name, `_` or an ASCII capital after a
/// small letter or digit (`enc` in `enc_data` and `encData`, not in `encode` or `ENCODING`);
/// `exact_case`: spelled with this case (names, in the languages whose names are
/// case-sensitive: see [`CASE_SENSITIVE`]).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Word {
    pub text: String,
    pub whole_start: bool,
    pub whole_end: bool,
    pub part_end: bool,
    pub exact_case: bool,
    /// Only after a quote (`"`, `'` or a backtick): a URL scheme a call's argument must start
    /// with. In a language's source that argument is a string literal, so a scheme in a
    /// comment (every licence header's `http://www.apache.org/...`) does not count.
    pub after_quote: bool,
    /// `name_start`/`name_end`: a word of a name as the checks split names starts/ends here
    /// (`card` in `card_number`, `cardNumber`, `CARD_NO`, `old_card`; not in `discard`, nor
    /// `tax` in `syntax` or `tin` in `SETTINGS`): see [`name_word_starts`].
    pub name_start: bool,
    pub name_end: bool,
}

/// Occurrence kinds as bits (see [`occurrence`]): one bit per kind, 128 kinds.
type Mask = u128;

/// Kinds whose front-ends match names byte for byte: a name word must occur in its own case
/// there (`Key::from` is not `key.from`). Elsewhere (nginx directives, ini keys, SQL) case
/// may not matter, and every word is matched case-insensitively.
const CASE_SENSITIVE: &[FileKind] = &[
    FileKind::Python,
    FileKind::JavaScript,
    FileKind::TypeScript,
    FileKind::Rust,
    FileKind::Go,
    FileKind::Java,
];

impl Word {
    /// A word that counts wherever it occurs (from a string value).
    pub fn anywhere(text: impl Into<String>) -> Self {
        Word {
            text: text.into(),
            whole_start: false,
            whole_end: false,
            part_end: false,
            exact_case: false,
            after_quote: false,
            name_start: false,
            name_end: false,
        }
    }

    /// A URL scheme that starts a string literal (see [`Word::after_quote`]).
    fn scheme(scheme: &str) -> Self {
        Word {
            after_quote: true,
            ..Word::anywhere(format!("{scheme}://"))
        }
    }

    /// A whole token (a name).
    pub fn token(text: impl Into<String>) -> Self {
        Word {
            whole_start: true,
            whole_end: true,
            exact_case: true,
            ..Word::anywhere(text)
        }
    }

    /// The occurrence kinds (see [`occurrence`]) that satisfy this word.
    fn accepted(&self) -> Mask {
        let starts = self.whole_start && self.text.bytes().next().is_some_and(is_ident);
        let ends = self.whole_end && self.text.bytes().last().is_some_and(is_ident);
        (0..Mask::BITS)
            .filter(|&o| {
                (!starts || o & 2 != 0)
                    && (!ends || o & 1 != 0)
                    && (!self.exact_case || o & 4 != 0)
                    && (!self.part_end || o & 8 != 0)
                    && (!self.after_quote || o & 16 != 0)
                    && (!self.name_start || o & 32 != 0)
                    && (!self.name_end || o & 64 != 0)
            })
            .fold(0, |mask, o| mask | 1 << o)
    }
}

/// Bytes that can continue an identifier in any language read (non-ASCII bytes included:
/// `éverify` is not `verify`).
fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// An occurrence of `word` at `start..end` as seven bits: 64 = a word of a name may end at
/// its end, 32 = one may start at its start (see [`Word::name_start`]), 16 = a quote right
/// before it, 8 = a new name part after it (`_`, or a capital after a small letter or digit),
/// 4 = in the word's own case, 2 = nothing identifier-like before it, 1 = nothing after it.
fn occurrence(bytes: &[u8], start: usize, end: usize, word: &str) -> u32 {
    let exact = bytes.get(start..end) == Some(word.as_bytes());
    let before = start == 0 || !is_ident(bytes[start - 1]);
    let after = end >= bytes.len() || !is_ident(bytes[end]);
    // A capital starts a new part only after a small letter or a digit (`encData`; in
    // `ENCODING` it does not), as the checks' snake_case conversion reads names.
    let camel = |b: &u8| {
        b.is_ascii_uppercase()
            && end > 0
            && (bytes[end - 1].is_ascii_lowercase() || bytes[end - 1].is_ascii_digit())
    };
    let part = bytes.get(end).is_some_and(|b| *b == b'_' || camel(b));
    let quoted = start > 0 && matches!(bytes[start - 1], b'"' | b'\'' | b'`');
    let name_start = name_word_starts(bytes, start);
    let name_end = end == 0 || name_word_starts(bytes, end);
    (u32::from(name_end) << 6)
        | (u32::from(name_start) << 5)
        | (u32::from(quoted) << 4)
        | (u32::from(part) << 3)
        | (u32::from(exact) << 2)
        | (u32::from(before) << 1)
        | u32::from(after)
}

/// Whether a word of a name may start at byte `at` (or the name end there), as
/// `sensitive_fields::name_words` splits names: after anything but an ASCII letter or digit,
/// between letters and digits, at a capital after a small letter or digit, and at the last
/// capital of a run before a small letter (`SSNNumber`). A non-ASCII byte counts as a
/// separator: a word may start beside it, which only ever lets more files through.
fn name_word_starts(bytes: &[u8], at: usize) -> bool {
    let (Some(&c), Some(&prev)) = (bytes.get(at), at.checked_sub(1).and_then(|p| bytes.get(p)))
    else {
        return true;
    };
    if !c.is_ascii_alphanumeric() || !prev.is_ascii_alphanumeric() {
        return true;
    }
    let next_small = bytes.get(at + 1).is_some_and(u8::is_ascii_lowercase);
    c.is_ascii_digit() != prev.is_ascii_digit()
        || (c.is_ascii_uppercase() && (prev.is_ascii_lowercase() || prev.is_ascii_digit()))
        || (c.is_ascii_uppercase() && prev.is_ascii_uppercase() && next_small)
}

/// Alternatives of which at least one must hold; an alternative holds when all its words
/// occur. Most clauses are single words (`any_of`); a name with several spellings
/// (`*Nonce.from_slice`, `*Iv.from`) is one clause with an alternative per glob, which says
/// exactly "one of these names" where a single word per glob would say much less.
pub type Clause = Vec<Vec<Word>>;

/// A word from a lint file: `\\b` at its start or end asks for a token boundary there, `\\p`
/// at its end for the start of a new name part (`_` or a capital), `\\<` and `\\>` for where
/// a word of a name may start and end, `\\q` at its start for a quote right before it (in
/// program source; config files spell values bare).
fn marked(text: &str) -> Word {
    let mut text = text;
    let mut prefix = |marker: &str| match text.strip_prefix(marker) {
        Some(rest) => {
            text = rest;
            true
        }
        None => false,
    };
    let whole_start = prefix("\\b");
    let after_quote = prefix("\\q");
    let name_start = prefix("\\<");
    let mut suffix = |marker: &str| match text.strip_suffix(marker) {
        Some(rest) => {
            text = rest;
            true
        }
        None => false,
    };
    let name_end = suffix("\\>");
    let part_end = suffix("\\p");
    let whole_end = suffix("\\b");
    Word {
        text: text.to_string(),
        whole_start,
        whole_end,
        part_end,
        exact_case: false,
        after_quote,
        name_start,
        name_end,
    }
}

/// A clause satisfied by any one of `words`.
fn any_of(words: impl IntoIterator<Item = Word>) -> Clause {
    words.into_iter().map(|w| vec![w]).collect()
}

/// Long enough to say something: three bytes, or two for a word that must be a token on at
/// least one side (`Iv` in `*Iv.from_slice`).
fn long_enough(w: &Word) -> bool {
    let bounded = ((w.whole_start || w.name_start) && w.text.bytes().next().is_some_and(is_ident))
        || ((w.whole_end || w.name_end) && w.text.bytes().last().is_some_and(is_ident));
    w.text.len() >= 3 || (w.text.len() == 2 && bounded)
}

/// A word of a clause as (index into `words`, accepted occurrence kinds).
type WordRef = (usize, Mask);
/// A clause with its words resolved: any alternative whose words are all present holds.
type IndexedClause = Vec<Vec<WordRef>>;

/// Bytes of one kind searched with the NFA before the DFA is built (see `ac_small`).
const DFA_AFTER: usize = 4 << 20;

struct KindFilter {
    /// Some pattern has no clause: every file of the kind is parsed.
    always: bool,
    /// The distinct texts searched for (case-insensitively).
    words: Vec<String>,
    /// Built on first use: a pre-commit run over one Python file never pays for the YAML one.
    ac: OnceLock<Option<AhoCorasick>>,
    /// The same words as a contiguous NFA, for a kind's first bytes: the DFA takes a third of
    /// a one-file run to build, the NFA a tenth of that, and it searches a few megabytes in
    /// less time than the DFA takes to build. Both find the same matches.
    ac_small: OnceLock<Option<AhoCorasick>>,
    /// Bytes of this kind searched so far in the run.
    searched: std::sync::atomic::AtomicUsize,
    /// Per pattern, its clauses (all must hold).
    patterns: Vec<Vec<IndexedClause>>,
    /// Per pattern, for Python: top-level modules one of which the file must import (a
    /// callee `requests.get` resolves only through `import requests` or `from requests ...`).
    imports: Vec<Option<Vec<String>>>,
    /// Per pattern, `lint-id#n` (for `debug-prefilter`).
    labels: Vec<String>,
    /// Python: a cheaper test first (see [`gate_words`]). A file that imports none of the
    /// modules the patterns need and holds none of these words, in any case, cannot pass: it
    /// is rejected without the word search, which is most of the prefilter's time.
    gate: Option<Gate>,
}

/// A kind's patterns as collected: whether one has no clause, each one's clauses, needed
/// imports and label.
type Collected = (
    bool,
    Vec<Vec<Clause>>,
    Vec<Option<Vec<String>>>,
    Vec<String>,
);

/// A kind's filter, built when a file of the kind first needs it: a one-file run reads one
/// kind, and building all of them (word lists, gate) was a fifth of its start-up.
type LazyKind = LazyLock<KindFilter, Box<dyn FnOnce() -> KindFilter + Send>>;

fn lazy_kind((always, patterns, imports, labels): Collected) -> LazyKind {
    LazyLock::new(Box::new(move || {
        KindFilter::new(always, patterns, imports, labels)
    }))
}

pub struct Prefilter {
    kinds: BTreeMap<FileKind, LazyKind>,
}

impl Prefilter {
    pub fn new(lints: &[Lint]) -> Self {
        let mut collected: BTreeMap<FileKind, Collected> = BTreeMap::new();
        let labelled = lints.iter().flat_map(|l| {
            l.patterns
                .iter()
                .enumerate()
                .map(move |(n, p)| (format!("{}#{n}", l.id), p))
        });
        for (label, p) in labelled {
            for (name, kind) in p
                .kinds
                .iter()
                .filter_map(|k| Some((k, FileKind::from_name(k)?)))
            {
                let entry = collected.entry(kind).or_default();
                match &clauses_in(p, name) {
                    None => entry.0 = true,
                    Some(c) => {
                        let mut c = c.clone();
                        if !CASE_SENSITIVE.contains(&kind) {
                            // Config files spell URLs bare (`url: http://...`), and names
                            // in any case.
                            for word in c.iter_mut().flatten().flatten() {
                                word.exact_case = false;
                                word.after_quote = false;
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
            .map(|(kind, c)| (kind, lazy_kind(c)))
            .collect();
        Prefilter { kinds }
    }

    fn kind(&self, kind: FileKind) -> Option<&KindFilter> {
        self.kinds.get(&kind).map(|f| &**f)
    }

    /// Could any pattern for `kind` match a file with these bytes?
    pub fn may_match(&self, kind: FileKind, bytes: &[u8]) -> bool {
        let Some(f) = self.kind(kind) else {
            return false;
        };
        f.always || f.passing(bytes).next().is_some()
    }

    /// Why a file of `kind` is parsed: the labels of the patterns whose words it holds, or `*`
    /// when the kind is always parsed. Empty when the prefilter skips it.
    pub fn explain(&self, kind: FileKind, bytes: &[u8]) -> Vec<String> {
        match self.kind(kind) {
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
            .map(|(k, f)| (*k, &**f))
            .filter(|(_, f)| !f.always)
            .map(|(k, f)| (k, f.words.as_slice()))
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
        self.passing_through(bytes, self.gate.as_ref())
    }

    /// [`Self::passing`], with this gate (the tests compare with none).
    fn passing_through<'a>(
        &'a self,
        bytes: &'a [u8],
        gate: Option<&Gate>,
    ) -> impl Iterator<Item = usize> + 'a {
        // Per word, a bit per occurrence kind seen. Without an automaton (it failed to
        // build) every word counts as present everywhere: the prefilter must never hide
        // findings.
        let mut imported: Option<Vec<Import>> = None;
        let mut hopeless = false;
        if let Some(gate) = gate {
            let imports = python_imports(bytes);
            let reachable = self.imports.iter().flatten().flatten().any(|module| {
                imports
                    .iter()
                    .any(|import| reaches(import, module.as_bytes()))
            });
            hopeless = !reachable && !gate.admits(bytes);
            imported = Some(imports);
        }
        let mut present: Vec<Mask> = vec![0; self.words.len()];
        // A file the gate rejected is not searched (nor counted, nor does it build anything).
        let automaton = (!hopeless).then(|| self.automaton_for(bytes.len()));
        match automaton {
            None => {}
            Some(Some(ac)) => {
                for m in ac.find_overlapping_iter(bytes) {
                    let w = m.pattern().as_usize();
                    present[w] |= 1 << occurrence(bytes, m.start(), m.end(), &self.words[w]);
                }
            }
            Some(None) => present.fill(Mask::MAX),
        }
        (0..self.patterns.len()).filter(move |&i| {
            if hopeless {
                return false;
            }
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

    /// The automaton for the next `len` bytes: the NFA until [`DFA_AFTER`] bytes of this kind
    /// have been searched, then the DFA.
    fn automaton_for(&self, len: usize) -> Option<&AhoCorasick> {
        let before = self
            .searched
            .fetch_add(len, std::sync::atomic::Ordering::Relaxed);
        if before < DFA_AFTER {
            self.automaton(AhoCorasickKind::ContiguousNFA)
        } else {
            self.automaton(AhoCorasickKind::DFA)
        }
    }

    fn automaton(&self, kind: AhoCorasickKind) -> Option<&AhoCorasick> {
        let cell = match kind {
            AhoCorasickKind::DFA => &self.ac,
            _ => &self.ac_small,
        };
        cell.get_or_init(|| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .kind(Some(kind))
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
        let gate = if imports.iter().any(Option::is_some) {
            gate_words(&patterns, &imports).and_then(Gate::new)
        } else {
            None
        };
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
            gate,
            always: always || words.is_empty(),
            words,
            ac: OnceLock::new(),
            ac_small: OnceLock::new(),
            searched: std::sync::atomic::AtomicUsize::new(0),
            patterns,
            imports,
            labels,
        }
    }
}

/// For the patterns that need no import: from each, one clause, and from each alternative of
/// that clause its most telling word, without its case. A file passes such a pattern only if
/// every clause holds, so only if one of these words occurs in it (in some case, with the
/// bytes around it its markers ask for); the other patterns need an import. `None` when a
/// pattern offers no such clause (the gate would be unsound).
fn gate_words(patterns: &[Vec<Clause>], imports: &[Option<Vec<String>>]) -> Option<Vec<Word>> {
    let mut words = Vec::new();
    for (clauses, needs) in patterns.iter().zip(imports) {
        if needs.is_some() {
            continue;
        }
        let best = clauses
            .iter()
            .enumerate()
            .filter_map(|(i, clause)| {
                let picks: Vec<&Word> = clause
                    .iter()
                    .map(|alt| alt.iter().max_by_key(|w| telling(w)))
                    .collect::<Option<_>>()?;
                let weakest = picks.iter().map(|w| telling(w)).min()?;
                Some((weakest, i, picks))
            })
            // The clause whose weakest pick tells most; on a tie the first (a check's
            // `literals` come before its `require` lists: its author's distinctive words).
            .max_by_key(|(weakest, i, _)| (*weakest, std::cmp::Reverse(*i)))?;
        words.extend(best.2.into_iter().map(|w| Word {
            text: w.text.to_ascii_lowercase(),
            exact_case: false,
            ..w.clone()
        }));
    }
    words.sort();
    words.dedup();
    Some(words)
}

/// How rare a word is likely to be: its length, and two for every marker that applies (a
/// word that must stand alone or be followed by a new name part occurs less often than its
/// letters anywhere).
fn telling(w: &Word) -> usize {
    let first = w.text.bytes().next().is_some_and(is_ident);
    let last = w.text.bytes().last().is_some_and(is_ident);
    w.text.len()
        + 2 * usize::from(w.whole_start && first)
        + 2 * usize::from(w.whole_end && last)
        + 2 * usize::from(w.part_end && last)
        + usize::from(w.name_start && first)
        + usize::from(w.name_end && last)
}

/// The Python gate: SIMD searches over the lower-cased bytes for the words of [`gate_words`];
/// a hit counts only where the bytes beside it satisfy the word's markers.
struct Gate {
    /// One searcher for the words of four bytes or more, one for the shorter: a single
    /// three-byte word would make Teddy fingerprint every word by three bytes only, and
    /// `pro`, `set` or `str` start a candidate on every line.
    searchers: Vec<aho_corasick::packed::Searcher>,
    /// The distinct texts, lower-cased, and per text the occurrence kinds accepted by any
    /// word with that text.
    texts: Vec<String>,
    accepted: Vec<Mask>,
}

impl Gate {
    fn new(words: Vec<Word>) -> Option<Gate> {
        let mut texts: Vec<String> = words.iter().map(|w| w.text.clone()).collect();
        texts.dedup();
        let accepted = texts
            .iter()
            .map(|t| {
                words
                    .iter()
                    .filter(|w| &w.text == t)
                    .fold(0, |mask, w| mask | w.accepted())
            })
            .collect();
        let (long, short): (Vec<&String>, Vec<&String>) = texts.iter().partition(|t| t.len() >= 4);
        let mut searchers = Vec::new();
        for group in [long, short].into_iter().filter(|g| !g.is_empty()) {
            searchers.push(
                aho_corasick::packed::Config::new()
                    .builder()
                    .extend(group)
                    .build()?,
            );
        }
        Some(Gate {
            searchers,
            texts,
            accepted,
        })
    }

    /// Does one of the gate's words occur in `bytes` as its markers ask?
    fn admits(&self, bytes: &[u8]) -> bool {
        let lower = bytes.to_ascii_lowercase();
        self.searchers.iter().any(|searcher| {
            let mut at = 0;
            while at < lower.len() {
                let span = aho_corasick::Span::from(at..lower.len());
                let Some(m) = searcher.find_in(&lower, span) else {
                    return false;
                };
                // Every text that starts here, not only the one found: a word rejected by
                // its markers must not hide another that holds. The search resumes one byte
                // on, so a word starting inside the hit is still found. (`occurrence` is
                // never asked for the exact-case bit here: gate words have no case.)
                let start = m.start();
                let holds = self.texts.iter().zip(&self.accepted).any(|(text, ok)| {
                    let end = start + text.len();
                    lower.get(start..end) == Some(text.as_bytes())
                        && ok & (1 << occurrence(bytes, start, end, "")) != 0
                });
                if holds {
                    return true;
                }
                at = start + 1;
            }
            false
        })
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

/// The clauses any file matched by `p` must satisfy, or `None` when there are none.
///
/// Every segment of a resolved name was spelled somewhere in the file (in an import or at the
/// use site), so the segments of a callee, target or value name are necessary words, and so
/// are a keyword argument's name, an expected string and a plaintext URL's scheme.
pub fn clauses(p: &Pattern) -> Option<Vec<Clause>> {
    clauses_in(p, "")
}

/// [`clauses`] for the files of one kind of the pattern: its `require-in` lists for that
/// kind are more `require` lists.
fn clauses_in(p: &Pattern, kind: &str) -> Option<Vec<Clause>> {
    let required = p
        .require
        .iter()
        .chain(p.require_in.get(kind).into_iter().flatten());
    let required = required.map(|words| any_of(words.iter().map(|w| marked(w))));
    let mut out: Vec<Clause> = Vec::new();
    if !p.resource.is_empty() {
        // A resource's type is spelled in its file (a Terraform block label, a CloudFormation
        // `Type`); values are compared as providers coerce them, so they give no words.
        // `literals` may name sharper words that every matching file holds.
        if !p.literals.is_empty() {
            out.push(any_of(p.literals.iter().map(|w| marked(w))));
        } else if p.resource.iter().all(|t| !t.contains('*')) {
            out.push(any_of(
                p.resource.iter().map(|t| Word::anywhere(t.as_str())),
            ));
        }
        out.extend(required);
    } else if p.check.is_some() {
        if !p.literals.is_empty() {
            out.push(any_of(p.literals.iter().map(|w| marked(w))));
        }
        out.extend(required);
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
        out.extend(argument_clauses(p.arg.as_deref(), p.pos, p.is.as_ref()));
        for c in &p.when {
            out.extend(condition_clauses(c));
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

fn condition_clauses(c: &Condition) -> Vec<Clause> {
    argument_clauses(c.arg.as_deref(), c.pos, Some(&c.is))
}

/// The argument's name (when it can only be passed by name) and the words its value needs.
fn argument_clauses(
    arg: Option<&str>,
    pos: Option<usize>,
    test: Option<&ValueTest>,
) -> Vec<Clause> {
    let mut out = Vec::new();
    let may_be_absent = test.is_some_and(|t| t.absent == Some(true));
    if let (Some(arg), None, false) = (arg, pos, may_be_absent) {
        out.push(any_of([Word::token(arg)]));
    }
    if let Some(t) = test.filter(|t| t.absent.is_none()) {
        out.extend(value_clauses(t));
    }
    out
}

fn value_clauses(t: &ValueTest) -> Vec<Clause> {
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
            let schemes = t.schemes.iter().map(|s| Word::scheme(s));
            out.push(any_of(schemes));
        }
        Some("dsn-without-tls") => out.push(any_of([Word::anywhere("ssl"), Word::anywhere("tls")])),
        Some("password-like" | "mentions-password") => {
            out.push(any_of(
                crate::lint::predicates::PASSWORD_WORDS
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
///
/// The directories of an import path (`github.com/go-sql-driver/` in
/// `github.com/go-sql-driver/mysql.Config`) give no words: they are spelled only in the import
/// line, and `github`, `com` or `go` are in nearly every Go file, so they cost the automaton
/// matches without removing files. The last path segment is the package name the use site
/// spells, and stays.
fn glob_segments(glob: &str) -> Vec<Word> {
    const SEPARATORS: &[char] = &['.', ':', '[', ']', '(', ')', '*', '/', ' '];
    let package_start = glob.rfind('/').map_or(0, |i| i + 1);
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
        if !text.is_empty() && start >= package_start {
            out.push(Word {
                text: text.to_string(),
                whole_start: !glob[..start].ends_with('*'),
                whole_end: !glob[i..].starts_with('*'),
                part_end: false,
                exact_case: true,
                after_quote: false,
                name_start: false,
                name_end: false,
            });
        }
        start = i + c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::python::import_scan::python_imports_line_by_line;

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

    /// Python sources for the tests below: every fixture, and statements built to trip a
    /// scanner that looks only at `import` and `from`.
    fn python_samples() -> Vec<Vec<u8>> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        let mut dirs = vec![root.join("testdata")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "py") {
                    out.push(std::fs::read(&path).unwrap());
                }
            }
        }
        assert!(out.len() >= 20, "{} Python fixtures", out.len());
        for s in [
            "from requests \\\n    import get\n",
            "import os; import ssl\nx = 1; from hashlib import md5, sha1 as s\n",
            "try: import httpx\nexcept ImportError: from urllib import request\n",
            "from importlib import import_module\nimportlib = 1\nfromage = 2\n",
            "\tfrom\tos import (\n    path,\n)\r\nimport\x0cyaml\n",
            "    from the docs: import nothing\nfrom . import local\nfrom .x import y\n",
            "x = 'import requests'; y = \"from ssl import x\"\n",
            "import",
            "from",
            "",
        ] {
            out.push(s.as_bytes().to_vec());
        }
        // One long line full of both words, and random mixes of the bytes that matter.
        out.push(b"a import b; from c import d: ".repeat(20_000));
        let parts: [&[u8]; 16] = [
            b"import",
            b"from",
            b" ",
            b"\n",
            b";",
            b":",
            b"a",
            b".",
            b",",
            b"(",
            b"*",
            b"\\",
            b"requests",
            b"ssl",
            b"\t",
            b"\r",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..3000 {
            let mut text = Vec::new();
            for _ in 0..(seed % 40) {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.extend_from_slice(parts[(seed >> 33) as usize % parts.len()]);
            }
            out.push(text);
        }
        out
    }

    #[test]
    fn the_import_scan_equals_the_line_by_line_split() {
        for text in python_samples() {
            assert_eq!(
                python_imports(&text),
                python_imports_line_by_line(&text),
                "{}",
                String::from_utf8_lossy(&text)
            );
        }
    }

    #[test]
    fn a_page_without_a_plaintext_scheme_is_not_parsed() {
        let lints = crate::lint::catalog::load().unwrap();
        let prefilter = Prefilter::new(&lints);
        let kinds = [
            FileKind::Html,
            FileKind::Jinja,
            FileKind::Erb,
            FileKind::Vue,
            FileKind::Svelte,
        ];
        let secure = b"<script src=\"https://cdn.example.com/a.js\"></script>\n<script>fetch('/api'); new WebSocket('wss://x.example.com')</script>\n";
        let plain = b"<script src=\"http://cdn.example.com/a.js\"></script>\n";
        let socket = b"<script>new WebSocket('ws://x.example.com')</script>\n";
        for kind in kinds {
            assert!(prefilter.covers(kind), "{kind:?}");
            assert!(!prefilter.may_match(kind, secure), "{kind:?}");
            assert!(prefilter.may_match(kind, plain), "{kind:?}");
            assert!(prefilter.may_match(kind, socket), "{kind:?}");
        }
    }

    #[test]
    fn a_go_file_without_a_trigger_word_is_not_parsed() {
        let lints = crate::lint::catalog::load().unwrap();
        let prefilter = Prefilter::new(&lints);
        assert!(prefilter.covers(FileKind::Go));
        let plain = b"package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(len(\"hi\")) }\n";
        assert!(!prefilter.may_match(FileKind::Go, plain));
        let tls = b"package main\n\nimport \"crypto/tls\"\n\nvar c = &tls.Config{InsecureSkipVerify: true}\n";
        assert!(prefilter.may_match(FileKind::Go, tls));
        let des =
            b"package main\n\nimport \"crypto/des\"\n\nfunc f(k []byte) { des.NewCipher(k) }\n";
        assert!(prefilter.may_match(FileKind::Go, des));
    }

    #[test]
    fn the_python_gate_rejects_only_files_that_pass_no_pattern() {
        let lints = crate::lint::catalog::load().unwrap();
        let prefilter = Prefilter::new(&lints);
        let python = prefilter.kind(FileKind::Python).unwrap();
        let gate = python
            .gate
            .as_ref()
            .expect("the Python patterns allow a gate");
        let mut passed = 0;
        for text in python_samples() {
            let with: Vec<usize> = python.passing_through(&text, Some(gate)).collect();
            let without: Vec<usize> = python.passing_through(&text, None).collect();
            assert_eq!(with, without, "{}", String::from_utf8_lossy(&text));
            passed += usize::from(!with.is_empty());
        }
        // The samples exercise both outcomes.
        assert!(passed >= 20, "{passed}");
        // Every pattern that needs no import, given just the words of its clauses, passes
        // through the gate as without it.
        let mut built = 0;
        for (i, clauses) in python.patterns.iter().enumerate() {
            if python.imports[i].is_some() {
                continue;
            }
            let text: Vec<u8> = clauses
                .iter()
                .filter_map(|clause| clause.first())
                .flatten()
                .flat_map(|&(w, _)| format!(" {} \n", python.words[w]).into_bytes())
                .collect();
            let without: Vec<usize> = python.passing_through(&text, None).collect();
            assert!(without.contains(&i), "{}: {without:?}", python.labels[i]);
            let with: Vec<usize> = python.passing_through(&text, Some(gate)).collect();
            assert_eq!(with, without, "{}", python.labels[i]);
            built += 1;
        }
        assert!(built >= 20, "{built}");
        // And the gate does reject: a file with neither an import nor a gate word.
        let plain = b"def add(a, b):\n    return a + b\n";
        assert_eq!(python.passing_through(plain, None).count(), 0);
        assert!(!gate.admits(plain));
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
            let collected = (
                false,
                vec![clauses(&p).unwrap()],
                vec![None],
                vec!["p#0".into()],
            );
            by_kind.insert(FileKind::Rust, lazy_kind(collected));
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
        let seen =
            |src: &[u8], at: usize| 1u128 << occurrence(src, at, at + 7, "request") & ok != 0;
        assert!(seen(b"request(u)", 0));
        assert!(seen(b"x = require('request')", 13));
        assert!(!seen(b"new XMLHttpRequest()", 11));
        assert!(!seen(b"requests.get", 0));
        // A word that does not start with an identifier byte has no start boundary.
        assert_eq!(Word::anywhere("://x").accepted(), Mask::MAX);
        assert_eq!(Word::anywhere("request").accepted(), Mask::MAX);
        // A name word in a case-sensitive language: `Request` is not `request`.
        assert!(!seen(b"Request(u)", 0));
    }

    #[test]
    fn a_scheme_word_counts_only_where_a_string_starts_with_it() {
        let ok = Word::scheme("http").accepted();
        let seen = |src: &[u8]| {
            let at = src.windows(7).position(|w| w == b"http://").unwrap();
            1u128 << occurrence(src, at, at + 7, "http://") & ok != 0
        };
        assert!(seen(b"http.Get(\"http://api.example.com\")"));
        assert!(seen(b"fetch(`http://${host}/x`)"));
        assert!(seen(b"urlopen('http://example.com')"));
        // A licence header's link is no argument.
        assert!(!seen(b"// http://www.apache.org/licenses/LICENSE-2.0"));
    }

    #[test]
    fn name_word_markers_follow_how_names_split_into_words() {
        let card = marked("\\<card");
        assert!(card.name_start && !card.name_end && !card.whole_start);
        let ok = card.accepted();
        let seen = |src: &[u8], at: usize| 1u128 << occurrence(src, at, at + 4, "card") & ok != 0;
        assert!(seen(b"card_number", 0));
        assert!(seen(b"old_card", 4));
        assert!(seen(b"oldCard", 3));
        assert!(seen(b"OLD_CARD", 4));
        assert!(seen(b"cardnumber", 0));
        assert!(seen(b"x2card", 2));
        assert!(!seen(b"discard", 3));
        assert!(!seen(b"wildcard", 4));
        let pan = marked("\\<pan\\>");
        assert!(pan.name_start && pan.name_end);
        let ok = pan.accepted();
        let seen = |src: &[u8], at: usize| 1u128 << occurrence(src, at, at + 3, "pan") & ok != 0;
        assert!(seen(b"pan = 1", 0));
        assert!(seen(b"card_pan", 5));
        assert!(seen(b"panNumber", 0));
        assert!(seen(b"PAN2", 0));
        assert!(!seen(b"expand", 2));
        assert!(!seen(b"pancake", 0));
        assert!(!seen(b"company", 3));
        // Capitals start a word only as names split: after a small letter, or as the last of
        // a run before a small letter.
        let tin = marked("\\<tin").accepted();
        let seen = |src: &[u8], at: usize| 1u128 << occurrence(src, at, at + 3, "tin") & tin != 0;
        assert!(seen(b"TIN_NUMBER", 0));
        assert!(seen(b"userTin", 4));
        assert!(seen(b"OLDTin", 3));
        assert!(!seen(b"SETTINGS", 3));
        assert!(!seen(b"Continent", 3));
        // Two bytes are enough for a word that must start a name word.
        assert!(long_enough(&marked("\\<cc")));
        assert!(!long_enough(&marked("cc")));
    }

    #[test]
    fn a_part_end_word_needs_a_new_name_part_after_it() {
        let word = marked("\\benc\\p");
        assert!(word.whole_start && word.part_end && !word.whole_end);
        assert_eq!(word.text, "enc");
        let ok = word.accepted();
        let seen = |src: &[u8], at: usize| 1u128 << occurrence(src, at, at + 3, "enc") & ok != 0;
        assert!(seen(b"enc_data", 0));
        assert!(seen(b"s.encData", 2));
        assert!(seen(b"ENC_KEY", 0));
        assert!(!seen(b"encode(x)", 0));
        assert!(!seen(b"ACCEPT-ENCODING", 7));
        assert!(seen(b"EncData", 0));
        assert!(!seen(b"fn enc(x)", 3));
        assert!(!seen(b"pre_enc_data", 4));
        // A boundary is not a part end.
        let key = marked("key\\b");
        assert!(key.whole_end && !key.part_end);
    }

    #[test]
    fn rust_key_beside_data_words_are_the_spellings_its_checks_need() {
        let lints = crate::lint::catalog::load().unwrap();
        let prefilter = Prefilter::new(&lints);
        let labels = |src: &str| prefilter.explain(FileKind::Rust, src.as_bytes());
        let persisted =
            |fields: &str| format!("#[derive(serde::Serialize)]\nstruct T {{ {fields} }}");
        let stores = "key-stored-with-data#3".to_string();
        for yes in [
            "enc_payload: Vec<u8>, aes_key: Vec<u8>",
            "encPayload: Vec<u8>, aesKey: Vec<u8>",
            "payload_enc: Vec<u8>, DEK: Vec<u8>",
            "sealed_box: Vec<u8>, cek: Vec<u8>",
        ] {
            assert!(labels(&persisted(yes)).contains(&stores), "{yes}");
        }
        for no in [
            "encoder: String, aes_key: Vec<u8>",
            "enc_payload: Vec<u8>, keys: Vec<u8>",
            "enc_payload: Vec<u8>, keyring: Vec<u8>",
        ] {
            assert!(!labels(&persisted(no)).contains(&stores), "{no}");
        }
        // Not a persisted base: `SerializeMap` is not `Serialize`.
        let map = "impl SerializeMap for T { fn f(enc_payload: u8, aes_key: u8) {} }";
        assert!(!labels(map).contains(&stores));
        let writes = "key-stored-with-data#4".to_string();
        assert!(
            labels("fn f() { fs::write(p, encBlob); fs::write(q, dataKey); }").contains(&writes)
        );
        assert!(!labels("fn f() { writer(p, encBlob); writer(q, dataKey); }").contains(&writes));
    }

    #[test]
    fn the_gate_checks_markers_and_never_lets_a_rejected_hit_hide_another() {
        // `encrypt\b` is found first at 0 and rejected (`i` follows); `encryption`, which
        // starts at the same byte, must still count.
        let gate = Gate::new(vec![marked("encrypt\\b"), Word::anywhere("encryption")]).unwrap();
        assert!(gate.admits(b"ENCRYPTIONS"));
        assert!(!gate.admits(b"encrypted"));
        // Rejected hits resume one byte on: the third `key` is a whole word.
        let gate = Gate::new(vec![marked("\\bkey\\b")]).unwrap();
        assert!(!gate.admits(b"monkey keyring"));
        assert!(gate.admits(b"monkey keyring key"));
        // Short words have their own searcher and obey their markers too.
        let gate = Gate::new(vec![marked("\\benc\\p"), Word::anywhere("sealed")]).unwrap();
        assert_eq!(gate.searchers.len(), 2);
        assert!(!gate.admits(b"ACCEPT_ENCODING = encode(x)"));
        assert!(gate.admits(b"self.encData = x"));
        assert!(gate.admits(b"UNSEALED"));
    }

    /// The NFA a kind starts with and the DFA it moves to find the same words, so the switch
    /// between them changes no decision.
    #[test]
    fn the_first_bytes_automaton_finds_what_the_later_one_does() {
        let lints = crate::lint::catalog::load().unwrap();
        let prefilter = Prefilter::new(&lints);
        let mut texts = python_samples();
        texts.push(b"axios.get('http://x'); fs::write(p, encData); Aes256Gcm::new(k)".to_vec());
        let mut compared = 0;
        for f in prefilter.kinds.values().map(|f| &**f).filter(|f| !f.always) {
            let nfa = f.automaton(AhoCorasickKind::ContiguousNFA).unwrap();
            let dfa = f.automaton(AhoCorasickKind::DFA).unwrap();
            for text in &texts {
                let found = |ac: &AhoCorasick| {
                    ac.find_overlapping_iter(text)
                        .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                        .collect::<Vec<_>>()
                };
                assert_eq!(found(nfa), found(dfa));
                compared += 1;
            }
        }
        assert!(compared > 100, "{compared}");
        // And the switch happens: the NFA first, the DFA after DFA_AFTER bytes.
        let python = prefilter.kind(FileKind::Python).unwrap();
        assert!(std::ptr::eq(
            python.automaton_for(10).unwrap(),
            python.ac_small.get().unwrap().as_ref().unwrap()
        ));
        python.automaton_for(DFA_AFTER);
        assert!(std::ptr::eq(
            python.automaton_for(10).unwrap(),
            python.ac.get().unwrap().as_ref().unwrap()
        ));
    }
}
