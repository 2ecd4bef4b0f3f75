//! The fixture harness: one test case per fixture file under `testdata/<rule>/<kind>/`, plus a
//! few tests over the tree as a whole. Each fixture carries its intent on the line before each
//! target, in its own comment syntax ([`FileKind::comment_markers`], the table suppressions
//! read too):
//!
//! - `expect: <rule>`: a finding of that rule must start on the next code line (Missing);
//! - `ok: <rule>`: a near-miss, no finding of that rule there;
//! - `todo-expect:` / `todo-ok:`: known gaps; the harness fails when they start to hold
//!   (Promoted), so they get promoted to `expect:` / `ok:`.
//!
//! Formats without comments use a sidecar `<file>.expect` with lines `expect <line> <rule>`.
//! Any other finding in a fixture is Noisy. Findings are compared *before* the report merges
//! a rule's matches on one line, so a pattern that fires twice on one span is reported
//! (Duplicate). The whole tree runs with every lint on, then again with the prefilter off, and
//! the two runs must agree. The human rendering of a fixture's findings (what users see) is
//! snapshotted beside it as `<file>.snap` (`testdata/.ignore` keeps the linter out of them);
//! `UPDATE_SNAPSHOTS=1 cargo test --test fixtures` rewrites them and removes stale ones.
//!
//! `cargo test --test fixtures -- ecb-mode/python` runs the fixtures of one lint and kind.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use cleartext::classify::{self, FileKind};
use cleartext::engine::{self, Options};
use cleartext::finding::{Finding, Report};
use cleartext::lint::{catalog, Linter};
use cleartext::report::human;
use libtest_mimic::{Arguments, Failed, Trial};

const TESTDATA: &str = "testdata";

/// The (lint, kind) pairs that have patterns but no fixture directory, each with the reason.
/// The coverage test fails for a pair missing from here, and for an entry here that has
/// fixtures (or no longer has patterns), so the list only ever shrinks.
const WITHOUT_FIXTURES: &[(&str, &str, &str)] = &[];

/// Findings the harness sees twice on one span, each a pattern (or two) of the lint matching
/// the same thing: (fixture, line, rule). Listed so that the bug is tracked, not hidden; the
/// harness fails when one stops happening, so the entry gets removed.
const KNOWN_DUPLICATES: &[(&str, usize, &str)] = &[
    (
        "testdata/tls-verification-disabled/gitlab-ci/.gitlab-ci.yml",
        3,
        "tls-verification-disabled",
    ),
    (
        "testdata/tls-verification-disabled/compose/docker-compose.env_map_list_and_anchor.yml",
        18,
        "tls-verification-disabled",
    ),
    (
        "testdata/tls-outdated-protocol/python/pinned_versions.py",
        25,
        "tls-outdated-protocol",
    ),
    (
        "testdata/tls-outdated-protocol/python/bad_defaults_and_any_call.py",
        19,
        "tls-outdated-protocol",
    ),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Intent {
    Expect,
    Ok,
    TodoExpect,
    TodoOk,
}

/// The date fixtures are judged on (certificate expiry), 2026-12-01: the clock would age them.
const FIXTURE_NOW: i64 = 1_796_083_200;

static LINTER: LazyLock<Linter> = LazyLock::new(|| {
    let mut linter = Linter::new(catalog::load().expect("lints load")).expect("lints compile");
    linter.scan.now = FIXTURE_NOW;
    linter
});

fn scan(prefilter: bool) -> Report {
    let opts = Options {
        paths: vec![PathBuf::from(TESTDATA)],
        prefilter,
        threads: 2,
        keep_duplicates: true,
        ..Options::default()
    };
    engine::run(&LINTER, &opts).expect("testdata scans")
}

/// Every finding of the tree, before duplicates are merged, by file.
static FINDINGS: LazyLock<BTreeMap<String, Vec<Finding>>> = LazyLock::new(|| {
    let mut by_file: BTreeMap<String, Vec<Finding>> = BTreeMap::new();
    for f in scan(true).findings {
        by_file.entry(f.path.clone()).or_default().push(f);
    }
    by_file
});

fn bless() -> bool {
    std::env::var_os("UPDATE_SNAPSHOTS").is_some()
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

fn is_fixture(p: &Path) -> bool {
    let name = p.to_string_lossy();
    // `testdata/<rule>/<kind>/...`: the schemas at the top are not fixtures.
    p.components().count() >= 4
        && !name.ends_with(".expect")
        && !name.ends_with(".snap")
        && !name.ends_with(".ignore")
}

/// Every fixture file, sorted.
fn fixtures() -> Vec<PathBuf> {
    let mut files = Vec::new();
    files_under(Path::new(TESTDATA), &mut files);
    files.retain(|p| is_fixture(p));
    files.sort();
    files
}

fn slash(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

fn snapshot_of(fixture: &Path) -> PathBuf {
    PathBuf::from(format!("{}.snap", fixture.display()))
}

/// The comment markers of a fixture's kind; every kind's for a file cleartext does not read.
fn markers(path: &Path, text: &str) -> Vec<&'static str> {
    let head = &text.as_bytes()[..text.len().min(classify::SNIFF_LEN)];
    match classify::classify(path, head) {
        Some(kind) => kind.comment_markers().to_vec(),
        None => {
            let mut all: Vec<&str> = FileKind::ALL
                .iter()
                .flat_map(|k| k.comment_markers().iter().copied())
                .collect();
            all.sort();
            all.dedup();
            all
        }
    }
}

/// (line, rule) → intent, for one fixture file.
fn annotations(path: &Path) -> Result<BTreeMap<(usize, String), Intent>, String> {
    let mut out = BTreeMap::new();
    let sidecar = PathBuf::from(format!("{}.expect", path.display()));
    if let Ok(text) = std::fs::read_to_string(&sidecar) {
        for line in text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let bad = || format!("{}: bad line `{line}`", sidecar.display());
            let parts: Vec<&str> = line.split_whitespace().collect();
            let intent = match parts.first() {
                Some(&"expect") => Intent::Expect,
                Some(&"ok") => Intent::Ok,
                Some(&"todo-expect") => Intent::TodoExpect,
                Some(&"todo-ok") => Intent::TodoOk,
                _ => return Err(bad()),
            };
            let n: usize = parts.get(1).and_then(|n| n.parse().ok()).ok_or_else(bad)?;
            let rule = parts.get(2).ok_or_else(bad)?;
            out.insert((n, rule.to_string()), intent);
        }
    }
    let Ok(text) = std::fs::read_to_string(path) else {
        return Ok(out);
    };
    let markers = markers(path, &text);
    if markers.is_empty() {
        return Ok(out);
    }
    let alternatives: Vec<String> = markers.iter().map(|m| regex::escape(m)).collect();
    let re = regex::Regex::new(&format!(
        r"(?:^|\s)(?:{})\s*(todo-expect|todo-ok|expect|ok):\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)",
        alternatives.join("|")
    ))
    .unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let is_annotation_only = |l: &str| {
        let t = l.trim_start();
        re.is_match(l) && markers.iter().any(|m| t.starts_with(m))
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
            .ok_or_else(|| {
                format!(
                    "{}:{}: annotation with no code after it",
                    path.display(),
                    i + 1
                )
            })?;
        for rule in caps[2].split(',') {
            out.insert((target, rule.trim().to_string()), intent);
        }
    }
    Ok(out)
}

/// One fixture: its annotations hold, no pattern fires twice on one span, and its snapshot
/// shows what users see.
fn check_fixture(path: &Path) -> Result<(), Failed> {
    let known: BTreeSet<&str> = LINTER.lints.iter().map(|l| l.id.as_str()).collect();
    let shown = slash(path);
    let notes = annotations(path)?;
    let findings = FINDINGS.get(&shown).map_or(&[][..], Vec::as_slice);
    let found: BTreeSet<(usize, &str)> = findings
        .iter()
        .map(|f| (f.start.line, f.rule.as_str()))
        .collect();
    let mut problems = Vec::new();
    for ((line, rule), intent) in &notes {
        if !known.contains(rule.as_str()) {
            problems.push(format!(
                "{shown}:{line}: unknown rule `{rule}` in an annotation"
            ));
        }
        let hit = found.contains(&(*line, rule.as_str()));
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
    let mut duplicated = BTreeSet::new();
    for (i, f) in findings.iter().enumerate() {
        let key = (f.start.line, f.rule.clone());
        if !matches!(
            notes.get(&key),
            Some(Intent::Expect | Intent::TodoOk | Intent::Ok)
        ) {
            problems.push(format!(
                "Noisy    {shown}:{}:{}: {} ({})",
                f.start.line, f.start.column, f.rule, f.message
            ));
        }
        let twice = findings[..i]
            .iter()
            .any(|g| g.rule == f.rule && g.start == f.start && g.end == f.end);
        if twice {
            duplicated.insert((f.start.line, f.rule.as_str()));
        }
    }
    for (line, rule) in &duplicated {
        if !KNOWN_DUPLICATES.contains(&(shown.as_str(), *line, *rule)) {
            problems.push(format!(
                "Duplicate {shown}:{line}: {rule} matches twice on one span (two patterns, or \
                 one pattern reading the same fact twice)"
            ));
        }
    }
    for (path, line, rule) in KNOWN_DUPLICATES {
        if *path == shown && !duplicated.contains(&(*line, *rule)) {
            problems.push(format!(
                "Promoted {shown}:{line}: {rule} no longer matches twice; remove it from \
                 KNOWN_DUPLICATES"
            ));
        }
    }
    if let Some(p) = snapshot_problem(path, findings) {
        problems.push(p);
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n").into())
    }
}

/// Compares (or, blessing, writes) the fixture's snapshot: the human rendering of its findings
/// as a user sees them, with a rule's matches on one line merged.
fn snapshot_problem(path: &Path, findings: &[Finding]) -> Option<String> {
    let file = snapshot_of(path);
    let mut seen = Report {
        findings: findings.to_vec(),
        ..Report::default()
    };
    seen.finish();
    if seen.findings.is_empty() {
        // No findings, no snapshot: an old one is stale.
        if !file.exists() {
            return None;
        }
        if bless() {
            std::fs::remove_file(&file).unwrap();
            return None;
        }
        return Some(format!(
            "stale:   {} (the fixture has no findings; UPDATE_SNAPSHOTS=1 cargo test --test fixtures)",
            file.display()
        ));
    }
    let rendered = human::findings_to_string(&seen.findings);
    if bless() {
        std::fs::write(&file, &rendered).unwrap();
        return None;
    }
    match std::fs::read_to_string(&file) {
        Ok(old) if old == rendered => None,
        Ok(_) => Some(format!(
            "changed: {} (review, then UPDATE_SNAPSHOTS=1 cargo test --test fixtures)",
            file.display()
        )),
        Err(_) => Some(format!(
            "missing: {} (UPDATE_SNAPSHOTS=1 cargo test --test fixtures)",
            file.display()
        )),
    }
}

fn check(problems: Vec<String>) -> Result<(), Failed> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{} problem(s):\n{}", problems.len(), problems.join("\n")).into())
    }
}

fn prefilter_never_changes_findings() -> Result<(), Failed> {
    let key = |r: &Report| {
        r.findings
            .iter()
            .map(|f| format!("{}:{}:{}:{}", f.path, f.start.line, f.start.column, f.rule))
            .collect::<Vec<_>>()
    };
    let fast = scan(true);
    let slow = scan(false);
    if fast.findings.is_empty() {
        return Err("no findings in testdata/".into());
    }
    if key(&fast) != key(&slow) {
        return Err("the prefilter skipped a file that has findings".into());
    }
    Ok(())
}

fn every_finding_is_in_a_fixture_file() -> Result<(), Failed> {
    let files: BTreeSet<String> = fixtures().iter().map(|p| slash(p)).collect();
    let mut problems = Vec::new();
    for (path, findings) in FINDINGS.iter() {
        if !files.contains(path) {
            for f in findings {
                problems.push(format!(
                    "Noisy    {path}:{}: {} (outside any fixture file)",
                    f.start.line, f.rule
                ));
            }
        }
    }
    check(problems)
}

/// A snapshot whose fixture is gone (a fixture that is there checks its own).
fn every_snapshot_has_its_fixture() -> Result<(), Failed> {
    let mut files = Vec::new();
    files_under(Path::new(TESTDATA), &mut files);
    let mut problems = Vec::new();
    for snap in files
        .iter()
        .filter(|p| p.to_string_lossy().ends_with(".snap"))
    {
        let fixture = PathBuf::from(snap.to_string_lossy().trim_end_matches(".snap"));
        if !fixture.exists() {
            if bless() {
                std::fs::remove_file(snap).unwrap();
            } else {
                problems.push(format!(
                    "stale:   {} has no fixture (UPDATE_SNAPSHOTS=1 cargo test --test fixtures)",
                    snap.display()
                ));
            }
        }
    }
    check(problems)
}

/// Every (lint, kind) that has patterns has a fixture directory `testdata/<lint>/<kind>/` with
/// at least one `expect:` of the lint, or is listed in [`WITHOUT_FIXTURES`] with a reason.
fn every_lint_kind_with_patterns_has_fixtures() -> Result<(), Failed> {
    let mut problems = Vec::new();
    let mut covered = BTreeSet::new();
    for lint in &LINTER.lints {
        for kind in FileKind::ALL {
            if !lint.patterns.iter().any(|p| p.applies_to(kind)) {
                continue;
            }
            covered.insert((lint.id.as_str(), kind.name()));
            let dir = Path::new(TESTDATA).join(&lint.id).join(kind.name());
            let mut files = Vec::new();
            files_under(&dir, &mut files);
            files.retain(|p| is_fixture(p));
            let expects = files.iter().any(|p| {
                annotations(p).is_ok_and(|notes| {
                    notes
                        .iter()
                        .any(|((_, rule), intent)| rule == &lint.id && *intent == Intent::Expect)
                })
            });
            let listed = WITHOUT_FIXTURES
                .iter()
                .any(|(l, k, _)| *l == lint.id && *k == kind.name());
            match (expects, listed) {
                (false, false) => problems.push(format!(
                    "{}/{}: patterns but no fixture with an `expect: {}`: write {}/<situation>.<ext> \
                     (a positive and a near-miss), or list the pair in WITHOUT_FIXTURES with the reason",
                    lint.id,
                    kind.name(),
                    lint.id,
                    dir.display(),
                )),
                (true, true) => problems.push(format!(
                    "{}/{}: has fixtures now; remove it from WITHOUT_FIXTURES",
                    lint.id,
                    kind.name()
                )),
                _ => {}
            }
        }
    }
    for (lint, kind, _) in WITHOUT_FIXTURES {
        if !covered.contains(&(*lint, *kind)) {
            problems.push(format!(
                "{lint}/{kind}: in WITHOUT_FIXTURES but has no pattern for the kind; remove it"
            ));
        }
    }
    check(problems)
}

fn main() {
    let args = Arguments::from_args();
    let mut trials: Vec<Trial> = fixtures()
        .into_iter()
        .map(|path| {
            let name = slash(path.strip_prefix(TESTDATA).unwrap_or(&path));
            Trial::test(format!("fixture::{name}"), move || check_fixture(&path))
        })
        .collect();
    trials.extend([
        Trial::test(
            "tree::prefilter_never_changes_findings",
            prefilter_never_changes_findings,
        ),
        Trial::test(
            "tree::every_finding_is_in_a_fixture_file",
            every_finding_is_in_a_fixture_file,
        ),
        Trial::test(
            "tree::every_snapshot_has_its_fixture",
            every_snapshot_has_its_fixture,
        ),
        Trial::test(
            "meta::every_lint_kind_with_patterns_has_fixtures",
            every_lint_kind_with_patterns_has_fixtures,
        ),
    ]);
    libtest_mimic::run(&args, trials).exit();
}
