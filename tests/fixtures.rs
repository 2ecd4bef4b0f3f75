//! The fixture harness. Every file under `testdata/` carries its intent on the line before each
//! target, in its own comment syntax:
//!
//! - `expect: <rule>`: a finding of that rule must start on the next code line (Missing);
//! - `ok: <rule>`: a near-miss, no finding of that rule there;
//! - `todo-expect:` / `todo-ok:`: known gaps; the harness fails when they start to hold
//!   (Promoted), so they get promoted to `expect:` / `ok:`.
//!
//! Formats without comments use a sidecar `<file>.expect` with lines `expect <line> <rule>`.
//! Any other finding in a fixture is Noisy. The whole tree runs with every lint on, then again
//! with the prefilter off, and the two runs must agree. The human rendering of each fixture's
//! findings is snapshotted in `tests/snapshots/` (regenerate with `UPDATE_SNAPSHOTS=1`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use cleartext::engine::{self, Options};
use cleartext::finding::{Finding, Report};
use cleartext::lint::{catalog, Linter};
use cleartext::report::human;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Intent {
    Expect,
    Ok,
    TodoExpect,
    TodoOk,
}

fn linter() -> Linter {
    Linter::new(catalog::load().expect("lints load")).expect("lints compile")
}

fn scan(prefilter: bool) -> Report {
    let opts = Options {
        paths: vec![PathBuf::from("testdata")],
        prefilter,
        threads: 2,
        ..Options::default()
    };
    engine::run(&linter(), &opts).expect("testdata scans")
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn slash(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

/// (line, rule) → intent, for one fixture file.
fn annotations(path: &Path) -> BTreeMap<(usize, String), Intent> {
    let mut out = BTreeMap::new();
    let sidecar = PathBuf::from(format!("{}.expect", path.display()));
    if let Ok(text) = std::fs::read_to_string(&sidecar) {
        for line in text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let parts: Vec<&str> = line.split_whitespace().collect();
            let intent = match parts.first() {
                Some(&"expect") => Intent::Expect,
                Some(&"ok") => Intent::Ok,
                Some(&"todo-expect") => Intent::TodoExpect,
                Some(&"todo-ok") => Intent::TodoOk,
                _ => panic!("{}: bad line `{line}`", sidecar.display()),
            };
            let n: usize = parts
                .get(1)
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("{}: bad line `{line}`", sidecar.display()));
            let rule = parts
                .get(2)
                .unwrap_or_else(|| panic!("{}: no rule in `{line}`", sidecar.display()));
            out.insert((n, rule.to_string()), intent);
        }
    }
    let Ok(text) = std::fs::read_to_string(path) else {
        return out;
    };
    let re = regex::Regex::new(r"(?:^|\s)(?:#|//|--|;|/\*|<!--)\s*(todo-expect|todo-ok|expect|ok):\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)").unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let is_annotation_only = |l: &str| {
        let t = l.trim_start();
        re.is_match(l)
            && (t.starts_with('#')
                || t.starts_with("//")
                || t.starts_with("--")
                || t.starts_with(';')
                || t.starts_with("/*")
                || t.starts_with("<!--"))
    };
    for (i, line) in lines.iter().enumerate() {
        let Some(caps) = re.captures(line) else {
            continue;
        };
        if !is_annotation_only(line) {
            continue;
        }
        let intent = match &caps[1] {
            "expect" => Intent::Expect,
            "ok" => Intent::Ok,
            "todo-expect" => Intent::TodoExpect,
            _ => Intent::TodoOk,
        };
        let target = (i + 1..lines.len())
            .find(|&j| !lines[j].trim().is_empty() && !is_annotation_only(lines[j]))
            .map(|j| j + 1)
            .unwrap_or_else(|| {
                panic!(
                    "{}:{}: annotation with no code after it",
                    path.display(),
                    i + 1
                )
            });
        for rule in caps[2].split(',') {
            out.insert((target, rule.trim().to_string()), intent);
        }
    }
    out
}

#[test]
fn fixtures_hold_their_annotations() {
    let known: BTreeSet<String> = catalog::load().unwrap().into_iter().map(|l| l.id).collect();
    let report = scan(true);
    let mut by_file: BTreeMap<String, Vec<&Finding>> = BTreeMap::new();
    for f in &report.findings {
        by_file.entry(f.path.clone()).or_default().push(f);
    }
    let mut files = Vec::new();
    files_under(Path::new("testdata"), &mut files);
    files.retain(|p| !p.to_string_lossy().ends_with(".expect"));
    files.sort();
    let mut problems = Vec::new();
    let mut annotated = 0;
    for path in &files {
        let shown = slash(path);
        let notes = annotations(path);
        annotated += notes.len();
        let findings = by_file.remove(&shown).unwrap_or_default();
        let found: BTreeSet<(usize, String)> = findings
            .iter()
            .map(|f| (f.start.line, f.rule.clone()))
            .collect();
        for ((line, rule), intent) in &notes {
            if !known.contains(rule) {
                problems.push(format!(
                    "{shown}:{line}: unknown rule `{rule}` in an annotation"
                ));
            }
            let hit = found.contains(&(*line, rule.clone()));
            match intent {
                Intent::Expect if !hit => problems.push(format!("Missing  {shown}:{line}: {rule}")),
                Intent::Ok if hit => {
                    problems.push(format!("Noisy    {shown}:{line}: {rule} (marked ok)"))
                }
                Intent::TodoExpect if hit => problems.push(format!(
                    "Promoted {shown}:{line}: {rule} now found; make it `expect:`"
                )),
                Intent::TodoOk if !hit => problems.push(format!(
                    "Promoted {shown}:{line}: {rule} no longer found; make it `ok:`"
                )),
                _ => {}
            }
        }
        for f in findings {
            let key = (f.start.line, f.rule.clone());
            if !matches!(notes.get(&key), Some(Intent::Expect | Intent::TodoOk))
                && notes.get(&key) != Some(&Intent::Ok)
            {
                problems.push(format!(
                    "Noisy    {shown}:{}:{}: {} ({})",
                    f.start.line, f.start.column, f.rule, f.message
                ));
            }
        }
    }
    for (path, rest) in by_file {
        for f in rest {
            problems.push(format!(
                "Noisy    {path}:{}: {} (outside any fixture file?)",
                f.start.line, f.rule
            ));
        }
    }
    assert!(annotated > 0, "no annotations found under testdata/");
    assert!(
        problems.is_empty(),
        "{} fixture problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn prefilter_never_changes_findings() {
    let fast = scan(true);
    let slow = scan(false);
    let key = |r: &Report| {
        r.findings
            .iter()
            .map(|f| format!("{}:{}:{}:{}", f.path, f.start.line, f.start.column, f.rule))
            .collect::<Vec<_>>()
    };
    assert!(!fast.findings.is_empty());
    assert_eq!(
        key(&fast),
        key(&slow),
        "the prefilter skipped a file that has findings"
    );
}

#[test]
fn snapshots_of_what_users_see() {
    let report = scan(true);
    let mut by_file: BTreeMap<String, Vec<Finding>> = BTreeMap::new();
    for f in report.findings {
        by_file.entry(f.path.clone()).or_default().push(f);
    }
    let dir = Path::new("tests/snapshots");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut expected_files = BTreeSet::new();
    let mut problems = Vec::new();
    for (path, findings) in &by_file {
        let name = format!(
            "{}.snap",
            path.trim_start_matches("testdata/").replace('/', "__")
        );
        expected_files.insert(name.clone());
        let rendered = human::findings_to_string(findings);
        let file = dir.join(&name);
        if update {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(&file, &rendered).unwrap();
            continue;
        }
        match std::fs::read_to_string(&file) {
            Ok(old) if old == rendered => {}
            Ok(_) => problems.push(format!(
                "changed: {} (review, then UPDATE_SNAPSHOTS=1 cargo test)",
                file.display()
            )),
            Err(_) => problems.push(format!(
                "missing: {} (UPDATE_SNAPSHOTS=1 cargo test)",
                file.display()
            )),
        }
    }
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            if name.ends_with(".snap") && !expected_files.contains(&name) {
                if update {
                    let _ = std::fs::remove_file(e.path());
                } else {
                    problems.push(format!("stale: tests/snapshots/{name} has no fixture findings (UPDATE_SNAPSHOTS=1 cargo test)"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
