use lapin::{Connection, ConnectionProperties};
use rdkafka::config::ClientConfig;

pub async fn rabbit() -> lapin::Result<Connection> {
    // expect: plaintext-transport
    Connection::connect("amqp://app:secret@rabbit.prod.example.com:5672/%2f", ConnectionProperties::default()).await
}

pub async fn rabbit_tls() -> lapin::Result<Connection> {
    // ok: plaintext-transport -- amqps://
    Connection::connect("amqps://app:secret@rabbit.prod.example.com:5671/%2f", ConnectionProperties::default()).await
}

pub fn directory() -> ldap3::result::Result<ldap3::LdapConn> {
    // expect: plaintext-transport
    ldap3::LdapConn::new("ldap://ldap.corp.example.com:389")
}

pub fn directory_tls() -> ldap3::result::Result<ldap3::LdapConn> {
    // ok: plaintext-transport -- ldaps://
    ldap3::LdapConn::new("ldaps://ldap.corp.example.com:636")
}

pub fn kafka() -> ClientConfig {
    let mut config = ClientConfig::new();
    config.set("bootstrap.servers", "kafka.prod.example.com:9092");
    // expect: plaintext-transport
    config.set("security.protocol", "PLAINTEXT");
    config
}

pub fn kafka_tls() -> ClientConfig {
    let mut config = ClientConfig::new();
    // ok: plaintext-transport -- SSL
    config.set("security.protocol", "SSL");
    config
}
