//! Baselines: record today's findings so CI only fails on new ones. A finding's fingerprint is
//! its rule, its path, its matched source text with whitespace collapsed, and its occurrence
//! index among findings with the same three (never its line number), so moving code does not
//! make old findings new, and two new copies of a baselined line are two new findings.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::finding::{Finding, Notice, NoticeKind, Report};

pub const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub fingerprint: String,
    pub rule: String,
    pub path: String,
    /// Where the finding was when recorded; informational, never matched on.
    pub line: usize,
    pub message: String,
}

/// Matched source text with runs of whitespace collapsed (and capped, so a long resource block
/// edited far from its header keeps its fingerprint).
pub fn normalise(text: &str) -> String {
    let mut out = String::new();
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
        if out.len() > 200 {
            break;
        }
    }
    out
}

/// The source lines a finding spans, from the start of its first line to the end of its last:
/// the argument alone (`verify=False`) would make every such call in a file look the same.
fn matched_lines(text: &str, start: usize, end: usize) -> Option<&str> {
    let end = end.max(start).min(text.len());
    let from = text.get(..start)?.rfind('\n').map_or(0, |i| i + 1);
    let to = text.get(end..)?.find('\n').map_or(text.len(), |i| end + i);
    text.get(from..to)
}

/// Fingerprints of `findings`, index for index. `text_of` gives a file's text by displayed
/// path (None when it cannot be read: the message stands in for the matched text).
pub fn fingerprints(
    findings: &[Finding],
    text_of: &mut dyn FnMut(&str) -> Option<String>,
) -> Vec<String> {
    let mut cache: BTreeMap<String, Option<String>> = BTreeMap::new();
    let mut seen: BTreeMap<(String, String, String), usize> = BTreeMap::new();
    let mut out = Vec::with_capacity(findings.len());
    for f in findings {
        let text = cache
            .entry(f.path.clone())
            .or_insert_with(|| text_of(&f.path))
            .as_deref()
            .and_then(|t| matched_lines(t, f.start.offset, f.end.offset))
            .map(normalise)
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| f.message.clone());
        let key = (f.rule.clone(), f.path.clone(), text);
        let n = seen.entry(key.clone()).or_insert(0);
        let mut h = Sha256::new();
        for part in [key.0.as_str(), key.1.as_str(), key.2.as_str()] {
            h.update(part.as_bytes());
            h.update([0]);
        }
        h.update(n.to_string().as_bytes());
        *n += 1;
        let digest = h.finalize();
        out.push(digest[..16].iter().map(|b| format!("{b:02x}")).collect());
    }
    out
}

/// Reads files relative to `cwd` for [`fingerprints`].
pub fn disk_reader(cwd: &Path) -> impl FnMut(&str) -> Option<String> + '_ {
    move |p: &str| std::fs::read_to_string(cwd.join(p)).ok()
}

pub fn from_report(report: &Report) -> Baseline {
    Baseline {
        version: VERSION,
        findings: report
            .findings
            .iter()
            .zip(&report.fingerprints)
            .map(|(f, fp)| Entry {
                fingerprint: fp.clone(),
                rule: f.rule.clone(),
                path: f.path.clone(),
                line: f.start.line,
                message: f.message.clone(),
            })
            .collect(),
    }
}

pub fn load(path: &Path) -> Result<Baseline, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read the baseline: {e}", path.display()))?;
    let b: Baseline = serde_json::from_str(&text)
        .map_err(|e| format!("{}: not a cleartext baseline: {e}", path.display()))?;
    if b.version != VERSION {
        return Err(format!(
            "{}: baseline version {} is not supported (expected {VERSION}); write it again with --write-baseline",
            path.display(),
            b.version
        ));
    }
    Ok(b)
}

/// Drops findings the baseline records and lists baseline entries that no longer occur among
/// the files in scope. `report.fingerprints` must be filled.
pub fn apply(report: &mut Report, baseline: &Baseline, in_scope: &dyn Fn(&str) -> bool) {
    let known: BTreeSet<&str> = baseline
        .findings
        .iter()
        .map(|e| e.fingerprint.as_str())
        .collect();
    let mut matched = BTreeSet::new();
    let findings = std::mem::take(&mut report.findings);
    let fps = std::mem::take(&mut report.fingerprints);
    let mut before = 0;
    for (f, fp) in findings.into_iter().zip(fps) {
        if known.contains(fp.as_str()) {
            matched.insert(fp);
            before += 1;
        } else {
            report.findings.push(f);
            report.fingerprints.push(fp);
        }
    }
    for e in &baseline.findings {
        if !matched.contains(&e.fingerprint) && in_scope(&e.path) {
            report.notices.push(Notice {
                kind: NoticeKind::BaselineFixed,
                path: e.path.clone(),
                line: e.line,
                column: 1,
                message: format!(
                    "baseline entry no longer occurs: {} ({}); write the baseline again to drop it",
                    e.rule, e.message
                ),
            });
        }
    }
    report.notices.sort_by(|a, b| {
        (&a.path, a.line, a.column, a.kind, &a.message)
            .cmp(&(&b.path, b.line, b.column, b.kind, &b.message))
    });
    report.summary.baselined = before;
    report.summary.findings = report.findings.len();
}
