use super::*;
use crate::classify::FileKind;
use crate::facts::Value;
use crate::lang::testing::{arg_value, call, lowered};

fn facts(code: &str) -> Facts {
    lowered(FileKind::Rust, "a.rs", code)
}

#[test]
fn builder_chains_name_every_step() {
    let code = "use reqwest::Client;\nfn f() { let c = Client::builder()\n  .timeout(t)\n  .danger_accept_invalid_certs(true)\n  .build(); }\n";
    let f = facts(code);
    let c = call(
        &f,
        "reqwest.Client.builder().timeout().danger_accept_invalid_certs",
    );
    assert_eq!(c.args[0].value, Value::Bool(true));
    assert_eq!(
        &code[c.span.start..c.span.end],
        "danger_accept_invalid_certs(true)"
    );
    call(
        &f,
        "reqwest.Client.builder().timeout().danger_accept_invalid_certs().build",
    );
}

#[test]
fn use_groups_and_renames_resolve() {
    let f = facts(
        "use openssl::ssl::{SslConnector, SslMethod, SslVerifyMode as Mode};\n\
         fn f() { let mut b = SslConnector::builder(SslMethod::tls())?; b.set_verify(Mode::NONE); }",
    );
    let c = call(&f, "openssl.ssl.SslConnector.builder().set_verify");
    assert_eq!(
        c.args[0].value,
        Value::Name("openssl.ssl.SslVerifyMode.NONE".into())
    );
}

#[test]
fn constants_and_lets_propagate_with_origin() {
    let code = "const KEY: &[u8; 8] = b\"abcdefgh\";\nfn f() { let iv = [0u8; 4]; let n = hex!(\"00ff\");\n Aes::new_from_slice(KEY); enc(&iv, *b\"xy\", n, Some(SslVersion::TLS1)); }";
    let f = facts(code);
    let c = call(&f, "Aes.new_from_slice");
    assert_eq!(c.args[0].value, Value::Bytes(b"abcdefgh".to_vec()));
    let origin = c.args[0].origin.unwrap();
    assert_eq!(&code[origin.start..origin.end], "b\"abcdefgh\"");
    let e = call(&f, "enc");
    assert_eq!(e.args[0].value, Value::Bytes(vec![0; 4]));
    assert_eq!(e.args[1].value, Value::Bytes(b"xy".to_vec()));
    assert_eq!(e.args[2].value, Value::Bytes(vec![0, 255]));
    assert_eq!(e.args[3].value, Value::Name("SslVersion.TLS1".into()));
}

#[test]
fn lazy_statics_and_cargo_script_frontmatter_are_read() {
    let code = "#!/usr/bin/env cargo\n---cargo\n[dependencies]\nx = 1\n---\nlazy_static! { static ref C: Client = Client::builder().danger(true).build(); }\n";
    let f = facts(code);
    let c = call(&f, "Client.builder().danger");
    assert_eq!(&code[c.span.start..c.span.end], "danger(true)");
}

#[test]
fn integration_test_files_are_test_code() {
    assert!(is_test_file(std::path::Path::new("crate/tests/api.rs")));
    assert!(is_test_file(std::path::Path::new("benches/speed.rs")));
    assert!(!is_test_file(std::path::Path::new("src/tests_util.rs")));
    assert!(!is_test_file(std::path::Path::new("tests.rs")));
}

#[test]
fn mutable_lets_are_not_constant() {
    let f = facts("fn f() { let mut iv = [0u8; 16]; rng.fill_bytes(&mut iv); enc(&iv); }");
    assert_eq!(arg_value(&f, "enc", 0), &Value::Unknown);
}

#[test]
fn constants_of_local_modules_propagate() {
    let f = facts(
        "mod config { pub const URL: &str = \"http://a.example\"; }\nfn f() { get(config::URL); }",
    );
    assert_eq!(
        arg_value(&f, "get", 0),
        &Value::Str("http://a.example".into())
    );
}

#[test]
fn reassigned_lets_are_not_constant() {
    let f = facts("fn f() { let mut u = \"http://a.example\"; u = g(); get(u); }");
    assert_eq!(arg_value(&f, "get", 0), &Value::Unknown);
}

#[test]
fn format_strings_become_partial() {
    let f = facts("const H: &str = \"api.example.com\";\nfn f(p: u16) { get(format!(\"http://{H}:{}/x\", p)); }");
    assert_eq!(
        arg_value(&f, "get", 0),
        &Value::Partial("http://api.example.com:\u{FFFD}/x".into())
    );
}

#[test]
fn generic_arguments_are_recorded_as_type_uses() {
    let f = facts("use des::TdesEde3;\ntype Enc = cbc::Encryptor<aes::Aes128>;\nfn f() { cbc::Encryptor::<TdesEde3>::new(k, iv); Enc::new(k, iv); }");
    call(&f, "des.TdesEde3");
    call(&f, "aes.Aes128");
    assert_eq!(
        f.calls
            .iter()
            .filter(|c| c.callee == "cbc.Encryptor.new")
            .count(),
        2
    );
}

#[test]
fn typed_parameters_name_their_methods() {
    let f = facts("fn f(b: &mut native_tls::TlsConnectorBuilder) { b.min_protocol_version(Some(native_tls::Protocol::Tlsv10)); }");
    let c = call(&f, "native_tls.TlsConnectorBuilder.min_protocol_version");
    assert_eq!(
        c.args[0].value,
        Value::Name("native_tls.Protocol.Tlsv10".into())
    );
}

#[test]
fn structs_give_records_and_entries() {
    let f = facts("use serde::Serialize;\n#[derive(Serialize, sqlx::FromRow)]\nstruct Row { encrypted_ssn: Vec<u8>, data_key: Vec<u8> }\nfn f() { let c = Config { ssl_mode: Mode::Disable, port: 5 }; }");
    let r = &f.records[0];
    assert_eq!(r.bases, vec!["serde.Serialize", "sqlx.FromRow"]);
    assert_eq!(r.fields[1].name, "data_key");
    let e = f.entries.iter().find(|e| e.key == "ssl_mode").unwrap();
    assert_eq!(e.path, "Config.ssl_mode");
    assert_eq!(e.value, Value::Name("Mode.Disable".into()));
}

#[test]
fn verifier_returns_are_collected() {
    let f = facts("use rustls::client::danger::{ServerCertVerified, ServerCertVerifier};\nimpl ServerCertVerifier for NoVerifier { fn verify_server_cert(&self) -> Result<ServerCertVerified, Error> { Ok(ServerCertVerified::assertion()) } }\nfn g(b: B) { b.set_verify_callback(m, |_, _| true); }");
    let v = f
        .functions
        .iter()
        .find(|x| x.name == "NoVerifier.verify_server_cert")
        .unwrap();
    assert_eq!(
        v.implements,
        vec!["rustls.client.danger.ServerCertVerifier"]
    );
    assert!(matches!(&v.returns[..], [Value::Call(c)] if c.callee == "Ok"));
    let cl = f.functions.iter().find(|x| x.name == "<closure>").unwrap();
    assert_eq!(cl.returns, vec![Value::Bool(true)]);
}

#[test]
fn test_code_is_marked() {
    let code = "fn a() {}\n#[cfg(test)]\nmod tests { fn b() {} }\n#[tokio::test]\nasync fn c() {}\nfn d() { if cfg!(test) { x(); } }\n#[cfg(not(test))]\nfn e() {}\n#[cfg(any(test, feature = \"x\"))]\nfn g() {}";
    let f = facts(code);
    assert_eq!(f.test_spans.len(), 3);
    assert!(f
        .test_spans
        .iter()
        .all(|s| !code[s.start..s.end].contains("fn e")));
    assert!(code[f.test_spans[2].start..f.test_spans[2].end].contains("x()"));
}

#[test]
fn spans_count_characters_per_file() {
    // A multi-byte character before the call, and a second file on the same thread: both
    // must map to this file's own offsets.
    let code = "fn f() { let s = \"é\"; g(1); }";
    for _ in 0..2 {
        let f = facts(code);
        let c = call(&f, "g");
        assert_eq!(&code[c.span.start..c.span.end], "g(1)");
    }
}

#[test]
fn top_level_statements_are_read_as_a_snippet() {
    let code = "use reqwest::Client;\nlet c = Client::builder()\n    .danger_accept_invalid_certs(true);\n";
    let f = facts(code);
    assert_eq!(f.recovered_errors.len(), 1);
    let c = call(&f, "reqwest.Client.builder().danger_accept_invalid_certs");
    assert_eq!(
        &code[c.span.start..c.span.end],
        "danger_accept_invalid_certs(true)"
    );
}

#[test]
fn parse_errors_have_a_location() {
    let src = SourceFile::new(
        "a.rs".into(),
        "a.rs".into(),
        FileKind::Rust,
        "fn f() {\n  let = ;\n}\n".into(),
    );
    let err = lower(&src).unwrap_err();
    assert!(!err.skip);
    let span = err.span.unwrap();
    assert_eq!(src.position(span.start).line, 2);
}

#[test]
fn deep_nesting_does_not_overflow() {
    // Run on the default test thread (2 MiB), far smaller than the engine's 64 MiB stacks.
    let n = 10_000;
    let parens = format!("fn f() {{ let x = {}1{}; }}", "(".repeat(n), ")".repeat(n));
    let src = SourceFile::new("a.rs".into(), "a.rs".into(), FileKind::Rust, parens);
    assert!(lower(&src).is_err());
    let handle = std::thread::Builder::new()
        .stack_size(64 * 1024 * 1024)
        .spawn(move || {
            let chain = format!(
                "fn f() {{ x{}; let y = 1{}; }}",
                ".m()".repeat(n),
                " + 1".repeat(n)
            );
            let f = facts(&chain);
            assert!(!f.calls.is_empty());
        })
        .unwrap();
    handle.join().unwrap();
}
