use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, Error, SignatureScheme};

#[derive(Debug)]
struct AcceptEverything;

impl ServerCertVerifier for AcceptEverything {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        _m: &[u8],
        _c: &CertificateDer<'_>,
        _d: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        Ok(HandshakeSignatureValid::assertion())
    }
}

#[derive(Debug)]
struct PinnedVerifier {
    pin: Vec<u8>,
}

impl ServerCertVerifier for PinnedVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        if end_entity.as_ref() == self.pin.as_slice() {
            Ok(ServerCertVerified::assertion())
        } else {
            Err(Error::General("certificate does not match the pin".into()))
        }
    }
}

pub fn staging_config() -> ClientConfig {
    ClientConfig::builder()
        .dangerous()
        // expect: tls-verification-disabled
        .with_custom_certificate_verifier(Arc::new(AcceptEverything))
        .with_no_client_auth()
}

pub fn pinned_config(pin: Vec<u8>) -> ClientConfig {
    ClientConfig::builder()
        .dangerous()
        // ok: tls-verification-disabled -- the verifier compares the certificate to a pin
        .with_custom_certificate_verifier(Arc::new(PinnedVerifier { pin }))
        .with_no_client_auth()
}

pub fn imported_verifier(mut config: ClientConfig) -> ClientConfig {
    config
        .dangerous()
        // expect: tls-verification-disabled
        .set_certificate_verifier(Arc::new(crate::danger::NoCertificateVerification));
    config
}

#[cfg(test)]
mod tests {
    use super::*;

    fn test_config() -> ClientConfig {
        ClientConfig::builder()
            .dangerous()
            // expect: tls-verification-disabled
            .with_custom_certificate_verifier(Arc::new(AcceptEverything))
            .with_no_client_auth()
    }
}

pub fn bound_first() -> ClientConfig {
    let verifier = Arc::new(AcceptEverything);
    ClientConfig::builder()
        .dangerous()
        // expect: tls-verification-disabled
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth()
}
