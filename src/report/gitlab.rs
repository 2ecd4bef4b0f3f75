//! `--format gitlab`: GitLab code quality JSON (a Code Climate subset): `description`,
//! `check_name`, `fingerprint`, `severity`, `location.path`, `location.lines.begin`.

use std::io::Write;

use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::finding::{Report, Severity};

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "critical",
        Severity::Warning => "major",
        Severity::Note => "info",
    }
}

fn hash(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0]);
    }
    h.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let mut issues: Vec<Value> = Vec::new();
    for (i, f) in report.findings.iter().enumerate() {
        // GitLab wants fingerprints unique within a report; the baseline fingerprint is, and a
        // position-based one stands in when none was computed.
        let fingerprint = match report.fingerprints.get(i) {
            Some(fp) => fp.clone(),
            None => hash(&[
                &f.rule,
                &f.path,
                &f.start.line.to_string(),
                &f.start.column.to_string(),
            ]),
        };
        issues.push(json!({
            "type": "issue",
            "description": format!("{}: {}", f.rule, f.message),
            "content": { "body": f.help },
            "check_name": f.rule,
            "categories": ["Security"],
            "fingerprint": fingerprint,
            "severity": severity(f.severity),
            "location": {
                "path": f.path,
                "lines": { "begin": f.start.line, "end": f.end.line },
            },
        }));
    }
    for n in &report.notices {
        issues.push(json!({
            "type": "issue",
            "description": n.message,
            "check_name": format!("cleartext-{}", n.kind.name()),
            "categories": ["Style"],
            "fingerprint": hash(&[n.kind.name(), &n.path, &n.line.to_string(), &n.message]),
            "severity": "minor",
            "location": { "path": n.path, "lines": { "begin": n.line } },
        }));
    }
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}
