//! Renders a finished report. Each format writes bytes to a writer and decides nothing else
//! (the exit code is the CLI's business).

pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod line;
pub mod sarif;

use std::io::Write;
use std::path::PathBuf;

use crate::finding::Report;
use crate::lint::Linter;

/// Where users read about the project and each rule (`lints/README.md` is generated from the
/// lint files; each rule has an anchor named after its id).
pub const PROJECT_URL: &str = "https://github.com/cleartext-lint/cleartext";

pub fn rule_docs_url(id: &str) -> String {
    format!("{PROJECT_URL}/blob/main/lints/README.md#{id}")
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Line,
    Sarif,
    Github,
    Gitlab,
}

impl Format {
    /// Formats read by machines: no progress display, nothing but the document on stdout.
    pub fn is_machine(self) -> bool {
        matches!(
            self,
            Format::Json | Format::Sarif | Format::Gitlab | Format::Github
        )
    }
}

pub struct RenderOptions {
    pub color: bool,
    /// Also list findings hidden by inline suppressions.
    pub show_suppressed: bool,
    /// The directory paths are relative to (SARIF's `%SRCROOT%`).
    pub root: PathBuf,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            color: false,
            show_suppressed: false,
            root: std::env::current_dir().unwrap_or_default(),
        }
    }
}

pub fn render(
    format: Format,
    report: &Report,
    linter: &Linter,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Human => human::render(report, linter, opts, out),
        Format::Json => json::render(report, opts, out),
        Format::Line => line::render(report, opts, out),
        Format::Sarif => sarif::render(report, linter, opts, out),
        Format::Github => github::render(report, out),
        Format::Gitlab => gitlab::render(report, out),
    }
}
