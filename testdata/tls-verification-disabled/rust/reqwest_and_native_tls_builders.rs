use std::time::Duration;

use native_tls::TlsConnector;
use reqwest::Client;

const INSECURE: bool = true;

pub fn api_client() -> reqwest::Result<Client> {
    Client::builder()
        .timeout(Duration::from_secs(30))
        // expect: tls-verification-disabled
        .danger_accept_invalid_certs(true)
        .build()
}

pub fn blocking_client() -> reqwest::Result<reqwest::blocking::Client> {
    reqwest::blocking::Client::builder()
        // expect: tls-verification-disabled
        .danger_accept_invalid_hostnames(INSECURE)
        .build()
}

pub fn strict_client() -> reqwest::Result<Client> {
    Client::builder()
        // ok: tls-verification-disabled -- explicitly keeps verification on
        .danger_accept_invalid_certs(false)
        .build()
}

pub fn tls_connector() -> native_tls::Result<TlsConnector> {
    let mut builder = TlsConnector::builder();
    // expect: tls-verification-disabled
    builder.danger_accept_invalid_certs(true);
    // ok: tls-verification-disabled -- hostnames still checked
    builder.danger_accept_invalid_hostnames(false);
    builder.build()
}

pub fn configured(builder: &mut native_tls::TlsConnectorBuilder, skip: bool) {
    // ok: tls-verification-disabled -- a runtime setting, not a constant
    builder.danger_accept_invalid_certs(skip);
}
