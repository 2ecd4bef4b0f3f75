//! The places users run cleartext, exercised through the real binary: output formats checked
//! against their schemas, configuration files, inline suppressions, baselines, the pre-commit
//! hook definition, progress output and the generated rule reference.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_cleartext");

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_in(dir: &Path, args: &[&str]) -> Run {
    run_with(dir, args, None, &[])
}

fn run_with(dir: &Path, args: &[&str], stdin: Option<&str>, env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .current_dir(dir)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("the binary runs");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn write(dir: &Path, rel: &str, text: &str) -> PathBuf {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, text).unwrap();
    p
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\nstderr: {}", run.stdout, run.stderr))
}

fn schema(name: &str) -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(name);
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles")
}

fn assert_valid(validator: &jsonschema::Validator, doc: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not validate:\n{}\n{}",
        errors.join("\n"),
        serde_json::to_string_pretty(doc).unwrap()
    );
}

const VERIFY_OFF: &str =
    "import requests\nrequests.get(\"https://api.example.com\", verify=False)\n";

/// A tree whose paths and messages hold quotes, spaces, `#`, `%`, commas, colons, non-ASCII
/// and control characters, with a finding in each file.
fn awkward_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "plain.py",
        "we \"ird\" ü#1%, a:b.py",
        "sub dir/ctrl\u{1}\ttab.py",
        "new\nline.py",
    ] {
        write(dir.path(), name, VERIFY_OFF);
    }
    // A syntax error Python's parser recovers from (a notice), and Rust that syn cannot parse
    // at all (an error: the file could not be checked).
    write(
        dir.path(),
        "broken.py",
        "import requests\nrequests.get(\"https://x\", verify=False\n",
    );
    write(
        dir.path(),
        "broken.rs",
        "fn main() { reqwest::Client::builder().danger_accept_invalid_certs(true).build( }\n",
    );
    write(
        dir.path(),
        "suppressed.py",
        "import requests\n# cleartext: ignore[tls-verification-disabled] -- test double \"quoted\" ü\nrequests.get(\"https://x\", verify=False)\n# cleartext: ignore[ecb-mode]\nx = 1\n",
    );
    dir
}

// ---- formats -----------------------------------------------------------------------------

#[test]
fn sarif_validates_against_the_2_1_0_schema_with_awkward_paths() {
    let dir = awkward_tree();
    let run = run_in(
        dir.path(),
        &["check", "--format", "sarif", "--show-suppressed", "."],
    );
    assert_eq!(
        run.code, 2,
        "a file that cannot be parsed exits 2\n{}",
        run.stderr
    );
    let doc = json(&run);
    assert_valid(&schema("sarif-2.1.0.schema.json"), &doc, "SARIF");

    let r = &doc["runs"][0];
    assert_eq!(doc["version"], "2.1.0");
    assert_eq!(r["columnKind"], "unicodeCodePoints");
    let root = r["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        root.starts_with("file:///") && root.ends_with('/'),
        "{root}"
    );
    let rules = r["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), cleartext::lint::catalog::load().unwrap().len());
    // One taxonomy per compliance framework; every rule's relationships point into one.
    let taxonomies = r["taxonomies"].as_array().unwrap();
    let names: Vec<&str> = taxonomies
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "PCI DSS",
            "HIPAA Security Rule",
            "SOC 2 Trust Services Criteria",
            "NIST SP 800-53"
        ]
    );
    for rule in rules {
        let relationships = rule["relationships"].as_array().unwrap();
        assert!(!relationships.is_empty(), "{}", rule["id"]);
        for rel in relationships {
            let taxonomy = rel["target"]["toolComponent"]["name"].as_str().unwrap();
            let id = &rel["target"]["id"];
            let t = taxonomies.iter().find(|t| t["name"] == taxonomy).unwrap();
            assert!(t["taxa"].as_array().unwrap().iter().any(|x| &x["id"] == id));
        }
    }
    let tags = rules
        .iter()
        .find(|r| r["id"] == "unencrypted-storage")
        .unwrap()["properties"]["tags"]
        .clone();
    assert!(
        tags.as_array()
            .unwrap()
            .iter()
            .any(|t| t == "compliance/pci-dss/3.5.1"),
        "{tags}"
    );
    for rule in rules {
        assert!(rule["shortDescription"]["text"].as_str().unwrap().len() > 5);
        assert!(rule["fullDescription"]["text"].as_str().unwrap().len() > 5);
        assert!(rule["help"]["markdown"]
            .as_str()
            .unwrap()
            .contains("How to fix"));
        assert!(rule["properties"]["tags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t.as_str().unwrap().starts_with("external/cwe/cwe-")));
        assert!(["error", "warning", "note"]
            .contains(&rule["defaultConfiguration"]["level"].as_str().unwrap()));
    }
    let results = r["results"].as_array().unwrap();
    let mut uris = Vec::new();
    for res in results {
        let id = res["ruleId"].as_str().unwrap();
        let idx = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], id, "ruleIndex points at its rule");
        let loc = &res["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        let uri = loc["artifactLocation"]["uri"].as_str().unwrap();
        assert!(!uri.starts_with('/') && !uri.contains("//"), "{uri}");
        assert!(
            uri.bytes().all(|b| b.is_ascii_graphic() && b != b'"'),
            "{uri}"
        );
        uris.push(uri.to_string());
        let region = &loc["region"];
        if res.get("suppressions").is_none() {
            assert_eq!(region["startLine"], 2);
            assert_eq!(region["startColumn"], 41, "1-based column of `verify`");
            assert_eq!(region["endColumn"], 53, "exclusive end column");
            assert!(res["partialFingerprints"]["cleartext/v1"].is_string());
        }
    }
    uris.sort();
    assert!(
        uris.contains(&"we%20%22ird%22%20%C3%BC%231%25%2C%20a%3Ab.py".to_string()),
        "{uris:?}"
    );
    assert!(uris.contains(&"new%0Aline.py".to_string()), "{uris:?}");
    assert!(
        uris.contains(&"sub%20dir/ctrl%01%09tab.py".to_string()),
        "{uris:?}"
    );
    let suppressed: Vec<_> = results
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(suppressed.len(), 1);
    let notes = r["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert!(notes.iter().any(|n| n["descriptor"]["id"] == "unused"));
    assert!(notes.iter().any(|n| n["descriptor"]["id"] == "file-error"));
    assert!(notes
        .iter()
        .any(|n| n["descriptor"]["id"] == "syntax-error"));
    assert_eq!(r["invocations"][0]["executionSuccessful"], false);
}

#[test]
fn json_validates_against_its_schema_with_awkward_paths() {
    let dir = awkward_tree();
    let run = run_in(
        dir.path(),
        &["check", "--format", "json", "--show-suppressed", "."],
    );
    let doc = json(&run);
    assert_valid(&schema("cleartext-report.schema.json"), &doc, "JSON report");
    let paths: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(paths.contains(&"new\nline.py"), "{paths:?}");
    assert!(paths.contains(&"sub dir/ctrl\u{1}\ttab.py"), "{paths:?}");
    let marked: Vec<&Value> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["suppressed"] == true)
        .collect();
    assert_eq!(marked.len(), 1);
    assert_eq!(marked[0]["path"], "suppressed.py");
    assert_eq!(doc["summary"]["suppressed"], 1);
    // Without --show-suppressed the suppressed finding is not listed.
    let plain = json(&run_in(dir.path(), &["check", "--format", "json", "."]));
    assert_valid(
        &schema("cleartext-report.schema.json"),
        &plain,
        "JSON report",
    );
    assert!(plain["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["path"] != "suppressed.py"));
}

#[test]
fn github_annotations_escape_paths_and_messages() {
    let dir = awkward_tree();
    let run = run_in(dir.path(), &["check", "--format", "github", "."]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    let re = regex::Regex::new(
        r"^::(error|warning|notice) file=[^,:\n]+(,line=\d+)?(,col=\d+)?(,endLine=\d+,endColumn=\d+)?,title=[^,:]+::.+$",
    )
    .unwrap();
    for l in &lines {
        assert!(re.is_match(l), "malformed annotation: {l}");
    }
    assert!(lines.contains(
        &"::error file=we \"ird\" ü#1%25%2C a%3Ab.py,line=2,col=41,endLine=2,endColumn=53,title=cleartext%3A tls-verification-disabled::TLS certificate verification is disabled%0Aremove the override; to trust a private CA, pass its bundle (verify='/path/ca.pem', cafile=...) instead"
    ), "{}", run.stdout);
    assert!(lines
        .iter()
        .any(|l| l.starts_with("::error file=new%0Aline.py,")));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("::warning file=suppressed.py,line=4,") && l.contains("unused")));
}

#[test]
fn gitlab_code_quality_report() {
    let dir = awkward_tree();
    let run = run_in(dir.path(), &["check", "--format", "gitlab", "."]);
    let doc = json(&run);
    let issues = doc.as_array().unwrap();
    assert!(issues.len() >= 5);
    let mut fingerprints = std::collections::BTreeSet::new();
    for i in issues {
        for key in ["description", "check_name", "fingerprint", "severity"] {
            assert!(i[key].is_string(), "{key} in {i}");
        }
        assert!(["info", "minor", "major", "critical", "blocker"]
            .contains(&i["severity"].as_str().unwrap()));
        assert!(i["location"]["path"].is_string());
        assert!(i["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
        assert!(fingerprints.insert(i["fingerprint"].as_str().unwrap().to_string()));
    }
    assert!(issues
        .iter()
        .any(|i| i["check_name"] == "tls-verification-disabled"
            && i["location"]["path"] == "new\nline.py"
            && i["severity"] == "critical"));
}

// ---- configuration -----------------------------------------------------------------------

fn tree_with_tests() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "app/client.py", VERIFY_OFF);
    write(dir.path(), "tests/test_client.py", VERIFY_OFF);
    write(dir.path(), "app/client_test.py", VERIFY_OFF);
    write(dir.path(), "generated/lib.py", VERIFY_OFF);
    dir
}

fn findings(run: &Run) -> Vec<(String, String)> {
    json(run)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn test_code_is_reported_at_note_severity_and_does_not_fail_by_default() {
    let dir = tree_with_tests();
    std::fs::remove_file(dir.path().join("app/client.py")).unwrap();
    std::fs::remove_file(dir.path().join("generated/lib.py")).unwrap();
    let run = run_in(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(
        findings(&run),
        vec![
            ("app/client_test.py".into(), "note".into()),
            ("tests/test_client.py".into(), "note".into())
        ]
    );
    assert_eq!(
        run.code, 0,
        "notes do not fail the default fail-on (warning)"
    );
    assert_eq!(
        run_in(dir.path(), &["check", "--fail-on", "note", "."]).code,
        1
    );
    write(dir.path(), "cleartext.toml", "tests = \"skip\"\n");
    assert!(findings(&run_in(dir.path(), &["check", "--format", "json", "."])).is_empty());
    write(
        dir.path(),
        "cleartext.toml",
        "tests = \"report\"\ntest-paths = [\"app/\"]\n",
    );
    let run = run_in(dir.path(), &["check", "--format", "json", "."]);
    assert!(findings(&run).iter().all(|(_, s)| s == "error"));
    assert_eq!(run.code, 1);
}

#[test]
fn config_is_found_upwards_and_applies_every_key() {
    let dir = tree_with_tests();
    write(
        dir.path(),
        ".cleartext.toml",
        r#"
# every key at once
select = ["in-transit"]
ignore = ["ecb-mode"]
exclude = ["generated/"]
fail-on = "error"
tests = "skip"

[severity]
tls-verification-disabled = "warning"

[per-path-ignores]
"app/legacy_*.py" = ["tls-verification-disabled"]
"#,
    );
    write(dir.path(), "app/legacy_sync.py", VERIFY_OFF);
    // Scanning a subdirectory still finds the config above it.
    let run = run_in(&dir.path().join("app"), &["check", "--format", "json", "."]);
    assert_eq!(
        findings(&run),
        vec![("client.py".into(), "warning".into())],
        "{}",
        run.stderr
    );
    assert_eq!(run.code, 0, "fail-on = error and the finding is a warning");
    let run = run_in(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(
        findings(&run),
        vec![("app/client.py".into(), "warning".into())]
    );
    // The command line's --fail-on wins over the file's.
    assert_eq!(
        run_in(dir.path(), &["check", "--fail-on", "warning", "."]).code,
        1
    );
    // --config replaces discovery.
    let other = write(dir.path(), "other/strict.toml", "tests = \"report\"\n");
    let run = run_in(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--config",
            other.to_str().unwrap(),
            ".",
        ],
    );
    assert_eq!(findings(&run).len(), 5);
}

#[test]
fn pyproject_tool_table_is_read() {
    let dir = tree_with_tests();
    write(
        dir.path(),
        "pyproject.toml",
        "[project]\nname = \"x\"\n\n[tool.cleartext]\nexclude = [\"generated/\", \"tests/\", \"*_test.py\"]\n",
    );
    let run = run_in(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(
        findings(&run),
        vec![("app/client.py".into(), "error".into())]
    );
    // Another tool's pyproject without our table is no configuration at all.
    write(
        dir.path(),
        "pyproject.toml",
        "[tool.ruff]\nline-length = 100\n",
    );
    assert_eq!(
        findings(&run_in(dir.path(), &["check", "--format", "json", "."])).len(),
        4
    );
}

#[test]
fn config_mistakes_exit_2_with_file_line_and_choices() {
    let dir = tree_with_tests();
    let cases = [
        (
            "select = [\"plaintext-transport\"]\ntest = \"note\"\n",
            "cleartext.toml:2:1",
            "unknown field `test`, expected one of",
        ),
        (
            "\n\ntests = \"sometimes\"\n",
            "cleartext.toml:3:9",
            "`note`, `report`",
        ),
        (
            "ignore = [\"plaintext-transport\", \"tls-verfication-disabled\"]\n",
            "cleartext.toml:1:34",
            "unknown rule `tls-verfication-disabled`; valid: in-transit, at-rest, pci-dss, hipaa, soc2, nist-800-53, ",
        ),
        (
            "fail-on = \"critical\"\n",
            "cleartext.toml:1:11",
            "expected one of `note`, `warning`, `error`, `never`",
        ),
        (
            "[severity]\necb-mode = \"high\"\n",
            "cleartext.toml:2:12",
            "`note`, `warning`, `error`",
        ),
        ("exclude = [\"a[\"]\n", "cleartext.toml:1:12", "bad glob"),
    ];
    for (text, at, says) in cases {
        write(dir.path(), "cleartext.toml", text);
        let run = run_in(dir.path(), &["check", "."]);
        assert_eq!(run.code, 2, "{text}: {}", run.stderr);
        assert!(
            run.stderr.contains(at) && run.stderr.contains(says),
            "{text}: expected `{at}` and `{says}` in:\n{}",
            run.stderr
        );
    }
    // The same through pyproject: lines count in the whole file.
    std::fs::remove_file(dir.path().join("cleartext.toml")).unwrap();
    write(
        dir.path(),
        "pyproject.toml",
        "[project]\nname = \"x\"\n\n[tool.cleartext]\nbogus = 1\n",
    );
    let run = run_in(dir.path(), &["check", "."]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("pyproject.toml:5:1") && run.stderr.contains("bogus"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_config_cannot_point_outside_the_repository() {
    // No key names a file: a key that would (`extend`, `baseline`) is refused, saying why.
    let dir = tree_with_tests();
    for text in [
        "extend = \"../../etc/cleartext.toml\"\n",
        "baseline = \"/etc/passwd\"\n",
    ] {
        write(dir.path(), "cleartext.toml", text);
        let run = run_in(dir.path(), &["check", "."]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(
            run.stderr.contains("cleartext.toml:1:1: `") && run.stderr.contains("is refused"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn internal_hosts_are_allowed_plaintext() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "c.py",
        "import requests\nrequests.get(\"http://billing.corp.internal/v1\")\nrequests.get(\"http://api.example.com/v1\")\n",
    );
    let lines = |run: &Run| -> Vec<u64> {
        json(run)["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "plaintext-transport")
            .map(|f| f["start"]["line"].as_u64().unwrap())
            .collect()
    };
    assert_eq!(
        lines(&run_in(dir.path(), &["check", "--format", "json", "."])),
        vec![2, 3]
    );
    write(
        dir.path(),
        "cleartext.toml",
        "internal-hosts = [\"*.corp.internal\"]\n",
    );
    assert_eq!(
        lines(&run_in(dir.path(), &["check", "--format", "json", "."])),
        vec![3]
    );
}

#[test]
fn stdin_buffers_use_the_config_of_their_path() {
    let dir = tree_with_tests();
    write(dir.path(), "cleartext.toml", "exclude = [\"generated/\"]\n");
    std::fs::create_dir_all(dir.path().join("generated")).unwrap();
    let stdin = |path: &str| {
        run_with(
            dir.path(),
            &["check", "--format", "json", "--stdin-filename", path],
            Some(VERIFY_OFF),
            &[],
        )
    };
    assert_eq!(
        findings(&stdin("app/new.py")),
        vec![("app/new.py".into(), "error".into())]
    );
    assert_eq!(
        findings(&stdin("tests/new_test.py")),
        vec![("tests/new_test.py".into(), "note".into())]
    );
    assert!(findings(&stdin("generated/x.py")).is_empty());
}

// ---- suppressions ------------------------------------------------------------------------

#[test]
fn suppressions_cover_lines_statements_and_resource_blocks() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "client.py",
        r#"import requests

# cleartext: ignore[tls-verification-disabled] -- staging server with a self-signed cert
requests.get(
    "https://staging.example.com",
    verify=False,
)
requests.get("https://a.example.com", verify=False)  # cleartext: ignore[tls-verification-disabled] -- fixture
requests.get("https://b.example.com", verify=False)
# cleartext: ignore[tls-verification-disabled] until=2000-01-01 -- expired long ago
requests.get("https://c.example.com", verify=False)
# cleartext: ignore[tls-verification-disabled] until=2999-12-31 -- until the CA is rolled out
requests.get("https://d.example.com", verify=False)
"#,
    );
    write(
        dir.path(),
        "db.tf",
        r#"# cleartext: ignore[unencrypted-storage] -- scratch database, no customer data
resource "aws_db_instance" "scratch" {
  engine            = "postgres"
  storage_encrypted = false
}

resource "aws_db_instance" "prod" {
  engine            = "postgres"
  storage_encrypted = false
}
"#,
    );
    let run = run_in(
        dir.path(),
        &["check", "--format", "json", "--show-suppressed", "."],
    );
    let doc = json(&run);
    let got: Vec<(String, u64, bool)> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["start"]["line"].as_u64().unwrap(),
                f["suppressed"] == true,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("client.py".into(), 6, true),
            ("client.py".into(), 8, true),
            ("client.py".into(), 9, false),
            ("client.py".into(), 11, false),
            ("client.py".into(), 13, true),
            ("db.tf".into(), 4, true),
            ("db.tf".into(), 9, false),
        ],
        "{}",
        run.stdout
    );
    let notices: Vec<(String, u64)> = doc["notices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["kind"].as_str().unwrap().to_string(),
                n["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(notices, vec![("expired".into(), 10)]);

    // --no-inline-suppressions: every finding is back.
    let run = run_in(
        dir.path(),
        &["check", "--format", "json", "--no-inline-suppressions", "."],
    );
    assert_eq!(json(&run)["findings"].as_array().unwrap().len(), 7);
    assert!(json(&run)["notices"].as_array().unwrap().is_empty());
}

#[test]
fn suppressions_use_each_kinds_comment_syntax() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "stack.yaml",
        r#"AWSTemplateFormatVersion: "2010-09-09"
Resources:
  # cleartext: ignore[unencrypted-storage] -- throwaway load-test database
  Scratch:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: false
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: false
"#,
    );
    write(
        dir.path(),
        "agent.js",
        r#"const https = require("https");
// cleartext: ignore[tls-verification-disabled] -- local dev proxy
const agent = new https.Agent({
  rejectUnauthorized: false,
});
const other = new https.Agent({ rejectUnauthorized: false });
"#,
    );
    write(
        dir.path(),
        "q.sql",
        "SELECT 1; -- cleartext: ignore[ecb-mode] -- stale\n",
    );
    let run = run_in(
        dir.path(),
        &["check", "--format", "line", "--show-suppressed", "."],
    );
    let lines: Vec<&str> = run.stdout.lines().collect();
    for want in [
        "agent.js:4:3: tls-verification-disabled: rejectUnauthorized: false accepts any certificate (suppressed)",
        "stack.yaml:8:25: unencrypted-storage:",
        "q.sql:1:11: unused: suppression of ecb-mode matches no finding",
    ] {
        assert!(
            lines.iter().any(|l| l.starts_with(want)),
            "no `{want}` in:\n{}",
            run.stdout
        );
    }
    let kept: Vec<&&str> = lines
        .iter()
        .filter(|l| !l.ends_with("(suppressed)") && !l.contains(": unused:"))
        .collect();
    assert_eq!(kept.len(), 2, "{}", run.stdout);
    assert!(kept.iter().any(|l| l.starts_with("agent.js:6:")));
    assert!(kept.iter().any(|l| l.starts_with("stack.yaml:13:")));
}

#[test]
fn suppression_problems_are_reported_and_strict_mode_fails_on_them() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "app.py",
        r#"import requests
# cleartext: ignore[tls-verification-disabled]
requests.get("https://a.example.com", verify=False)
# cleartext: ignore[ecb-mode] -- nothing here uses ECB
x = 1
# cleartext: ignore[no-such-rule] -- typo
y = 2
# cleartext: ignore tls-verification-disabled -- no brackets
z = 3
"#,
    );
    let run = run_in(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(
        run.code, 0,
        "problems alone do not fail without --strict-suppressions"
    );
    let kinds: Vec<String> = json(&run)["notices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| format!("{}:{}", n["line"], n["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            "2:missing-reason",
            "4:unused",
            "6:unused",
            "6:unknown-rule",
            "8:malformed"
        ]
    );
    let strict = run_in(dir.path(), &["check", "--strict-suppressions", "."]);
    assert_eq!(strict.code, 1, "{}", strict.stdout);
    assert!(
        strict
            .stdout
            .contains("app.py:2:1: suppression of tls-verification-disabled gives no reason"),
        "{}",
        strict.stdout
    );
}

// ---- baseline ----------------------------------------------------------------------------

#[test]
fn baseline_reports_only_new_findings_counting_copies() {
    let dir = tempfile::tempdir().unwrap();
    let old = "import requests\nrequests.get(\"https://a.example.com\", verify=False)\nrequests.get(\"https://b.example.com\", verify=False)\n";
    write(dir.path(), "app.py", old);
    let w = run_in(
        dir.path(),
        &["check", "--write-baseline", "baseline.json", "."],
    );
    assert_eq!(w.code, 0, "{}", w.stderr);
    assert!(w.stderr.contains("wrote 2 findings"), "{}", w.stderr);
    let b: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("baseline.json")).unwrap())
            .unwrap();
    assert_eq!(b["findings"].as_array().unwrap().len(), 2);

    // Unchanged: clean.
    let run = run_in(
        dir.path(),
        &[
            "check",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
            ".",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(json(&run)["summary"]["baselined"], 2);

    // Moved down by three lines and reformatted: still known (no line numbers involved).
    let moved = format!(
        "import requests\n\n\n\nrequests.get(\"https://a.example.com\",   verify=False)\n{}",
        old.lines().nth(2).unwrap()
    );
    write(dir.path(), "app.py", &moved);
    let run = run_in(
        dir.path(),
        &[
            "check",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
            ".",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stdout);

    // Two new copies of a baselined line are two new findings; a removed one is listed.
    let copies = "import requests\nrequests.get(\"https://a.example.com\", verify=False)\nrequests.get(\"https://a.example.com\", verify=False)\nrequests.get(\"https://a.example.com\", verify=False)\n";
    write(dir.path(), "app.py", copies);
    let run = run_in(
        dir.path(),
        &[
            "check",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
            ".",
        ],
    );
    assert_eq!(run.code, 1);
    let doc = json(&run);
    let lines: Vec<u64> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["start"]["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, vec![3, 4]);
    let fixed: Vec<&Value> = doc["notices"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "baseline-fixed")
        .collect();
    assert_eq!(fixed.len(), 1, "{doc}");
    assert_eq!(fixed[0]["line"], 3);

    // A broken baseline file is a usage error.
    write(dir.path(), "bad.json", "{\"version\": 7, \"findings\": []}");
    assert_eq!(
        run_in(dir.path(), &["check", "--baseline", "bad.json", "."]).code,
        2
    );
}

// ---- pre-commit, progress, docs ----------------------------------------------------------

#[test]
fn pre_commit_hook_definition_runs_check_on_passed_files() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml"),
    )
    .unwrap();
    for want in [
        "- id: cleartext",
        "entry: cleartext check",
        "language: rust",
        "pass_filenames: true",
        "types_or:",
    ] {
        assert!(
            text.contains(want),
            "missing `{want}` in .pre-commit-hooks.yaml"
        );
    }
    // What pre-commit does with it: the entry plus staged file names, from the repo root.
    let dir = tree_with_tests();
    let run = run_in(
        dir.path(),
        &["check", "app/client.py", "tests/test_client.py"],
    );
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("app/client.py:2:41"), "{}", run.stdout);
}

#[test]
fn progress_never_goes_to_a_pipe() {
    let dir = tree_with_tests();
    let run = run_with(
        dir.path(),
        &["check", "."],
        None,
        &[("CLEARTEXT_PROGRESS_AFTER_MS", "0")],
    );
    assert!(!run.stderr.contains("files checked"), "{}", run.stderr);
}

#[test]
fn progress_shows_on_a_terminal_after_the_delay_but_not_for_json() {
    // `script` gives the child a pseudo-terminal; skip where it is missing.
    if Command::new("script").arg("--version").output().is_err() {
        return;
    }
    let dir = tree_with_tests();
    let pty = |format: &str| {
        let cmd = format!("{BIN} check --format {format} . 2>&1 >/dev/null");
        Command::new("script")
            .args(["-qec", &cmd, "/dev/null"])
            .current_dir(dir.path())
            .env("CLEARTEXT_PROGRESS_AFTER_MS", "0")
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    let human = String::from_utf8_lossy(&pty("human").stdout).into_owned();
    assert!(human.contains("files checked"), "{human:?}");
    let machine = String::from_utf8_lossy(&pty("json").stdout).into_owned();
    assert!(!machine.contains("files checked"), "{machine:?}");
}

#[test]
fn lints_readme_is_generated_from_the_lint_files() {
    let run = run_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["rules", "--format", "markdown"],
    );
    assert_eq!(run.code, 0);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("lints/README.md");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &run.stdout).unwrap();
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == run.stdout,
        "lints/README.md is stale: run `UPDATE_SNAPSHOTS=1 cargo test --test integrations` to regenerate it"
    );
    for id in ["plaintext-transport", "weak-password-hash"] {
        assert!(current.contains(&format!("\n## {id}\n")));
    }
}

/// `sensitive-fields` in the config adds field names to those that hold regulated data, and
/// a file naming only them still passes the prefilter.
#[test]
fn configured_sensitive_fields_extend_the_word_list() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "schema.sql",
        "CREATE TABLE members (\n  id BIGINT PRIMARY KEY,\n  member_number VARCHAR(20),\n  \
         medical_record_no_enc BYTEA\n);\n",
    );
    let before = run_in(dir.path(), &["check", "--format", "line", "."]);
    assert_eq!(before.code, 0, "{}", before.stdout);
    write(
        dir.path(),
        "cleartext.toml",
        "sensitive-fields = [\"memberNumber\", \"medical_record_no\"]\n",
    );
    let after = run_in(dir.path(), &["check", "--format", "line", "."]);
    assert_eq!(after.code, 1, "{}{}", after.stdout, after.stderr);
    assert_eq!(
        after.stdout.trim(),
        "schema.sql:3:3: sensitive-data-unencrypted: `member_number` holds data the \
         configuration names sensitive as plain text, with no field-level encryption"
    );
}
