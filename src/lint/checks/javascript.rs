//! Checks over JavaScript/TypeScript facts that a pattern cannot express.

use serde::Deserialize;

use super::Check;
use crate::facts::{Call, Span};
use crate::lint::glob;
use crate::lint::predicates::{falsy, host_of, is_loopback, password_like, truthy};
use crate::lint::{CheckCtx, Hit};

pub const CHECKS: &[Check] = &[
    Check::new("js-reject-unauthorized-off", reject_unauthorized_off),
    Check::new("js-password-fast-hash", password_fast_hash),
    Check::with_params::<CredentialParams>(
        "js-grpc-insecure-credentials",
        grpc_insecure_credentials,
    ),
];

fn is_server_constructor(callee: &str) -> bool {
    callee.ends_with(".createServer")
        || callee.ends_with(".createSecureServer")
        || matches!(
            callee,
            "tls.Server" | "https.Server" | "http2.Http2SecureServer"
        )
}

/// `new tls.TLSSocket(socket, { isServer: true, ... })`: the server end of a connection.
fn is_server_socket(c: &Call) -> bool {
    (c.callee == "tls.TLSSocket" || c.callee.ends_with(".TLSSocket"))
        && c.arg(Some("isServer"), None)
            .is_some_and(|a| truthy(&a.value))
}

fn within(inner: Span, outer: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// `rejectUnauthorized: false` (an options object, an agent, a DB driver's `ssl` block) or
/// `x.rejectUnauthorized = false`. On a server (`tls.createServer`) the option governs client
/// certificates only: that is optional mutual TLS, not a client that trusts any server.
fn reject_unauthorized_off(ctx: &CheckCtx) -> Vec<Hit> {
    let facts = &ctx.file.facts;
    let mut servers: Vec<Span> = Vec::new();
    for c in facts
        .calls
        .iter()
        .filter(|c| is_server_constructor(&c.callee) || is_server_socket(c))
    {
        servers.push(c.span);
        servers.extend(c.args.iter().filter_map(|a| a.origin));
    }
    let mut hits = Vec::new();
    for e in facts
        .entries
        .iter()
        .filter(|e| e.key == "rejectUnauthorized" && falsy(&e.value))
    {
        if servers.iter().any(|s| within(e.span, *s)) {
            continue;
        }
        hits.push(Hit::at(e.span));
    }
    for a in facts
        .assigns
        .iter()
        .filter(|a| a.target.ends_with(".rejectUnauthorized") && falsy(&a.value))
    {
        hits.push(Hit::at(a.span));
    }
    hits
}

/// `createHash('sha1').update(password)`: a fast, unsalted hash of a password. The hash object
/// is the `createHash` call the chain starts with, or the nearest one before the `update`.
fn password_fast_hash(ctx: &CheckCtx) -> Vec<Hit> {
    let calls = &ctx.file.facts.calls;
    let is_create = |c: &Call| c.callee == "crypto.createHash" || c.callee.ends_with(".createHash");
    let mut hits = Vec::new();
    for update in calls
        .iter()
        .filter(|c| c.callee.ends_with("createHash().update"))
    {
        let Some(data) = update.arg(None, Some(0)) else {
            continue;
        };
        if !password_like(&data.arg.text) {
            continue;
        }
        let hash = calls
            .iter()
            .filter(|c| is_create(c))
            .find(|c| c.span.start == update.span.start)
            .or_else(|| {
                calls
                    .iter()
                    .filter(|c| is_create(c) && c.span.end <= update.span.start)
                    .max_by_key(|c| c.span.end)
            });
        let algorithm = hash
            .and_then(|h| h.arg(None, Some(0)))
            .and_then(|a| a.value.as_str().map(str::to_ascii_lowercase));
        let message = match algorithm {
            Some(alg) => format!("the password is hashed with {alg}, a fast unsalted hash"),
            None => "the password is hashed with a fast unsalted hash".to_string(),
        };
        hits.push(Hit::with(update.span, message));
    }
    hits
}

/// `grpc.credentials.createInsecure()` (or `ServerCredentials`, `ChannelCredentials`): a
/// plaintext channel or port, unless the client or `bindAsync` it is passed to names a
/// loopback address (a sidecar on the same machine). A server bound to `0.0.0.0` listens on
/// every interface, so that is not loopback for a server.
/// The insecure-credentials constructors (`*.credentials.createInsecure`).
/// Where the credentials are the first argument of a wrapper (Go's
/// `grpc.WithTransportCredentials(insecure.NewCredentials())`), the dial they are passed to
/// is the one that names the address.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CredentialParams {
    credentials: Vec<String>,
}

pub(super) fn grpc_insecure_credentials(ctx: &CheckCtx) -> Vec<Hit> {
    let globs = &ctx.params::<CredentialParams>().credentials;
    let calls = &ctx.file.facts.calls;
    let mut hits = Vec::new();
    for cred in calls.iter().filter(|c| glob::any(globs, &c.callee)) {
        let mut inner = cred.span;
        let mut target = None;
        for _ in 0..4 {
            let holds = |a: &crate::facts::Arg| {
                within(inner, a.span) || a.origin.is_some_and(|o| within(inner, o))
            };
            let owner = calls
                .iter()
                .filter(|c| c.span != inner && c.args.iter().any(holds))
                .min_by_key(|c| c.span.end - c.span.start);
            let first = owner.and_then(|o| o.arg(None, Some(0)));
            match (owner, &first) {
                (Some(o), Some(a)) if within(inner, a.arg.span) => inner = o.span,
                _ => {
                    target = first.map(|a| a.value);
                    break;
                }
            }
        }
        let server = cred.callee.ends_with("ServerCredentials.createInsecure");
        let local = target
            .as_ref()
            .and_then(|v| v.as_text())
            .and_then(host_of)
            .is_some_and(|h| is_loopback(h) && !(server && h == "0.0.0.0"));
        if !local {
            hits.push(Hit::at(cred.span));
        }
    }
    hits
}
