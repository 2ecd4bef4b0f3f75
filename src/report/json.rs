//! `--format json`: the stable, versioned schema of DESIGN.md's output contract.

use std::io::Write;

use serde::Serialize;

use crate::finding::{FileError, Finding, Report, Skipped, Summary};

/// Bumped on any incompatible change to the JSON shape.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    findings: &'a [Finding],
    errors: &'a [FileError],
    skipped: &'a [Skipped],
    summary: &'a Summary,
}

pub fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let doc = Document {
        version: SCHEMA_VERSION,
        findings: &report.findings,
        errors: &report.errors,
        skipped: &report.skipped,
        summary: &report.summary,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
