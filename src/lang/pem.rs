//! PEM front-end: every `-----BEGIN <TYPE>-----` block becomes a [`Directive`] named after its
//! type (`PRIVATE KEY`, `RSA PRIVATE KEY`, `CERTIFICATE`), spanning the block. A block whose key
//! is protected by a passphrase (`Proc-Type: 4,ENCRYPTED`, `ENCRYPTED PRIVATE KEY`, an OpenSSH
//! key with a cipher other than `none`) gets the section `encrypted`; every other block has an
//! empty section. Certificate blocks also become [`Certificate`](crate::facts::Certificate)
//! facts (see [`super::x509`]).

use super::values::base64_prefix;
use super::x509;
use super::LowerError;
use crate::facts::{Directive, Facts, Span};
use crate::source::SourceFile;

pub fn lower(src: &SourceFile) -> Result<Facts, LowerError> {
    Ok(lower_text(&src.text))
}

fn lower_text(text: &str) -> Facts {
    let mut facts = Facts::default();
    let mut offset = 0;
    let mut open: Option<(String, usize, String)> = None; // (type, start, body)
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let t = line.trim();
        if let Some(kind) = t
            .strip_prefix("-----BEGIN ")
            .and_then(|r| r.strip_suffix("-----"))
        {
            open = Some((
                kind.to_string(),
                start + (line.len() - line.trim_start().len()),
                String::new(),
            ));
            continue;
        }
        if let Some(kind) = t
            .strip_prefix("-----END ")
            .and_then(|r| r.strip_suffix("-----"))
        {
            if let Some((begin, block_start, body)) = open.take() {
                if begin == kind {
                    let span = Span::new(block_start, start + line.trim_end().len());
                    if x509::PEM_TYPES.contains(&kind) {
                        facts.certificates.extend(x509::from_pem_body(&body, span));
                    }
                    let encrypted = kind.starts_with("ENCRYPTED")
                        || body.contains("Proc-Type: 4,ENCRYPTED")
                        || (kind == "OPENSSH PRIVATE KEY" && openssh_encrypted(&body));
                    facts.directives.push(Directive {
                        section: if encrypted {
                            "encrypted".into()
                        } else {
                            String::new()
                        },
                        name: kind.to_string(),
                        args: Vec::new(),
                        span,
                    });
                }
            }
            continue;
        }
        if let Some((_, _, body)) = open.as_mut() {
            body.push_str(t);
            body.push('\n');
        }
    }
    facts
}

/// An `openssh-key-v1` blob names its cipher right after the magic: `none` when unprotected.
fn openssh_encrypted(body: &str) -> bool {
    let b64: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    // Only the blob's head is needed, in the standard alphabet.
    let Some(bytes) = base64_prefix(&b64, 64, false) else {
        return false;
    };
    let magic = b"openssh-key-v1\0";
    if !bytes.starts_with(magic) || bytes.len() < magic.len() + 4 {
        return false;
    }
    let n = &bytes[magic.len()..magic.len() + 4];
    let len = u32::from_be_bytes([n[0], n[1], n[2], n[3]]) as usize;
    let name = bytes.get(magic.len() + 4..magic.len() + 4 + len);
    name.is_some_and(|c| c != b"none")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_and_encryption() {
        let src = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00\n\nabc\n-----END RSA PRIVATE KEY-----\n-----BEGIN PRIVATE KEY-----\nMIGH\n-----END PRIVATE KEY-----\n";
        let f = lower_text(src);
        let v: Vec<_> = f
            .directives
            .iter()
            .map(|d| (d.name.as_str(), d.section.as_str()))
            .collect();
        assert_eq!(
            v,
            vec![
                ("CERTIFICATE", ""),
                ("RSA PRIVATE KEY", "encrypted"),
                ("PRIVATE KEY", "")
            ]
        );
        let d = &f.directives[2];
        assert!(src[d.span.start..d.span.end].starts_with("-----BEGIN PRIVATE KEY-----"));
        assert!(src[d.span.start..d.span.end].ends_with("-----END PRIVATE KEY-----"));
    }

    #[test]
    fn openssh_cipher_name() {
        // "openssh-key-v1\0" + u32 len 4 + "none"
        let mut blob = b"openssh-key-v1\0".to_vec();
        blob.extend([0, 0, 0, 4]);
        blob.extend(b"none");
        let enc = encode(&blob);
        assert!(!openssh_encrypted(&enc));
        let mut blob = b"openssh-key-v1\0".to_vec();
        blob.extend([0, 0, 0, 10]);
        blob.extend(b"aes256-ctr");
        assert!(openssh_encrypted(&encode(&blob)));
    }

    fn encode(bytes: &[u8]) -> String {
        const T: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let b = [
                chunk[0],
                *chunk.get(1).unwrap_or(&0),
                *chunk.get(2).unwrap_or(&0),
            ];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for i in 0..=chunk.len() {
                out.push(T[((n >> (18 - 6 * i)) & 63) as usize] as char);
            }
        }
        out
    }
}
