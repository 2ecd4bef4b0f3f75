// A documentation snippet: statements at the top level, not a compilable file. It is read as
// the body of a function (and the syntax error is still reported).
use openssl::ssl::{SslConnector, SslMethod, SslVerifyMode};

let mut builder = SslConnector::builder(SslMethod::tls()).unwrap();
// expect: tls-verification-disabled
builder.set_verify(SslVerifyMode::NONE);

let client = reqwest::Client::builder()
    // ok: tls-verification-disabled -- verification stays on
    .danger_accept_invalid_certs(false)
    .build();

// openssl before 0.10 named the modes as constants.
let mut connector = openssl::ssl::SslConnectorBuilder::new(SslMethod::tls()).unwrap();
// expect: tls-verification-disabled
connector.builder_mut().set_verify(openssl::ssl::SSL_VERIFY_NONE);
// ok: tls-verification-disabled -- peer verification
connector.builder_mut().set_verify(openssl::ssl::SSL_VERIFY_PEER);
