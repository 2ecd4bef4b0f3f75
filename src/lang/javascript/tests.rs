use super::*;
use crate::facts::Value;
use crate::lang::testing::{assigns, call, has_entry, lowered, survives_nesting};

fn lower_as(name: &str, code: &str) -> Facts {
    let kind = if name.ends_with(".ts") || name.ends_with(".tsx") {
        FileKind::TypeScript
    } else {
        FileKind::JavaScript
    };
    lowered(kind, name, code)
}

fn facts(code: &str) -> Facts {
    lower_as("t.js", code)
}

#[test]
fn requires_and_imports_resolve() {
    let f = facts(
        "const https = require('https');\nconst c = require('node:crypto');\nconst { createCipheriv: civ } = require('crypto');\nhttps.request(u);\nc.createHash('md5');\nciv('aes-128-ecb', k, null);\n",
    );
    call(&f, "https.request");
    call(&f, "crypto.createHash");
    call(&f, "crypto.createCipheriv");
    let f = lower_as(
        "t.ts",
        "import https from 'https';\nimport * as tls from 'node:tls';\nimport { createCipheriv as c, Agent } from 'crypto';\nimport x = require('got');\nhttps.get(u);\ntls.connect(o);\nc('a', k, iv);\nx(u);\n",
    );
    call(&f, "https.get");
    call(&f, "tls.connect");
    call(&f, "crypto.createCipheriv");
    call(&f, "got");
}

#[test]
fn options_objects_flow_into_calls() {
    let f = facts(
        "const https = require('https');\nconst base = { rejectUnauthorized: false };\nconst opts = { ...base, timeout: 5 };\nhttps.request(url, opts);\n",
    );
    let c = call(&f, "https.request");
    assert_eq!(
        c.arg(Some("rejectUnauthorized"), None).unwrap().value,
        Value::Bool(false)
    );
    assert!(c.args[1].origin.is_some());
}

#[test]
fn instances_keep_their_constructor_args() {
    let f = lower_as(
        "t.ts",
        "import { Agent as HttpsAgent } from 'https';\nimport axios from 'axios';\nconst agent = new HttpsAgent({ rejectUnauthorized: false });\naxios.create({ httpsAgent: agent });\nagent.destroy();\n",
    );
    let c = call(&f, "axios.create");
    let Value::Call(agent) = c.arg(Some("httpsAgent"), None).unwrap().value else {
        panic!("agent is not a call value");
    };
    assert_eq!(agent.callee, "https.Agent");
    assert_eq!(
        agent.args[0].value.get("rejectUnauthorized"),
        Some(&Value::Bool(false))
    );
    call(&f, "https.Agent().destroy");
}

#[test]
fn environment_reads_are_not_constants() {
    let f = facts("const k = process.env.KEY ?? 'fallback-key-123';\nconst j = process.env.J || 'x';\nf(k, j);\n");
    let c = call(&f, "f");
    assert_eq!(c.args[0].value, Value::Unknown);
    assert_eq!(c.args[1].value, Value::Unknown);
}

#[test]
fn env_writes_in_both_forms() {
    let f = facts(
        "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\nprocess.env['NODE_TLS_REJECT_UNAUTHORIZED'] = 0;\nconst tls = require('tls');\ntls.DEFAULT_MIN_VERSION = 'TLSv1';\n",
    );
    assert_eq!(f.envs.len(), 2);
    assert_eq!(f.envs[0].name, "NODE_TLS_REJECT_UNAUTHORIZED");
    assert_eq!(f.envs[0].value, Value::Str("0".into()));
    assert_eq!(f.envs[1].value, Value::Int(0));
    let tls_v1 = Value::Str("TLSv1".into());
    assert!(assigns(&f, "tls.DEFAULT_MIN_VERSION", &tls_v1));
}

#[test]
fn buffers_and_templates_evaluate() {
    let f = facts(
        "const crypto = require('crypto');\nconst IV = Buffer.alloc(16, 0);\nconst host = 'api.example.com';\ncrypto.createCipheriv('aes-256-cbc', Buffer.from('00112233445566778899aabbccddeeff', 'hex'), IV);\nfetch(`http://${host}/v1`);\nfetch(`http://${h}/v1`);\n",
    );
    let c = call(&f, "crypto.createCipheriv");
    assert_eq!(c.args[2].value, Value::Bytes(vec![0; 16]));
    assert_eq!(
        c.args[1].value,
        Value::Bytes((0..16).map(|i| i * 0x11).collect())
    );
    let fetches: Vec<_> = f.calls.iter().filter(|c| c.callee == "fetch").collect();
    assert_eq!(
        fetches[0].args[0].value,
        Value::Str("http://api.example.com/v1".into())
    );
    assert_eq!(
        fetches[1].args[0].value,
        Value::Partial("http://\u{FFFD}/v1".into())
    );
}

#[test]
fn object_entries_have_paths() {
    let f = facts("module.exports = { db: { ssl: { rejectUnauthorized: !1 } } };\n");
    assert!(has_entry(
        &f,
        "db.ssl.rejectUnauthorized",
        &Value::Bool(false)
    ));
}

#[test]
fn functions_that_return_nothing_are_marked() {
    let f = facts(
        "tls.connect({ checkServerIdentity: () => undefined });\ntls.connect({ checkServerIdentity() {} });\ntls.connect({ checkServerIdentity: (h, c) => { if (bad(c)) return new Error('x'); } });\n",
    );
    let values: Vec<_> = f
        .entries
        .iter()
        .filter(|e| e.key == "checkServerIdentity")
        .map(|e| e.value.clone())
        .collect();
    assert_eq!(
        values,
        vec![
            Value::Name(FUNCTION_RETURNING_NOTHING.into()),
            Value::Name(FUNCTION_RETURNING_NOTHING.into()),
            Value::Name(FUNCTION.into()),
        ]
    );
}

#[test]
fn reassigned_names_are_not_constants() {
    let f = facts("let v = false;\nv = true;\nhttps.request(u, { rejectUnauthorized: v });\n");
    assert!(f
        .entries
        .iter()
        .any(|e| e.key == "rejectUnauthorized" && e.value == Value::Unknown));
}

#[test]
fn models_become_records() {
    let f = facts(
        "const mongoose = require('mongoose');\nconst UserSchema = new mongoose.Schema({ encryptedSsn: String, encryptionKey: String });\n",
    );
    assert_eq!(f.records[0].name, "UserSchema");
    assert_eq!(f.records[0].fields.len(), 2);
    let f = lower_as(
        "t.ts",
        "@Entity()\nexport class Card { @Column() encryptedPan: string; @Column() dataKey: string; }\n",
    );
    assert_eq!(f.records[0].name, "Card");
    assert_eq!(f.records[0].fields[1].name, "dataKey");
}

#[test]
fn minified_bundles_are_skipped_unless_named() {
    let code = format!("var a={};\n", "1,".repeat(30_000));
    let src = SourceFile::new(
        "b.js".into(),
        "b.js".into(),
        FileKind::JavaScript,
        code.clone(),
    );
    assert!(crate::lang::not_source(&src).is_some_and(|why| why.contains("minified")));
    let mut src = SourceFile::new("b.js".into(), "b.js".into(), FileKind::JavaScript, code);
    src.explicit = true;
    assert_eq!(crate::lang::not_source(&src), None);
    assert!(lower(&src).is_ok());
    assert!(minified("dist/app.min.js", "x").is_some());
    assert!(minified("src/app.js", "const a = 1;\n").is_none());
}

#[test]
fn deep_nesting_does_not_overflow() {
    let cases = [
        ["x = ", "(", ")", ";\n"],
        ["f(", "[", "]", ");\n"],
        ["const o = ", "{a:", "}", ";\n"],
        ["", "f(", ")", ";\n"],
    ];
    survives_nesting(FileKind::JavaScript, "t.js", 10_000, &cases);
}
