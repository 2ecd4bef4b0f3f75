//! A mail client (`smtplib.SMTP`, `imaplib.IMAP4`, `poplib.POP3`) that logs in on a connection
//! it never upgrades with STARTTLS sends the credentials in clear text. The TLS classes
//! (`SMTP_SSL`, `IMAP4_SSL`, `POP3_SSL`), an upgrade call anywhere on the same kind of
//! connection in the file, and a loopback relay are fine.

use crate::facts::Value;
use crate::lint::predicates::is_loopback;
use crate::lint::{CheckCtx, Hit};

struct Protocol {
    constructor: &'static str,
    logins: &'static [&'static str],
    upgrade: &'static str,
    name: &'static str,
}

const PROTOCOLS: &[Protocol] = &[
    Protocol {
        constructor: "smtplib.SMTP",
        logins: &["login"],
        upgrade: "starttls",
        name: "SMTP",
    },
    Protocol {
        constructor: "smtplib.LMTP",
        logins: &["login"],
        upgrade: "starttls",
        name: "LMTP",
    },
    Protocol {
        constructor: "imaplib.IMAP4",
        logins: &["login", "authenticate"],
        upgrade: "starttls",
        name: "IMAP",
    },
    Protocol {
        constructor: "poplib.POP3",
        logins: &["user", "pass_", "apop", "rpop"],
        upgrade: "stls",
        name: "POP3",
    },
];

pub fn check(ctx: &CheckCtx) -> Vec<Hit> {
    let facts = &ctx.file.facts;
    let mut hits = Vec::new();
    for p in PROTOCOLS {
        let method = |m: &str| format!("{}().{m}", p.constructor);
        let logs_in = facts
            .calls
            .iter()
            .any(|c| p.logins.iter().any(|l| c.callee == method(l)));
        let upgrades = facts.calls.iter().any(|c| c.callee == method(p.upgrade));
        if !logs_in || upgrades {
            continue;
        }
        for call in facts.calls.iter().filter(|c| c.callee == p.constructor) {
            if let Some(Value::Str(h)) = call.arg(Some("host"), Some(0)).map(|a| a.value) {
                if is_loopback(&h) {
                    continue;
                }
            }
            let message = format!(
                "{} login over a connection that is never upgraded with {}()",
                p.name, p.upgrade
            );
            hits.push(Hit::with(call.span, message));
        }
    }
    hits
}
