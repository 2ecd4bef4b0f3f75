//! Decides from a file's bytes alone whether any pattern could match it. Each pattern yields
//! the literals it cannot match without (see [`anchors`]); one case-insensitive multi-literal
//! search per file kind answers "may match" or "cannot match". A pattern with no literal
//! makes its kinds always parse, so the prefilter can only ever skip work, never findings.

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::catalog::{Lint, Pattern};
use super::glob;
use crate::classify::FileKind;

enum Filter {
    /// Some pattern has no literal: every file of the kind is parsed.
    Always,
    Literals(AhoCorasick),
}

pub struct Prefilter {
    filters: BTreeMap<FileKind, Filter>,
    literals: BTreeMap<FileKind, Vec<String>>,
}

impl Prefilter {
    pub fn new(lints: &[Lint]) -> Self {
        let mut literals: BTreeMap<FileKind, Option<Vec<String>>> = BTreeMap::new();
        for lint in lints {
            for p in &lint.patterns {
                for kind in p.kinds.iter().filter_map(|k| FileKind::from_name(k)) {
                    let entry = literals.entry(kind).or_insert_with(|| Some(Vec::new()));
                    match (entry.as_mut(), anchors(p)) {
                        (Some(list), Some(words)) => list.extend(words),
                        _ => *entry = None,
                    }
                }
            }
        }
        let mut filters = BTreeMap::new();
        let mut kept = BTreeMap::new();
        for (kind, words) in literals {
            let filter = match words {
                None => Filter::Always,
                Some(mut words) => {
                    words.sort();
                    words.dedup();
                    let ac = AhoCorasickBuilder::new()
                        .ascii_case_insensitive(true)
                        .match_kind(MatchKind::LeftmostFirst)
                        .build(&words);
                    kept.insert(kind, words);
                    match ac {
                        Ok(ac) => Filter::Literals(ac),
                        Err(_) => Filter::Always,
                    }
                }
            };
            filters.insert(kind, filter);
        }
        Prefilter {
            filters,
            literals: kept,
        }
    }

    /// Could any pattern for `kind` match a file with these bytes?
    pub fn may_match(&self, kind: FileKind, bytes: &[u8]) -> bool {
        match self.filters.get(&kind) {
            None => false,
            Some(Filter::Always) => true,
            Some(Filter::Literals(ac)) => ac.is_match(bytes),
        }
    }

    /// Does any lint have a pattern for `kind` at all?
    pub fn covers(&self, kind: FileKind) -> bool {
        self.filters.contains_key(&kind)
    }

    /// The literals of every kind that has them (for the benchmark's `rg` floor).
    pub fn literals(&self) -> impl Iterator<Item = (FileKind, &[String])> {
        self.literals.iter().map(|(k, v)| (*k, v.as_slice()))
    }
}

/// Words any file matched by `p` must contain, or `None` when there is no such word.
pub fn anchors(p: &Pattern) -> Option<Vec<String>> {
    if p.check.is_some() {
        return (!p.literals.is_empty()).then(|| p.literals.clone());
    }
    let arg_absent = p.is.as_ref().is_some_and(|t| t.absent == Some(true));
    if let (Some(arg), false) = (&p.arg, arg_absent) {
        if arg.len() >= 3 {
            return Some(vec![arg.clone()]);
        }
    }
    let globs: &[String] = if !p.call.is_empty() {
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
    let mut words = Vec::new();
    for g in globs {
        words.push(glob::anchor(g)?.to_string());
    }
    (!words.is_empty()).then_some(words)
}
