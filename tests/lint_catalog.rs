//! Tests over `lints/` itself: the schema is strict, every lint is documented, messages follow
//! the house style, and every documentation example runs (a `bad` example gives exactly one
//! finding of its lint, a `good` one none).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use std::path::PathBuf;

use cleartext::engine::{self, Buffer, Options};
use cleartext::lint::{catalog, Linter};

const FIXED_IDS: &[&str] = &[
    "tls-verification-disabled",
    "tls-outdated-protocol",
    "tls-weak-cipher",
    "plaintext-transport",
    "db-connection-without-tls",
    "hsts-missing",
    "mtls-disabled",
    "ecb-mode",
    "weak-cipher-algorithm",
    "static-iv",
    "hardcoded-key",
    "key-stored-with-data",
    "unencrypted-storage",
    "unencrypted-backup",
    "provider-managed-key",
    "key-rotation-disabled",
    "weak-key-size",
    "weak-password-hash",
    "certificate-expiry",
    "mixed-content",
    "sensitive-data-unencrypted",
];

#[test]
fn every_fixed_rule_id_has_a_lint_file_and_no_other_exists() {
    let lints = catalog::load().expect("lint files parse");
    let mut ids: Vec<&str> = lints.iter().map(|l| l.id.as_str()).collect();
    ids.sort();
    let mut fixed = FIXED_IDS.to_vec();
    fixed.sort();
    assert_eq!(ids, fixed);
}

/// Every rule names the requirements it breaks, each written in its framework's own numbering.
#[test]
fn every_lint_maps_to_compliance_requirements_in_their_own_numbering() {
    let shapes = [
        ("pci-dss", r"^[1-9][0-9]?(\.[0-9]+){1,3}$"),
        (
            "hipaa",
            r"^164\.3[0-9]{2}\([a-e]\)(\([0-9]+\))?(\((i|ii|iii|iv|v|A|B|C|D|E)\))*$",
        ),
        ("soc2", r"^(CC[1-9]|A1|C1|PI1|P[1-8])\.[0-9]+$"),
        (
            "nist-800-53",
            r"^(AC|AU|CM|CP|IA|SC|SI)-[0-9]+(\([0-9]+\))?$",
        ),
    ];
    for lint in catalog::load().unwrap() {
        assert!(!lint.compliance.is_empty(), "{}: no [compliance]", lint.id);
        for (key, shape) in shapes {
            let re = regex::Regex::new(shape).unwrap();
            for r in lint.compliance.requirements(key) {
                assert!(
                    re.is_match(r),
                    "{}: `{r}` is not a {key} requirement id",
                    lint.id
                );
            }
        }
        let at_rest = lint.category == catalog::Category::AtRest;
        let expected = if at_rest { "SC-28" } else { "SC-8" };
        let nist = lint.compliance.requirements("nist-800-53");
        assert!(
            nist.iter().any(|r| r.starts_with(expected))
                || nist
                    .iter()
                    .any(|r| r == "SC-12" || r == "SC-13" || r.starts_with("IA-5")),
            "{}: {nist:?} names no {expected}, SC-12, SC-13 or IA-5 control",
            lint.id
        );
    }
}

#[test]
fn the_json_copies_read_as_the_lint_files_do() {
    let from_json = catalog::load().expect("JSON copies parse");
    let from_toml = catalog::load_toml().expect("lint files parse");
    assert_eq!(from_json.len(), FIXED_IDS.len());
    let patterns: usize = from_json.iter().map(|l| l.patterns.len()).sum();
    assert!(patterns > 400, "{patterns} patterns");
    // Every field, parameters and `equals` values (integers stay integers) included.
    assert_eq!(format!("{from_json:#?}"), format!("{from_toml:#?}"));
}

#[test]
fn unknown_keys_in_a_lint_file_are_errors() {
    let good = std::fs::read_to_string("lints/ecb-mode.toml").unwrap();
    assert!(catalog::parse("ecb-mode.toml", &good).is_ok());
    let typo = good.replacen("summary =", "sumary =", 1);
    let err = catalog::parse("ecb-mode.toml", &typo).unwrap_err();
    assert!(err.contains("sumary"), "{err}");
    let bad_pattern =
        format!("{good}\n[[pattern]]\nkinds = [\"python\"]\ncall = [\"x.y\"]\nargs = \"z\"\n");
    assert!(catalog::parse("ecb-mode.toml", &bad_pattern).is_err());
    let bad_kind = format!("{good}\n[[pattern]]\nkinds = [\"cobol\"]\ncall = [\"x.y\"]\n");
    assert!(catalog::parse("ecb-mode.toml", &bad_kind)
        .unwrap_err()
        .contains("cobol"));
    let bad_regex = format!(
        "{good}\n[[pattern]]\nkinds = [\"python\"]\ncall = [\"x.y\"]\npos = 0\n[[pattern.unless]]\npos = 1\nis = {{ regex = \"(unclosed\" }}\n"
    );
    assert!(catalog::parse("ecb-mode.toml", &bad_regex)
        .unwrap_err()
        .contains("bad regex"));
}

/// `ecb-mode.toml` with one more pattern: the linter built from it, or its load error.
fn with_pattern(pattern: &str) -> Result<Linter, String> {
    let good = std::fs::read_to_string("lints/ecb-mode.toml").unwrap();
    let patterns = catalog::parse("ecb-mode.toml", &good)
        .unwrap()
        .patterns
        .len();
    let text = format!("{good}\n[[pattern]]\n{pattern}\n");
    let lint = catalog::parse("ecb-mode.toml", &text)?;
    assert_eq!(lint.patterns.len(), patterns + 1);
    Linter::new(vec![lint])
}

fn load_error(pattern: &str) -> String {
    match with_pattern(pattern) {
        Ok(_) => panic!("loaded, but should not have:\n{pattern}"),
        Err(e) => e,
    }
}

#[test]
fn check_params_are_typed_and_checked_when_the_linter_is_built() {
    let base = "kinds = [\"cloudformation\"]\ncheck = \"cfn-kms-rotation\"";
    assert!(with_pattern(&format!("{base}\nparams = {{ max-days = 90 }}")).is_ok());
    // An unknown key, misspelt: named with the lint file and the pattern.
    let err = load_error(&format!("{base}\nparams = {{ max-dayz = 90 }}"));
    assert!(err.contains("lints/ecb-mode.toml"), "{err}");
    assert!(err.contains("pattern") && err.contains("max-dayz"), "{err}");
    // A value of the wrong type.
    let err = load_error(&format!("{base}\nparams = {{ max-days = \"ninety\" }}"));
    assert!(
        err.contains("max-days") || err.contains("invalid type"),
        "{err}"
    );
    // A regex in params that does not compile.
    let err = load_error(
        "kinds = [\"cloudformation\"]\ncheck = \"cfn-name-value\"\nparams = { types = [\"AWS::X::Y\"], list = \"A\", names = \"(unclosed\" }",
    );
    assert!(err.contains("bad regex"), "{err}");
    // A required param missing.
    let err = load_error("kinds = [\"cloudformation\"]\ncheck = \"cfn-http-listener\"");
    assert!(err.contains("types"), "{err}");
    // A check that takes none.
    let err = load_error(
        "kinds = [\"nginx\"]\ncheck = \"http-server-serves-content\"\nparams = { min = 1 }",
    );
    assert!(err.contains("takes no params"), "{err}");
    // Params on a pattern that names no check have nobody to read them.
    let err =
        load_error("kinds = [\"python\"]\ncall = [\"x.y\"]\nparams = { schemes = [\"http\"] }");
    assert!(err.contains("params are for checks"), "{err}");
}

#[test]
fn resource_patterns_are_checked_when_the_catalog_is_loaded() {
    let base = "kinds = [\"terraform\"]\nresource = [\"aws_ebs_volume\"]";
    assert!(with_pattern(&format!(
        "{base}\nattr = \"encrypted\"\nis = {{ equals = [false] }}"
    ))
    .is_ok());
    assert!(with_pattern(&format!(
        "{base}\nattr = 'Parameters.\"rds.force_ssl\"'\nis = {{ equals = [0] }}\nunless = [{{ attr = \"snapshot_id\", is = {{ absent = false }} }}]"
    ))
    .is_ok());
    let cases = [
        // misspelt key
        (format!("{base}\natr = \"encrypted\""), "atr"),
        // a path with an empty key or an unclosed quote
        (format!("{base}\nattr = \"a..b\"\nis = {{ absent = true }}"), "empty key"),
        (format!("{base}\nattr = 'a.\"b'\nis = {{ absent = true }}"), "unclosed quote"),
        // a condition that names an argument instead of an attribute
        (
            format!("{base}\nattr = \"encrypted\"\nis = {{ absent = true }}\nunless = [{{ arg = \"x\", is = {{ absent = false }} }}]"),
            "names an attr",
        ),
        // a value test without an attribute to test
        (format!("{base}\nis = {{ equals = [false] }}"), "needs an attr"),
        // attr and unit conditions belong to resource patterns
        ("kinds = [\"python\"]\ncall = [\"x.y\"]\nattr = \"a\"".to_string(), "resource subject"),
        ("kinds = [\"python\"]\ncall = [\"x.y\"]\nunit-has = [\"a\"]".to_string(), "resource subject"),
        // a regex that does not compile
        (format!("{base}\nattr = \"kms_key_id\"\nis = {{ regex = \"(unclosed\" }}"), "bad regex"),
    ];
    for (pattern, expected) in cases {
        let err = load_error(&pattern);
        assert!(
            err.contains(expected),
            "expected `{expected}` in: {err}\n{pattern}"
        );
        assert!(err.contains("lints/ecb-mode.toml"), "{err}");
    }
}

#[test]
fn kind_groups_expand_once_and_unknown_ones_are_errors() {
    let linter =
        with_pattern("kinds = [\"@shell\", \"shell\", \"dotenv\"]\ncommand = [\"x\"]").unwrap();
    let kinds = &linter.lints[0].patterns.last().unwrap().kinds;
    assert_eq!(
        kinds,
        &[
            "shell",
            "dockerfile",
            "compose",
            "github-actions",
            "gitlab-ci",
            "ansible",
            "dotenv"
        ]
    );
    let err = load_error("kinds = [\"@shel\"]\ncommand = [\"x\"]");
    assert!(
        err.contains("unknown kind group `@shel`") && err.contains("@shell"),
        "{err}"
    );
}

#[test]
fn every_check_and_value_test_named_in_lints_exists() {
    Linter::new(catalog::load().unwrap()).expect("every named check exists");
}

#[test]
fn every_regex_in_lints_compiles() {
    let mut seen = 0;
    for lint in catalog::load().unwrap() {
        for p in &lint.patterns {
            let conditions = p.when.iter().chain(&p.unless).map(|c| &c.is);
            for test in p.is.iter().chain(conditions) {
                if let Some(r) = &test.regex {
                    assert!(test.compiled_regex().is_some(), "{}: {r}", lint.id);
                    seen += 1;
                }
            }
        }
    }
    assert!(
        seen > 10,
        "only {seen} regexes found: is the catalog loaded?"
    );
}

#[test]
fn messages_are_short_lower_case_single_lines() {
    for lint in catalog::load().unwrap() {
        let mut messages = vec![lint.message.clone()];
        messages.extend(lint.patterns.iter().filter_map(|p| p.message.clone()));
        for m in messages {
            let first = m.chars().next().unwrap();
            assert!(
                !first.is_uppercase()
                    || m.split_whitespace().next().is_some_and(|w| w
                        .chars()
                        .filter(|c| c.is_uppercase())
                        .count()
                        > 1),
                "{}: message should start lower-case: {m}",
                lint.id
            );
            assert!(
                !m.contains('\n') && !m.ends_with('.') && m.len() <= 100,
                "{}: message should be one short line without a full stop: {m}",
                lint.id
            );
        }
        assert!(
            !lint.docs.why.trim().is_empty() && !lint.docs.fix.trim().is_empty(),
            "{}: docs need why and fix",
            lint.id
        );
        assert!(
            !lint.help.trim().is_empty() && !lint.help.contains('\n'),
            "{}: help is one line",
            lint.id
        );
        assert!(
            lint.cwe.iter().all(|c| c.starts_with("CWE-")),
            "{}: CWE ids look like CWE-295",
            lint.id
        );
    }
}

#[test]
fn documentation_examples_behave_as_documented() {
    let linter = Linter::new(catalog::load().unwrap()).unwrap();
    let mut problems = Vec::new();
    for lint in &linter.lints {
        for ex in &lint.docs.examples {
            for (text, want) in [(&ex.bad, 1), (&ex.good, 0)] {
                let report = engine::run_buffer(
                    &linter,
                    &Options::default(),
                    Buffer {
                        path: PathBuf::from("example").join(&ex.file),
                        text: text.clone(),
                    },
                );
                let got = report.findings.iter().filter(|f| f.rule == lint.id).count();
                if got != want {
                    problems.push(format!(
                        "{} example `{}`: expected {want} finding(s), got {got}:\n{text}",
                        lint.id, ex.file
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn every_check_and_value_test_is_used_by_some_lint() {
    let lints = catalog::load().unwrap();
    let mut checks = std::collections::BTreeSet::new();
    let mut value_tests = std::collections::BTreeSet::new();
    for p in lints.iter().flat_map(|l| &l.patterns) {
        checks.extend(p.check.clone());
        let conditions = p.when.iter().chain(&p.unless).map(|c| &c.is);
        for test in p.is.iter().chain(conditions) {
            value_tests.extend(test.check.clone());
        }
    }
    let unused: Vec<&str> = cleartext::lint::checks::names()
        .into_iter()
        .filter(|n| !checks.contains(*n))
        .collect();
    assert!(
        unused.is_empty(),
        "checks no lint names (use them in a `check = \"...\"` pattern, or delete them): {unused:?}"
    );
    let unused: Vec<&str> = cleartext::lint::predicates::NAMES
        .iter()
        .copied()
        .filter(|n| !value_tests.contains(*n))
        .collect();
    assert!(
        unused.is_empty(),
        "value tests no lint names (use them in an `is = {{ check = \"...\" }}`, or delete them): {unused:?}"
    );
}

#[test]
fn good_documentation_examples_give_no_finding_of_any_lint() {
    let linter = Linter::new(catalog::load().unwrap()).unwrap();
    let mut problems = Vec::new();
    for lint in &linter.lints {
        for ex in &lint.docs.examples {
            let report = engine::run_buffer(
                &linter,
                &Options::default(),
                Buffer {
                    path: PathBuf::from("example").join(&ex.file),
                    text: ex.good.clone(),
                },
            );
            for f in &report.findings {
                problems.push(format!(
                    "{} good example `{}`: {}:{}: {} ({})",
                    lint.id, ex.file, f.start.line, f.start.column, f.rule, f.message
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "a `good` example must be good for every lint (fix the example in lints/<id>.toml):\n{}",
        problems.join("\n")
    );
}

#[test]
fn require_in_must_name_a_kind_of_its_pattern() {
    let err = load_error("kinds = [\"python\"]\ncall = [\"x.y\"]\nrequire-in.go = [[\"gorm\"]]");
    assert!(err.contains("`require-in.go`"), "{err}");
    // A kind group gives its lists to each member.
    let text = std::fs::read_to_string("lints/ecb-mode.toml").unwrap()
        + "\n[[pattern]]\nkinds = [\"@js\"]\ncall = [\"x.y\"]\n\
           require-in.\"@js\" = [[\"a\"]]\nrequire-in.typescript = [[\"b\"]]\n";
    let lint = catalog::parse("ecb-mode.toml", &text).unwrap();
    let by_kind = &lint.patterns.last().unwrap().require_in;
    let words = |k: &str| by_kind[k].concat();
    assert_eq!(words("javascript"), ["a"]);
    assert_eq!(words("typescript"), ["a", "b"]);
    assert_eq!(by_kind.len(), 2);
}

/// The field names a phrase of `sensitive-data-unencrypted` matches, in the spellings code
/// and schemas use: `card number` as `card_number`, `cardNumber`, `CardNumber`,
/// `CARD_NUMBER`, `cardnumber` and `old_card_number`.
fn spellings(phrase: &str) -> Vec<String> {
    let words: Vec<&str> = phrase.split(' ').collect();
    let capital = |w: &str| w[..1].to_uppercase() + &w[1..];
    let camel: String = words
        .iter()
        .enumerate()
        .map(|(i, w)| if i == 0 { w.to_string() } else { capital(w) })
        .collect();
    vec![
        words.join("_"),
        camel.clone(),
        capital(&camel),
        words.join("_").to_uppercase(),
        words.concat(),
        format!("old_{}", words.join("_")),
        format!("old{}", capital(&camel)),
    ]
}

/// A file that declares a field with this name in its kind's way.
type Declare = fn(&str) -> String;

/// The prefilter's words for a check are the author's claim that no file without them can
/// have a finding. For the regulated-data names that claim is checked here: every phrase, in
/// every spelling, declared as a plain column in each kind's own way, must have its finding,
/// and so must pass the prefilter.
#[test]
fn every_spelling_of_a_regulated_data_name_passes_the_prefilter() {
    let lints = catalog::load().unwrap();
    let linter = Linter::new(lints).unwrap();
    let lint = linter.lint("sensitive-data-unencrypted").unwrap();
    let data = lint.patterns[0].params["data"].as_array().unwrap();
    let phrases: Vec<&str> = data
        .iter()
        .flat_map(|d| d["names"].as_array().unwrap())
        .map(|n| n.as_str().unwrap())
        .collect();
    assert!(phrases.len() >= 40, "{}", phrases.len());
    let declarations: &[(&str, Declare)] = &[
        ("models.py", |n| {
            format!("from django.db import models\n\nclass T(models.Model):\n    {n} = models.CharField(max_length=20)\n")
        }),
        ("schema.sql", |n| {
            format!("CREATE TABLE t (\n  {n} VARCHAR(20)\n);\n")
        }),
        ("model.go", |n| {
            let exported = n[..1].to_uppercase() + &n[1..];
            format!("package m\n\ntype T struct {{\n\tgorm.Model\n\t{exported} string\n}}\n")
        }),
        ("entity.ts", |n| {
            format!("@Entity()\nexport class T {{\n  @Column()\n  {n}: string;\n}}\n")
        }),
    ];
    let mut found = 0;
    for phrase in &phrases {
        for name in spellings(phrase) {
            for (file, declare) in declarations {
                let text = declare(&name);
                let path = PathBuf::from(file);
                let kind = cleartext::classify::classify(&path, text.as_bytes()).unwrap();
                let src = cleartext::source::SourceFile::new(path, file.to_string(), kind, text);
                let facts = cleartext::lang::lower(&src).unwrap();
                let unit = vec![cleartext::lang::Lowered { src, facts }];
                let findings = linter.check_file(&unit[0], &unit);
                if findings.is_empty() {
                    continue;
                }
                found += 1;
                let bytes = unit[0].src.text.as_bytes();
                assert!(
                    linter.prefilter.may_match(kind, bytes),
                    "the prefilter skips `{name}` ({phrase}) in {file}:\n{}",
                    unit[0].src.text
                );
            }
        }
    }
    // Most spellings are findings (a joined `cardnumber` is one for every phrase; a phrase
    // word that is also a not-data word, `id` in `tax id`, is not).
    assert!(found >= phrases.len() * 10, "{found}");
}
