//! X.509 certificates as facts: what a committed certificate says about itself (subject, end of
//! validity, public key), for the PEM and DER readers and for PEM text carried inside other
//! files' strings. Parsing is `x509-parser`'s; this module only finds the bytes.

use super::values::base64_prefix;
use crate::facts::{Certificate, Span};
use x509_parser::public_key::PublicKey;

/// PEM block types that hold a certificate (`TRUSTED CERTIFICATE` is OpenSSL's, with trust
/// settings after the certificate itself).
pub const PEM_TYPES: &[&str] = &["CERTIFICATE", "TRUSTED CERTIFICATE", "X509 CERTIFICATE"];

const BEGIN: &str = "-----BEGIN CERTIFICATE-----";
const END: &str = "-----END CERTIFICATE-----";
/// `-----BEGIN CERTIFICATE-----` in base64, as it starts a value that encodes a PEM file (a
/// Kubernetes Secret's `tls.crt`, a Helm value).
const BEGIN_BASE64: &str = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t";

/// Whether `text` may carry a certificate [`embedded`] would find: a cheap test before it.
pub fn may_embed(text: &str) -> bool {
    text.contains(BEGIN) || text.contains(BEGIN_BASE64)
}

/// The certificate a DER encoding holds, or `None` when it is not one.
pub fn from_der(der: &[u8], span: Span) -> Option<Certificate> {
    let (_, cert) = x509_parser::parse_x509_certificate(der).ok()?;
    let spki = cert.public_key();
    let (key_algorithm, key_bits) = match spki.parsed() {
        Ok(PublicKey::RSA(rsa)) => ("RSA".to_string(), Some(rsa.key_size())),
        Ok(PublicKey::EC(ec)) => ("EC".to_string(), Some(ec.key_size())),
        Ok(PublicKey::DSA(y)) => ("DSA".to_string(), Some(y.len() * 8)),
        _ => (
            algorithm_name(&spki.algorithm.algorithm.to_id_string()),
            None,
        ),
    };
    Some(Certificate {
        subject: cert.subject().to_string(),
        not_after: cert.validity().not_after.timestamp(),
        key_algorithm,
        key_bits: key_bits
            .and_then(|b| u32::try_from(b).ok())
            .filter(|&b| b > 0),
        ca: cert.is_ca(),
        span,
    })
}

fn algorithm_name(oid: &str) -> String {
    match oid {
        "1.3.101.112" => "Ed25519".into(),
        "1.3.101.113" => "Ed448".into(),
        _ => oid.to_string(),
    }
}

/// The certificate in a PEM block's body (its lines between the BEGIN and END lines).
pub fn from_pem_body(body: &str, span: Span) -> Option<Certificate> {
    let b64: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    from_der(&base64_prefix(&b64, usize::MAX, false)?, span)
}

/// Certificates written into another file's text: PEM blocks whose lines are indented (a YAML
/// block scalar, a heredoc) or joined by `\n` escapes (a JSON string), and base64-encoded PEM
/// files (a Kubernetes Secret's `data`). Each points at its BEGIN line or its base64 value.
pub fn embedded(text: &str) -> Vec<Certificate> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(found) = text[at..].find(BEGIN) {
        let start = at + found;
        let body_start = start + BEGIN.len();
        let Some(len) = text[body_start..].find(END) else {
            break;
        };
        let body = text[body_start..body_start + len]
            .replace("\\n", "")
            .replace("\\r", "");
        let span = Span::new(start, body_start + len + END.len());
        out.extend(from_pem_body(&body, span));
        at = span.end;
    }
    let mut at = 0;
    while let Some(found) = text[at..].find(BEGIN_BASE64) {
        let start = at + found;
        let len = text[start..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
            .count();
        let span = Span::new(start, start + len);
        if let Some(decoded) = base64_prefix(&text[span.start..span.end], usize::MAX, false) {
            let pem = String::from_utf8_lossy(&decoded);
            for mut cert in embedded(&pem) {
                cert.span = span;
                out.push(cert);
            }
        }
        at = span.end;
    }
    out
}
