//! `smtplib.SMTP(host)` followed by `login()` on the same connection with no `starttls()`
//! sends the credentials in clear text. `SMTP_SSL` and a `starttls()` call are fine, and so is
//! a connection to a loopback relay.

use crate::facts::Value;
use crate::lint::predicates::is_loopback;
use crate::lint::{CheckCtx, Hit};

pub fn check(ctx: &CheckCtx) -> Vec<Hit> {
    let facts = &ctx.file.facts;
    let constructors = ["smtplib.SMTP", "smtplib.LMTP"];
    let mut hits = Vec::new();
    for ctor in constructors {
        let instance = format!("{ctor}()");
        let method = |m: &str| format!("{instance}.{m}");
        let logs_in = facts.calls.iter().any(|c| c.callee == method("login"));
        let starts_tls = facts.calls.iter().any(|c| c.callee == method("starttls"));
        if !logs_in || starts_tls {
            continue;
        }
        for call in facts.calls.iter().filter(|c| c.callee == ctor) {
            let host = call.arg(Some("host"), Some(0)).map(|a| a.value);
            if let Some(Value::Str(h)) = &host {
                if is_loopback(h) {
                    continue;
                }
            }
            hits.push(Hit::with(
                call.span,
                "SMTP login over a connection that never calls starttls()",
            ));
        }
    }
    hits
}
