// A 2015-edition file: a trait object without `dyn` is an item syn cannot read. That item is
// skipped with a syntax-error notice; the items around it are still checked.
use reqwest::Client;

type Handler = Fn(&[u8]) + Send + Sync;

pub fn insecure() -> reqwest::Result<Client> {
    Client::builder()
        // expect: tls-verification-disabled
        .danger_accept_invalid_certs(true)
        .build()
}

struct Legacy {
    handler: Box<Fn(&[u8]) + Send + Sync>,
}

pub fn verified() -> reqwest::Result<Client> {
    // ok: tls-verification-disabled -- verification stays on
    Client::builder().danger_accept_invalid_certs(false).build()
}
