//! Checks over Java facts that a pattern cannot say: a trust manager or hostname verifier
//! whose body accepts everything, a key-pair generator initialised below the size its
//! algorithm needs, a gRPC channel in plaintext to a host that is not this machine, and a
//! TLS socket whose peer's host name nothing checks.

use super::Check;
use crate::facts::{Call, Facts, Function, Span, Value};
use crate::lint::predicates::{host_of, is_loopback};
use crate::lint::{CheckCtx, Hit};

pub const CHECKS: &[Check] = &[
    Check::new("java-trust-manager-accepts-any", trust_manager),
    Check::new("java-hostname-verifier-accepts-any", hostname_verifier),
    Check::new("java-key-pair-size", key_pair_size),
    Check::new("java-grpc-plaintext-remote", grpc_plaintext),
    Check::new("java-ssl-socket-unchecked-host", ssl_socket_unchecked_host),
];

fn within(inner: Span, outer: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

fn implements(f: &Function, simple: &[&str]) -> bool {
    f.implements.iter().any(|i| {
        let last = i.rsplit('.').next().unwrap_or(i);
        simple.contains(&last)
    })
}

/// A call that only reports (`System.out.println`, `log.debug`): it cannot reject a
/// certificate.
fn only_reports(c: &Call) -> bool {
    let (receiver, method) = c.callee.rsplit_once('.').unwrap_or(("", &c.callee));
    let receiver = receiver.to_ascii_lowercase();
    let logging = matches!(
        method,
        "println"
            | "print"
            | "printf"
            | "debug"
            | "info"
            | "warn"
            | "warning"
            | "trace"
            | "fine"
            | "finer"
            | "finest"
            | "log"
            | "error"
    );
    logging
        && (receiver.contains("log")
            || receiver.ends_with("system.out")
            || receiver.ends_with("system.err"))
}

/// Every way out of the method is a normal return, and nothing it calls could throw the
/// `CertificateException` that rejects a chain.
fn accepts_silently(f: &Function, facts: &Facts) -> bool {
    !f.returns.is_empty()
        && f.returns.iter().all(|v| *v == Value::Null)
        && !facts
            .calls
            .iter()
            .any(|c| within(c.span, f.span) && !only_reports(c))
}

fn name_span(f: &Function, method: &str) -> Span {
    Span::new(f.span.start, f.span.start + method.len())
}

/// `checkServerTrusted` of an `X509TrustManager` that returns without looking: reported once
/// per class, at its first such method.
fn trust_manager(ctx: &CheckCtx) -> Vec<Hit> {
    let facts = &ctx.file.facts;
    let mut owners: Vec<&str> = Vec::new();
    let mut hits = Vec::new();
    for f in &facts.functions {
        let Some(owner) = f.name.strip_suffix(".checkServerTrusted") else {
            continue;
        };
        if !implements(
            f,
            &[
                "X509TrustManager",
                "X509ExtendedTrustManager",
                "TrustManager",
            ],
        ) || owners.contains(&owner)
            || !accepts_silently(f, facts)
        {
            continue;
        }
        owners.push(owner);
        hits.push(Hit::with(
            name_span(f, "checkServerTrusted"),
            "the trust manager accepts every server certificate",
        ));
    }
    hits
}

fn always_true(f: &Function) -> bool {
    !f.returns.is_empty() && f.returns.iter().all(|v| *v == Value::Bool(true))
}

/// Calls that install a verifier or trust strategy given as their last argument.
fn sets_verifier(c: &Call) -> bool {
    let method = c.callee.rsplit('.').next().unwrap_or(&c.callee);
    matches!(
        method,
        "setHostnameVerifier"
            | "setDefaultHostnameVerifier"
            | "setSSLHostnameVerifier"
            | "hostnameVerifier"
            | "loadTrustMaterial"
    )
}

/// A `HostnameVerifier.verify` that returns `true` whatever it is given: a method of a class
/// or anonymous class, a lambda declared as a `HostnameVerifier`, or a lambda passed straight
/// to a verifier setter (`builder.hostnameVerifier((h, s) -> true)`).
fn hostname_verifier(ctx: &CheckCtx) -> Vec<Hit> {
    let facts = &ctx.file.facts;
    let mut hits = Vec::new();
    for f in &facts.functions {
        if !always_true(f) {
            continue;
        }
        let declared = if f.name == "<lambda>" {
            implements(f, &["HostnameVerifier", "TrustStrategy"])
        } else {
            (f.name.ends_with(".verify") && implements(f, &["HostnameVerifier"]))
                || (f.name.ends_with(".isTrusted") && implements(f, &["TrustStrategy"]))
        };
        let passed = f.name == "<lambda>"
            && f.implements.is_empty()
            && facts
                .calls
                .iter()
                .any(|c| sets_verifier(c) && c.args.last().is_some_and(|a| a.span == f.span));
        if declared || passed {
            let span = if f.name == "<lambda>" {
                f.span
            } else {
                name_span(f, f.name.rsplit('.').next().unwrap_or(""))
            };
            hits.push(Hit::with(
                span,
                "the verifier accepts every host or certificate",
            ));
        }
    }
    hits
}

/// `KeyPairGenerator.initialize(n)` below 2048 bits for RSA, DSA and DH, or 224 bits for EC;
/// the algorithm is that of the nearest `KeyPairGenerator.getInstance` before it (when there
/// is none, only sizes no curve has, 572 to 2047, are reported).
fn key_pair_size(ctx: &CheckCtx) -> Vec<Hit> {
    let facts = &ctx.file.facts;
    let is_factory = |c: &Call| c.callee.ends_with("KeyPairGenerator.getInstance");
    let mut hits = Vec::new();
    for c in facts.calls.iter().filter(|c| {
        c.callee
            .ends_with("KeyPairGenerator.getInstance().initialize")
            || c.callee.ends_with("KeyPairGenerator.initialize")
    }) {
        let Some(Value::Int(bits)) = c.args.first().map(|a| &a.value) else {
            continue;
        };
        let algorithm = facts
            .calls
            .iter()
            .rfind(|g| is_factory(g) && g.span.start < c.span.start)
            .and_then(|g| g.args.first())
            .and_then(|a| a.value.as_str())
            .map(str::to_ascii_uppercase);
        let weak = match algorithm.as_deref() {
            Some("EC" | "ECDSA" | "ECDH") => *bits < 224,
            Some("RSA" | "DSA" | "DH" | "DIFFIEHELLMAN" | "RSASSA-PSS") => *bits < 2048,
            Some(_) => false,
            None => (572..2048).contains(bits),
        };
        if weak {
            hits.push(Hit::with(
                c.args[0].span,
                format!("a {bits}-bit key pair is too small"),
            ));
        }
    }
    hits
}

/// `usePlaintext()` on a gRPC channel builder whose target is not this machine: the target
/// is read from the `forAddress`/`forTarget` call in the same chain; a builder made elsewhere
/// has an unknown target and is reported.
fn grpc_plaintext(ctx: &CheckCtx) -> Vec<Hit> {
    let facts = &ctx.file.facts;
    let mut hits = Vec::new();
    for c in facts
        .calls
        .iter()
        .filter(|c| c.callee.ends_with(".usePlaintext"))
    {
        let target = facts.calls.iter().find(|b| {
            within(b.span, c.span)
                && (b.callee.ends_with("ChannelBuilder.forAddress")
                    || b.callee.ends_with("ChannelBuilder.forTarget"))
        });
        let local = target
            .and_then(|b| b.args.first())
            .and_then(|a| a.value.as_text())
            .and_then(host_of)
            .is_some_and(is_loopback);
        if !local {
            hits.push(Hit::with(
                c.callee_span,
                "the gRPC channel sends its calls in plaintext",
            ));
        }
    }
    hits
}

/// `SSLSocketFactory.createSocket(host, port)`: unlike `HttpsURLConnection`, a bare
/// `SSLSocket` checks the certificate chain but not that it names `host`, so any site with
/// a valid certificate can stand in. The file must turn endpoint identification on
/// (`setEndpointIdentificationAlgorithm("HTTPS")`) or check the session itself
/// (`HostnameVerifier.verify`); `createSocket()` without a peer is connected elsewhere.
fn ssl_socket_unchecked_host(ctx: &CheckCtx) -> Vec<Hit> {
    let facts = &ctx.file.facts;
    let checked = facts.calls.iter().any(|c| {
        c.callee.ends_with(".setEndpointIdentificationAlgorithm")
            || c.callee.ends_with("HostnameVerifier.verify")
            || c.callee.ends_with("getDefaultHostnameVerifier().verify")
    });
    if checked {
        return Vec::new();
    }
    facts
        .calls
        .iter()
        .filter(|c| {
            let (receiver, method) = c.callee.rsplit_once('.').unwrap_or(("", ""));
            method == "createSocket"
                && (receiver.contains("SSLSocketFactory")
                    || receiver.ends_with("getSocketFactory()"))
                && c.args.len() >= 2
        })
        .map(|c| {
            Hit::with(
                c.callee_span,
                "the TLS socket does not check the server's host name",
            )
        })
        .collect()
}
