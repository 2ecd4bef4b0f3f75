//! Checks for config facts: URLs in environment and properties values, web-server blocks,
//! backups and key files written by scripts.

use super::CheckFn;
use crate::facts::Value;
use crate::lint::glob;
use crate::lint::predicates::{host_of, plaintext_url};
use crate::lint::{CheckCtx, Hit};

pub const CHECKS: &[(&str, CheckFn)] = &[
    ("env-plaintext-url", env_plaintext_url),
    ("entry-plaintext-url", entry_plaintext_url),
];

fn strings(params: &toml::Table, key: &str) -> Vec<String> {
    params
        .get(key)
        .and_then(|v| v.as_array())
        .map(|list| {
            list.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// A plaintext URL to a host that is named like a real endpoint: one with a dot or an IP
/// address. A bare service name (`http://api:8080`, `redis://cache`) is a container on a
/// private network, and `params.skip` names variables whose URLs are not data paths (proxies).
fn remote_plaintext(value: &Value, schemes: &[String]) -> bool {
    let Some(text) = value.as_text() else {
        return false;
    };
    plaintext_url(text, schemes) && host_of(text.trim()).is_some_and(|h| h.contains(['.', ':']))
}

fn schemes(params: &toml::Table) -> Vec<String> {
    let s = strings(params, "schemes");
    if s.is_empty() {
        ["http", "ws", "ftp"].map(String::from).to_vec()
    } else {
        s
    }
}

/// `REDIS_URL=redis://cache.prod.example.com` in a dotenv, compose or Dockerfile.
fn env_plaintext_url(ctx: &CheckCtx) -> Vec<Hit> {
    let schemes = schemes(&ctx.pattern.params);
    let skip = strings(&ctx.pattern.params, "skip");
    ctx.file
        .facts
        .envs
        .iter()
        .filter(|e| {
            !skip
                .iter()
                .any(|g| glob::matches(g, &e.name.to_ascii_uppercase()))
        })
        .filter(|e| remote_plaintext(&e.value, &schemes))
        .map(|e| Hit::at(e.span))
        .collect()
}

/// `spring.rabbitmq.addresses=amqp://mq.example.com` in a properties or Spring YAML file.
fn entry_plaintext_url(ctx: &CheckCtx) -> Vec<Hit> {
    let schemes = schemes(&ctx.pattern.params);
    let skip = strings(&ctx.pattern.params, "skip");
    ctx.file
        .facts
        .entries
        .iter()
        .filter(|e| {
            !skip
                .iter()
                .any(|g| glob::matches(g, &e.path.to_ascii_lowercase()))
        })
        .filter(|e| remote_plaintext(&e.value, &schemes))
        .map(|e| Hit::at(e.span))
        .collect()
}
