//! The schema of `lints/*.toml` and the catalog loaded from it. Unknown keys are errors, so a
//! typo in a lint file fails the schema test instead of silently matching nothing.

use serde::Deserialize;

use crate::classify::FileKind;
use crate::finding::Severity;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/lints.rs"));
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Lint {
    pub id: String,
    pub category: Category,
    pub severity: Severity,
    pub cwe: Vec<String>,
    /// One line: what the lint finds.
    pub summary: String,
    /// The default finding message (short, lower-case, one line).
    pub message: String,
    /// What to do about it.
    pub help: String,
    pub docs: Docs,
    #[serde(default, rename = "pattern")]
    pub patterns: Vec<Pattern>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    InTransit,
    AtRest,
}

impl Category {
    pub fn name(self) -> &'static str {
        match self {
            Category::InTransit => "in-transit",
            Category::AtRest => "at-rest",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Docs {
    pub why: String,
    pub fix: String,
    #[serde(default, rename = "example")]
    pub examples: Vec<Example>,
}

/// A documentation example that is also a test: `bad` must give exactly one finding of the
/// lint, `good` none.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Example {
    /// The file name the example is checked as (`client.py`, `main.tf`, `.npmrc`).
    pub file: String,
    pub bad: String,
    pub good: String,
}

/// One way a lint can match. Exactly one subject (`call`, `assign`, `entry`, `env`, `command`,
/// `directive`, `check`) says what kind of fact it looks at; the rest narrows it down.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Pattern {
    pub kinds: Vec<String>,

    /// Callee globs (`requests.get`, `requests.Session().*`); `*` spans dots.
    #[serde(default)]
    pub call: Vec<String>,
    /// Assignment-target globs (`SECURE_HSTS_SECONDS`, `*.check_hostname`).
    #[serde(default)]
    pub assign: Vec<String>,
    /// Dict/object/mapping key-path globs, matched against the end of the path (`sslmode`,
    /// `OPTIONS.sslmode`, `ssl.rejectUnauthorized`).
    #[serde(default)]
    pub entry: Vec<String>,
    /// Environment variable names.
    #[serde(default)]
    pub env: Vec<String>,
    /// Program names of shell commands.
    #[serde(default)]
    pub command: Vec<String>,
    /// Config directive names, case-insensitive.
    #[serde(default)]
    pub directive: Vec<String>,
    /// A check written in Rust (see `lint::checks`), for what patterns cannot say.
    pub check: Option<String>,

    /// For `call`: the argument to test, by keyword or options-object key.
    pub arg: Option<String>,
    /// For `call`: the argument to test, by 0-based position.
    pub pos: Option<usize>,
    /// The value test. Without it, the subject alone matches.
    #[serde(rename = "is")]
    pub is: Option<ValueTest>,
    /// All of these must hold too.
    #[serde(default)]
    pub when: Vec<Condition>,
    /// None of these may hold.
    #[serde(default)]
    pub unless: Vec<Condition>,
    /// For `command`: flags any of which must be present (`-k`, `--insecure`; `--opt=value`
    /// matches `--opt`).
    #[serde(default)]
    pub flags: Vec<String>,
    /// For `directive`: the enclosing section glob (`http.server`).
    pub section: Option<String>,

    /// Words a file must contain for a `check` to be worth running (prefilter): one of them,
    /// with the markers of `require`.
    #[serde(default)]
    pub literals: Vec<String>,
    /// More words a `check` needs (prefilter): one word of every list. `\\b` at a word's start
    /// or end: nothing identifier-like may touch it on that side (`enc\\b` is in `data_enc`
    /// and `dataEnc`, not in `encoded`); `\\p` at its end: a new part of a name follows, `_`
    /// or a capital after a small letter or digit (`enc\\p` is in `enc_data` and `encData`,
    /// not in `encode` or `ACCEPT_ENCODING`).
    #[serde(default)]
    pub require: Vec<Vec<String>>,
    /// Overrides the lint's message for this pattern.
    pub message: Option<String>,
    /// Overrides the lint's severity for this pattern.
    pub severity: Option<Severity>,
    /// Free-form parameters for a check or a value test (`min = 31536000`).
    #[serde(default)]
    pub params: toml::Table,
}

/// A test on one value. Every given field must hold.
#[derive(Debug, Default, Deserialize, Clone)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ValueTest {
    /// Equal to one of these (bool, integer or string; strings also match a `Name` whose
    /// last segment or whole name is equal, and compare without case when `nocase`).
    #[serde(default)]
    pub equals: Vec<toml::Value>,
    /// A qualified name (`ssl.CERT_NONE`); globs allowed.
    #[serde(default)]
    pub name: Vec<String>,
    /// The value is a call of one of these callees (`cryptography.hazmat.primitives.ciphers.modes.ECB`).
    #[serde(default)]
    pub call: Vec<String>,
    /// The string value matches this regex.
    pub regex: Option<String>,
    /// An integer strictly below this.
    pub below: Option<i64>,
    /// The argument or key is absent (`absent = true`) or present (`absent = false`).
    pub absent: Option<bool>,
    /// A named predicate written in Rust (see `lint::predicates`).
    pub check: Option<String>,
    #[serde(default)]
    pub nocase: bool,
    /// `regex`, compiled on first use and shared by every thread.
    #[serde(skip)]
    compiled: std::sync::OnceLock<Option<regex::Regex>>,
}

impl ValueTest {
    pub fn compiled_regex(&self) -> Option<&regex::Regex> {
        self.compiled
            .get_or_init(|| {
                self.regex
                    .as_deref()
                    .and_then(|r| regex::Regex::new(r).ok())
            })
            .as_ref()
    }
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Condition {
    pub arg: Option<String>,
    pub pos: Option<usize>,
    #[serde(rename = "is")]
    pub is: ValueTest,
}

impl Pattern {
    pub fn applies_to(&self, kind: FileKind) -> bool {
        self.kinds.iter().any(|k| k == kind.name())
    }
}

/// Every lint, parsed from the embedded files. A bad lint file is a build-time mistake, so the
/// error names the file and is reported as a configuration error (exit 2).
/// The built-in catalog, read from the JSON copies of the lint files (see build.rs).
pub fn load() -> Result<Vec<Lint>, String> {
    let mut lints = Vec::new();
    for (name, _, json) in embedded::LINT_FILES {
        let lint = serde_json::from_str(json).map_err(|e| format!("lints/{name}: {e}"))?;
        // build.rs refused to embed a file with a regex that does not parse.
        lints.push(checked(name, lint, Regexes::CheckedAtBuild)?);
    }
    lints.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(lints)
}

/// The built-in catalog read from the TOML lint files themselves, as [`load`] did before it
/// read the JSON copies: the tests compare the two.
pub fn load_toml() -> Result<Vec<Lint>, String> {
    let mut lints = Vec::new();
    for (name, toml, _) in embedded::LINT_FILES {
        lints.push(parse(name, toml)?);
    }
    lints.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(lints)
}

pub fn parse(name: &str, text: &str) -> Result<Lint, String> {
    let lint: Lint = toml::from_str(text).map_err(|e| format!("lints/{name}: {e}"))?;
    checked(name, lint, Regexes::Check)
}

/// Whether [`checked`] parses the patterns' regexes.
#[derive(Clone, Copy, PartialEq)]
enum Regexes {
    Check,
    CheckedAtBuild,
}

/// `lint` as read from the file `name`, once its id and patterns are known to be sound.
fn checked(name: &str, lint: Lint, regexes: Regexes) -> Result<Lint, String> {
    if format!("{}.toml", lint.id) != name {
        return Err(format!(
            "lints/{name}: id `{}` does not match the file name",
            lint.id
        ));
    }
    for (i, p) in lint.patterns.iter().enumerate() {
        validate_pattern(p, regexes)
            .map_err(|e| format!("lints/{name}: pattern {}: {e}", i + 1))?;
    }
    Ok(lint)
}

fn validate_pattern(p: &Pattern, regexes: Regexes) -> Result<(), String> {
    let subjects = [
        !p.call.is_empty(),
        !p.assign.is_empty(),
        !p.entry.is_empty(),
        !p.env.is_empty(),
        !p.command.is_empty(),
        !p.directive.is_empty(),
        p.check.is_some(),
    ];
    let n = subjects.iter().filter(|s| **s).count();
    if n != 1 && !(p.check.is_some() && n == 2) {
        return Err("needs exactly one of call, assign, entry, env, command, directive, check (check may narrow another subject)".into());
    }
    if p.kinds.is_empty() {
        return Err("lists no kinds".into());
    }
    for k in &p.kinds {
        if FileKind::from_name(k).is_none() {
            return Err(format!("unknown kind `{k}`"));
        }
    }
    if regexes == Regexes::CheckedAtBuild {
        return Ok(());
    }
    // Syntax only: compiling every regex of every lint cost a third of a one-file run's
    // start-up; each is compiled on first use (and all of them by a test).
    let tests =
        p.is.iter()
            .chain(p.when.iter().chain(&p.unless).map(|c| &c.is));
    for r in tests.filter_map(|t| t.regex.as_deref()) {
        regex_syntax::Parser::new()
            .parse(r)
            .map_err(|e| format!("bad regex: {e}"))?;
    }
    Ok(())
}
