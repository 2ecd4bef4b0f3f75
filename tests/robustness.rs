#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Hostile input through the binary: whatever is in a repository, cleartext answers with a
//! valid report and an exit code of 0, 1 or 2 — never a crash, a hang or a silent skip.
//! Also the tool's own safety: it never runs scanned code, never opens a socket and does not
//! follow symlinks out of the scanned root unless asked.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_cleartext");
/// Generous: a debug build on a loaded machine. A hang is what this catches, not slowness.
const DEADLINE: Duration = Duration::from_secs(120);

struct Run {
    code: i32,
    json: Value,
    stderr: String,
}

/// Runs `cleartext check --format json ARGS` in `dir`, killing it at the deadline, and
/// demands a normal exit (0, 1 or 2: no signal) and a JSON document on stdout.
fn check(dir: &Path, args: &[&OsStr]) -> Run {
    let out_path = dir.join("..").join(format!(
        "out-{}.json",
        dir.file_name().unwrap().to_string_lossy()
    ));
    let out = std::fs::File::create(&out_path).unwrap();
    let err_path = out_path.with_extension("err");
    let err = std::fs::File::create(&err_path).unwrap();
    let mut child = Command::new(BIN)
        .current_dir(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            panic!("cleartext {args:?} did not finish within {DEADLINE:?} (hang)");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stdout = std::fs::read_to_string(&out_path).unwrap();
    let stderr = std::fs::read_to_string(&err_path).unwrap();
    let code = status
        .code()
        .unwrap_or_else(|| panic!("cleartext was killed by a signal: {status:?}\n{stderr}"));
    assert!(
        (0..=2).contains(&code),
        "exit code {code}, stderr:\n{stderr}"
    );
    let json = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!("stdout is not JSON ({e}); exit {code}; stderr:\n{stderr}\nstdout:\n{stdout}")
    });
    Run { code, json, stderr }
}

fn os(s: &str) -> &OsStr {
    OsStr::new(s)
}

/// A fresh directory `root/tree` (the parent holds the captured output).
fn tree() -> (tempfile::TempDir, PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let d = t.path().join("tree");
    std::fs::create_dir(&d).unwrap();
    (t, d)
}

fn findings(r: &Run) -> Vec<(String, String, u64, u64)> {
    r.json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["rule"].as_str().unwrap().to_string(),
                f["start"]["line"].as_u64().unwrap(),
                f["start"]["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn skipped_reason(r: &Run, path: &str) -> Option<String> {
    // `summary.files_skipped` is a count; the reasons travel in the report's skipped list
    // when the format carries one, else we only see the count.
    let list = r.json.get("skipped").and_then(Value::as_array)?;
    list.iter()
        .find(|s| s["path"].as_str() == Some(path))
        .and_then(|s| s["reason"].as_str())
        .map(str::to_string)
}

fn summary(r: &Run, key: &str) -> u64 {
    r.json["summary"][key].as_u64().unwrap()
}

const VERIFY_FALSE: &str = "import requests\nrequests.get(url, verify=False)\n";

#[test]
fn binary_file_is_skipped_with_a_reason() {
    let (_t, d) = tree();
    let mut bytes = b"import requests\x00\x01\x02".to_vec();
    bytes.extend(std::iter::repeat_n(0u8, 4096));
    bytes.extend(b"requests.get(url, verify=False)\n");
    std::fs::write(d.join("blob.py"), &bytes).unwrap();
    let r = check(&d, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(findings(&r).is_empty());
    assert_eq!(summary(&r, "files_skipped"), 1);
    if let Some(reason) = skipped_reason(&r, "blob.py") {
        assert!(reason.contains("binary"), "{reason}");
    }
}

#[test]
fn undeclared_invalid_utf8_is_read_lossily_with_a_notice() {
    let (_t, d) = tree();
    let mut bytes = b"# caf\xe9 \xff\xfe\n".to_vec();
    bytes.extend(VERIFY_FALSE.as_bytes());
    std::fs::write(d.join("latin1.py"), &bytes).unwrap();
    let r = check(&d, &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(summary(&r, "files_skipped"), 0);
    // Each invalid byte is one replacement character: lines and columns are the file's own.
    assert_eq!(
        findings(&r),
        [(
            "latin1.py".into(),
            "tls-verification-disabled".into(),
            3,
            19
        )]
    );
    let notice = &r.json["notices"][0];
    assert_eq!(notice["kind"], "encoding");
    assert_eq!(notice["path"], "latin1.py");
    assert!(
        notice["message"].as_str().unwrap().contains("offset 5"),
        "{notice}"
    );
}

#[test]
fn declared_latin1_and_cp1252_are_decoded_exactly() {
    let (_t, d) = tree();
    let mut python = b"# -*- coding: latin-1 -*-\nOWNER = 'Jos\xe9'\n".to_vec();
    python.extend(b"import requests\nrequests.get(url, verify=False)  # \xe9\n");
    std::fs::write(d.join("legacy.py"), &python).unwrap();
    let mut props = b"# vim: set fileencoding=cp1252 :\n# \x93quoted\x94\n".to_vec();
    props.extend(
        b"spring.datasource.url=jdbc:postgresql://db.prod.example.com/app?sslmode=disable\n",
    );
    std::fs::write(d.join("application.properties"), &props).unwrap();
    let r = check(&d, &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let f = findings(&r);
    assert!(
        f.contains(&(
            "legacy.py".into(),
            "tls-verification-disabled".into(),
            4,
            19
        )),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|(p, rule, line, _)| p == "application.properties"
                && rule == "db-connection-without-tls"
                && *line == 3),
        "{f:?}"
    );
    // A declared encoding is no fallback: no notice.
    assert!(
        r.json["notices"].as_array().unwrap().is_empty(),
        "{}",
        r.json
    );
}

#[test]
fn utf16_without_bom_is_read() {
    let (_t, d) = tree();
    let le: Vec<u8> = VERIFY_FALSE
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    std::fs::write(d.join("le.py"), &le).unwrap();
    let r = check(&d, &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        findings(&r),
        [("le.py".into(), "tls-verification-disabled".into(), 2, 19)]
    );
}

#[test]
fn generated_go_is_skipped_unless_named() {
    let (_t, d) = tree();
    let code = "// Code generated by gen-client. DO NOT EDIT.\n\npackage client\n\nimport \"crypto/tls\"\n\nvar Config = &tls.Config{InsecureSkipVerify: true}\n";
    std::fs::write(d.join("client.go"), code).unwrap();
    let r = check(&d, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(findings(&r).is_empty());
    let reason = skipped_reason(&r, "client.go").expect("listed under skipped");
    assert!(reason.contains("generated"), "{reason}");
    // A generated file with none of the prefilter's words is listed too: the header is read
    // before the prefilter, not after it.
    std::fs::write(
        d.join("tables.go"),
        "// Code generated by stringer. DO NOT EDIT.\n\npackage client\n\nconst names = \"ab\"\n",
    )
    .unwrap();
    let r = check(&d, &[]);
    assert!(skipped_reason(&r, "tables.go").is_some_and(|why| why.contains("generated")));
    // Named on the command line, it is scanned.
    let r = check(&d, &[os("client.go")]);
    assert_eq!(
        findings(&r),
        [(
            "client.go".into(),
            "tls-verification-disabled".into(),
            7,
            26
        )]
    );
}

#[test]
fn utf16_with_bom_is_read() {
    let (_t, d) = tree();
    for (name, le) in [("le.py", true), ("be.py", false)] {
        let mut bytes = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in VERIFY_FALSE.encode_utf16() {
            bytes.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        std::fs::write(d.join(name), &bytes).unwrap();
    }
    let r = check(&d, &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let f: Vec<_> = findings(&r)
        .into_iter()
        .map(|(p, rule, line, _)| (p, rule, line))
        .collect();
    assert_eq!(
        f,
        [
            ("be.py".into(), "tls-verification-disabled".into(), 2),
            ("le.py".into(), "tls-verification-disabled".into(), 2)
        ],
    );
    // Columns count characters of the decoded text, not UTF-16 code units or bytes.
    assert_eq!(r.json["findings"][0]["start"]["column"], 19);
}

#[test]
fn crlf_line_endings_keep_lines_and_columns() {
    let (_t, d) = tree();
    std::fs::write(
        d.join("crlf.py"),
        "import requests\r\n\r\nif True:\r\n    requests.get(url, verify=False)\r\n",
    )
    .unwrap();
    let r = check(&d, &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let f = &r.json["findings"][0];
    assert_eq!(f["start"]["line"], 4);
    // Columns are counted from the line start; the `\r` of the previous line must not shift them.
    let col = f["start"]["column"].as_u64().unwrap();
    assert!(col >= 5, "column {col}");
    let offset = f["start"]["offset"].as_u64().unwrap() as usize;
    let text = std::fs::read_to_string(d.join("crlf.py")).unwrap();
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    assert_eq!(
        text[line_start..offset].chars().count() as u64 + 1,
        col,
        "column must agree with the byte offset"
    );
}

#[test]
fn fifty_megabyte_file_is_skipped_unless_allowed() {
    let (_t, d) = tree();
    // A generated data module. No prefilter word in it, so the allowed run measures reading
    // and searching 50 MB, not parser speed on a debug build (release numbers: bench/README.md).
    let line = "x = 1  # padding padding padding padding padding padding padding\n";
    let mut text = String::with_capacity(51 * 1024 * 1024);
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(line);
    }
    std::fs::write(d.join("huge.py"), &text).unwrap();
    let r = check(&d, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(summary(&r, "files_skipped"), 1);
    assert_eq!(summary(&r, "files_scanned"), 0);
    if let Some(reason) = skipped_reason(&r, "huge.py") {
        assert!(reason.contains("max-filesize"), "{reason}");
    }
    let r = check(&d, &[os("--max-filesize"), os("60000000")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(summary(&r, "files_skipped"), 0);
    assert_eq!(summary(&r, "files_scanned"), 1);
}

#[test]
fn one_megabyte_single_line_bundle_does_not_break_anything() {
    let (_t, d) = tree();
    let mut js = String::from("!function(){var https=require('https');");
    let mut i = 0;
    while js.len() < 1024 * 1024 {
        js.push_str(&format!(
            "function f{i}(a,b){{return a.rejectUnauthorized?b+{i}:[a,b,{{k:'v{i}'}}]}};"
        ));
        i += 1;
    }
    js.push_str("https.request({rejectUnauthorized:false})}();");
    std::fs::write(d.join("bundle.min.js"), &js).unwrap();
    // Explicitly named, so a "minified: skipped" default cannot hide a crash.
    let r = check(&d, &[os("bundle.min.js")]);
    assert!(r.json["findings"].is_array());
    let r = check(&d, &[]);
    assert!(r.json["findings"].is_array());
}

fn nested(open: &str, close: &str, depth: usize) -> String {
    let mut s = String::with_capacity(depth * (open.len() + close.len()) + 8);
    for _ in 0..depth {
        s.push_str(open);
    }
    s.push('1');
    for _ in 0..depth {
        s.push_str(close);
    }
    s
}

/// Ten thousand levels in each language: a stack overflow aborts with a signal, which
/// `check` turns into a failure. The front-ends may report the file as an error or skip it;
/// they may not crash.
#[test]
fn ten_thousand_levels_of_nesting_do_not_overflow_the_stack() {
    let (_t, d) = tree();
    let n = 10_000;
    std::fs::write(
        d.join("deep.py"),
        format!(
            "import requests\nx = {}\nrequests.get(url, verify=False, data={})\n",
            nested("(", ")", n),
            nested("[", "]", n)
        ),
    )
    .unwrap();
    std::fs::write(
        d.join("deep_calls.py"),
        format!(
            "import requests\nrequests.get({}, verify=False)\n",
            nested("f(", ")", n)
        ),
    )
    .unwrap();
    std::fs::write(
        d.join("deep.js"),
        format!(
            "const https = require('https');\nconst x = {};\nhttps.request({{ rejectUnauthorized: false, a: {} }});\n",
            nested("(", ")", n),
            nested("[", "]", n)
        ),
    )
    .unwrap();
    std::fs::write(
        d.join("deep.rs"),
        format!(
            "fn main() {{\n    let x = {};\n    let c = reqwest::Client::builder().danger_accept_invalid_certs(true).timeout({});\n}}\n",
            nested("(", ")", n),
            nested("f(", ")", n)
        ),
    )
    .unwrap();
    let blocks = format!("fn deep() {{\n{}\n}}\n", nested("if x {", "}", n));
    std::fs::write(d.join("deep_blocks.rs"), blocks).unwrap();
    let mut go_blocks = format!("package p\n\nfunc deep() {{\n{}", nested("if x {", "}", n));
    go_blocks.push_str(&format!(
        "\n}}\n\nvar x = {}\nvar y = {}\nvar z = []T{}\n",
        nested("(", ")", n),
        nested("f(", ")", n),
        nested("{", "}", n)
    ));
    std::fs::write(d.join("deep.go"), go_blocks).unwrap();
    // Java: nested blocks, parentheses, calls, array initialisers and a long concatenation
    // (the binder and emitter walk iteratively; the evaluator stops at its depth bound).
    let mut java = format!(
        "import javax.crypto.Cipher;\nclass Deep {{\n  void deep() {{\n{}",
        nested("if (x) {", "}", n)
    );
    java.push_str(&format!(
        "\n    Object a = {};\n    Object b = {};\n    byte[][] c = {};\n    String s = \"A\"{};\n    Cipher.getInstance(\"DES\");\n  }}\n}}\n",
        nested("(", ")", n),
        nested("f(", ")", n),
        nested("{", "}", n),
        " + \"A\"".repeat(n)
    ));
    std::fs::write(d.join("Deep.java"), java).unwrap();
    // Pages: elements and template blocks nested ten thousand deep, and an inline script
    // whose expression is (the page front-end walks iteratively; the script is JavaScript's).
    let page = format!(
        "<html><body>{}\n<script>const x = {};</script>\n<script src=\"http://cdn.example.com/a.js\"></script>\n",
        nested("<div>{% if x %}", "{% endif %}</div>", n),
        nested("(", ")", n)
    );
    std::fs::write(d.join("deep.html"), page).unwrap();
    let r = check(&d, &[]);
    assert!(r.json["findings"].is_array(), "{}", r.stderr);
    // Python's front-end is iterative: the shallow finding next to the deep expression is kept.
    assert!(
        findings(&r).iter().any(|(p, rule, line, _)| p == "deep.py"
            && rule == "tls-verification-disabled"
            && *line == 3),
        "{:?}\n{}",
        findings(&r),
        r.json["errors"]
    );
    assert!(
        findings(&r)
            .iter()
            .any(|(p, rule, _, _)| p == "deep.html" && rule == "mixed-content"),
        "{:?}\n{}",
        findings(&r),
        r.json["errors"]
    );
    // So is Java's, beside ten thousand levels of nesting.
    assert!(
        findings(&r)
            .iter()
            .any(|(p, rule, _, _)| p == "Deep.java" && rule == "weak-cipher-algorithm"),
        "{:?}\n{}",
        findings(&r),
        r.json["errors"]
    );
}

fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

/// Opening a FIFO for reading blocks until a writer appears, so a walker or engine that opens
/// one hangs: the deadline in `check` catches it.
#[test]
fn named_pipe_in_the_tree_is_never_opened() {
    let (_t, d) = tree();
    if !mkfifo(&d.join("pipe.py")) {
        eprintln!("skipped: mkfifo is not available here");
        return;
    }
    std::fs::write(d.join("real.py"), VERIFY_FALSE).unwrap();
    let r = check(&d, &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(findings(&r).len(), 1);
    // Named explicitly it is reported, still without being opened.
    let r = check(&d, &[os("pipe.py")]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.json["errors"].to_string().contains("pipe.py"));
    let r = check(&d, &[os("--follow-symlinks")]);
    assert_eq!(findings(&r).len(), 1);
}

#[test]
fn device_files_are_never_read() {
    let (_t, d) = tree();
    // /dev/zero never ends and /dev/random may block: reading either would hang or exhaust
    // memory. A real device node when we may create one, symlinks to devices in any case.
    let made_node = Command::new("mknod")
        .arg(d.join("zero_node.py"))
        .args(["c", "1", "5"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !made_node {
        eprintln!("note: mknod not permitted here; testing device symlinks only");
    }
    std::os::unix::fs::symlink("/dev/zero", d.join("zero.py")).unwrap();
    std::os::unix::fs::symlink("/dev/urandom", d.join("random.tf")).unwrap();
    std::fs::write(d.join("real.py"), VERIFY_FALSE).unwrap();
    for args in [vec![], vec![os("--follow-symlinks")]] {
        let r = check(&d, &args);
        assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
        assert_eq!(findings(&r).len(), 1, "{args:?}");
    }
    let r = check(&d, &[os("zero.py")]);
    assert_eq!(r.code, 2, "{}", r.stderr);
}

#[test]
fn symlink_loop_terminates() {
    let (_t, d) = tree();
    std::fs::create_dir(d.join("a")).unwrap();
    std::os::unix::fs::symlink("..", d.join("a").join("up")).unwrap();
    std::os::unix::fs::symlink("self", d.join("self")).unwrap();
    std::fs::write(d.join("a").join("real.py"), VERIFY_FALSE).unwrap();
    let r = check(&d, &[]);
    assert_eq!(findings(&r).len(), 1, "{}", r.json);
    let r = check(&d, &[os("--follow-symlinks")]);
    // The loop is reported (an `errors` entry, exit 2) and the real file is still linted once.
    assert_eq!(findings(&r).len(), 1, "{}", r.json);
}

#[test]
fn permission_denied_directory_is_an_error_not_a_silent_skip() {
    let (_t, d) = tree();
    let locked = d.join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::write(locked.join("inner.py"), VERIFY_FALSE).unwrap();
    std::fs::write(d.join("open.py"), VERIFY_FALSE).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root (as in CI containers) ignores permission bits: then the directory is readable and
    // must simply be scanned.
    let privileged = std::fs::read_dir(&locked).is_ok();
    let r = check(&d, &[]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    if privileged {
        eprintln!("note: running with privileges that ignore permissions; checked the scan only");
        assert_eq!(findings(&r).len(), 2, "{}", r.json);
    } else {
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert_eq!(findings(&r).len(), 1);
        assert!(
            r.json["errors"].to_string().contains("locked"),
            "{}",
            r.json
        );
    }
}

#[test]
fn unreadable_file_is_an_error() {
    let (_t, d) = tree();
    std::fs::write(d.join("secret.py"), VERIFY_FALSE).unwrap();
    std::fs::set_permissions(d.join("secret.py"), std::fs::Permissions::from_mode(0o000)).unwrap();
    let privileged = std::fs::read(d.join("secret.py")).is_ok();
    let r = check(&d, &[]);
    if privileged {
        assert_eq!(findings(&r).len(), 1);
    } else {
        assert_eq!(r.code, 2);
        assert!(r.json["errors"].to_string().contains("secret.py"));
    }
}

#[test]
fn non_utf8_file_names_are_scanned_and_shown_lossily() {
    let (_t, d) = tree();
    let name = OsStr::from_bytes(b"caf\xe9.py");
    std::fs::write(d.join(name), VERIFY_FALSE).unwrap();
    let r = check(&d, &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let f = findings(&r);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].0, "caf\u{FFFD}.py");
    // And named explicitly.
    let r = check(&d, &[name]);
    assert_eq!(findings(&r).len(), 1);
}

#[test]
fn missing_path_exits_2_with_a_clear_message() {
    let (_t, d) = tree();
    let out = Command::new(BIN)
        .current_dir(&d)
        .args(["check", "--format", "json", "no/such/dir"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no/such/dir") && stderr.to_lowercase().contains("no such file"),
        "{stderr}"
    );
}

#[test]
fn empty_files_are_clean() {
    let (_t, d) = tree();
    for name in [
        "empty.py",
        "empty.js",
        "empty.rs",
        "empty.tf",
        "empty.yaml",
        ".env",
        "empty.html",
        "empty.html.j2",
        "empty.html.erb",
        "Empty.vue",
        "Empty.svelte",
    ] {
        std::fs::write(d.join(name), "").unwrap();
    }
    let r = check(&d, &[]);
    assert_eq!(r.code, 0, "{} {}", r.stderr, r.json);
    assert!(findings(&r).is_empty());
}

#[test]
fn bad_toml_config_is_a_clear_error() {
    let (_t, d) = tree();
    std::fs::write(d.join("app.py"), VERIFY_FALSE).unwrap();
    std::fs::write(
        d.join("cleartext.toml"),
        "select = [\"tls-verification-disabled\"\n",
    )
    .unwrap();
    let out = Command::new(BIN)
        .current_dir(&d)
        .args(["check", "--format", "json", "."])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "a broken config must not be ignored"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cleartext.toml"), "{stderr}");
    // Given with --config, the same.
    std::fs::rename(d.join("cleartext.toml"), d.join("../bad.toml")).unwrap();
    let out = Command::new(BIN)
        .current_dir(&d)
        .args(["check", "--format", "json", "--config", "../bad.toml", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.toml"));
}

/// Quotes, backslashes, newlines and control characters in a path must be escaped in JSON and
/// SARIF, never break the document.
#[test]
fn hostile_file_names_keep_json_and_sarif_valid() {
    let (_t, d) = tree();
    let names: [&[u8]; 4] = [
        b"quo\"te.py",
        b"new\nline.py",
        b"ctrl\x01\x1b[31m.py",
        b"back\\slash \xe2\x80\xae.py",
    ];
    for n in names {
        std::fs::write(d.join(OsStr::from_bytes(n)), VERIFY_FALSE).unwrap();
    }
    let r = check(&d, &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let paths: Vec<String> = findings(&r).into_iter().map(|f| f.0).collect();
    for n in names {
        let shown = String::from_utf8_lossy(n).into_owned();
        assert!(paths.contains(&shown), "{shown:?} not in {paths:?}");
    }
    let out = Command::new(BIN)
        .current_dir(&d)
        .args(["check", "--format", "sarif"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let sarif: Value = serde_json::from_slice(&out.stdout).expect("SARIF is valid JSON");
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 4);
}

/// Found by `tests/fuzz_properties.rs`: a command word starting with a multi-byte character
/// was sliced at byte 1 while looking for combined short flags (`-fsSL`), and panicked.
#[test]
fn command_word_starting_with_a_multibyte_character() {
    let (_t, d) = tree();
    std::fs::write(
        d.join("get.sh"),
        "#!/bin/sh\ncurl \u{e9}fsS https://example.com/x\n",
    )
    .unwrap();
    std::fs::write(
        d.join("Dockerfile"),
        "FROM alpine\nRUN wget \u{fffd}-q https://example.com/x\n",
    )
    .unwrap();
    let r = check(&d, &[]);
    assert!(r.code == 0 || r.code == 1, "{}", r.stderr);
}

/// Found by tests/fuzz_properties.rs (seed 1129): `${` at the very end of a word made the shell
/// front-end slice backwards, in scripts and in Dockerfile `RUN` lines alike.
#[test]
fn unterminated_parameter_expansion_at_the_end_of_a_word() {
    let (_t, d) = tree();
    std::fs::write(
        d.join("run.sh"),
        "#!/bin/sh\ncurl -k https://x.example.com/${\n",
    )
    .unwrap();
    std::fs::write(d.join("Dockerfile"), "FROM alpine\nRUN curl -k -o ${\n").unwrap();
    let r = check(&d, &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let rules: Vec<String> = findings(&r).into_iter().map(|f| f.1).collect();
    assert_eq!(rules.len(), 2, "{rules:?}");
    assert!(
        rules.iter().all(|r| r == "tls-verification-disabled"),
        "{rules:?}"
    );
}

// ---- the tool's own safety ------------------------------------------------------------------

/// Scanned code is data: files that would leave a marker if imported or run never do.
#[test]
fn scanned_code_is_never_executed() {
    let (t, d) = tree();
    let marker = t.path().join("executed");
    let m = marker.display();
    std::fs::write(
        d.join("setup.py"),
        format!(
            "open({:?}, 'w').write('py')\nimport requests\nrequests.get(u, verify=False)\n",
            m.to_string()
        ),
    )
    .unwrap();
    std::fs::write(
        d.join("conftest.py"),
        format!("open({:?}, 'w')\n", m.to_string()),
    )
    .unwrap();
    std::fs::write(
        d.join("index.js"),
        format!("require('fs').writeFileSync({:?}, 'js')\n", m.to_string()),
    )
    .unwrap();
    std::fs::write(
        d.join("build.rs"),
        format!(
            "fn main() {{ std::fs::write({:?}, \"rs\").unwrap(); }}\n",
            m.to_string()
        ),
    )
    .unwrap();
    std::fs::write(
        d.join("run.sh"),
        format!("#!/bin/sh\ntouch {m}\ncurl -k https://example.com\n"),
    )
    .unwrap();
    std::fs::set_permissions(d.join("run.sh"), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::write(d.join("Makefile"), format!("all:\n\ttouch {m}\n")).unwrap();
    // npm runs these on install; direnv runs .envrc on entering the directory.
    std::fs::write(
        d.join("package.json"),
        format!(
            "{{\"name\":\"x\",\"scripts\":{{\"preinstall\":\"touch {m}\",\"install\":\"touch {m}\",\"postinstall\":\"touch {m}\",\"prepare\":\"touch {m}\"}}}}\n"
        ),
    )
    .unwrap();
    std::fs::write(
        d.join(".envrc"),
        format!("touch {m}\nexport API=http://x\n"),
    )
    .unwrap();
    let r = check(&d, &[]);
    assert!(!findings(&r).is_empty());
    assert!(!marker.exists(), "scanning ran scanned code");
}

/// Under strace: no socket is ever created and no program is started. Skipped (with a note)
/// where strace is missing or not permitted.
#[test]
fn no_network_and_no_subprocess() {
    let (t, d) = tree();
    std::fs::write(d.join("app.py"), VERIFY_FALSE).unwrap();
    std::fs::write(
        d.join("main.tf"),
        "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n",
    )
    .unwrap();
    let log = t.path().join("strace.log");
    let status = Command::new("strace")
        .args([
            "-f",
            "-qq",
            "-e",
            "trace=socket,connect,execve,execveat,fork,vfork",
        ])
        .arg("-o")
        .arg(&log)
        .arg(BIN)
        .args(["check", "--format", "json", "."])
        .current_dir(&d)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    let Ok(status) = status else {
        eprintln!("skipped: strace is not installed");
        return;
    };
    let Ok(trace) = std::fs::read_to_string(&log) else {
        eprintln!("skipped: strace could not trace here ({status:?})");
        return;
    };
    if trace.is_empty() || trace.contains("PTRACE") {
        eprintln!("skipped: strace could not trace here");
        return;
    }
    assert_eq!(status.code(), Some(1));
    let calls: Vec<&str> = trace
        .lines()
        .filter(|l| {
            l.contains("socket(")
                || l.contains("connect(")
                || l.contains("fork(")
                || l.contains("execveat(")
        })
        .collect();
    assert!(
        calls.is_empty(),
        "unexpected system calls:\n{}",
        calls.join("\n")
    );
    let execs = trace.lines().filter(|l| l.contains("execve(")).count();
    assert_eq!(execs, 1, "only cleartext itself is executed:\n{trace}");
}

/// No module of the crate can talk to the network: a cheap guard that fails when someone adds
/// a socket, and says why.
#[test]
fn sources_name_no_network_api() {
    let mut stack = vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension() == Some(OsStr::new("rs")) {
                let text = std::fs::read_to_string(&p).unwrap();
                for api in [
                    "std::net",
                    "TcpStream",
                    "UdpSocket",
                    "TcpListener",
                    "process::Command",
                ] {
                    assert!(
                        !text.contains(api),
                        "{} uses {api}: cleartext must never open a connection or run a program",
                        p.display()
                    );
                }
            }
        }
    }
}

#[test]
fn symlinks_out_of_the_root_are_not_followed_unless_asked() {
    let t = tempfile::tempdir().unwrap();
    let outside = t.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(outside.join("secret.py"), VERIFY_FALSE).unwrap();
    let d = t.path().join("tree");
    std::fs::create_dir(&d).unwrap();
    std::os::unix::fs::symlink(outside.join("secret.py"), d.join("link.py")).unwrap();
    std::os::unix::fs::symlink(&outside, d.join("linkdir")).unwrap();
    std::fs::write(d.join("inside.py"), "x = 1\n").unwrap();
    let r = check(&d, &[]);
    assert_eq!(r.code, 0, "{}", r.json);
    assert!(
        findings(&r).is_empty(),
        "followed a symlink out of the root"
    );
    let r = check(&d, &[os("--follow-symlinks")]);
    assert_eq!(findings(&r).len(), 2, "{}", r.json);
}

/// `cleartext check PATH` in `dir` where only the exit status and stderr matter.
fn check_status(dir: &Path, path: &str) -> std::process::Output {
    Command::new(BIN)
        .current_dir(dir)
        .args(["check", "--format", "json", path])
        .output()
        .unwrap()
}

/// A config file inside the scanned tree names no other file, so it cannot point cleartext at
/// anything outside: keys that would (`include`, `baseline`, `lints`) are rejected.
#[test]
fn config_in_the_tree_cannot_reach_outside() {
    let (_t, d) = tree();
    std::fs::write(d.join("app.py"), VERIFY_FALSE).unwrap();
    for key in [
        "baseline = \"/etc/passwd\"",
        "include = [\"/etc\"]",
        "lints = \"/tmp\"",
    ] {
        std::fs::write(d.join("cleartext.toml"), format!("{key}\n")).unwrap();
        let out = check_status(&d, ".");
        assert_eq!(out.status.code(), Some(2), "{key} accepted");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("cleartext.toml:1:1: `") && stderr.contains("is refused"),
            "{key}: {stderr}"
        );
    }
}

/// The same from a scanned subdirectory: its config, found from the path scanned, is refused
/// when it names a path outside (`../../outside.toml`, an absolute directory); a scan from the
/// root does not read a nested config at all.
#[test]
fn config_in_a_scanned_subdirectory_naming_outside_paths_is_refused() {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(t.path().join("outside.toml"), "ignore = [\"in-transit\"]\n").unwrap();
    let d = t.path().join("tree");
    let sub = d.join("sub");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(sub.join("app.py"), VERIFY_FALSE).unwrap();
    for key in [
        "config = \"../../outside.toml\"",
        "extends = \"../../outside.toml\"",
        "include = [\"/etc\"]",
    ] {
        std::fs::write(
            sub.join("cleartext.toml"),
            format!("fail-on = \"error\"\n{key}\n"),
        )
        .unwrap();
        let out = check_status(&d, "sub");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{key} accepted: {stderr}");
        let name = key.split(' ').next().unwrap();
        assert!(
            stderr.contains(&format!("sub/cleartext.toml:2:1: `{name}` is refused")),
            "{key}: {stderr}"
        );
        let r = check(&d, &[os(".")]);
        assert_eq!(findings(&r).len(), 1, "{}", r.json);
    }
}

/// Regression: tree-sitter-python's scanner is quadratic in a run of comment lines (15,000
/// took 27 s); the Python front-end blanks long runs before parsing.
#[test]
fn a_python_file_of_twenty_thousand_comment_lines_is_linted_in_time() {
    let (_t, d) = tree();
    let comments = "    # a generated comment line\n".repeat(20_000);
    std::fs::write(
        d.join("gen.py"),
        format!(
            "import requests\ndef f():\n    x = 1\n{comments}    requests.get(u, verify=False)\n"
        ),
    )
    .unwrap();
    let started = Instant::now();
    let r = check(&d, &[]);
    let line = 20_004;
    assert_eq!(findings(&r).len(), 1, "{}", r.json);
    assert_eq!(r.json["findings"][0]["start"]["line"], line);
    // Linear: well under a second in release; generous for a loaded debug build.
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "{:?}",
        started.elapsed()
    );
}
