//! Matches the catalog's patterns against a file's facts. Nothing here looks at syntax: the
//! front-ends have already resolved names and constants.

pub mod catalog;
pub mod checks;
pub mod glob;
pub mod index;
pub mod matching;
pub mod predicates;

use crate::classify::FileKind;
use crate::facts::Span;
use crate::finding::{Finding, Severity};
use crate::lang::Lowered;
use crate::prefilter;
use catalog::{Lint, Pattern};
pub use matching::value_matches;
use matching::{match_pattern, FactNames};

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
    /// What the run knows beyond its files (the scan's date).
    pub scan: &'a Scan,
    pub unit: &'a [Lowered],
    pub pattern: &'a Pattern,
    /// The pattern's `params`, parsed into the check's own type when the linter was built.
    pub params: &'a (dyn std::any::Any + Send + Sync),
}

impl CheckCtx<'_> {
    /// The check's typed params. The type is the one its table entry declares, so a mismatch
    /// is a programming error caught by every test that runs the check.
    #[allow(clippy::expect_used)] // a wrong type is a bug every test of the check shows
    pub fn params<P: 'static>(&self) -> &P {
        self.params
            .downcast_ref::<P>()
            .expect("a check reads the params type its table entry declares")
    }
}

/// What a run knows of the world beyond its files, for the checks that need it.
#[derive(Clone, Debug)]
pub struct Scan {
    /// The scan's date and time, seconds since the Unix epoch: the clock's unless `--now` says.
    pub now: i64,
    /// A certificate expiring within this many days of `now` is reported
    /// (`certificate-expiry-days`).
    pub certificate_expiry_days: i64,
}

impl Default for Scan {
    fn default() -> Self {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
        Scan {
            now,
            certificate_expiry_days: 30,
        }
    }
}

pub struct Linter {
    pub lints: Vec<Lint>,
    pub prefilter: prefilter::Prefilter,
    /// Per file kind, the patterns that apply to it in catalog order, with their check
    /// resolved: looking each check up by name, and each pattern's kinds by string, per file
    /// was a tenth of a Terraform scan.
    plan: std::collections::BTreeMap<FileKind, Vec<Planned>>,
    /// Per file kind, resource type → the plan positions of the resource patterns that name
    /// it (exactly, without `*`): a file runs only those of the types it declares, where every
    /// resource pattern meeting every Terraform file was a fifth of a scan.
    typed: std::collections::BTreeMap<FileKind, foldhash::HashMap<String, Vec<usize>>>,
    /// The project's `internal-hosts`: plaintext to them is accepted. Configuration lives in
    /// the linter that uses it, not in a process-wide global.
    internal_hosts: std::sync::Arc<predicates::InternalHosts>,
    /// The scan's date and the settings that depend on it.
    pub scan: Scan,
}

struct Planned {
    lint: usize,
    pattern: usize,
    check: Option<(checks::CheckFn, checks::Params)>,
    /// A resource pattern whose types are all exact: it runs only on files declaring one.
    typed: bool,
}

impl Linter {
    /// Checks that every check and predicate a lint names exists and compiles the prefilter.
    pub fn new(lints: Vec<Lint>) -> Result<Self, String> {
        let mut plan: std::collections::BTreeMap<FileKind, Vec<Planned>> = Default::default();
        let mut typed: std::collections::BTreeMap<FileKind, foldhash::HashMap<String, Vec<usize>>> =
            Default::default();
        for (li, lint) in lints.iter().enumerate() {
            for (pi, p) in lint.patterns.iter().enumerate() {
                let check = match &p.check {
                    Some(c) => {
                        let found = checks::find(c).ok_or_else(|| {
                            format!("lints/{}.toml: unknown check `{c}`", lint.id)
                        })?;
                        let params = found.parse_params(&p.params).map_err(|e| {
                            format!(
                                "lints/{}.toml: pattern {} (check `{c}`): {e}",
                                lint.id,
                                pi + 1
                            )
                        })?;
                        Some((found.run, params))
                    }
                    None if !p.params.is_empty() => {
                        return Err(format!(
                            "lints/{}.toml: pattern {}: params are for checks, and it names none",
                            lint.id,
                            pi + 1
                        ))
                    }
                    None => None,
                };
                let exact_types =
                    !p.resource.is_empty() && p.resource.iter().all(|t| !t.contains('*'));
                for kind in p.kinds.iter().filter_map(|k| FileKind::from_name(k)) {
                    let list = plan.entry(kind).or_default();
                    if !list.last().is_some_and(|l| l.lint == li && l.pattern == pi) {
                        if exact_types {
                            let by_type = typed.entry(kind).or_default();
                            for t in &p.resource {
                                by_type.entry(t.clone()).or_default().push(list.len());
                            }
                        }
                        list.push(Planned {
                            lint: li,
                            pattern: pi,
                            check: check.clone(),
                            typed: exact_types,
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
            typed,
            internal_hosts: Default::default(),
            scan: Scan::default(),
        })
    }

    /// The project's `internal-hosts` (`*` a wildcard), where plaintext transport is accepted.
    pub fn set_internal_hosts(&mut self, hosts: &[String]) {
        self.internal_hosts = std::sync::Arc::new(predicates::InternalHosts::new(hosts));
    }

    /// The window before a certificate's end in which it is reported (default 30 days).
    pub fn set_certificate_expiry_days(&mut self, days: Option<u32>) {
        self.scan.certificate_expiry_days = i64::from(days.unwrap_or(30));
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
        let mut declared = vec![false; plan.len()];
        if let Some(by_type) = self.typed.get(&file.src.kind) {
            for r in &file.facts.resources {
                for &i in by_type.get(r.kind.as_str()).into_iter().flatten() {
                    declared[i] = true;
                }
            }
        }
        for (i, planned) in plan.iter().enumerate() {
            if planned.typed && !declared[i] {
                continue;
            }
            let lint = &self.lints[planned.lint];
            let pattern = &lint.patterns[planned.pattern];
            for hit in match_pattern(
                pattern,
                planned.check.as_ref(),
                file,
                unit,
                &names,
                &self.scan,
            ) {
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
        compliance: lint.compliance.clone(),
        fix: None,
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
