//! Project configuration: `cleartext.toml`, `.cleartext.toml` or `[tool.cleartext]` in
//! `pyproject.toml`, found from the scanned root upwards (or given with `--config`). Takes the
//! finished report and applies rule selection, severity overrides, path excludes, per-path
//! ignores and the treatment of test code. Unknown keys and bad values are errors that name the
//! file, line and the valid choices.
//!
//! A configuration file names no other file, so a config inside a scanned repository can never
//! make cleartext read anything outside it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::finding::{Finding, Report, Severity};
use crate::lint::Linter;

pub const FILE_NAMES: &[&str] = &["cleartext.toml", ".cleartext.toml"];

/// Paths treated as test code unless `test-paths` adds more: directories named like these at
/// any depth, and file names like these.
pub const DEFAULT_TEST_PATHS: &[&str] = &[
    "test/",
    "tests/",
    "testdata/",
    "fixtures/",
    "__tests__/",
    "*_test.*",
    "*.spec.*",
    "*.test.*",
    "test_*.py",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum FailOn {
    Note,
    Warning,
    Error,
    Never,
}

impl FailOn {
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Note => Some(Severity::Note),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Error => Some(Severity::Error),
            FailOn::Never => None,
        }
    }
}

/// What happens to findings in test code.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TestsMode {
    /// Reported at note severity: visible, but does not fail the default `fail-on`.
    #[default]
    Note,
    /// Reported like any other finding.
    Report,
    /// Not reported.
    Skip,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Severity>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    per_path_ignores: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
    fail_on: Option<FailOn>,
    #[serde(default)]
    internal_hosts: Vec<String>,
    certificate_expiry_days: Option<u32>,
    #[serde(default)]
    sensitive_fields: Vec<String>,
    #[serde(default)]
    test_paths: Vec<Spanned<String>>,
    tests: Option<TestsMode>,
}

#[derive(Deserialize)]
struct PyProject {
    tool: Option<PyTool>,
}

#[derive(Deserialize)]
struct PyTool {
    cleartext: Option<toml::Value>,
}

/// A loaded configuration. `Config::default()` is what applies when there is no file.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// The file it came from.
    pub file: Option<PathBuf>,
    /// The directory its path globs are relative to.
    pub root: Option<PathBuf>,
    select: Option<Vec<String>>,
    ignore: Vec<String>,
    severity: BTreeMap<String, Severity>,
    exclude: Option<GlobSet>,
    /// Globs without a `/`, which the walker can apply too.
    pub walk_excludes: Vec<String>,
    per_path: Vec<(GlobSet, Vec<String>)>,
    pub fail_on: Option<FailOn>,
    pub internal_hosts: Vec<String>,
    /// `certificate-expiry-days`: how soon before its end a certificate is reported.
    pub certificate_expiry_days: Option<u32>,
    /// `sensitive-fields`: more field names that hold regulated data.
    pub sensitive_fields: Vec<String>,
    /// `--compliance`: only the rules that map to one of these frameworks are reported.
    pub compliance: Vec<String>,
    tests: Option<GlobSet>,
    pub tests_mode: TestsMode,
}

/// Finds the configuration for a scan starting at `start` (a file or directory): the nearest
/// `cleartext.toml`, `.cleartext.toml` or `pyproject.toml` with a `[tool.cleartext]` table.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let abs = absolute(start);
    let dir = if abs.is_dir() {
        abs.as_path()
    } else {
        abs.parent()?
    };
    for d in dir.ancestors() {
        for name in FILE_NAMES {
            let p = d.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
        let py = d.join("pyproject.toml");
        if py.is_file() && std::fs::read_to_string(&py).is_ok_and(|t| t.contains("tool.cleartext"))
        {
            return Some(py);
        }
    }
    None
}

/// An absolute path without `.` components (`..` is kept: symlinks make it unsafe to fold).
fn absolute(p: &Path) -> PathBuf {
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    joined
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

/// How a config file is named in messages: relative to the current directory when under it.
fn shown(path: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    crate::walk::display_path(&absolute(path), &cwd)
}

/// Line and column (1-based) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rsplit_once('\n')
        .map_or(before, |(_, l)| l)
        .chars()
        .count()
        + 1;
    (line, col)
}

/// Keys other tools use to pull in more files. A config found inside a scanned repository is
/// the repository's to write, so it must not make cleartext read anything outside the tree:
/// these get a message that says so, not serde's list of valid keys.
const FILE_KEYS: &[&str] = &[
    "include", "extend", "extends", "config", "baseline", "lints",
];

fn refuse_file_keys(text: &str, at: &dyn Fn(usize, String) -> String) -> Result<(), String> {
    let Ok(table) = text.parse::<toml::Table>() else {
        // A syntax error is reported, with its position, by the typed parse that follows.
        return Ok(());
    };
    match FILE_KEYS.iter().find(|k| table.contains_key(**k)) {
        None => Ok(()),
        Some(key) => {
            // The line that sets it (a top-level key starts its line).
            let mut offset = 0;
            for line in text.split_inclusive('\n') {
                if line.trim_start().starts_with(key) {
                    offset += line.len() - line.trim_start().len();
                    break;
                }
                offset += line.len();
            }
            Err(at(
                offset,
                format!(
                    "`{key}` is refused: a configuration names no other file or directory, so one \
                     inside a scanned repository cannot make cleartext read outside it (give a \
                     baseline or config with --baseline / --config)"
                ),
            ))
        }
    }
}

/// Reads a configuration file. Errors are ready to print: `file:line:col: what; valid: ...`.
pub fn load(path: &Path, linter: &Linter) -> Result<Config, String> {
    let shown = shown(path);
    let text = std::fs::read_to_string(path).map_err(|e| format!("{shown}: cannot read: {e}"))?;
    parse(&text, path, linter)
}

pub fn parse(text: &str, path: &Path, linter: &Linter) -> Result<Config, String> {
    let shown = shown(path);
    let at = |offset: usize, msg: String| {
        let (l, c) = line_col(text, offset);
        format!("{shown}:{l}:{c}: {msg}")
    };
    let toml_err = |e: toml::de::Error| {
        let offset = e.span().map_or(0, |s| s.start);
        at(offset, e.message().trim().to_string())
    };
    let is_pyproject = path.file_name().is_some_and(|n| n == "pyproject.toml");
    let raw: Raw = if is_pyproject {
        // Parse the table in place so spans stay offsets into the whole file.
        let doc: PyProject = toml::from_str(text).map_err(toml_err)?;
        match doc.tool.and_then(|t| t.cleartext) {
            None => return Ok(Config::default()),
            Some(_) => {
                #[derive(Deserialize)]
                struct Py {
                    tool: PyT,
                }
                #[derive(Deserialize)]
                struct PyT {
                    cleartext: Raw,
                }
                let py: Py = toml::from_str(text).map_err(toml_err)?;
                py.tool.cleartext
            }
        }
    } else {
        refuse_file_keys(text, &at)?;
        toml::from_str(text).map_err(toml_err)?
    };

    let rule_ids: Vec<&str> = linter.lints.iter().map(|l| l.id.as_str()).collect();
    let check_rule = |r: &Spanned<String>, categories_ok: bool| -> Result<String, String> {
        let v = r.get_ref();
        let group = v == "in-transit"
            || v == "at-rest"
            || crate::lint::catalog::FRAMEWORKS.iter().any(|f| f.key == v);
        let ok = rule_ids.contains(&v.as_str()) || (categories_ok && group);
        if ok {
            Ok(v.clone())
        } else {
            Err(at(
                r.span().start,
                format!(
                    "unknown rule `{v}`; valid: {}{}",
                    if categories_ok {
                        "in-transit, at-rest, pci-dss, hipaa, soc2, nist-800-53, "
                    } else {
                        ""
                    },
                    rule_ids.join(", ")
                ),
            ))
        }
    };
    let glob_set = |globs: &[Spanned<String>]| -> Result<GlobSet, String> {
        let mut b = GlobSetBuilder::new();
        for g in globs {
            b.add(
                path_glob(g.get_ref())
                    .map_err(|e| at(g.span().start, format!("bad glob `{}`: {e}", g.get_ref())))?,
            );
        }
        b.build().map_err(|e| format!("{shown}: {e}"))
    };

    let select = match &raw.select {
        Some(list) => Some(
            list.iter()
                .map(|r| check_rule(r, true))
                .collect::<Result<Vec<_>, _>>()?,
        ),
        None => None,
    };
    let ignore = raw
        .ignore
        .iter()
        .map(|r| check_rule(r, true))
        .collect::<Result<Vec<_>, _>>()?;
    let mut severity = BTreeMap::new();
    for (k, v) in &raw.severity {
        severity.insert(check_rule(k, false)?, *v);
    }
    let exclude = (!raw.exclude.is_empty())
        .then(|| glob_set(&raw.exclude))
        .transpose()?;
    let walk_excludes = raw
        .exclude
        .iter()
        .map(|g| g.get_ref().clone())
        .filter(|g| !g.trim_end_matches('/').contains('/'))
        .collect();
    let mut per_path = Vec::new();
    for (glob, rules) in &raw.per_path_ignores {
        let set = glob_set(std::slice::from_ref(glob))?;
        let rules = rules
            .iter()
            .map(|r| check_rule(r, true))
            .collect::<Result<Vec<_>, _>>()?;
        per_path.push((set, rules));
    }
    let mut test_globs: Vec<Spanned<String>> = Vec::new();
    let mut tests_builder = GlobSetBuilder::new();
    for g in DEFAULT_TEST_PATHS {
        if let Ok(glob) = path_glob(g) {
            tests_builder.add(glob);
        }
    }
    test_globs.extend(raw.test_paths.iter().cloned());
    for g in &test_globs {
        tests_builder.add(
            path_glob(g.get_ref())
                .map_err(|e| at(g.span().start, format!("bad glob `{}`: {e}", g.get_ref())))?,
        );
    }
    let tests = tests_builder.build().map_err(|e| format!("{shown}: {e}"))?;

    Ok(Config {
        file: Some(path.to_path_buf()),
        root: Some(
            absolute(path)
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default(),
        ),
        select,
        ignore,
        severity,
        exclude,
        walk_excludes,
        per_path,
        fail_on: raw.fail_on,
        internal_hosts: raw.internal_hosts,
        certificate_expiry_days: raw.certificate_expiry_days,
        compliance: Vec::new(),
        sensitive_fields: raw.sensitive_fields,
        tests: Some(tests),
        tests_mode: raw.tests.unwrap_or_default(),
    })
}

/// A path glob, gitignore-like: without a `/` it matches a name at any depth; with one it is
/// anchored at the config's directory; a trailing `/` means "everything under this directory".
fn path_glob(g: &str) -> Result<Glob, globset::Error> {
    let mut pat = g.trim().to_string();
    if let Some(dir) = pat.strip_suffix('/') {
        pat = format!("{dir}/**");
    }
    let anchored = pat.trim_end_matches("/**").contains('/');
    let pat = match pat.strip_prefix('/') {
        Some(rest) => rest.to_string(),
        None if anchored => pat,
        None => format!("**/{pat}"),
    };
    GlobBuilder::new(&pat).literal_separator(true).build()
}

fn default_tests() -> &'static GlobSet {
    static SET: std::sync::OnceLock<GlobSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let mut b = GlobSetBuilder::new();
        for g in DEFAULT_TEST_PATHS {
            if let Ok(glob) = path_glob(g) {
                b.add(glob);
            }
        }
        b.build().unwrap_or_else(|_| GlobSet::empty())
    })
}

impl Config {
    /// The path globs are matched against: relative to the config's directory when the file
    /// is under it, else the displayed path.
    pub fn rel_path(&self, display: &str, cwd: &Path) -> String {
        let p = Path::new(display);
        let abs = if p.is_absolute() {
            p.to_path_buf()
        } else {
            cwd.join(p)
        };
        if let Some(root) = &self.root {
            if let Ok(rel) = abs.strip_prefix(root) {
                return slash(rel);
            }
        }
        slash(p)
    }

    pub fn is_test_path(&self, rel: &str) -> bool {
        self.tests
            .as_ref()
            .unwrap_or_else(|| default_tests())
            .is_match(rel)
    }

    pub fn is_excluded(&self, rel: &str) -> bool {
        self.exclude.as_ref().is_some_and(|s| s.is_match(rel))
    }

    fn rule_enabled(&self, f: &Finding, rel: &str) -> bool {
        let maps_to = |framework: &String| !f.compliance.requirements(framework).is_empty();
        let named = |list: &[String]| {
            list.iter()
                .any(|r| *r == f.rule || r == f.category || maps_to(r))
        };
        if !self.compliance.is_empty() && !self.compliance.iter().any(maps_to) {
            return false;
        }
        if let Some(select) = &self.select {
            if !named(select) {
                return false;
            }
        }
        if named(&self.ignore) {
            return false;
        }
        !self
            .per_path
            .iter()
            .any(|(set, rules)| set.is_match(rel) && named(rules))
    }

    /// One finding after configuration: dropped (None) or with its severity adjusted.
    pub fn adjust(&self, mut f: Finding, cwd: &Path) -> Option<Finding> {
        let rel = self.rel_path(&f.path, cwd);
        if self.is_excluded(&rel) || !self.rule_enabled(&f, &rel) {
            return None;
        }
        if let Some(s) = self.severity.get(&f.rule) {
            f.severity = *s;
        }
        if self.is_test_path(&rel) {
            match self.tests_mode {
                TestsMode::Note => f.severity = Severity::Note,
                TestsMode::Report => {}
                TestsMode::Skip => return None,
            }
        }
        Some(f)
    }

    /// Applies the configuration to a finished report.
    pub fn apply(&self, report: &mut Report, cwd: &Path) {
        let findings = std::mem::take(&mut report.findings);
        report.findings = findings
            .into_iter()
            .filter_map(|f| self.adjust(f, cwd))
            .collect();
        let suppressed = std::mem::take(&mut report.suppressed);
        report.suppressed = suppressed
            .into_iter()
            .filter_map(|f| self.adjust(f, cwd))
            .collect();
        let excluded = |p: &str| self.is_excluded(&self.rel_path(p, cwd));
        report.errors.retain(|e| !excluded(&e.path));
        report.skipped.retain(|s| !excluded(&s.path));
        report.notices.retain(|n| !excluded(&n.path));
        report.summary.findings = report.findings.len();
        report.summary.suppressed = report.suppressed.len();
        report.summary.files_skipped = report.skipped.len();
    }
}

fn slash(p: &Path) -> String {
    let mut parts = Vec::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::RootDir => parts.push(String::new()),
            other => parts.push(other.as_os_str().to_string_lossy().into_owned()),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(globs: &[&str]) -> GlobSet {
        let mut b = GlobSetBuilder::new();
        for g in globs {
            b.add(path_glob(g).unwrap());
        }
        b.build().unwrap()
    }

    #[test]
    fn default_test_paths() {
        let s = default_tests();
        for p in [
            "tests/a.py",
            "src/test/x.rs",
            "pkg/testdata/k.pem",
            "web/fixtures/a.json",
            "api/client_test.go",
            "ui/app.spec.ts",
            "test_client.py",
            "pkg/test_client.py",
        ] {
            assert!(s.is_match(p), "{p}");
        }
        for p in ["src/client.py", "contest/a.py", "latest.py", "attest_x.py"] {
            assert!(!s.is_match(p), "{p}");
        }
    }

    #[test]
    fn anchored_and_unanchored_globs() {
        let s = set(&["vendor/", "/build/*.py", "docs/**/*.md"]);
        assert!(s.is_match("vendor/a.py"));
        assert!(s.is_match("x/vendor/a.py"));
        assert!(s.is_match("build/a.py"));
        assert!(!s.is_match("build/sub/a.py"));
        assert!(!s.is_match("x/build/a.py"));
        assert!(s.is_match("docs/a/b.md"));
    }

    #[test]
    fn line_and_column_of_offsets() {
        assert_eq!(line_col("a\nbé = 1\n", 5), (2, 3));
    }
}
