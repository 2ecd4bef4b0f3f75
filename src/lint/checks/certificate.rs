//! Committed X.509 certificates: the end of their validity against the scan's date, and the
//! size of the key they certify. The front-ends parsed them (see `lang::x509`); these checks
//! only compare.

use serde::Deserialize;

use super::Check;
use crate::lint::{CheckCtx, Hit};

pub const CHECKS: &[Check] = &[
    Check::new("certificate-expires", expires),
    Check::with_params::<KeyParams>("certificate-weak-key", weak_key),
];

const DAY: i64 = 86_400;

/// A certificate past its `notAfter`, or within `certificate-expiry-days` of it.
fn expires(ctx: &CheckCtx) -> Vec<Hit> {
    let now = ctx.scan.now;
    let window = ctx.scan.certificate_expiry_days.saturating_mul(DAY);
    let mut hits = Vec::new();
    for cert in &ctx.file.facts.certificates {
        let left = cert.not_after.saturating_sub(now);
        if left > window {
            continue;
        }
        let who = subject(&cert.subject);
        let date = date_of(cert.not_after);
        let message = if left < 0 {
            let days = (-left).div_euclid(DAY);
            format!(
                "the certificate {who} expired on {date}, {}",
                days_ago(days)
            )
        } else {
            let days = left.div_euclid(DAY);
            format!(
                "the certificate {who} expires on {date}, {} (the warning window is {} days)",
                days_ahead(days),
                ctx.scan.certificate_expiry_days
            )
        };
        hits.push(Hit::with(cert.span, message));
    }
    hits
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyParams {
    /// The smallest acceptable RSA (and DSA) key, in bits.
    min_rsa_bits: u32,
    /// The smallest acceptable elliptic-curve key, in bits.
    min_ec_bits: u32,
}

/// A certificate for an RSA or DSA key under `min_rsa_bits`, or an EC key under `min_ec_bits`.
fn weak_key(ctx: &CheckCtx) -> Vec<Hit> {
    let params: &KeyParams = ctx.params();
    let mut hits = Vec::new();
    for cert in &ctx.file.facts.certificates {
        let Some(bits) = cert.key_bits else {
            continue;
        };
        let min = match cert.key_algorithm.as_str() {
            "RSA" | "DSA" => params.min_rsa_bits,
            "EC" => params.min_ec_bits,
            _ => continue,
        };
        if bits < min {
            hits.push(Hit::with(
                cert.span,
                format!(
                    "the certificate {} is for a {bits}-bit {} key (at least {min} bits are needed)",
                    subject(&cert.subject),
                    cert.key_algorithm
                ),
            ));
        }
    }
    hits
}

fn subject(subject: &str) -> String {
    if subject.is_empty() {
        "with no subject".to_string()
    } else {
        format!("`{subject}`")
    }
}

/// `2025-03-01`, in UTC.
fn date_of(secs: i64) -> String {
    match time::OffsetDateTime::from_unix_timestamp(secs) {
        Ok(t) => format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day()),
        Err(_) => format!("{secs} seconds after 1970"),
    }
}

fn days_ago(days: i64) -> String {
    match days {
        0 => "today".into(),
        1 => "1 day ago".into(),
        n => format!("{n} days ago"),
    }
}

fn days_ahead(days: i64) -> String {
    match days {
        0 => "today".into(),
        1 => "in 1 day".into(),
        n => format!("in {n} days"),
    }
}

/// A `--now` value: a date (`2026-12-01`, midnight UTC) or an RFC 3339 date and time.
pub fn parse_now(text: &str) -> Result<i64, String> {
    use time::format_description::well_known::Rfc3339;
    let full = if text.len() == 10 {
        format!("{text}T00:00:00Z")
    } else {
        text.to_string()
    };
    time::OffsetDateTime::parse(&full, &Rfc3339)
        .map(time::OffsetDateTime::unix_timestamp)
        .map_err(|e| {
            format!("`{text}` is not a date (2026-12-01) or an RFC 3339 time (2026-12-01T09:30:00Z): {e}")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_both_ways() {
        let t = parse_now("2026-12-01").unwrap_or_default();
        assert_eq!(t, 1_796_083_200);
        assert_eq!(date_of(t), "2026-12-01");
        assert_eq!(
            parse_now("2026-12-01T01:00:00+01:00").unwrap_or_default(),
            t
        );
        assert!(parse_now("yesterday").is_err());
        assert!(parse_now("2026-13-01").is_err());
    }
}
