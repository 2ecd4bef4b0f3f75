//! Checks over source-code facts shared by every language front-end.

use serde::Deserialize;

use super::{key_beside_data, login_without_tls, sensitive_fields, Check};
use crate::facts::{Span, Value};
use crate::lint::catalog::ValueTest;
use crate::lint::predicates::{self, mentions_password, password_like, Subject};
use crate::lint::{glob, CheckCtx, Hit};

/// The digests, password setters and fields `password-sink-fast-hash` follows, and the hash
/// constructors whose own pattern already reports a password-named input.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SinkParams {
    digests: Vec<String>,
    setters: Vec<String>,
    fields: Vec<String>,
    hashes: Vec<String>,
}

/// Callees a library pattern already covers by module.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoveredParams {
    covered: Vec<String>,
}

/// The plaintext-URL test a check applies (`schemes`), read as the value test it is.
pub struct UrlTestParams(ValueTest);

impl<'de> Deserialize<'de> for UrlTestParams {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Schemes {
            schemes: Vec<String>,
        }
        let Schemes { schemes } = Schemes::deserialize(d)?;
        let mut test = ValueTest::default();
        test.check = Some("plaintext-url".into());
        test.schemes = schemes;
        Ok(UrlTestParams(test))
    }
}

pub const CHECKS: &[Check] = &[
    Check::new(
        "record-stores-key-with-ciphertext",
        key_beside_data::record_with_key,
    ),
    Check::new(
        "key-uploaded-beside-ciphertext",
        key_beside_data::upload_beside_ciphertext,
    ),
    Check::new("login-without-starttls", login_without_tls::check),
    Check::with_params::<sensitive_fields::SensitiveParams>(
        "regulated-data-in-plain-field",
        sensitive_fields::sensitive_field,
    ),
    Check::with_params::<SinkParams>("password-sink-fast-hash", password_sink_fast_hash),
    Check::with_params::<CoveredParams>("cipher-new-literal-key", cipher_new_literal_key),
    Check::with_params::<UrlTestParams>("untyped-client-request", untyped_client_request),
    Check::with_params::<super::javascript::CredentialParams>(
        "grpc-insecure-credentials",
        super::javascript::grpc_insecure_credentials,
    ),
];

/// The digest of a fast hash (`hashlib.md5(pw).hexdigest()`, `MD5.new()` fed by `update`,
/// `hashes.Hash(...).finalize()`) handed to a password setter (`user.setPassword(digest)`) or
/// stored in a password field (`user.password = digest`): whatever the input was called, it
/// is the password. The pattern's params name the digests, setters and fields; `hashes` are
/// the constructors whose own pattern already reports a password-named input, so that one
/// mistake gives one finding.
pub fn password_sink_fast_hash(ctx: &CheckCtx) -> Vec<Hit> {
    let SinkParams {
        digests,
        setters,
        fields,
        hashes,
    } = ctx.params();
    let facts = &ctx.file.facts;
    let within = |inner: Span, outer: Span| outer.start <= inner.start && inner.end <= outer.end;
    // Is the digest `value`, made within `region` and used at `at`, already reported where
    // the hash is fed a password-named value?
    // A salted input is a different, lesser mistake the hash patterns judge on their own.
    let salted = |t: &str| {
        let t = t.to_ascii_lowercase();
        t.contains("salt") || t.contains("pepper")
    };
    let reported_at_hash = |digest: &str, region: Span, at: usize| {
        let fed_inside = facts.calls.iter().any(|c| {
            glob::any(hashes, &c.callee)
                && within(c.span, region)
                && c.args
                    .iter()
                    .any(|a| mentions_password(&a.text) || salted(&a.text))
        });
        let receiver = digest.rsplit_once('.').map_or(digest, |(r, _)| r);
        let update = format!("{receiver}.update");
        let fed_before = facts.calls.iter().any(|c| {
            c.callee == update
                && c.span.start < at
                && c.arg(None, Some(0))
                    .is_some_and(|a| password_like(&a.arg.text) || salted(&a.arg.text))
        });
        fed_inside || fed_before
    };
    let fast_digest = |v: &Value| match v {
        Value::Call(c) if glob::any(digests, &c.callee) => Some(c.callee.clone()),
        _ => None,
    };
    let mut hits = Vec::new();
    for call in facts.calls.iter().filter(|c| glob::any(setters, &c.callee)) {
        let Some(arg) = call.arg(None, Some(0)) else {
            continue;
        };
        let Some(digest) = fast_digest(&arg.value) else {
            continue;
        };
        let region = arg.arg.origin.unwrap_or(arg.arg.span);
        if !reported_at_hash(&digest, region, call.span.start) {
            hits.push(Hit::with(arg.arg.span, MESSAGE));
        }
    }
    for a in facts
        .assigns
        .iter()
        .filter(|a| glob::any(fields, &a.target))
    {
        let Some(digest) = fast_digest(&a.value) else {
            continue;
        };
        if !reported_at_hash(&digest, a.value_span, a.span.start) {
            hits.push(Hit::with(a.value_span, MESSAGE));
        }
    }
    hits
}

const MESSAGE: &str = "a fast unsalted hash of the password is stored as the password";

/// `X.new(key, X.MODE_CBC, iv)` where `X` is a name the front-end could not resolve (a module
/// imported elsewhere, a star import): the `MODE_*` argument shows it is a PyCryptodome-style
/// cipher constructor, so a literal first argument is a written-in key. Callees the pattern
/// already covers by module (`params.covered`) are left to it.
pub fn cipher_new_literal_key(ctx: &CheckCtx) -> Vec<Hit> {
    let covered = &ctx.params::<CoveredParams>().covered;
    // The default key test: a literal of at least 8 bytes.
    let key_test = ValueTest::default();
    let mut hits = Vec::new();
    for call in ctx.file.facts.calls.iter() {
        if !call.callee.ends_with(".new") || glob::any(covered, &call.callee) {
            continue;
        }
        let mode = call.arg(Some("mode"), Some(1)).map(|a| a.value);
        if !matches!(&mode, Some(Value::Name(n)) if n.rsplit('.').next().is_some_and(|m| m.starts_with("MODE_")))
        {
            continue;
        }
        let Some(key) = call.arg(Some("key"), Some(0)) else {
            continue;
        };
        let subject = Subject {
            value: &key.value,
            text: &key.arg.text,
        };
        if predicates::test("key-material", &subject, &key_test) {
            hits.push(Hit::at(key.arg.span));
        }
    }
    hits
}

/// `client.request("GET", "http://remote/...")` on a receiver the front-end could not type
/// (`?client`: a name bound more than once). An HTTP verb first and a plaintext URL second is
/// the signature of urllib3, requests, httpx and aiohttp clients alike; typed receivers are
/// left to the library patterns.
pub fn untyped_client_request(ctx: &CheckCtx) -> Vec<Hit> {
    const VERBS: &[&str] = &["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
    let mut hits = Vec::new();
    for call in ctx.file.facts.calls.iter() {
        if !(call.callee.starts_with('?') && call.callee.ends_with(".request")) {
            continue;
        }
        let verb = call.arg(Some("method"), Some(0)).map(|a| a.value);
        if !matches!(&verb, Some(Value::Str(v)) if VERBS.iter().any(|m| m.eq_ignore_ascii_case(v)))
        {
            continue;
        }
        let Some(url) = call.arg(Some("url"), Some(1)) else {
            continue;
        };
        let subject = Subject {
            value: &url.value,
            text: &url.arg.text,
        };
        if predicates::test("plaintext-url", &subject, &ctx.params::<UrlTestParams>().0) {
            hits.push(Hit::at(url.arg.span));
        }
    }
    hits
}
