use openssl::ssl::{SslConnector, SslMethod, SslVerifyMode as Mode};

pub fn connector() -> Result<SslConnector, openssl::error::ErrorStack> {
    let mut builder = SslConnector::builder(SslMethod::tls_client())?;
    // expect: tls-verification-disabled
    builder.set_verify(Mode::NONE);
    Ok(builder.build())
}

pub fn empty_mode() -> Result<SslConnector, openssl::error::ErrorStack> {
    let mut builder = SslConnector::builder(SslMethod::tls())?;
    // expect: tls-verification-disabled
    builder.set_verify(Mode::empty());
    Ok(builder.build())
}

pub fn callback_accepts_all() -> Result<SslConnector, openssl::error::ErrorStack> {
    let mut builder = SslConnector::builder(SslMethod::tls())?;
    // expect: tls-verification-disabled
    builder.set_verify_callback(Mode::PEER, |_preverified, _ctx| true);
    Ok(builder.build())
}

pub fn callback_checks() -> Result<SslConnector, openssl::error::ErrorStack> {
    let mut builder = SslConnector::builder(SslMethod::tls())?;
    // ok: tls-verification-disabled -- the callback keeps OpenSSL's verdict
    builder.set_verify_callback(Mode::PEER, |preverified, _ctx| preverified);
    Ok(builder.build())
}

pub fn no_hostname(url_host: &str) -> Result<(), openssl::error::ErrorStack> {
    let connector = SslConnector::builder(SslMethod::tls())?.build();
    // expect: tls-verification-disabled
    let config = connector.configure()?.verify_hostname(false);
    let _ = (config, url_host);
    Ok(())
}

pub fn peer_required() -> Result<SslConnector, openssl::error::ErrorStack> {
    let mut builder = SslConnector::builder(SslMethod::tls())?;
    // ok: tls-verification-disabled -- PEER with FAIL_IF_NO_PEER_CERT verifies
    builder.set_verify(Mode::PEER | Mode::FAIL_IF_NO_PEER_CERT);
    Ok(builder.build())
}
