//! The command line through the real binary: exit codes, the JSON contract, the line format,
//! walking rules (hidden files, .gitignore, .git/, explicit files, --exclude), error handling
//! and determinism.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use std::path::Path;
use std::process::{Command, Output};

fn cleartext(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cleartext"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

const BAD: &str = "import requests\nrequests.get('https://api.example.com', verify=False)\n";
const GOOD: &str = "import requests\nrequests.get('https://api.example.com', timeout=5)\n";

#[test]
fn exit_code_is_0_when_clean_1_with_findings_2_on_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "clean/app.py", GOOD);
    write(dir.path(), "dirty/app.py", BAD);
    assert_eq!(
        cleartext(dir.path(), &["check", "clean"]).status.code(),
        Some(0)
    );
    assert_eq!(
        cleartext(dir.path(), &["check", "dirty"]).status.code(),
        Some(1)
    );
    assert_eq!(
        cleartext(dir.path(), &["check", "dirty", "--fail-on", "never"])
            .status
            .code(),
        Some(0)
    );
    let missing = cleartext(dir.path(), &["check", "does-not-exist"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("does-not-exist"));
    assert_eq!(
        cleartext(dir.path(), &["check", "--format", "xml"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        cleartext(dir.path(), &["frobnicate"]).status.code(),
        Some(2)
    );
}

#[test]
fn json_output_follows_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "src/client.py",
        "# café\nimport requests\nrequests.get('https://x.example.com', verify=False)\n",
    );
    let out = cleartext(dir.path(), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let doc = json(&out);
    assert_eq!(doc["version"], 1);
    let f = &doc["findings"][0];
    assert_eq!(f["rule"], "tls-verification-disabled");
    assert_eq!(f["category"], "in-transit");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["path"], "src/client.py");
    assert_eq!(f["start"]["line"], 3);
    assert_eq!(f["start"]["column"], 39);
    // Byte offset counts the two bytes of "é" on line 1.
    let text = std::fs::read_to_string(dir.path().join("src/client.py")).unwrap();
    assert_eq!(f["start"]["offset"], text.find("verify").unwrap());
    assert_eq!(f["end"]["column"], 51);
    assert_eq!(f["cwe"], serde_json::json!(["CWE-295"]));
    assert!(f["message"].as_str().unwrap().len() > 5 && f["help"].as_str().unwrap().len() > 5);
    assert_eq!(doc["errors"], serde_json::json!([]));
    assert_eq!(doc["summary"]["files_scanned"], 1);
    assert_eq!(doc["summary"]["findings"], 1);
    assert!(doc["summary"]["duration_ms"].is_u64());
}

#[test]
fn line_format_is_one_finding_per_line() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.py", BAD);
    let out = cleartext(dir.path(), &["check", "--format", "line", "a.py"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text,
        "a.py:2:41: tls-verification-disabled: TLS certificate verification is disabled\n"
    );
}

#[test]
fn human_format_shows_the_source_and_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.py", BAD);
    let out = cleartext(dir.path(), &["check", "a.py"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("error[tls-verification-disabled]"), "{text}");
    assert!(text.contains("a.py:2:41"), "{text}");
    assert!(text.contains("verify=False"), "{text}");
    assert!(text.contains("1 finding in 1 file scanned"), "{text}");
    assert!(!text.contains('\u{1b}'), "no colour when piped: {text}");
    let coloured = cleartext(dir.path(), &["check", "--color", "always", "a.py"]);
    assert!(String::from_utf8_lossy(&coloured.stdout).contains('\u{1b}'));
}

#[test]
fn walking_scans_hidden_files_honours_gitignore_and_never_enters_dot_git() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, ".hidden/tool.py", BAD);
    write(d, ".git/hooks/x.py", BAD);
    write(d, "build/gen.py", BAD);
    write(d, "generated/lib.py", BAD);
    write(d, ".gitignore", "build/\n");
    let doc = json(&cleartext(
        d,
        &["check", "--format", "json", "--exclude", "generated/**"],
    ));
    let paths: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, vec![".hidden/tool.py"]);
    // A file named on the command line is scanned even when ignored (pre-commit passes lists).
    let doc = json(&cleartext(
        d,
        &["check", "--format", "json", "build/gen.py"],
    ));
    assert_eq!(doc["findings"][0]["path"], "build/gen.py");
}

#[test]
fn a_syntax_error_is_reported_and_the_rest_of_the_file_is_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "broken.py", "import requests\ndef broken(:\n    pass\n\nrequests.get('https://x.example.com', verify=False)\n");
    let out = cleartext(dir.path(), &["check", "--format", "json"]);
    let doc = json(&out);
    // A recovered syntax error is a notice, not a tool failure: the exit code is the findings'.
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(doc["findings"][0]["start"]["line"], 5);
    assert_eq!(doc["errors"].as_array().unwrap().len(), 0);
    let notice = &doc["notices"][0];
    assert_eq!(notice["kind"], "syntax-error");
    assert_eq!(notice["path"], "broken.py");
    assert_eq!(notice["line"], 2);
    assert!(notice["message"].as_str().unwrap().contains("syntax error"));
    // Without findings the run is clean (the file still holds words that make it parsed).
    write(dir.path(), "broken.py", "import requests\ndef broken(:\n    pass\nrequests.get('https://x.example.com', verify=True)\n");
    let out = cleartext(dir.path(), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["notices"][0]["kind"], "syntax-error");
}

#[test]
fn a_rust_item_syn_cannot_read_is_skipped_and_the_rest_checked() {
    let dir = tempfile::tempdir().unwrap();
    // `Fn(..) + Send` without `dyn`: 2015-edition syntax syn no longer reads.
    write(
        dir.path(),
        "old.rs",
        "type Action = Fn(u8) + Send;\nfn f() { reqwest::Client::builder().danger_accept_invalid_certs(true); }\n",
    );
    let out = cleartext(dir.path(), &["check", "--format", "json"]);
    let doc = json(&out);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(doc["errors"].as_array().unwrap().len(), 0);
    assert_eq!(doc["findings"][0]["rule"], "tls-verification-disabled");
    assert_eq!(doc["findings"][0]["start"]["line"], 2);
    assert_eq!(doc["notices"][0]["kind"], "syntax-error");
    assert_eq!(doc["notices"][0]["line"], 1);
    // Text that does not even split into tokens is still an error (exit 2), not a notice.
    write(
        dir.path(),
        "old.rs",
        "fn f() { reqwest::Client::builder().danger_accept_invalid_certs(true); \"unterminated }\n",
    );
    let out = cleartext(dir.path(), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(json(&out)["errors"][0]["path"], "old.rs");
}

#[test]
fn a_terraform_line_that_does_not_parse_is_a_notice_and_the_rest_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        "resource \"aws_ebs_volume\" \"a\" {\n  size = = 8\n  encrypted = false\n}\n\nresource \"aws_ebs_volume\" \"b\" {\n  encrypted = false\n}\n",
    );
    let out = cleartext(dir.path(), &["check", "--format", "json"]);
    let doc = json(&out);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(doc["errors"].as_array().unwrap().len(), 0);
    let lines: Vec<i64> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["start"]["line"].as_i64().unwrap())
        .collect();
    // The broken line is skipped; the attribute after it, in the same block, is still read.
    assert_eq!(lines, vec![3, 7]);
    assert_eq!(doc["findings"][0]["rule"], "unencrypted-storage");
    assert_eq!(doc["notices"][0]["kind"], "syntax-error");
    assert_eq!(doc["notices"][0]["line"], 2);
}

#[test]
fn binary_and_oversized_files_are_skipped_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("blob.py"), b"\x00\x01\x02binary").unwrap();
    write(dir.path(), "big.py", &BAD.repeat(100));
    let doc = json(&cleartext(
        dir.path(),
        &["check", "--format", "json", "--max-filesize", "1000"],
    ));
    let skipped = doc["skipped"].as_array().unwrap();
    let reason = |p: &str| {
        skipped
            .iter()
            .find(|s| s["path"] == p)
            .map(|s| s["reason"].as_str().unwrap().to_string())
    };
    assert!(reason("blob.py").unwrap().contains("binary"));
    assert!(reason("big.py").unwrap().contains("max-filesize"));
    assert_eq!(doc["summary"]["files_skipped"], 2);
}

#[test]
fn output_is_identical_run_to_run() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        write(dir.path(), &format!("pkg{}/m{i}.py", i % 7), BAD);
    }
    let first = cleartext(dir.path(), &["check", "--format", "line"]).stdout;
    for _ in 0..3 {
        assert_eq!(
            cleartext(dir.path(), &["check", "--format", "line", "--threads", "2"]).stdout,
            first
        );
    }
    let lines: Vec<_> = String::from_utf8(first)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    let mut sorted = lines.clone();
    sorted.sort_by_key(|l| {
        let mut parts = l.splitn(3, ':');
        (
            parts.next().unwrap().to_string(),
            parts.next().unwrap().parse::<usize>().unwrap(),
        )
    });
    assert_eq!(lines, sorted);
    assert_eq!(lines.len(), 40);
}

#[test]
fn rules_and_explain_describe_the_catalog() {
    let dir = tempfile::tempdir().unwrap();
    let rules = String::from_utf8(cleartext(dir.path(), &["rules"]).stdout).unwrap();
    assert_eq!(rules.lines().count(), 20, "{rules}");
    assert!(rules.contains("ecb-mode") && rules.contains("python"));
    let explain = cleartext(dir.path(), &["explain", "tls-verification-disabled"]);
    assert_eq!(explain.status.code(), Some(0));
    let text = String::from_utf8(explain.stdout).unwrap();
    assert!(
        text.contains("## Why it matters") && text.contains("verify=False"),
        "{text}"
    );
    let unknown = cleartext(dir.path(), &["explain", "no-such-rule"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("ecb-mode"));
}

#[test]
fn stdin_buffers_are_linted_as_the_named_file() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_cleartext"))
        .args([
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "src/unsaved.py",
        ])
        .current_dir(dir.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(BAD.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let doc = json(&out);
    assert_eq!(doc["findings"][0]["path"], "src/unsaved.py");
    assert_eq!(doc["findings"][0]["start"]["line"], 2);
}
