//! JavaScript/TypeScript behaviour of the whole pipeline: installed dependencies and minified
//! bundles are skipped with a reason on a directory walk, and scanned when named explicitly.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use std::path::{Path, PathBuf};

use cleartext::engine::{self, Options};
use cleartext::finding::Report;
use cleartext::lint::{catalog, Linter};

const INSECURE: &str =
    "const https = require('https');\nhttps.get('https://x.example.com', { rejectUnauthorized: false });\n";

fn scan(paths: Vec<PathBuf>) -> Report {
    let linter = Linter::new(catalog::load().unwrap()).unwrap();
    let opts = Options {
        paths,
        threads: 1,
        ..Options::default()
    };
    engine::run(&linter, &opts).unwrap()
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn node_modules_is_skipped_on_a_walk_but_scanned_when_named() {
    let dir = tempfile::tempdir().unwrap();
    let dep = dir.path().join("node_modules/dep/index.js");
    write(&dep, INSECURE);
    write(&dir.path().join("src/app.js"), INSECURE);

    let walked = scan(vec![dir.path().to_path_buf()]);
    assert_eq!(walked.findings.len(), 1, "{:?}", walked.findings);
    assert!(walked.findings[0].path.ends_with("src/app.js"));
    assert!(walked
        .skipped
        .iter()
        .any(|s| s.path.ends_with("node_modules") && s.reason.contains("dependency")));

    let named = scan(vec![dep.clone()]);
    assert_eq!(named.findings.len(), 1);
    let named_dir = scan(vec![dir.path().join("node_modules/dep")]);
    assert_eq!(named_dir.findings.len(), 1);
}

#[test]
fn vendored_code_is_skipped_on_a_walk_but_scanned_when_named() {
    let dir = tempfile::tempdir().unwrap();
    let vendored = dir.path().join("static/js/vendor/lib.js");
    write(&vendored, INSECURE);
    // A directory merely containing the word is not a vendor directory.
    write(&dir.path().join("vendors_api/app.js"), INSECURE);

    let walked = scan(vec![dir.path().to_path_buf()]);
    assert_eq!(walked.findings.len(), 1, "{:?}", walked.findings);
    assert!(walked.findings[0].path.ends_with("vendors_api/app.js"));
    assert!(walked
        .skipped
        .iter()
        .any(|s| s.path.ends_with("static/js/vendor") && s.reason.contains("third-party")));
    assert_eq!(scan(vec![vendored]).findings.len(), 1);
    assert_eq!(
        scan(vec![dir.path().join("static/js/vendor")])
            .findings
            .len(),
        1
    );
}

#[test]
fn vendored_trees_under_their_other_names_are_skipped_too() {
    let dir = tempfile::tempdir().unwrap();
    for vendored in [
        "pip/_vendor/lib.js",
        "app/vendored/lib.js",
        "third_party/lib/x.js",
    ] {
        write(&dir.path().join(vendored), INSECURE);
    }
    // Names that only contain the words are the project's own code.
    write(&dir.path().join("third_party_api/app.js"), INSECURE);
    let walked = scan(vec![dir.path().to_path_buf()]);
    assert_eq!(walked.findings.len(), 1, "{:?}", walked.findings);
    assert!(walked.findings[0].path.ends_with("third_party_api/app.js"));
    for skipped in ["pip/_vendor", "app/vendored", "third_party"] {
        assert!(
            walked.skipped.iter().any(|s| s.path.ends_with(skipped)),
            "{skipped} not skipped: {:?}",
            walked.skipped
        );
    }
    assert_eq!(scan(vec![dir.path().join("pip/_vendor")]).findings.len(), 1);
}

#[test]
fn minified_bundles_are_skipped_unless_named() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("dist/app.min.js");
    write(&bundle, INSECURE);
    let walked = scan(vec![dir.path().to_path_buf()]);
    assert!(walked.findings.is_empty());
    assert!(walked
        .skipped
        .iter()
        .any(|s| s.path.ends_with("app.min.js") && s.reason.contains("minified")));
    assert_eq!(walked.summary.files_skipped, 1);

    let named = scan(vec![bundle.clone()]);
    assert_eq!(named.findings.len(), 1);

    // Named and also reached through its directory, in either order: still named, and
    // checked once.
    for paths in [
        vec![dir.path().to_path_buf(), bundle.clone()],
        vec![bundle.clone(), dir.path().to_path_buf()],
    ] {
        let both = scan(paths);
        assert_eq!(both.findings.len(), 1, "{:?}", both.findings);
        assert!(both.skipped.is_empty(), "{:?}", both.skipped);
        assert_eq!(both.summary.files_scanned, 1);
    }
}
