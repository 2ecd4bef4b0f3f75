use reqwest::Client;

const ORDERS_API: &str = "http://orders.internal.example.com/v1";
const LOCAL_API: &str = "http://127.0.0.1:8080";

pub async fn fetch_orders(client: &Client) -> reqwest::Result<String> {
    // expect: plaintext-transport
    client.get(format!("{ORDERS_API}/orders")).send().await?.text().await
}

pub async fn health() -> reqwest::Result<String> {
    // ok: plaintext-transport -- loopback
    reqwest::get(format!("{LOCAL_API}/health")).await?.text().await
}

pub async fn secure() -> reqwest::Result<String> {
    // ok: plaintext-transport -- https
    reqwest::get("https://api.example.com/status").await?.text().await
}

pub fn report(body: String) -> Result<ureq::Response, ureq::Error> {
    // expect: plaintext-transport
    ureq::post("http://metrics.example.net/ingest").send_string(&body)
}

pub async fn ws() {
    // expect: plaintext-transport
    let _ = tokio_tungstenite::connect_async("ws://feed.example.org/stream").await;
    // ok: plaintext-transport -- wss
    let _ = tokio_tungstenite::connect_async("wss://feed.example.org/stream").await;
}

pub async fn from_config(client: &Client, base: &str) -> reqwest::Result<reqwest::Response> {
    // ok: plaintext-transport -- the host is not known
    client.get(format!("http://{base}/x")).send().await
}

pub async fn parsed_url(client: &Client) -> reqwest::Result<reqwest::Response> {
    let url = reqwest::Url::parse("http://billing.example.com/invoices").expect("valid url");
    // expect: plaintext-transport
    client.get(url).send().await
}

pub async fn actix_client() {
    let client = awc::Client::default();
    // expect: plaintext-transport
    let _ = client.get("http://inventory.example.com/items").send().await;
}

pub fn dynamic_urls() {
    let protocol = "http://";
    let host = "api.example.com";
    let url = format!("{}{}", protocol, host);
    // expect: plaintext-transport
    let _ = reqwest::blocking::get(&url);
    // ok: plaintext-transport -- IPv6 loopback in its long form
    let _ = reqwest::blocking::get("http://[0:0:0:0:0:0:0:1]/test");
}

pub async fn grpc() {
    // expect: plaintext-transport
    let _ = tonic::transport::Channel::from_static("http://grpc.internal.example.com:50051").connect().await;
    // expect: plaintext-transport
    let _ = proto::orders_client::OrdersClient::connect("http://orders.internal.example.com:50051").await;
    // ok: plaintext-transport -- the tonic example server on loopback
    let _ = proto::greeter_client::GreeterClient::connect("http://[::1]:50051").await;
}
