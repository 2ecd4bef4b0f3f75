//! A key kept in the same place as the data it protects: one record type with both an
//! encrypted field and the key that decrypts it, or code that uploads a key into the same
//! bucket as its ciphertext. Envelope encryption (a KMS-wrapped data key beside the data) and
//! key identifiers (`kms_key_id`, `key_arn`) are not keys.

use crate::facts::{Call, Value};
use crate::lint::{CheckCtx, Hit};

/// Field and variable names that hold ciphertext.
pub fn is_ciphertext_name(name: &str) -> bool {
    let n = snake(name);
    (n.contains("encrypted")
        || n.contains("ciphertext")
        || n.contains("cipher_text")
        || n.starts_with("enc_")
        || n.ends_with("_enc")
        || n.contains("sealed"))
        && !is_wrapped_key_name(&n)
}

/// Names of a usable key: `encryption_key`, `data_key`, `dek`, `aes_key`, `fernet_key`.
pub fn is_key_name(name: &str) -> bool {
    let n = snake(name).replace('-', "_");
    let n = n.trim_start_matches('_');
    if is_wrapped_key_name(n) || is_key_reference(n) {
        return false;
    }
    const EXACT: &[&str] = &["key", "dek", "secret_key", "enc_key", "cek"];
    const SUFFIXES: &[&str] = &[
        "encryption_key",
        "data_key",
        "datakey",
        "aes_key",
        "fernet_key",
        "cipher_key",
        "symmetric_key",
        "decryption_key",
        "crypto_key",
        "field_key",
        "record_key",
        "_dek",
        "plaintext_key",
        "raw_key",
    ];
    EXACT.contains(&n)
        || SUFFIXES.iter().any(|s| n.ends_with(s))
        || n == "encryptionkey"
        || n == "datakey"
}

/// `encryptedSsn` and `encrypted_ssn` alike: camelCase (JavaScript, Java) becomes snake_case.
fn snake(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    let mut prev_lower = false;
    for c in name.chars() {
        if c.is_ascii_uppercase() && prev_lower {
            out.push('_');
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// A wrapped (KMS-encrypted) data key, safe to store beside the data.
fn is_wrapped_key_name(n: &str) -> bool {
    n.contains("wrapped")
        || n.contains("encrypted_key")
        || n.contains("encrypted_data_key")
        || n.contains("encrypted_dek")
        || n.contains("key_blob")
        || n.contains("kms")
}

/// An identifier of a key kept elsewhere.
fn is_key_reference(n: &str) -> bool {
    [
        "key_id",
        "keyid",
        "key_arn",
        "key_ref",
        "key_name",
        "key_version",
        "key_alias",
        "key_uri",
        "key_path",
        "key_url",
        "_kid",
    ]
    .iter()
    .any(|s| n.ends_with(s))
}

pub fn record_with_key(ctx: &CheckCtx) -> Vec<Hit> {
    let mut hits = Vec::new();
    for record in &ctx.file.facts.records {
        let has_ciphertext = record.fields.iter().any(|f| is_ciphertext_name(&f.name));
        if !has_ciphertext {
            continue;
        }
        // In a dict literal `key` is as often a lookup key as a crypto key; in a declared
        // model beside ciphertext fields it is the key.
        let generic_key_is_key = record.name != "dict";
        for field in record
            .fields
            .iter()
            .filter(|f| is_key_name(&f.name) && (f.name != "key" || generic_key_is_key))
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

const UPLOADS: &[(&str, &str, &str)] = &[
    // (callee suffix, bucket argument, body argument)
    (".put_object", "Bucket", "Body"),
    (".upload_fileobj", "Bucket", "Fileobj"),
    (".upload_from_string", "", "data"),
];

fn upload_parts(call: &Call) -> Option<(Value, &str, crate::facts::Span)> {
    for (suffix, bucket_arg, body_arg) in UPLOADS {
        if !call.callee.ends_with(suffix) {
            continue;
        }
        let bucket = if bucket_arg.is_empty() {
            Value::Unknown
        } else {
            call.arg(Some(bucket_arg), None).map(|a| a.value)?
        };
        let body = call.arg(Some(body_arg), Some(0))?;
        let written = body.arg.text.split(" <- ").next().unwrap_or("");
        return Some((bucket, written, body.arg.span));
    }
    None
}

pub fn upload_beside_ciphertext(ctx: &CheckCtx) -> Vec<Hit> {
    let uploads: Vec<_> = ctx
        .file
        .facts
        .calls
        .iter()
        .filter_map(upload_parts)
        .collect();
    let mut hits = Vec::new();
    for (bucket, body, span) in &uploads {
        if !is_key_name(body.trim()) {
            continue;
        }
        let beside = uploads
            .iter()
            .any(|(b, other, _)| b == bucket && !is_key_name(other.trim()));
        if beside {
            hits.push(Hit::with(
                *span,
                format!(
                    "`{}` is uploaded to the same bucket as the data it encrypts",
                    body.trim()
                ),
            ));
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_names_exclude_references_and_wrapped_keys() {
        for yes in [
            "encryption_key",
            "data_key",
            "dek",
            "aes_key",
            "user_fernet_key",
        ] {
            assert!(is_key_name(yes), "{yes}");
        }
        for no in [
            "kms_key_id",
            "encrypted_data_key",
            "wrapped_key",
            "key_arn",
            "api_key_name",
            "public_key_path",
            "primary_key",
        ] {
            assert!(!is_key_name(no), "{no}");
        }
        assert!(is_ciphertext_name("encrypted_notes"));
        assert!(is_ciphertext_name("encryptedSsn"));
        assert!(is_key_name("aesKey") && is_key_name("encryptionKey"));
        assert!(!is_key_name("kmsKeyId") && !is_key_name("wrappedDataKey"));
        assert!(!is_ciphertext_name("encrypted_data_key"));
    }
}
