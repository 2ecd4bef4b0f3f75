//! Renders a finished report. Each format writes bytes to a writer and decides nothing else
//! (the exit code is the CLI's business).

pub mod human;
pub mod json;
pub mod line;

use std::io::Write;

use crate::finding::Report;
use crate::lint::Linter;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Line,
}

pub struct RenderOptions {
    pub color: bool,
}

pub fn render(
    format: Format,
    report: &Report,
    linter: &Linter,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Human => human::render(report, linter, opts.color, out),
        Format::Json => json::render(report, out),
        Format::Line => line::render(report, out),
    }
}
