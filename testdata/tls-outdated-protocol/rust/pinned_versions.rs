use native_tls::{Protocol, TlsConnector};
use openssl::ssl::{SslConnector, SslMethod, SslVersion};
use reqwest::tls::Version;

pub fn reqwest_client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        // expect: tls-outdated-protocol
        .min_tls_version(Version::TLS_1_0)
        .build()
}

pub fn reqwest_modern() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        // ok: tls-outdated-protocol -- TLS 1.2 minimum
        .min_tls_version(Version::TLS_1_2)
        .build()
}

pub fn native() -> native_tls::Result<TlsConnector> {
    TlsConnector::builder()
        // expect: tls-outdated-protocol
        .min_protocol_version(Some(Protocol::Tlsv11))
        .build()
}

pub fn native_modern() -> native_tls::Result<TlsConnector> {
    TlsConnector::builder()
        // ok: tls-outdated-protocol -- TLS 1.2 minimum
        .min_protocol_version(Some(Protocol::Tlsv12))
        .build()
}

pub fn openssl_legacy() -> Result<SslConnector, openssl::error::ErrorStack> {
    let mut b = SslConnector::builder(SslMethod::tls())?;
    // expect: tls-outdated-protocol
    b.set_min_proto_version(Some(SslVersion::TLS1))?;
    // ok: tls-outdated-protocol -- TLS1_2 contains TLS1 but is current
    b.set_max_proto_version(Some(SslVersion::TLS1_2))?;
    Ok(b.build())
}

pub fn openssl_modern() -> Result<SslConnector, openssl::error::ErrorStack> {
    let mut b = SslConnector::builder(SslMethod::tls())?;
    // ok: tls-outdated-protocol -- TLS1_2 minimum
    b.set_min_proto_version(Some(SslVersion::TLS1_2))?;
    Ok(b.build())
}

pub fn legacy_method() -> Result<openssl::ssl::SslContextBuilder, openssl::error::ErrorStack> {
    // expect: tls-outdated-protocol
    openssl::ssl::SslContext::builder(openssl::ssl::SslMethod::Tlsv1)
}

pub fn negotiated_method() -> Result<openssl::ssl::SslContextBuilder, openssl::error::ErrorStack> {
    // ok: tls-outdated-protocol -- negotiates the best shared version
    openssl::ssl::SslContext::builder(openssl::ssl::SslMethod::tls())
}
