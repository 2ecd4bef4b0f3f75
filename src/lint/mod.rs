//! Matches the catalog's patterns against a file's facts. Nothing here looks at syntax: the
//! front-ends have already resolved names and constants.

pub mod catalog;
pub mod checks;
pub mod glob;
pub mod index;
pub mod predicates;

use crate::classify::FileKind;
use crate::facts::{Call, Command, Facts, Span, Value};
use crate::finding::{Finding, Severity};
use crate::lang::Lowered;
use crate::prefilter;
use catalog::{Condition, Lint, Pattern, ValueTest};
use predicates::Subject;

/// Where a pattern matched, with an optional message more specific than the lint's.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub span: Span,
    pub message: Option<String>,
}

impl Hit {
    pub fn at(span: Span) -> Self {
        Hit {
            span,
            message: None,
        }
    }

    pub fn with(span: Span, message: impl Into<String>) -> Self {
        Hit {
            span,
            message: Some(message.into()),
        }
    }
}

/// What a Rust-written check is given: the file it reports on, and every file of its unit (a
/// Terraform module directory; just the file itself elsewhere).
pub struct CheckCtx<'a> {
    pub file: &'a Lowered,
    pub unit: &'a [Lowered],
    pub pattern: &'a Pattern,
}

pub struct Linter {
    pub lints: Vec<Lint>,
    pub prefilter: prefilter::Prefilter,
    /// Per file kind, the patterns that apply to it in catalog order, with their check
    /// resolved: looking each check up by name, and each pattern's kinds by string, per file
    /// was a tenth of a Terraform scan.
    plan: std::collections::BTreeMap<FileKind, Vec<Planned>>,
    /// The project's `internal-hosts`: plaintext to them is accepted. Configuration lives in
    /// the linter that uses it, not in a process-wide global.
    internal_hosts: std::sync::Arc<predicates::InternalHosts>,
}

struct Planned {
    lint: usize,
    pattern: usize,
    check: Option<checks::CheckFn>,
}

impl Linter {
    /// Checks that every check and predicate a lint names exists and compiles the prefilter.
    pub fn new(lints: Vec<Lint>) -> Result<Self, String> {
        let mut plan: std::collections::BTreeMap<FileKind, Vec<Planned>> = Default::default();
        for (li, lint) in lints.iter().enumerate() {
            for (pi, p) in lint.patterns.iter().enumerate() {
                let check =
                    match &p.check {
                        Some(c) => Some(checks::find(c).ok_or_else(|| {
                            format!("lints/{}.toml: unknown check `{c}`", lint.id)
                        })?),
                        None => None,
                    };
                for kind in p.kinds.iter().filter_map(|k| FileKind::from_name(k)) {
                    let list = plan.entry(kind).or_default();
                    if !list.last().is_some_and(|l| l.lint == li && l.pattern == pi) {
                        list.push(Planned {
                            lint: li,
                            pattern: pi,
                            check,
                        });
                    }
                }
                let tests =
                    p.is.iter()
                        .chain(p.when.iter().map(|c| &c.is))
                        .chain(p.unless.iter().map(|c| &c.is));
                for t in tests {
                    if let Some(c) = &t.check {
                        if !predicates::exists(c) {
                            return Err(format!(
                                "lints/{}.toml: unknown value check `{c}`",
                                lint.id
                            ));
                        }
                    }
                }
            }
        }
        let prefilter = prefilter::Prefilter::new(&lints);
        Ok(Linter {
            lints,
            prefilter,
            plan,
            internal_hosts: Default::default(),
        })
    }

    /// The project's `internal-hosts` (`*` a wildcard), where plaintext transport is accepted.
    pub fn set_internal_hosts(&mut self, hosts: &[String]) {
        self.internal_hosts = std::sync::Arc::new(predicates::InternalHosts::new(hosts));
    }

    pub fn lint(&self, id: &str) -> Option<&Lint> {
        self.lints.iter().find(|l| l.id == id)
    }

    /// All findings of one file. `unit` holds the file and its siblings when the file kind is
    /// linted as a group.
    pub fn check_file(&self, file: &Lowered, unit: &[Lowered]) -> Vec<Finding> {
        let _hosts = predicates::CheckingWith::new(&self.internal_hosts);
        let mut out = Vec::new();
        let names = FactNames::default();
        let plan = self.plan.get(&file.src.kind).map_or(&[][..], Vec::as_slice);
        for planned in plan {
            let lint = &self.lints[planned.lint];
            let pattern = &lint.patterns[planned.pattern];
            for hit in match_pattern(pattern, planned.check, file, unit, &names) {
                let message = hit
                    .message
                    .or_else(|| pattern.message.clone())
                    .unwrap_or_else(|| lint.message.clone());
                let mut severity = pattern.severity.unwrap_or(lint.severity);
                let in_test = file
                    .facts
                    .test_spans
                    .iter()
                    .any(|t| t.start <= hit.span.start && hit.span.end <= t.end);
                if in_test {
                    // Test-only code: still shown, never failing a build by default.
                    severity = Severity::Note;
                }
                out.push(finding(lint, severity, &file.src, hit.span, message));
            }
        }
        out
    }
}

fn finding(
    lint: &Lint,
    severity: Severity,
    src: &crate::source::SourceFile,
    span: Span,
    message: String,
) -> Finding {
    Finding {
        rule: lint.id.clone(),
        category: lint.category.name(),
        severity,
        path: src.display.clone(),
        start: src.position(span.start),
        end: src.position(span.end),
        message,
        help: lint.help.clone(),
        cwe: lint.cwe.clone(),
        fix: None,
    }
}

/// The file's callees and assignment targets indexed by first and last segment (see
/// [`index`]), each built when a pattern first needs it.
#[derive(Default)]
struct FactNames<'f> {
    calls: std::cell::OnceCell<index::NameIndex<'f>>,
    assigns: std::cell::OnceCell<index::NameIndex<'f>>,
}

fn match_pattern<'f>(
    p: &Pattern,
    check: Option<checks::CheckFn>,
    file: &'f Lowered,
    unit: &[Lowered],
    names: &FactNames<'f>,
) -> Vec<Hit> {
    let facts: &Facts = &file.facts;
    let mut hits = Vec::new();
    // `Linter::new` resolved the pattern's check (an unknown one is an error there).
    if let Some(check) = check {
        hits.extend(check(&CheckCtx {
            file,
            unit,
            pattern: p,
        }));
        return hits;
    }
    if !p.call.is_empty() {
        let index = names
            .calls
            .get_or_init(|| index::NameIndex::new(facts.calls.iter().map(|c| c.callee.as_str())));
        for i in index.candidates(&p.call) {
            let call = &facts.calls[i];
            if glob::any(&p.call, &call.callee) {
                if let Some(hit) = match_call(p, call) {
                    hits.push(hit);
                }
            }
        }
    }
    if !p.assign.is_empty() {
        let index = names
            .assigns
            .get_or_init(|| index::NameIndex::new(facts.assigns.iter().map(|a| a.target.as_str())));
        for i in index.candidates(&p.assign) {
            let a = &facts.assigns[i];
            if glob::any(&p.assign, &a.target)
                && value_matches(p.is.as_ref(), Some(&a.value), "", &p.params)
            {
                hits.push(Hit::at(a.span));
            }
        }
    }
    if !p.entry.is_empty() {
        for e in &facts.entries {
            if p.entry
                .iter()
                .any(|g| glob::matches(g, &e.path) || glob::matches_prefixed("*.", g, &e.path))
                && value_matches(p.is.as_ref(), Some(&e.value), "", &p.params)
            {
                hits.push(Hit::at(e.span));
            }
        }
    }
    if !p.env.is_empty() {
        for e in facts.envs.iter().filter(|e| glob::any(&p.env, &e.name)) {
            if value_matches(p.is.as_ref(), Some(&e.value), "", &p.params) {
                hits.push(Hit::at(e.span));
            }
        }
    }
    if !p.command.is_empty() {
        for c in facts
            .commands
            .iter()
            .filter(|c| p.command.iter().any(|n| n == &c.program))
        {
            hits.extend(match_command(p, c));
        }
    }
    if !p.directive.is_empty() {
        for d in &facts.directives {
            let named = p.directive.iter().any(|n| n.eq_ignore_ascii_case(&d.name));
            let in_section = p
                .section
                .as_ref()
                .is_none_or(|s| glob::matches(s, &d.section));
            if !named || !in_section {
                continue;
            }
            let text = d
                .args
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            if value_matches(
                p.is.as_ref(),
                Some(&Value::Str(text.clone())),
                &text,
                &p.params,
            ) {
                hits.push(Hit::at(d.span));
            }
        }
    }
    hits
}

fn match_call(p: &Pattern, call: &Call) -> Option<Hit> {
    // An argument hidden in `**kwargs` might be the one a pattern says is missing.
    if call.has_opaque_args() && tests_absence(p) {
        return None;
    }
    if !p.when.iter().all(|c| condition_holds(c, call, &p.params)) {
        return None;
    }
    if p.unless.iter().any(|c| condition_holds(c, call, &p.params)) {
        return None;
    }
    if p.arg.is_none() && p.pos.is_none() {
        return value_matches(p.is.as_ref(), None, "", &p.params).then(|| Hit::at(call.span));
    }
    match call.arg(p.arg.as_deref(), p.pos) {
        Some(found) => {
            let ok = value_matches(
                p.is.as_ref(),
                Some(&found.value),
                &found.arg.text,
                &p.params,
            );
            ok.then(|| Hit::at(found.arg.span))
        }
        None => value_matches(p.is.as_ref(), None, "", &p.params).then(|| Hit::at(call.span)),
    }
}

/// Does a command word carry one of `flags`? `--opt=value` carries `--opt`, and a cluster of
/// short options (`-fsSLk`) carries each of its letters.
fn has_flag(flags: &[String], word: &str) -> bool {
    flags.iter().any(|f| {
        if word == f
            || word
                .strip_prefix(f.as_str())
                .is_some_and(|r| r.starts_with('='))
        {
            return true;
        }
        let short = f.len() == 2 && f.starts_with('-') && f.as_bytes()[1].is_ascii_alphabetic();
        // `word` must start with `-` before it is sliced at byte 1 (fuzzing found `éfsS`).
        short
            && word.len() > 2
            && word.starts_with('-')
            && !word.starts_with("--")
            && word[1..].bytes().all(|b| b.is_ascii_alphabetic())
            && word[1..].contains(&f[1..])
    })
}

/// The value a command passes for `arg` (a flag: `--opt=value`, `--opt value`, or `true` for a
/// bare flag) or at position `pos` among its words. `None` when absent.
fn command_value(c: &Command, arg: Option<&str>, pos: Option<usize>) -> Option<(Value, Span)> {
    if let Some(flag) = arg {
        for (i, w) in c.args.iter().enumerate() {
            if let Some(v) = w.text.strip_prefix(flag).and_then(|r| r.strip_prefix('=')) {
                return Some((word_value(v), w.span));
            }
            if w.text == flag {
                return Some(match c.args.get(i + 1) {
                    Some(next) if !next.text.starts_with('-') => {
                        (word_value(&next.text), next.span)
                    }
                    _ => (Value::Bool(true), w.span),
                });
            }
        }
        return None;
    }
    let w = c.args.get(pos?)?;
    Some((word_value(&w.text), w.span))
}

/// A word as a value: a number when it is one, else a string.
fn word_value(text: &str) -> Value {
    match text.parse::<i64>() {
        Ok(i) => Value::Int(i),
        Err(_) => Value::Str(text.to_string()),
    }
}

/// Tests `test` on a command: on the flag or position given, else on every word until one
/// passes. Returns where it passed.
fn command_test(
    c: &Command,
    arg: Option<&str>,
    pos: Option<usize>,
    test: Option<&ValueTest>,
    params: &toml::Table,
) -> Option<Span> {
    if arg.is_some() || pos.is_some() {
        return match command_value(c, arg, pos) {
            Some((v, span)) => value_matches(test, Some(&v), "", params).then_some(span),
            None => value_matches(test, None, "", params).then_some(c.span),
        };
    }
    c.args
        .iter()
        .find(|w| value_matches(test, Some(&word_value(&w.text)), &w.text, params))
        .map(|w| w.span)
}

fn match_command(p: &Pattern, c: &Command) -> Option<Hit> {
    let holds = |cond: &Condition| {
        command_test(c, cond.arg.as_deref(), cond.pos, Some(&cond.is), &p.params).is_some()
    };
    if !p.when.iter().all(holds) || p.unless.iter().any(holds) {
        return None;
    }
    let mut span = c.span;
    if !p.flags.is_empty() {
        span = c.args.iter().find(|w| has_flag(&p.flags, &w.text))?.span;
    }
    if p.is.is_some() || p.arg.is_some() || p.pos.is_some() {
        span = command_test(c, p.arg.as_deref(), p.pos, p.is.as_ref(), &p.params)?;
    }
    Some(Hit::at(span))
}

fn tests_absence(p: &Pattern) -> bool {
    let absent = |t: &ValueTest| t.absent.is_some();
    p.is.as_ref().is_some_and(absent) || p.when.iter().chain(&p.unless).any(|c| absent(&c.is))
}

fn condition_holds(c: &Condition, call: &Call, params: &toml::Table) -> bool {
    match call.arg(c.arg.as_deref(), c.pos) {
        Some(found) => value_matches(Some(&c.is), Some(&found.value), &found.arg.text, params),
        None => value_matches(Some(&c.is), None, "", params),
    }
}

/// Does the value (None: the argument is absent) pass the test? No test: any present value.
pub fn value_matches(
    test: Option<&ValueTest>,
    value: Option<&Value>,
    text: &str,
    params: &toml::Table,
) -> bool {
    let Some(t) = test else {
        return true;
    };
    let Some(v) = value else {
        return t.absent == Some(true);
    };
    if t.absent == Some(true) {
        return false;
    }
    if !t.equals.is_empty() && !t.equals.iter().any(|e| equals(e, v, t.nocase)) {
        return false;
    }
    if !t.name.is_empty() && !matches!(v, Value::Name(n) if glob::any(&t.name, n)) {
        return false;
    }
    if !t.call.is_empty() && !matches!(v, Value::Call(c) if glob::any(&t.call, &c.callee)) {
        return false;
    }
    if t.regex.is_some() {
        let Some(s) = v.as_text() else { return false };
        if !t.compiled_regex().is_some_and(|re| re.is_match(s)) {
            return false;
        }
    }
    if let Some(b) = t.below {
        if !matches!(v, Value::Int(i) if *i < b) {
            return false;
        }
    }
    if let Some(c) = &t.check {
        if !predicates::test(c, &Subject { value: v, text }, params) {
            return false;
        }
    }
    true
}

fn equals(expected: &toml::Value, v: &Value, nocase: bool) -> bool {
    match (expected, v) {
        (toml::Value::Boolean(a), Value::Bool(b)) => a == b,
        (toml::Value::Integer(a), Value::Int(b)) => a == b,
        (toml::Value::String(a), Value::Str(b)) => {
            if nocase {
                a.eq_ignore_ascii_case(b.trim())
            } else {
                a == b
            }
        }
        (toml::Value::String(a), Value::Name(n)) => n == a || n.ends_with(&format!(".{a}")),
        _ => false,
    }
}

/// The kinds any lint has a pattern for.
pub fn covered_kinds(lints: &[Lint]) -> Vec<FileKind> {
    let mut kinds: Vec<FileKind> = FileKind::ALL
        .into_iter()
        .filter(|k| {
            lints
                .iter()
                .any(|l| l.patterns.iter().any(|p| p.applies_to(*k)))
        })
        .collect();
    kinds.sort();
    kinds
}
