#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Property test in place of coverage-guided fuzzing: every fixture in `testdata/`, mutated by a
//! deterministic generator (byte flips, deletions, duplicated and spliced slices, stray
//! brackets and quotes, truncation, deep nesting), goes through its front-end
//! (`cleartext::lang::lower`) and every lint. Nothing may panic.
//!
//! Each input picks a file kind first, then a fixture of that kind, so a front-end with few
//! fixtures (Go, Java, PEM) is fuzzed as often as Python. A second property sends mutated
//! JSON-RPC sessions through the language server's loop (`cleartext::server::serve`).
//!
//! In CI it runs a few hundred inputs. A longer session, outside CI (one kind with
//! `CLEARTEXT_FUZZ_KIND=go`; server sessions with `CLEARTEXT_LSP_FUZZ_ITERS`):
//! `CLEARTEXT_FUZZ_ITERS=200000 CLEARTEXT_FUZZ_SEED=7 cargo test --release --test fuzz_properties -- --nocapture`
//! A failure prints the seed, kind and case; the mutated input is written to
//! `target/fuzz-failures/` to become a regression fixture.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use cleartext::classify::{self, FileKind};
use cleartext::lang::{self, Lowered};
use cleartext::lint::{catalog, Linter};
use cleartext::source::SourceFile;

/// xorshift64*: deterministic, dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "\"",
    "'",
    "`",
    "\\",
    "\n",
    "\r\n",
    "\t",
    ":",
    ",",
    ";",
    "=",
    "${",
    "#",
    "//",
    "/*",
    "*/",
    "\"\"\"",
    "r#\"",
    "\"#",
    "<<EOF\n",
    "---\n",
    "- ",
    "!Ref ",
    "\u{feff}",
    "\u{fffd}",
    "é",
    "\0",
    "verify=False",
    "rejectUnauthorized: false",
    "danger_accept_invalid_certs(true)",
    "encrypted = false",
    "http://",
    "MODE_ECB",
];

fn mutate(rng: &mut Rng, input: &[u8], other: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(8) {
        let len = out.len();
        match rng.below(9) {
            0 if len > 0 => {
                let i = rng.below(len);
                out[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let a = rng.below(len);
                let b = (a + rng.below(64)).min(len);
                out.drain(a..b);
            }
            2 if len > 0 => {
                let a = rng.below(len);
                let b = (a + rng.below(256)).min(len);
                let slice = out[a..b].to_vec();
                let at = rng.below(out.len() + 1);
                out.splice(at..at, slice);
            }
            3 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let at = rng.below(len + 1);
                out.splice(at..at, t.iter().copied());
            }
            4 if !other.is_empty() => {
                let a = rng.below(other.len());
                let b = (a + rng.below(512)).min(other.len());
                let at = rng.below(len + 1);
                out.splice(at..at, other[a..b].iter().copied());
            }
            5 if len > 0 => out.truncate(rng.below(len)),
            6 => {
                // Deep nesting around a random point.
                let depth = 1 + rng.below(3000);
                let (open, close): (&[u8], &[u8]) = match rng.below(4) {
                    0 => (b"(", b")"),
                    1 => (b"[", b"]"),
                    2 => (b"{", b"}"),
                    _ => (b"f(", b")"),
                };
                let at = rng.below(len + 1);
                let mut block = open.repeat(depth);
                block.extend(b"1");
                block.extend(close.repeat(depth));
                out.splice(at..at, block);
            }
            7 if len > 1 => {
                let a = rng.below(len);
                let b = rng.below(len);
                out.swap(a, b);
            }
            _ => {
                let at = rng.below(len + 1);
                let b = rng.next() as u8;
                out.insert(at, b);
            }
        }
    }
    out
}

fn fixtures() -> Vec<(PathBuf, FileKind, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        let mut entries: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let bytes = std::fs::read(&p).unwrap();
            let head = &bytes[..bytes.len().min(classify::SNIFF_LEN)];
            if let Some(kind) = classify::classify(&p, head) {
                out.push((p, kind, bytes));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Keeps a failing input to become a regression fixture; gives where it is.
fn save_failure(name: &str, input: &[u8]) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-failures");
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join(name), input);
    format!("target/fuzz-failures/{name}")
}

fn run_one(linter: &Linter, path: &Path, kind: FileKind, bytes: &[u8]) {
    // The engine decodes before lowering; invalid UTF-8 never reaches a front-end, and a
    // binary kind gets one character per byte.
    let text = if kind.binary() {
        bytes.iter().map(|&b| char::from(b)).collect()
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    };
    let src = SourceFile::new(path.to_path_buf(), "fuzz".into(), kind, text);
    if let Ok(facts) = lang::lower(&src) {
        let unit = vec![Lowered { src, facts }];
        let _ = linter.check_file(&unit[0], &unit);
    }
}

/// The engine lowers files on threads with 64 MiB stacks (`src/engine.rs`); the test
/// harness's 2 MiB threads overflow on deep-nesting mutations that a real run handles (syn
/// recurses per nesting level), so the property runs under the engine's conditions.
#[test]
fn mutated_fixtures_never_panic() {
    with_big_stack(mutate_and_lower_fixtures);
}

fn with_big_stack(f: fn()) {
    std::thread::Builder::new()
        .stack_size(64 * 1024 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap();
}

/// A number from the environment, else the CI default.
fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn mutate_and_lower_fixtures() {
    let iters: usize = env_or("CLEARTEXT_FUZZ_ITERS", 300);
    let seed: u64 = env_or("CLEARTEXT_FUZZ_SEED", 0x5eed);
    let linter = Linter::new(catalog::load().unwrap()).unwrap();
    let only = std::env::var("CLEARTEXT_FUZZ_KIND").ok();
    let corpus = fixtures();
    assert!(corpus.len() > 50, "fixtures not found");
    // The fixtures of each kind; every kind must have some, or its front-end goes unfuzzed.
    let mut by_kind: std::collections::BTreeMap<&str, Vec<usize>> = Default::default();
    for (i, (_, kind, _)) in corpus.iter().enumerate() {
        by_kind.entry(kind.name()).or_default().push(i);
    }
    let missing: Vec<&str> = FileKind::ALL
        .iter()
        .map(|k| k.name())
        .filter(|k| !by_kind.contains_key(k))
        .collect();
    assert!(
        missing.is_empty(),
        "no fixture of kind {missing:?} in testdata/: add one"
    );
    if let Some(only) = &only {
        by_kind.retain(|k, _| k == only);
        assert!(
            !by_kind.is_empty(),
            "CLEARTEXT_FUZZ_KIND={only}: no such kind"
        );
    }
    let kinds: Vec<&Vec<usize>> = by_kind.values().collect();
    // Silence the default hook: failures are reported below with their seed.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng(seed | 1);
    let mut failures = Vec::new();
    let mut per_kind: std::collections::BTreeMap<&str, usize> = Default::default();
    let started = std::time::Instant::now();
    for i in 0..iters {
        let of_kind = kinds[rng.below(kinds.len())];
        let (path, kind, bytes) = &corpus[of_kind[rng.below(of_kind.len())]];
        let other = &corpus[rng.below(corpus.len())].2;
        let input = mutate(&mut rng, bytes, other);
        *per_kind.entry(kind.name()).or_default() += 1;
        let result = catch_unwind(AssertUnwindSafe(|| run_one(&linter, path, *kind, &input)));
        if result.is_err() {
            let name = format!("{i}-{}", path.file_name().unwrap().to_string_lossy());
            failures.push(format!(
                "case {i} ({}) from {}: {}",
                kind.name(),
                path.display(),
                save_failure(&name, &input)
            ));
        }
    }
    std::panic::set_hook(hook);
    eprintln!(
        "fuzz_properties: {iters} inputs, seed {seed}, {:.1}s, per kind {per_kind:?}",
        started.elapsed().as_secs_f64()
    );
    assert!(failures.is_empty(), "panics:\n{}", failures.join("\n"));
}

/// Frame-level noise for the server's reader, on top of `TOKENS`.
const FRAME_TOKENS: &[&str] = &[
    "Content-Length: ",
    "Content-Length: 99999999999999999999\r\n\r\n",
    "Content-Length: 0\r\n\r\n",
    "Content-Length: -1\r\n\r\n",
    "Content-Type: application/vscode-jsonrpc\r\n",
    "\r\n\r\n",
    "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"initialize\"}",
    "\"id\":{},",
    "\"method\":5,",
    "\"exit\"",
    "\"shutdown\"",
];

fn frame(msg: &serde_json::Value) -> Vec<u8> {
    let body = msg.to_string();
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

/// A plausible editor session over a fixture's text: initialize, open, edits, save, close.
fn session(text: &str, ext: &str) -> Vec<u8> {
    use serde_json::json;
    let uri = format!("file:///nonexistent-cleartext-fuzz/doc.{ext}");
    let mut out = Vec::new();
    let msgs = [
        json!({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}),
        json!({"jsonrpc":"2.0","method":"initialized","params":{}}),
        json!({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":uri,"languageId":ext,"version":1,"text":text}}}),
        json!({"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":uri,"version":2},"contentChanges":[{"text":format!("{text}\n")}]}}),
        json!({"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":uri},"position":{"line":0,"character":0}}}),
        json!({"jsonrpc":"2.0","method":"textDocument/didSave","params":{"textDocument":{"uri":uri}}}),
        json!({"jsonrpc":"2.0","method":"textDocument/didClose","params":{"textDocument":{"uri":uri}}}),
        json!({"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":uri,"version":3},"contentChanges":[{"text":text}]}}),
        json!({"jsonrpc":"2.0","id":"s","method":"shutdown"}),
    ];
    for m in &msgs {
        out.extend(frame(m));
    }
    out
}

/// What the server wrote must be whole frames of JSON-RPC 2.0 objects, errors with the codes
/// the server uses.
fn check_output(out: &[u8]) -> Result<usize, String> {
    let mut rest = out;
    let mut n = 0;
    while !rest.is_empty() {
        let text = std::str::from_utf8(rest).map_err(|e| format!("output not UTF-8: {e}"))?;
        let head = text
            .strip_prefix("Content-Length: ")
            .ok_or("output frame without Content-Length")?;
        let (len, body) = head.split_once("\r\n\r\n").ok_or("header not ended")?;
        let len: usize = len.parse().map_err(|_| format!("bad length {len:?}"))?;
        let msg: serde_json::Value = serde_json::from_str(body.get(..len).ok_or("short body")?)
            .map_err(|e| format!("output body not JSON: {e}"))?;
        if msg["jsonrpc"] != "2.0" {
            return Err(format!("not JSON-RPC 2.0: {msg}"));
        }
        if let Some(code) = msg["error"]["code"].as_i64() {
            if ![-32700, -32600, -32601, -32002].contains(&code) {
                return Err(format!("unexpected error code: {msg}"));
            }
        }
        rest = &body.as_bytes()[len..];
        n += 1;
    }
    Ok(n)
}

#[test]
fn mutated_lsp_sessions_never_panic_and_answer_in_frames() {
    with_big_stack(mutate_lsp_sessions);
}

fn mutate_lsp_sessions() {
    let iters: usize = env_or("CLEARTEXT_LSP_FUZZ_ITERS", 40);
    let seed: u64 = env_or("CLEARTEXT_FUZZ_SEED", 0x15e);
    let mut linter = Linter::new(catalog::load().unwrap()).unwrap();
    let corpus = fixtures();
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng(seed | 1);
    let mut failures = Vec::new();
    let mut frames_out = 0;
    let started = std::time::Instant::now();
    for i in 0..iters {
        let (path, _, bytes) = &corpus[rng.below(corpus.len())];
        let ext = path
            .extension()
            .map_or("txt".into(), |e| e.to_string_lossy());
        let clean = session(&String::from_utf8_lossy(bytes), &ext);
        let noise = FRAME_TOKENS[rng.below(FRAME_TOKENS.len())].as_bytes();
        let mut input = mutate(&mut rng, &clean, noise);
        if rng.below(4) == 0 {
            input.extend(noise);
        }
        let case = std::time::Instant::now();
        let mut out = Vec::new();
        let result = catch_unwind(AssertUnwindSafe(|| {
            cleartext::server::serve(&mut linter, std::io::Cursor::new(input.clone()), &mut out)
        }));
        let problem = match result {
            Err(_) => Some("panicked".to_string()),
            Ok(_) if case.elapsed() > std::time::Duration::from_secs(30) => {
                Some(format!("took {:?}", case.elapsed()))
            }
            Ok(_) => match check_output(&out) {
                Ok(n) => {
                    frames_out += n;
                    None
                }
                Err(e) => Some(e),
            },
        };
        if let Some(problem) = problem {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-failures");
            let _ = std::fs::create_dir_all(&dir);
            let name = format!("lsp-{i}.bin");
            let _ = std::fs::write(dir.join(&name), &input);
            failures.push(format!(
                "session {i}: {problem}: target/fuzz-failures/{name}"
            ));
        }
    }
    std::panic::set_hook(hook);
    eprintln!(
        "fuzz_properties (lsp): {iters} sessions, seed {seed}, {frames_out} frames out, {:.1}s",
        started.elapsed().as_secs_f64()
    );
    assert!(frames_out > 0, "the server answered nothing");
    assert!(failures.is_empty(), "failures:\n{}", failures.join("\n"));
}
