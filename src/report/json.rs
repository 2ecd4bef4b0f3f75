//! `--format json`: the stable, versioned schema of DESIGN.md's output contract
//! (`testdata/cleartext-report.schema.json` describes it and a test validates against it).

use std::io::Write;

use serde::Serialize;

use crate::finding::{FileError, Finding, Notice, Report, Skipped, Summary};

use super::RenderOptions;

/// Bumped on any incompatible change to the JSON shape.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Item<'a> {
    #[serde(flatten)]
    finding: &'a Finding,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    suppressed: bool,
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    findings: Vec<Item<'a>>,
    errors: &'a [FileError],
    skipped: &'a [Skipped],
    notices: &'a [Notice],
    summary: &'a Summary,
}

pub fn render(report: &Report, opts: &RenderOptions, out: &mut dyn Write) -> std::io::Result<()> {
    let mut findings: Vec<Item> = report
        .findings
        .iter()
        .map(|finding| Item {
            finding,
            suppressed: false,
        })
        .collect();
    if opts.show_suppressed {
        findings.extend(report.suppressed.iter().map(|finding| Item {
            finding,
            suppressed: true,
        }));
        findings.sort_by(|a, b| a.finding.sort_key().cmp(&b.finding.sort_key()));
    }
    let doc = Document {
        version: SCHEMA_VERSION,
        findings,
        errors: &report.errors,
        skipped: &report.skipped,
        notices: &report.notices,
        summary: &report.summary,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
