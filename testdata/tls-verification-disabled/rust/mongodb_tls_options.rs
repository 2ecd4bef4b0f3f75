use mongodb::options::{ClientOptions, Tls, TlsOptions};

pub async fn options(uri: &str) -> mongodb::error::Result<ClientOptions> {
    let mut options = ClientOptions::parse(uri).await?;
    let tls = TlsOptions {
        // expect: tls-verification-disabled
        allow_invalid_certificates: Some(true),
        ca_file_path: None,
        ..Default::default()
    };
    options.tls = Some(Tls::Enabled(tls));
    Ok(options)
}

pub fn strict_options() -> TlsOptions {
    TlsOptions {
        // ok: tls-verification-disabled -- verification stays on
        allow_invalid_certificates: Some(false),
        ..Default::default()
    }
}

pub fn builder() -> TlsOptions {
    TlsOptions::builder()
        // expect: tls-verification-disabled
        .allow_invalid_certificates(true)
        .build()
}
