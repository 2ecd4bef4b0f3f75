//! What a lint reports, and the whole report of one run.

use serde::{Deserialize, Serialize};

use crate::source::Position;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub description: String,
    /// Replacement text for the finding's span, when one is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replacement: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: String,
    pub category: &'static str,
    pub severity: Severity,
    pub path: String,
    pub start: Position,
    pub end: Position,
    pub message: String,
    pub help: String,
    pub cwe: Vec<String>,
    /// The compliance requirements the rule maps to, by framework (`pci-dss`, `hipaa`, ...).
    pub compliance: crate::lint::catalog::Compliance,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

impl Finding {
    /// The order of the output: path, line, column, rule.
    pub fn sort_key(&self) -> (&str, usize, usize, &str) {
        (&self.path, self.start.line, self.start.column, &self.rule)
    }
}

/// A file that could not be read, decoded or parsed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FileError {
    pub path: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

/// A file that was deliberately not scanned, with the reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

/// A problem with an inline suppression comment: no reason, suppresses nothing, expired,
/// names an unknown rule, or cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub kind: NoticeKind,
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoticeKind {
    MissingReason,
    Unused,
    Expired,
    UnknownRule,
    Malformed,
    /// A `--baseline` entry that no longer occurs.
    BaselineFixed,
    /// The parser recovered from a syntax error; the rest of the file was still checked. Not a
    /// tool failure (the exit code is unaffected): vendored and test trees hold deliberately
    /// broken files, and a CI check must not fail on them.
    SyntaxError,
    /// The file is not valid UTF-8 and declares no encoding: it was read with the invalid
    /// bytes replaced, so the text around them was still checked.
    Encoding,
}

impl NoticeKind {
    pub fn name(self) -> &'static str {
        match self {
            NoticeKind::MissingReason => "missing-reason",
            NoticeKind::Unused => "unused",
            NoticeKind::Expired => "expired",
            NoticeKind::UnknownRule => "unknown-rule",
            NoticeKind::Malformed => "malformed",
            NoticeKind::BaselineFixed => "baseline-fixed",
            NoticeKind::SyntaxError => "syntax-error",
            NoticeKind::Encoding => "encoding",
        }
    }

    /// Problems with suppression comments (what `--strict-suppressions` fails on).
    pub fn is_suppression_problem(self) -> bool {
        !matches!(
            self,
            NoticeKind::BaselineFixed | NoticeKind::SyntaxError | NoticeKind::Encoding
        )
    }
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    pub files_scanned: usize,
    pub files_skipped: usize,
    pub findings: usize,
    /// Findings hidden by inline suppressions.
    pub suppressed: usize,
    /// Findings hidden because `--baseline` already records them.
    pub baselined: usize,
    pub duration_ms: u64,
}

#[derive(Clone, Debug, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub errors: Vec<FileError>,
    pub skipped: Vec<Skipped>,
    /// Findings an inline suppression hides (shown with `--show-suppressed`).
    pub suppressed: Vec<Finding>,
    /// Problems with suppressions and stale baseline entries.
    pub notices: Vec<Notice>,
    /// Stable fingerprints of `findings`, index for index, when computed (see `baseline`).
    pub fingerprints: Vec<String>,
    pub summary: Summary,
}

impl Report {
    /// Sorts everything once, at the end, so the output never depends on thread timing.
    pub fn finish(&mut self) {
        self.finish_keeping_duplicates();
        // One finding per rule per line: two matches of one rule on one line are one mistake
        // (`user.password = md5(password)` read through the target and the argument).
        self.findings
            .dedup_by(|a, b| a.path == b.path && a.start.line == b.start.line && a.rule == b.rule);
        self.summary.findings = self.findings.len();
    }

    /// [`Report::finish`] without merging the matches of one rule on one line: what the
    /// fixture harness compares, so that a pattern firing twice is seen.
    pub fn finish_keeping_duplicates(&mut self) {
        self.findings.sort_by(|a, b| {
            a.sort_key()
                .cmp(&b.sort_key())
                .then(a.end.cmp(&b.end))
                .then(a.message.cmp(&b.message))
        });
        self.errors
            .sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
        self.skipped.sort_by(|a, b| a.path.cmp(&b.path));
        self.suppressed
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.notices.sort_by(|a, b| {
            (&a.path, a.line, a.column, a.kind, &a.message)
                .cmp(&(&b.path, b.line, b.column, b.kind, &b.message))
        });
        self.summary.findings = self.findings.len();
        self.summary.files_skipped = self.skipped.len();
        self.summary.suppressed = self.suppressed.len();
    }
}
