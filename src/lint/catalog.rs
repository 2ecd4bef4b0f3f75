//! The schema of `lints/*.toml` and the catalog loaded from it. Unknown keys are errors, so a
//! typo in a lint file fails the schema test instead of silently matching nothing.

use serde::Deserialize;
use std::collections::BTreeMap;

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
    /// The compliance requirements a finding of the lint breaks.
    #[serde(default)]
    pub compliance: Compliance,
    #[serde(default, rename = "pattern")]
    pub patterns: Vec<Pattern>,
}

/// Requirement ids of the compliance frameworks ([`FRAMEWORKS`]) a lint maps to, each in the
/// framework's own numbering: PCI DSS `3.5.1`, HIPAA `164.312(e)(1)`, SOC 2 `CC6.7`, NIST
/// SP 800-53 `SC-28(1)`.
#[derive(Clone, Debug, Default, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Compliance {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pci_dss: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hipaa: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub soc2: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nist_800_53: Vec<String>,
}

/// A compliance framework: its key in `[compliance]`, `--compliance` and `select`, and how
/// reports name it.
pub struct Framework {
    pub key: &'static str,
    pub name: &'static str,
    pub version: &'static str,
    pub organization: &'static str,
    pub uri: &'static str,
}

pub const FRAMEWORKS: &[Framework] = &[
    Framework {
        key: "pci-dss",
        name: "PCI DSS",
        version: "4.0.1",
        organization: "PCI Security Standards Council",
        uri: "https://www.pcisecuritystandards.org/document_library/",
    },
    Framework {
        key: "hipaa",
        name: "HIPAA Security Rule",
        version: "45 CFR Part 164 Subpart C",
        organization: "U.S. Department of Health and Human Services",
        uri: "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C",
    },
    Framework {
        key: "soc2",
        name: "SOC 2 Trust Services Criteria",
        version: "2017 (revised points of focus 2022)",
        organization: "AICPA",
        uri: "https://www.aicpa-cima.com/resources/download/2017-trust-services-criteria-with-revised-points-of-focus-2022",
    },
    Framework {
        key: "nist-800-53",
        name: "NIST SP 800-53",
        version: "Rev. 5",
        organization: "National Institute of Standards and Technology",
        uri: "https://csrc.nist.gov/pubs/sp/800/53/r5/upd1/final",
    },
];

impl Compliance {
    /// The lint's requirements in the framework with this key (none for an unknown key).
    pub fn requirements(&self, key: &str) -> &[String] {
        match key {
            "pci-dss" => &self.pci_dss,
            "hipaa" => &self.hipaa,
            "soc2" => &self.soc2,
            "nist-800-53" => &self.nist_800_53,
            _ => &[],
        }
    }

    /// Each framework the lint maps to, with its requirements, in [`FRAMEWORKS`] order.
    pub fn frameworks(&self) -> impl Iterator<Item = (&'static Framework, &[String])> {
        FRAMEWORKS
            .iter()
            .map(|f| (f, self.requirements(f.key)))
            .filter(|(_, r)| !r.is_empty())
    }

    pub fn is_empty(&self) -> bool {
        self.frameworks().next().is_none()
    }

    /// `PCI DSS 3.5.1; HIPAA Security Rule 164.312(a)(2)(iv); ...`, for text output.
    pub fn summary(&self) -> String {
        self.frameworks()
            .map(|(f, r)| format!("{} {}", f.name, r.join(", ")))
            .collect::<Vec<_>>()
            .join("; ")
    }
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

/// Groups of file kinds a pattern can name as one (`kinds = ["@shell"]`), defined here once so
/// that a new kind that reads shell commands or sets environment variables joins every pattern
/// of its group by one edit.
pub const KIND_GROUPS: &[(&str, &[&str])] = &[
    // Every kind whose shell commands are read: scripts, Dockerfile `RUN`, compose `command`,
    // CI `run:`/`script:` steps, Ansible `shell`/`command` tasks.
    (
        "@shell",
        &[
            "shell",
            "dockerfile",
            "compose",
            "github-actions",
            "gitlab-ci",
            "ansible",
        ],
    ),
    // Every kind that sets environment variables for a process: the `@shell` kinds and dotenv.
    (
        "@env",
        &[
            "shell",
            "dockerfile",
            "dotenv",
            "compose",
            "github-actions",
            "gitlab-ci",
            "ansible",
        ],
    ),
    ("@js", &["javascript", "typescript"]),
    // Pages: HTML and the templates and components that are mostly HTML, whose elements are
    // facts (resources named by tag) and whose inline scripts are lowered as JavaScript.
    ("@pages", &["html", "jinja", "erb", "vue", "svelte"]),
    // Spring Boot's two configuration formats.
    ("@spring", &["properties", "spring-yaml"]),
];

/// `require-in` with a `@group` key given to each member of the group (a member named on its
/// own as well gets both lists).
fn expand_require_in(
    by_kind: BTreeMap<String, Vec<Vec<String>>>,
) -> Result<BTreeMap<String, Vec<Vec<String>>>, String> {
    let mut out: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
    for (key, lists) in by_kind {
        for kind in expand_kind_groups(std::slice::from_ref(&key))? {
            out.entry(kind).or_default().extend(lists.iter().cloned());
        }
    }
    Ok(out)
}

/// `kinds` with every `@group` replaced by its members, in order and without repeats.
fn expand_kind_groups(kinds: &[String]) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    for k in kinds {
        let members: Vec<&str> = match k.strip_prefix('@') {
            Some(_) => KIND_GROUPS
                .iter()
                .find(|(name, _)| name == k)
                .map(|(_, m)| m.to_vec())
                .ok_or_else(|| {
                    let names: Vec<&str> = KIND_GROUPS.iter().map(|(n, _)| *n).collect();
                    format!("unknown kind group `{k}` (groups: {})", names.join(", "))
                })?,
            None => vec![k.as_str()],
        };
        for m in members {
            if !out.iter().any(|o| o == m) {
                out.push(m.to_string());
            }
        }
    }
    Ok(out)
}

/// One way a lint can match. Exactly one subject (`call`, `assign`, `entry`, `env`, `command`,
/// `directive`, `resource`, `check`) says what kind of fact it looks at; the rest narrows it
/// down.
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
    /// Infrastructure resource type globs (`aws_db_instance`, `AWS::RDS::DBInstance`,
    /// `security.istio.io/PeerAuthentication`).
    #[serde(default)]
    pub resource: Vec<String>,
    /// A check written in Rust (see `lint::checks`), for what patterns cannot say.
    pub check: Option<String>,

    /// For `resource`: the attribute to test (see [`AttrPath`]), or several, any of which.
    /// A missing attribute stands for the provider's default: `is = { absent = true }` makes
    /// its absence the finding, reported at the deepest block of the path that exists.
    #[serde(default)]
    pub attr: AttrPaths,
    /// For `resource`: the unit (a Terraform module, a template) must also declare a resource
    /// of one of these types for the pattern to apply.
    #[serde(default)]
    pub unit_has: Vec<String>,
    /// For `resource`: a resource of one of these types anywhere in the unit exempts every
    /// resource (account-wide defaults such as `aws_ebs_encryption_by_default`).
    #[serde(default)]
    pub unless_unit_has: Vec<String>,

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
    /// not in `encode` or `ACCEPT_ENCODING`); `\\<` at its start and `\\>` at its end: a
    /// word of a name may start or end there, as names split into words (`\\<card` is in
    /// `card_no`, `oldCard` and `CARD`, not in `discard`); `\\q` at its start: right after a
    /// quote, in program source (`\\qhttp:` is in `src="http://x"`, not in a licence header's
    /// `http://www.apache.org`).
    #[serde(default)]
    pub require: Vec<Vec<String>>,
    /// More `require` lists for one file kind or kind group only (`require-in.go =
    /// [["gorm", ...]]`, `require-in."@js"`): a
    /// check over several kinds whose files are worth reading for different reasons (a Go
    /// struct tag, a TypeORM decorator) keeps one pattern and one copy of its params.
    #[serde(default)]
    pub require_in: BTreeMap<String, Vec<Vec<String>>>,
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
    /// An integer strictly above this.
    pub above: Option<i64>,
    /// The argument or key is absent (`absent = true`) or present (`absent = false`).
    pub absent: Option<bool>,
    /// A named predicate written in Rust (see `lint::predicates`).
    pub check: Option<String>,
    #[serde(default)]
    pub nocase: bool,
    /// For `check = "key-material"`: the shortest literal that counts as a key (default 8:
    /// shorter strings in a key position are mostly placeholders; an API whose argument can
    /// only be key bytes, such as `createCipheriv`, lowers it to 1).
    pub min_key_len: Option<usize>,
    /// For `check = "weak-cipher-list"`: a list naming a full non-AEAD (CBC) suite is weak too,
    /// where the code picks suites one by one (application code, not a server's alias list).
    #[serde(default)]
    pub non_aead: bool,
    /// For `check = "plaintext-url"`: a host that is not written out (a template variable,
    /// `http://{{ cdn }}/app.js`) counts as remote too; only a written loopback host is exempt.
    /// For URLs whose scheme alone is the mistake (a page loading a script over HTTP).
    #[serde(default)]
    pub any_host: bool,
    /// For `check = "plaintext-url"`: the schemes that carry data in plaintext.
    #[serde(default = "plaintext_schemes")]
    pub schemes: Vec<String>,
    /// Compare as infrastructure providers coerce attribute values: `"false"` equals `false`,
    /// `"0"` equals `0`, strings without case, `"7776000s"` is a number of seconds. Set on
    /// the tests of every `resource` pattern when the catalog is loaded.
    #[serde(skip)]
    pub coerce: bool,
    /// `regex`, compiled on first use and shared by every thread.
    #[serde(skip)]
    compiled: std::sync::OnceLock<Option<regex::Regex>>,
}

fn plaintext_schemes() -> Vec<String> {
    ["http", "ws", "ftp"].map(String::from).to_vec()
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
    /// For `resource` patterns: the attribute the test is on.
    pub attr: Option<AttrPath>,
    pub arg: Option<String>,
    pub pos: Option<usize>,
    #[serde(rename = "is")]
    pub is: ValueTest,
}

/// A path to an attribute inside a resource: keys separated by dots, a key that holds a dot
/// in double quotes (`Parameters."rds.force_ssl"`). A list on the way fans out to each element;
/// a `*` key stands for every entry of a map (`listeners.*.protocol`, maps keyed by name).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AttrPath(pub Vec<String>);

impl AttrPath {
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut keys = Vec::new();
        let mut rest = text;
        loop {
            let (key, after) = if let Some(quoted) = rest.strip_prefix('"') {
                let end = quoted
                    .find('"')
                    .ok_or_else(|| format!("unclosed quote in attribute path `{text}`"))?;
                (&quoted[..end], &quoted[end + 1..])
            } else {
                let end = rest.find('.').unwrap_or(rest.len());
                (&rest[..end], &rest[end..])
            };
            if key.is_empty() {
                return Err(format!("empty key in attribute path `{text}`"));
            }
            keys.push(key.to_string());
            match after.strip_prefix('.') {
                Some(next) => rest = next,
                None if after.is_empty() => break,
                None => return Err(format!("expected `.` after a quoted key in `{text}`")),
            }
        }
        Ok(AttrPath(keys))
    }
}

impl<'de> Deserialize<'de> for AttrPath {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        AttrPath::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// One attribute path or a list of alternatives.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AttrPaths(pub Vec<AttrPath>);

impl<'de> Deserialize<'de> for AttrPaths {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A visitor rather than an untagged enum, so that a bad path's own error is the one
        // reported.
        struct Paths;
        impl<'de> serde::de::Visitor<'de> for Paths {
            type Value = AttrPaths;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an attribute path or a list of them")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<AttrPaths, E> {
                AttrPath::parse(v)
                    .map(|p| AttrPaths(vec![p]))
                    .map_err(E::custom)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<AttrPaths, A::Error> {
                let mut paths = Vec::new();
                while let Some(p) = seq.next_element::<AttrPath>()? {
                    paths.push(p);
                }
                Ok(AttrPaths(paths))
            }
        }
        d.deserialize_any(Paths)
    }
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
fn checked(name: &str, mut lint: Lint, regexes: Regexes) -> Result<Lint, String> {
    if format!("{}.toml", lint.id) != name {
        return Err(format!(
            "lints/{name}: id `{}` does not match the file name",
            lint.id
        ));
    }
    for (i, p) in lint.patterns.iter_mut().enumerate() {
        let at = |e: String| format!("lints/{name}: pattern {}: {e}", i + 1);
        p.kinds = expand_kind_groups(&p.kinds).map_err(at)?;
        p.require_in = expand_require_in(std::mem::take(&mut p.require_in)).map_err(at)?;
    }
    for (i, p) in lint.patterns.iter().enumerate() {
        validate_pattern(p, regexes)
            .map_err(|e| format!("lints/{name}: pattern {}: {e}", i + 1))?;
    }
    for p in lint.patterns.iter_mut().filter(|p| !p.resource.is_empty()) {
        let tests = p.is.iter_mut().chain(
            p.when
                .iter_mut()
                .chain(p.unless.iter_mut())
                .map(|c| &mut c.is),
        );
        for t in tests {
            t.coerce = true;
        }
    }
    Ok(lint)
}

/// `attr`, `unit-has` and `unless-unit-has` belong to resource patterns, whose conditions name
/// an `attr` and never an argument.
fn validate_resource_fields(p: &Pattern) -> Result<(), String> {
    let conditions = || p.when.iter().chain(&p.unless);
    if p.resource.is_empty() {
        if !p.attr.0.is_empty() || !p.unit_has.is_empty() || !p.unless_unit_has.is_empty() {
            return Err("attr, unit-has and unless-unit-has need a resource subject".into());
        }
        if conditions().any(|c| c.attr.is_some()) {
            return Err("a condition names attr without a resource subject".into());
        }
        return Ok(());
    }
    if p.check.is_some() {
        return Err("a resource pattern cannot also name a check".into());
    }
    if p.arg.is_some() || p.pos.is_some() {
        return Err("a resource pattern tests an attr, not an arg or pos".into());
    }
    if p.attr.0.is_empty() && p.is.is_some() {
        return Err("a resource pattern with a value test needs an attr".into());
    }
    if conditions().any(|c| c.attr.is_none() || c.arg.is_some() || c.pos.is_some()) {
        return Err(
            "every condition of a resource pattern names an attr (and no arg or pos)".into(),
        );
    }
    Ok(())
}

fn validate_pattern(p: &Pattern, regexes: Regexes) -> Result<(), String> {
    let subjects = [
        !p.call.is_empty(),
        !p.assign.is_empty(),
        !p.entry.is_empty(),
        !p.env.is_empty(),
        !p.command.is_empty(),
        !p.directive.is_empty(),
        !p.resource.is_empty(),
        p.check.is_some(),
    ];
    let n = subjects.iter().filter(|s| **s).count();
    if n != 1 && !(p.check.is_some() && n == 2) {
        return Err("needs exactly one of call, assign, entry, env, command, directive, resource, check (check may narrow another subject)".into());
    }
    validate_resource_fields(p)?;
    if p.kinds.is_empty() {
        return Err("lists no kinds".into());
    }
    for k in &p.kinds {
        if FileKind::from_name(k).is_none() {
            return Err(format!("unknown kind `{k}`"));
        }
    }
    if let Some(k) = p.require_in.keys().find(|k| !p.kinds.contains(k)) {
        return Err(format!(
            "`require-in.{k}` names a kind the pattern does not list"
        ));
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

/// Adds the configuration's `sensitive-fields` (field names such as `member_number`) to the
/// names `sensitive-data-unencrypted` reads as regulated data: one more entry of its check's
/// `data` params, and their words to its prefilter literals, so files naming only them are
/// still read. The lint's own list stays in its TOML; this only appends to it.
pub fn extend_sensitive_fields(lints: &mut [Lint], names: &[String]) {
    if names.is_empty() {
        return;
    }
    let phrases: Vec<toml::Value> = names
        .iter()
        .map(|n| toml::Value::String(crate::lint::checks::name_phrase(n)))
        .collect();
    let mut entry = toml::Table::new();
    entry.insert(
        "what".into(),
        toml::Value::String("data the configuration names sensitive".into()),
    );
    entry.insert("names".into(), toml::Value::Array(phrases));
    let lint = lints
        .iter_mut()
        .find(|l| l.id == "sensitive-data-unencrypted");
    for p in lint.into_iter().flat_map(|l| l.patterns.iter_mut()) {
        if let Some(toml::Value::Array(data)) = p.params.get_mut("data") {
            data.push(toml::Value::Table(entry.clone()));
            for n in names {
                p.literals.extend(
                    crate::lint::checks::name_phrase(n)
                        .split(' ')
                        .map(str::to_string),
                );
            }
        }
    }
}
