//! DER front-end: a binary `.der`/`.cer`/`.crt` file is one X.509 certificate. Its text holds
//! one character per byte ([`crate::read::load_binary`]); the certificate becomes a
//! [`Certificate`](crate::facts::Certificate) fact at the file's start.

use super::{x509, LowerError};
use crate::facts::{Facts, Span};
use crate::source::SourceFile;

pub fn lower(src: &SourceFile) -> Result<Facts, LowerError> {
    // Characters above U+00FF mean the text was not read as bytes (an editor buffer).
    let bytes: Option<Vec<u8>> = src.text.chars().map(|c| u8::try_from(c).ok()).collect();
    let cert = bytes.and_then(|b| x509::from_der(&b, Span::new(0, 0)));
    match cert {
        Some(cert) => Ok(Facts {
            certificates: vec![cert],
            ..Facts::default()
        }),
        None => Err(LowerError::skip(
            "DER data that is not an X.509 certificate",
        )),
    }
}
