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

#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    pub files_scanned: usize,
    pub files_skipped: usize,
    pub findings: usize,
    pub duration_ms: u64,
}

#[derive(Clone, Debug, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub errors: Vec<FileError>,
    pub skipped: Vec<Skipped>,
    pub summary: Summary,
}

impl Report {
    /// Sorts everything once, at the end, so the output never depends on thread timing.
    pub fn finish(&mut self) {
        self.findings.sort_by(|a, b| {
            a.sort_key()
                .cmp(&b.sort_key())
                .then(a.end.cmp(&b.end))
                .then(a.message.cmp(&b.message))
        });
        // One finding per rule per line: two matches of one rule on one line are one mistake
        // (`user.password = md5(password)` read through the target and the argument).
        self.findings
            .dedup_by(|a, b| a.path == b.path && a.start.line == b.start.line && a.rule == b.rule);
        self.errors
            .sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
        self.skipped.sort_by(|a, b| a.path.cmp(&b.path));
        self.summary.findings = self.findings.len();
        self.summary.files_skipped = self.skipped.len();
    }
}
