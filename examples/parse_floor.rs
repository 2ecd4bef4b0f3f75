//! The parse floor for the benchmark: the parsers alone (tree-sitter for Python, JavaScript
//! and TypeScript, syn for Rust) on the files cleartext would parse, with cleartext's thread
//! count and nothing else: no walk, no prefilter, no lowering, no lints. No implementation
//! built on these parsers can scan those files faster than this.
//!
//!     cleartext debug-prefilter FILES... > passed.tsv
//!     cargo run --release --example parse_floor -- passed.tsv [THREADS]
//!
//! Reads `debug-prefilter` lines (`path<TAB>kind<TAB>patterns`) and parses each file whose
//! pattern list is not empty, skipping what cleartext skips before parsing (type declaration
//! files, minified bundles). Prints the files parsed, their bytes and the wall time.

use std::cell::RefCell;
use std::process::ExitCode;
use std::time::Instant;

use rayon::prelude::*;

thread_local! {
    static PARSER: RefCell<tree_sitter::Parser> = RefCell::new(tree_sitter::Parser::new());
}

fn tree_sitter_parse(language: tree_sitter::Language, text: &str) -> bool {
    PARSER.with(|p| {
        let mut p = p.borrow_mut();
        p.set_language(&language).is_ok() && p.parse(text, None).is_some()
    })
}

/// Parses one file as cleartext would; `None` when cleartext would not parse it.
fn parse(path: &str, kind: &str) -> Option<usize> {
    let bytes = std::fs::read(path).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let lower = path.to_ascii_lowercase();
    let parsed = match kind {
        "python" => tree_sitter_parse(tree_sitter_python::LANGUAGE.into(), &text),
        "javascript" | "typescript" => {
            if [".d.ts", ".d.mts", ".d.cts"]
                .iter()
                .any(|e| lower.ends_with(e))
                || cleartext::lang::javascript::minified(path, &text).is_some()
            {
                return None;
            }
            let language = if kind == "javascript" {
                tree_sitter_javascript::LANGUAGE
            } else if lower.ends_with(".tsx") {
                tree_sitter_typescript::LANGUAGE_TSX
            } else {
                tree_sitter_typescript::LANGUAGE_TYPESCRIPT
            };
            tree_sitter_parse(language.into(), &text)
        }
        "rust" => {
            // An error is still a parse; cleartext then parses the items one by one, which
            // this floor leaves out (it can only make cleartext slower).
            let _ = syn::parse_file(&text);
            true
        }
        _ => return None,
    };
    parsed.then_some(text.len())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let Some(list) = args.get(1) else {
        eprintln!("usage: parse_floor PASSED.tsv [THREADS]");
        return ExitCode::from(2);
    };
    let threads: usize = args.get(2).and_then(|t| t.parse().ok()).unwrap_or(0);
    let text = match std::fs::read_to_string(list) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {list}: {e}");
            return ExitCode::from(2);
        }
    };
    let files: Vec<(&str, &str)> = text
        .lines()
        .filter_map(|line| {
            let mut parts = line.split('\t');
            let (path, kind, patterns) = (parts.next()?, parts.next()?, parts.next()?);
            (!patterns.is_empty()).then_some((path, kind))
        })
        .collect();
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let start = Instant::now();
    let sizes: Vec<usize> = pool.install(|| {
        files
            .par_iter()
            .filter_map(|(path, kind)| parse(path, kind))
            .collect()
    });
    let bytes: usize = sizes.iter().sum();
    println!(
        "{} files parsed, {:.1} MB, {:.3} s",
        sizes.len(),
        bytes as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}
