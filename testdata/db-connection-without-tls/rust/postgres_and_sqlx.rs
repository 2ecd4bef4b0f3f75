use sqlx::postgres::{PgConnectOptions, PgPool, PgSslMode};
use tokio_postgres::NoTls;

pub async fn orders() -> Result<(), tokio_postgres::Error> {
    // expect: db-connection-without-tls
    let (client, conn) = tokio_postgres::connect("host=orders-db.prod.example.com user=app", NoTls).await?;
    let _ = (client, conn);
    Ok(())
}

pub async fn local() -> Result<(), tokio_postgres::Error> {
    // ok: db-connection-without-tls -- loopback
    let (client, conn) = tokio_postgres::connect("host=localhost user=postgres", NoTls).await?;
    let _ = (client, conn);
    Ok(())
}

pub async fn local_host_list() -> Result<(), tokio_postgres::Error> {
    // ok: db-connection-without-tls -- every listed host is loopback
    let (client, conn) = tokio_postgres::connect("hostaddr=127.0.0.1,127.0.0.2 host=localhost user=app", NoTls).await?;
    let _ = (client, conn);
    Ok(())
}

pub async fn from_env() -> Result<(), tokio_postgres::Error> {
    let url = std::env::var("DATABASE_URL").unwrap_or_default();
    // ok: db-connection-without-tls -- the host is not known here
    let (client, conn) = tokio_postgres::connect(&url, NoTls).await?;
    let _ = (client, conn);
    Ok(())
}

pub fn sync_client() -> Result<postgres::Client, postgres::Error> {
    // expect: db-connection-without-tls
    postgres::Client::connect("postgresql://app@billing-db.example.com/billing", postgres::NoTls)
}

pub async fn config_builder() -> Result<(), tokio_postgres::Error> {
    let (c, conn) = tokio_postgres::Config::new()
        .host("reports-db.example.com")
        .user("reports")
        // expect: db-connection-without-tls
        .connect(NoTls)
        .await?;
    let _ = (c, conn);
    Ok(())
}

pub fn sqlx_options() -> PgConnectOptions {
    PgConnectOptions::new()
        .host("ledger.example.com")
        // expect: db-connection-without-tls
        .ssl_mode(PgSslMode::Disable)
}

pub fn sqlx_verified() -> PgConnectOptions {
    PgConnectOptions::new()
        .host("ledger.example.com")
        // ok: db-connection-without-tls -- full verification
        .ssl_mode(PgSslMode::VerifyFull)
}

pub async fn pool() -> sqlx::Result<PgPool> {
    // expect: db-connection-without-tls
    PgPool::connect("postgres://app@ledger.example.com/ledger?sslmode=disable").await
}

pub async fn pool_verified() -> sqlx::Result<PgPool> {
    // ok: db-connection-without-tls -- sslmode=verify-full
    PgPool::connect("postgres://app@ledger.example.com/ledger?sslmode=verify-full").await
}

pub async fn from_dsn() -> Result<(), Box<dyn std::error::Error>> {
    use std::str::FromStr;
    let (client, conn) = tokio_postgres::Config::from_str("host=warehouse.example.com user=etl")?
        // expect: db-connection-without-tls
        .connect(NoTls)
        .await?;
    let _ = (client, conn);
    Ok(())
}

pub fn sql_server() -> tiberius::Config {
    let mut config = tiberius::Config::new();
    config.host("mssql.example.com");
    // expect: db-connection-without-tls
    config.encryption(tiberius::EncryptionLevel::NotSupported);
    // ok: db-connection-without-tls -- encryption required
    config.encryption(tiberius::EncryptionLevel::Required);
    config
}
