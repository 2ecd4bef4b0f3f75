use lettre::SmtpTransport;

pub fn cache() -> redis::RedisResult<redis::Client> {
    // expect: plaintext-transport
    redis::Client::open("redis://cache.prod.example.com:6379/0")
}

pub fn local_cache() -> redis::RedisResult<redis::Client> {
    // ok: plaintext-transport -- loopback
    redis::Client::open("redis://localhost:6379")
}

pub fn tls_cache() -> redis::RedisResult<redis::Client> {
    // ok: plaintext-transport -- rediss:// is TLS
    redis::Client::open("rediss://cache.prod.example.com:6380/0")
}

pub fn relay() -> SmtpTransport {
    // expect: plaintext-transport
    SmtpTransport::builder_dangerous("smtp.example.com").port(25).build()
}

pub fn local_relay() -> SmtpTransport {
    // ok: plaintext-transport -- a relay on this machine
    SmtpTransport::builder_dangerous("localhost").port(1025).build()
}

pub fn ftp_upload() -> suppaftp::FtpResult<()> {
    let mut ftp = suppaftp::FtpStream::connect("ftp.example.com:21")?;
    // expect: plaintext-transport
    ftp.login("user", "pass")?;
    Ok(())
}

pub fn ftps_upload(ctx: suppaftp::native_tls::TlsConnector) -> suppaftp::FtpResult<()> {
    let mut ftp = suppaftp::FtpStream::connect("ftp.example.com:21")?;
    ftp = ftp.into_secure(ctx.into(), "ftp.example.com")?;
    // ok: plaintext-transport -- the session was upgraded to TLS first
    ftp.login("user", "pass")?;
    Ok(())
}

pub fn relay_without_tls() -> Result<SmtpTransport, lettre::transport::smtp::Error> {
    use lettre::transport::smtp::client::Tls;
    Ok(SmtpTransport::relay("smtp.example.com")?
        // expect: plaintext-transport
        .tls(Tls::None)
        .build())
}

pub fn relay_with_tls() -> Result<SmtpTransport, lettre::transport::smtp::Error> {
    // ok: plaintext-transport -- relay() uses implicit TLS
    Ok(SmtpTransport::relay("smtp.example.com")?.build())
}
