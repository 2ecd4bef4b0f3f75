use openssl::ssl::{SslAcceptor, SslMethod};

const LEGACY_CIPHERS: &str = "ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA:RC4-SHA";

pub fn legacy() -> Result<SslAcceptor, openssl::error::ErrorStack> {
    let mut b = SslAcceptor::mozilla_intermediate_v5(SslMethod::tls())?;
    // expect: tls-weak-cipher
    b.set_cipher_list(LEGACY_CIPHERS)?;
    Ok(b.build())
}

pub fn everything() -> Result<SslAcceptor, openssl::error::ErrorStack> {
    let mut b = SslAcceptor::mozilla_intermediate_v5(SslMethod::tls())?;
    // expect: tls-weak-cipher
    b.set_cipher_list("ALL:@SECLEVEL=0")?;
    Ok(b.build())
}

pub fn strict() -> Result<SslAcceptor, openssl::error::ErrorStack> {
    let mut b = SslAcceptor::mozilla_intermediate_v5(SslMethod::tls())?;
    // ok: tls-weak-cipher -- weak suites are excluded with `!`
    b.set_cipher_list("ECDHE+AESGCM:!aNULL:!MD5:!RC4:!3DES")?;
    // ok: tls-weak-cipher -- TLS 1.3 AEAD suites
    b.set_ciphersuites("TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256")?;
    Ok(b.build())
}
