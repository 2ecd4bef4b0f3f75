//! Checks over Rust facts that a pattern cannot say: a rustls verifier that accepts every
//! certificate, an openssl verify callback that always says yes, `NoTls` to a host that is
//! not this machine, and a persisted struct holding a key beside its ciphertext.

use std::sync::OnceLock;

use regex::Regex;

use super::key_beside_data::{is_ciphertext_name, is_key_name};
use super::Check;
use crate::facts::{Call, Facts, Function, Span, Value};
use crate::lint::predicates::{host_of, is_loopback};
use crate::lint::{CheckCtx, Hit};

pub const CHECKS: &[Check] = &[
    Check::new("rust-rustls-verifier-accepts-any", rustls_verifier),
    Check::new("rust-verify-callback-accepts-any", verify_callback),
    Check::new("rust-notls-to-remote-host", notls_remote),
    Check::new("rust-persisted-struct-stores-key", persisted_struct_key),
    Check::new(
        "rust-key-written-beside-ciphertext",
        key_written_beside_ciphertext,
    ),
];

/// Does every way out of `verify_server_cert` say the certificate is fine?
fn accepts_any(f: &Function) -> bool {
    !f.returns.is_empty()
        && f.returns.iter().all(|v| match v {
            Value::Call(c) if c.callee == "Ok" && c.args.len() == 1 => matches!(
                &c.args[0].value,
                Value::Call(a) if a.callee.ends_with("ServerCertVerified.assertion")
            ),
            _ => false,
        })
}

/// Verifier type names that say they check nothing (`NoCertificateVerification`,
/// `SkipServerVerification`, `AcceptAnyCert`): used when the type lives in another file.
fn no_verification_name(text: &str) -> bool {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)\b(no|skip|insecure|danger\w*|accept_?any|accept_?all|trust_?all|trust_?any|dummy|noop|null|fake|permissive|allow_?any|disabled?|unverified|unchecked)_?(server_?)?(cert\w*|verif\w*|tls\w*)",
        )
        .ok()
    })
    .as_ref()
    .is_some_and(|re| re.is_match(text))
}

fn sets_verifier(c: &Call) -> bool {
    c.callee.ends_with(".with_custom_certificate_verifier")
        || c.callee.ends_with(".set_certificate_verifier")
}

fn mentions(text: &str, ident: &str) -> bool {
    text.match_indices(ident).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + ident.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

fn rustls_verifier(ctx: &CheckCtx) -> Vec<Hit> {
    let facts = &ctx.file.facts;
    let verifiers: Vec<(&str, &Function)> = facts
        .functions
        .iter()
        .filter_map(|f| {
            let ty = f.name.strip_suffix(".verify_server_cert")?;
            Some((ty.rsplit('.').next().unwrap_or(ty), f))
        })
        .collect();
    let mut hits = Vec::new();
    let mut used = vec![false; verifiers.len()];
    let src = &ctx.file.src.text;
    for c in facts.calls.iter().filter(|c| sets_verifier(c)) {
        let Some(arg) = c.args.first() else { continue };
        // `let verifier = Arc::new(NoVerifier); ...(verifier)`: judge what the name was bound to.
        let mut text = arg.text.clone();
        if let Some(o) = arg.origin {
            text.push(' ');
            text.push_str(src.get(o.start..o.end).unwrap_or(""));
        }
        let local: Vec<usize> = (0..verifiers.len())
            .filter(|&i| mentions(&text, verifiers[i].0))
            .collect();
        for &i in &local {
            used[i] = true;
        }
        let dangerous = if local.is_empty() {
            no_verification_name(&text)
        } else {
            local.iter().any(|&i| accepts_any(verifiers[i].1))
        };
        if dangerous {
            hits.push(Hit::with(
                arg.span,
                "the custom certificate verifier accepts any certificate",
            ));
        }
    }
    for (i, (ty, f)) in verifiers.iter().enumerate() {
        if !used[i] && accepts_any(f) {
            let name_len = "verify_server_cert".len();
            hits.push(Hit::with(
                Span::new(f.span.start, f.span.start + name_len),
                format!("`{ty}::verify_server_cert` accepts any certificate"),
            ));
        }
    }
    hits
}

fn always_true(f: &Function) -> bool {
    !f.returns.is_empty() && f.returns.iter().all(|v| *v == Value::Bool(true))
}

fn verify_callback(ctx: &CheckCtx) -> Vec<Hit> {
    let facts = &ctx.file.facts;
    let mut hits = Vec::new();
    for c in facts
        .calls
        .iter()
        .filter(|c| c.callee.ends_with(".set_verify_callback"))
    {
        let mode_none = c.args.first().is_some_and(
            |a| matches!(&a.value, Value::Name(n) if n.ends_with("SslVerifyMode.NONE")),
        );
        let Some(cb) = c.args.get(1) else { continue };
        if mode_none {
            // Verification is already off; the `set_verify` pattern reports the mode.
            continue;
        }
        let closure = facts.functions.iter().find(|f| {
            f.name == "<closure>" && cb.span.start <= f.span.start && f.span.end <= cb.span.end
        });
        let named = || {
            let name = cb.text.trim().trim_start_matches('&');
            facts
                .functions
                .iter()
                .find(|f| f.name == name || f.name.ends_with(&format!(".{name}")))
        };
        if closure.or_else(named).is_some_and(always_true) {
            hits.push(Hit::with(
                cb.span,
                "the verify callback accepts every certificate",
            ));
        }
    }
    hits
}

/// Hosts a call with `NoTls` connects to: its connection string, `.host(..)` calls on the same
/// builder chain, and `*.host = ..` assignments in the file.
fn notls_hosts(call: &Call, facts: &Facts) -> Vec<String> {
    let mut hosts = Vec::new();
    for a in &call.args {
        if let Some(t) = a.value.as_text() {
            hosts.extend(dsn_host(t));
        }
    }
    let chain = call.callee.as_str();
    for c in &facts.calls {
        // An earlier step of the same chain given a connection string
        // (`Config::from_str("host=db ...")?.connect(NoTls)`).
        if c.span != call.span && chain.starts_with(&format!("{}(", c.callee)) {
            for a in &c.args {
                if let Some(t) = a.value.as_text() {
                    hosts.extend(dsn_host(t));
                }
            }
        }
        let Some(prefix) = c
            .callee
            .strip_suffix(".host")
            .or_else(|| c.callee.strip_suffix(".hostaddr"))
        else {
            continue;
        };
        if chain.starts_with(prefix) {
            if let Some(t) = c.args.first().and_then(|a| a.value.as_text()) {
                hosts.push(t.to_string());
            }
        }
    }
    for a in facts.assigns.iter().filter(|a| a.target.ends_with(".host")) {
        if let Some(t) = a.value.as_text() {
            hosts.push(t.to_string());
        }
    }
    hosts
}

/// The host of a URL (`postgres://u@db:5432/x`) or a key-value DSN (`host=db user=x`).
fn dsn_host(text: &str) -> Option<String> {
    if text.contains("://") {
        return host_of(text).map(str::to_string);
    }
    text.split_whitespace()
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| k.trim() == "host" || k.trim() == "hostaddr")
        .map(|(_, v)| v.trim_matches(['\'', '"']).to_string())
}

fn notls_remote(ctx: &CheckCtx) -> Vec<Hit> {
    let facts = &ctx.file.facts;
    let mut hits = Vec::new();
    for c in &facts.calls {
        let Some(arg) = c
            .args
            .iter()
            .find(|a| matches!(&a.value, Value::Name(n) if n == "NoTls" || n.ends_with(".NoTls")))
        else {
            continue;
        };
        let hosts = notls_hosts(c, facts);
        // `host=a,b` lists several hosts; a socket directory (`/var/run/postgresql`) is local.
        let remote = hosts.iter().flat_map(|h| h.split(',')).find(|h| {
            let h = h.trim();
            !h.is_empty()
                && !h.starts_with('/')
                && !h.contains(crate::facts::UNKNOWN_PART)
                && !is_loopback(h)
        });
        if let Some(h) = remote {
            hits.push(Hit::with(
                arg.span,
                format!("the database connection to `{h}` is not encrypted (`NoTls`)"),
            ));
        }
    }
    hits
}

/// Derives and attributes that make a struct a stored row or document.
const PERSISTED: &[&str] = &[
    "Serialize",
    "FromRow",
    "Queryable",
    "Insertable",
    "Selectable",
    "AsChangeset",
    "DeriveEntityModel",
    "diesel",
    "sea_orm",
    "table_name",
    "Document",
    "Model",
];

fn persisted_struct_key(ctx: &CheckCtx) -> Vec<Hit> {
    let mut hits = Vec::new();
    for record in &ctx.file.facts.records {
        let persisted = record.bases.iter().any(|b| {
            let last = b.rsplit('.').next().unwrap_or(b);
            PERSISTED.contains(&last)
        });
        if !persisted || !record.fields.iter().any(|f| is_ciphertext_name(&f.name)) {
            continue;
        }
        for field in record
            .fields
            .iter()
            .filter(|f| is_key_name(&f.name) && f.name != "key")
        {
            hits.push(Hit::with(
                field.span,
                format!(
                    "`{}` stores the key beside the encrypted fields of `{}`",
                    field.name, record.name
                ),
            ));
        }
    }
    hits
}

/// A file write: (the directory it writes into when known, the data's variable name, span).
fn file_write(c: &Call) -> Option<(Option<String>, String, Span)> {
    let (path, data) = if c.callee.ends_with("fs.write") {
        (c.args.first(), c.args.get(1)?)
    } else if c.callee.ends_with(".write_all") {
        (None, c.args.first()?)
    } else {
        return None;
    };
    let dir = path
        .and_then(|p| p.value.as_str())
        .map(|p| match p.rsplit_once('/') {
            Some((d, _)) => d.to_string(),
            None => String::new(),
        });
    Some((dir, data_name(&data.text), data.span))
}

/// The variable a data argument names: `&self.data_key` → `data_key`, `ct.as_slice()` → `ct`.
fn data_name(text: &str) -> String {
    let t = text
        .trim()
        .trim_start_matches(['&', '*'])
        .trim_start_matches("mut ");
    let head = t.split(['(', ')', ',', ' ']).next().unwrap_or(t);
    let head = head
        .strip_suffix(".as_slice")
        .or_else(|| head.strip_suffix(".as_ref"))
        .or_else(|| head.strip_suffix(".as_bytes"))
        .or_else(|| head.strip_suffix(".to_vec"))
        .unwrap_or(head);
    head.rsplit('.').next().unwrap_or(head).to_string()
}

fn key_written_beside_ciphertext(ctx: &CheckCtx) -> Vec<Hit> {
    let facts = &ctx.file.facts;
    let writes: Vec<(usize, Option<String>, String, Span)> = facts
        .calls
        .iter()
        .filter_map(|c| {
            let (dir, name, span) = file_write(c)?;
            // The innermost function holding the write groups writes that happen together.
            let owner = facts
                .functions
                .iter()
                .enumerate()
                .filter(|(_, f)| f.span.start <= c.span.start && c.span.end <= f.span.end)
                .min_by_key(|(_, f)| f.span.end - f.span.start)
                .map(|(i, _)| i)?;
            Some((owner, dir, name, span))
        })
        .collect();
    let mut hits = Vec::new();
    for (owner, dir, name, span) in &writes {
        if !is_key_name(name) {
            continue;
        }
        let beside = writes.iter().any(|(o, d, n, _)| {
            o == owner && (d == dir || d.is_none() || dir.is_none()) && is_ciphertext_name(n)
        });
        if beside {
            hits.push(Hit::with(
                *span,
                format!("`{name}` is written next to the data it encrypts"),
            ));
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verifier_names_that_check_nothing() {
        for yes in [
            "Arc::new(NoCertificateVerification::new(provider))",
            "Arc::new(NoVerifier)",
            "Arc::new(danger::SkipServerVerification)",
            "Arc::new(AcceptAnyCert {})",
            "Arc::new(InsecureVerifier)",
        ] {
            assert!(no_verification_name(yes), "{yes}");
        }
        for no in [
            "Arc::new(WebPkiServerVerifier::builder(roots).build()?)",
            "verifier",
            "Arc::new(PinnedCertVerifier::new(pins))",
        ] {
            assert!(!no_verification_name(no), "{no}");
        }
    }

    #[test]
    fn dsn_hosts() {
        assert_eq!(
            dsn_host("host=db.example.com user=app").as_deref(),
            Some("db.example.com")
        );
        assert_eq!(
            dsn_host("postgres://app@localhost/db").as_deref(),
            Some("localhost")
        );
        assert_eq!(dsn_host("user=app"), None);
    }
}
