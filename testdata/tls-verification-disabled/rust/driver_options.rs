use mysql_async::SslOpts;

pub fn mysql_tls() -> SslOpts {
    SslOpts::default()
        // expect: tls-verification-disabled
        .with_danger_accept_invalid_certs(true)
}

pub fn mysql_verified() -> SslOpts {
    // ok: tls-verification-disabled -- verification stays on
    SslOpts::default().with_danger_accept_invalid_certs(false)
}

pub fn redis_insecure() -> redis::RedisResult<redis::Client> {
    // expect: tls-verification-disabled
    redis::Client::open("rediss://cache.example.com:6380/#insecure")
}

pub fn redis_verified() -> redis::RedisResult<redis::Client> {
    // ok: tls-verification-disabled -- rediss:// with verification
    redis::Client::open("rediss://cache.example.com:6380/")
}

pub fn isahc_client() -> Result<isahc::HttpClient, isahc::Error> {
    use isahc::config::{Configurable, SslOption};
    isahc::HttpClient::builder()
        // expect: tls-verification-disabled
        .ssl_options(SslOption::DANGER_ACCEPT_INVALID_CERTS)
        .build()
}

pub fn isahc_both_flags() -> Result<isahc::HttpClient, isahc::Error> {
    use isahc::config::{Configurable, SslOption};
    isahc::HttpClient::builder()
        // todo-expect: tls-verification-disabled
        .ssl_options(SslOption::DANGER_ACCEPT_INVALID_CERTS | SslOption::DANGER_ACCEPT_INVALID_HOSTS)
        .build()
}
