//! `--format sarif`: SARIF 2.1.0 as GitHub code scanning reads it. Rules come from the lint
//! catalog (descriptions, markdown help from the docs, CWE tags, default level); locations are
//! relative URIs under `%SRCROOT%` (the current directory) with 1-based lines and columns
//! counted in Unicode code points (`columnKind`), plus byte offsets.

use std::io::Write;
use std::path::Path;

use serde_json::{json, Map, Value};

use crate::finding::{Finding, Report, Severity};
use crate::lint::catalog::Lint;
use crate::lint::Linter;

use super::RenderOptions;

pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// `security-severity` lets GitHub rank alerts (critical ≥ 9, high ≥ 7, medium ≥ 4).
fn security_severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "7.5",
        Severity::Warning => "5.0",
        Severity::Note => "2.0",
    }
}

/// Percent-encodes everything but unreserved characters and `/`, byte by byte (UTF-8), so
/// spaces, `#`, `%`, `?` and non-ASCII names stay valid URI references.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `file:///abs/dir/` for a directory.
pub fn file_uri(dir: &Path) -> String {
    let mut s = dir.to_string_lossy().replace('\\', "/");
    if !s.starts_with('/') {
        s.insert(0, '/');
    }
    if !s.ends_with('/') {
        s.push('/');
    }
    format!("file://{}", encode_path(&s))
}

/// The artifact location of a displayed path: relative to `%SRCROOT%` when it is, else an
/// absolute file URI (a path outside the current directory must not start with `..`).
fn artifact(path: &str, root: &Path) -> Value {
    let relative = !path.starts_with('/') && !path.split('/').any(|c| c == "..");
    if relative {
        json!({ "uri": encode_path(path), "uriBaseId": "%SRCROOT%" })
    } else {
        let abs = root.join(path);
        let abs = abs.canonicalize().unwrap_or(abs);
        let mut uri = file_uri(&abs);
        uri.pop();
        json!({ "uri": uri })
    }
}

fn region(f: &Finding) -> Value {
    json!({
        "startLine": f.start.line,
        "startColumn": f.start.column,
        "endLine": f.end.line,
        "endColumn": f.end.column,
        "byteOffset": f.start.offset,
        "byteLength": f.end.offset.saturating_sub(f.start.offset),
    })
}

fn rule(l: &Lint) -> Value {
    let mut tags = vec![
        "security".to_string(),
        l.category.name().to_string(),
        "encryption".to_string(),
    ];
    for c in &l.cwe {
        tags.push(format!("external/cwe/{}", c.to_ascii_lowercase()));
    }
    let mut relationships = Vec::new();
    for (framework, requirements) in l.compliance.frameworks() {
        for r in requirements {
            tags.push(format!("compliance/{}/{r}", framework.key));
            relationships.push(json!({
                "target": { "id": r, "toolComponent": { "name": framework.name } },
                "kinds": ["relevant"],
            }));
        }
    }
    json!({
        "id": l.id,
        "name": l.id,
        "shortDescription": { "text": l.summary },
        "fullDescription": { "text": l.docs.why.trim() },
        "help": { "text": format!("{}\n\n{}", l.help, l.docs.fix.trim()), "markdown": help_markdown(l) },
        "helpUri": super::rule_docs_url(&l.id),
        "defaultConfiguration": { "level": level(l.severity) },
        "relationships": relationships,
        "properties": {
            "tags": tags,
            "cwe": l.cwe,
            "compliance": l.compliance,
            "category": l.category.name(),
            "precision": "high",
            "problem.severity": level(l.severity),
            "security-severity": security_severity(l.severity),
        }
    })
}

/// The rule's docs as markdown: why, how to fix, examples.
pub fn help_markdown(l: &Lint) -> String {
    let mut s = format!(
        "{}\n\n**Why it matters.** {}\n\n**How to fix.** {}\n",
        l.summary,
        l.docs.why.trim(),
        l.docs.fix.trim()
    );
    for ex in &l.docs.examples {
        let lang = ex.file.rsplit('.').next().unwrap_or("");
        s.push_str(&format!(
            "\nBad (`{}`):\n\n```{lang}\n{}\n```\n\nGood:\n\n```{lang}\n{}\n```\n",
            ex.file,
            ex.bad.trim_end(),
            ex.good.trim_end()
        ));
    }
    if !l.cwe.is_empty() {
        s.push_str(&format!("\nReferences: {}\n", l.cwe.join(", ")));
    }
    if !l.compliance.is_empty() {
        s.push_str(&format!("\nCompliance: {}\n", l.compliance.summary()));
    }
    s
}

/// One taxonomy per compliance framework, listing every requirement some rule maps to (the
/// rules' `relationships` point into them by id).
fn taxonomies(linter: &Linter) -> Vec<Value> {
    crate::lint::catalog::FRAMEWORKS
        .iter()
        .map(|f| {
            let ids: std::collections::BTreeSet<&String> = linter
                .lints
                .iter()
                .flat_map(|l| l.compliance.requirements(f.key))
                .collect();
            let taxa: Vec<Value> = ids.into_iter().map(|id| json!({ "id": id })).collect();
            json!({
                "name": f.name,
                "version": f.version,
                "organization": f.organization,
                "informationUri": f.uri,
                "shortDescription": { "text": format!("{} requirements", f.name) },
                "taxa": taxa,
            })
        })
        .collect()
}

fn result(
    f: &Finding,
    fingerprint: Option<&String>,
    index: &dyn Fn(&str) -> Option<usize>,
    root: &Path,
    suppressed: bool,
) -> Value {
    let location = json!({
        "physicalLocation": { "artifactLocation": artifact(&f.path, root), "region": region(f) }
    });
    let mut r = Map::new();
    r.insert("ruleId".into(), json!(f.rule));
    if let Some(i) = index(&f.rule) {
        r.insert("ruleIndex".into(), json!(i));
    }
    r.insert("level".into(), json!(level(f.severity)));
    r.insert(
        "message".into(),
        json!({ "text": format!("{}\n{}", f.message, f.help) }),
    );
    r.insert("locations".into(), json!([location]));
    if let Some(fp) = fingerprint {
        r.insert("partialFingerprints".into(), json!({ "cleartext/v1": fp }));
    }
    if let Some(fix) = &f.fix {
        if let Some(replacement) = &fix.replacement {
            r.insert(
                "fixes".into(),
                json!([{
                    "description": { "text": fix.description },
                    "artifactChanges": [{
                        "artifactLocation": artifact(&f.path, root),
                        "replacements": [{
                            "deletedRegion": region(f),
                            "insertedContent": { "text": replacement }
                        }]
                    }]
                }]),
            );
        }
    }
    if suppressed {
        r.insert("suppressions".into(), json!([{ "kind": "inSource" }]));
    }
    r.insert(
        "properties".into(),
        json!({ "category": f.category, "cwe": f.cwe }),
    );
    Value::Object(r)
}

pub fn document(report: &Report, linter: &Linter, opts: &RenderOptions) -> Value {
    let root = opts.root.as_path();
    let rules: Vec<Value> = linter.lints.iter().map(rule).collect();
    let index = |id: &str| linter.lints.iter().position(|l| l.id == id);
    let mut results: Vec<Value> = report
        .findings
        .iter()
        .enumerate()
        .map(|(i, f)| result(f, report.fingerprints.get(i), &index, root, false))
        .collect();
    if opts.show_suppressed {
        results.extend(
            report
                .suppressed
                .iter()
                .map(|f| result(f, None, &index, root, true)),
        );
    }
    let mut notifications: Vec<Value> = Vec::new();
    for e in &report.errors {
        let mut region = Map::new();
        if let Some(l) = e.line {
            region.insert("startLine".into(), json!(l));
        }
        if let Some(c) = e.column {
            region.insert("startColumn".into(), json!(c));
        }
        let mut phys = Map::new();
        phys.insert("artifactLocation".into(), artifact(&e.path, root));
        if !region.is_empty() {
            phys.insert("region".into(), Value::Object(region));
        }
        notifications.push(json!({
            "level": "error",
            "message": { "text": e.message },
            "locations": [{ "physicalLocation": phys }],
            "descriptor": { "id": "file-error" },
        }));
    }
    for n in &report.notices {
        notifications.push(json!({
            "level": "warning",
            "message": { "text": n.message },
            "locations": [{ "physicalLocation": {
                "artifactLocation": artifact(&n.path, root),
                "region": { "startLine": n.line, "startColumn": n.column },
            }}],
            "descriptor": { "id": n.kind.name() },
        }));
    }
    json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "cleartext",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": super::PROJECT_URL,
                "rules": rules,
            }},
            "taxonomies": taxonomies(linter),
            "invocations": [{
                "executionSuccessful": report.errors.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "originalUriBaseIds": { "%SRCROOT%": { "uri": file_uri(root) } },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

pub fn render(
    report: &Report,
    linter: &Linter,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &document(report, linter, opts))?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_fixes_become_sarif_replacements_that_validate() {
        use crate::finding::Fix;
        use crate::source::Position;
        let linter = Linter::new(crate::lint::catalog::load().unwrap()).unwrap();
        let pos = |line, column, offset| Position {
            line,
            column,
            offset,
        };
        let mut report = Report::default();
        report.findings.push(Finding {
            rule: "tls-verification-disabled".into(),
            category: "in-transit",
            severity: Severity::Error,
            path: "src/a b.py".into(),
            start: pos(2, 5, 20),
            end: pos(2, 17, 32),
            message: "TLS certificate verification is disabled".into(),
            help: "remove it".into(),
            cwe: vec!["CWE-295".into()],
            compliance: Default::default(),
            fix: Some(Fix {
                description: "turn verification back on".into(),
                replacement: Some("verify=True".into()),
            }),
        });
        report.fingerprints.push("00ff".into());
        let doc = document(&report, &linter, &RenderOptions::default());
        let fix = &doc["runs"][0]["results"][0]["fixes"][0];
        let change = &fix["artifactChanges"][0];
        assert_eq!(change["artifactLocation"]["uri"], "src/a%20b.py");
        let rep = &change["replacements"][0];
        assert_eq!(rep["deletedRegion"]["byteOffset"], 20);
        assert_eq!(rep["deletedRegion"]["byteLength"], 12);
        assert_eq!(rep["insertedContent"]["text"], "verify=True");
        let schema: Value = serde_json::from_str(
            &std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/testdata/sarif-2.1.0.schema.json"
            ))
            .unwrap(),
        )
        .unwrap();
        let validator = jsonschema::validator_for(&schema).unwrap();
        let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn paths_are_percent_encoded() {
        assert_eq!(encode_path("a b/ü#1%.py"), "a%20b/%C3%BC%231%25.py");
        assert_eq!(file_uri(Path::new("/tmp/x y")), "file:///tmp/x%20y/");
    }
}
