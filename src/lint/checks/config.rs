//! Checks for config facts: URLs in environment and properties values, web-server blocks,
//! backups and key files written by scripts.

use serde::Deserialize;

use super::{Check, RegexParam};
use crate::facts::{Command, Directive, Resource, Span, Value};
use crate::lint::glob;
use crate::lint::predicates::{host_of, plaintext_url};
use crate::lint::{CheckCtx, Hit};

pub const CHECKS: &[Check] = &[
    Check::with_params::<UrlParams>("env-plaintext-url", env_plaintext_url),
    Check::with_params::<UrlParams>("entry-plaintext-url", entry_plaintext_url),
    Check::with_params::<HstsParams>(
        "tls-server-without-strong-hsts",
        tls_server_without_strong_hsts,
    ),
    Check::new("http-server-serves-content", http_server_serves_content),
    Check::new("mysql-aes-default-ecb", mysql_aes_default_ecb),
    Check::new("dump-without-encryption", dump_without_encryption),
    Check::new(
        "key-written-beside-ciphertext",
        key_written_beside_ciphertext,
    ),
    Check::with_params::<SettingRules>("insecure-setting-written", insecure_setting_written),
];

/// Params of the URL checks: the schemes that are plaintext (default http, ws, ftp) and the
/// names (globs) whose URLs are not data paths, such as proxies.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UrlParams {
    #[serde(default = "default_schemes")]
    schemes: Vec<String>,
    #[serde(default)]
    skip: Vec<String>,
}

fn default_schemes() -> Vec<String> {
    ["http", "ws", "ftp"].map(String::from).to_vec()
}

/// The shortest acceptable HSTS max-age in seconds (default a year).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HstsParams {
    #[serde(default = "one_year")]
    min: i64,
}

fn one_year() -> i64 {
    31_536_000
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

/// `REDIS_URL=redis://cache.prod.example.com` in a dotenv, compose or Dockerfile.
fn env_plaintext_url(ctx: &CheckCtx) -> Vec<Hit> {
    let UrlParams { schemes, skip } = ctx.params();
    ctx.file
        .facts
        .envs
        .iter()
        .filter(|e| {
            !skip
                .iter()
                .any(|g| glob::matches(g, &e.name.to_ascii_uppercase()))
        })
        .filter(|e| remote_plaintext(&e.value, schemes))
        .map(|e| Hit::at(e.span))
        .collect()
}

/// `spring.rabbitmq.addresses=amqp://mq.example.com` in a properties or Spring YAML file.
fn entry_plaintext_url(ctx: &CheckCtx) -> Vec<Hit> {
    let UrlParams { schemes, skip } = ctx.params();
    ctx.file
        .facts
        .entries
        .iter()
        .filter(|e| {
            !skip
                .iter()
                .any(|g| glob::matches(g, &e.path.to_ascii_lowercase()))
        })
        .filter(|e| remote_plaintext(&e.value, schemes))
        .map(|e| Hit::at(e.span))
        .collect()
}

fn inside(outer: Span, inner: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

fn joined(d: &Directive) -> String {
    d.args
        .iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn directives_in<'a>(ctx: &'a CheckCtx, r: &Resource) -> Vec<&'a Directive> {
    ctx.file
        .facts
        .directives
        .iter()
        .filter(|d| d.span != r.span && inside(r.span, d.span))
        .collect()
}

fn named<'a>(ds: &[&'a Directive], name: &str) -> Vec<&'a Directive> {
    ds.iter()
        .copied()
        .filter(|d| d.name.eq_ignore_ascii_case(name))
        .collect()
}

/// The ports a server listens on, and whether any listen is TLS.
fn listens(r: &Resource, ds: &[&Directive]) -> (Vec<(String, bool)>, bool) {
    if r.kind == "apache.virtualhost" {
        let tls = named(ds, "SSLEngine")
            .iter()
            .any(|d| joined(d).eq_ignore_ascii_case("on"));
        let addrs = r
            .name
            .split_whitespace()
            .map(|a| (a.to_string(), tls || a.ends_with(":443")))
            .collect();
        return (addrs, tls);
    }
    let mut out = Vec::new();
    for d in named(ds, "listen") {
        let Some(addr) = d.args.first() else { continue };
        let tls = d
            .args
            .iter()
            .skip(1)
            .any(|w| w.text == "ssl" || w.text == "quic");
        out.push((addr.text.clone(), tls || port_of(&addr.text) == Some(443)));
    }
    let ssl_on = named(ds, "ssl")
        .iter()
        .any(|d| joined(d).eq_ignore_ascii_case("on"));
    let any_tls = ssl_on || out.iter().any(|(_, tls)| *tls);
    (out, any_tls)
}

/// `80`, `*:80`, `[::]:80`, `10.0.0.1:80` → 80.
fn port_of(addr: &str) -> Option<u16> {
    let port = match addr.rsplit_once(':') {
        Some((_, p)) => p,
        None => addr,
    };
    port.parse().ok()
}

fn loopback_addr(addr: &str) -> bool {
    let host = addr.rsplit_once(':').map_or("", |(h, _)| h);
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host == "127.0.0.1" || host == "::1" || host == "localhost"
}

fn hsts_headers<'a>(ds: &[&'a Directive]) -> Vec<&'a Directive> {
    ds.iter()
        .copied()
        .filter(|d| {
            (d.name == "add_header"
                || d.name == "more_set_headers"
                || d.name.eq_ignore_ascii_case("Header"))
                && d.args.iter().any(|w| {
                    w.text
                        .to_ascii_lowercase()
                        .starts_with("strict-transport-security")
                })
        })
        .collect()
}

/// What serves content: anything that answers with a page or a proxied response.
const CONTENT: &[&str] = &[
    "proxy_pass",
    "fastcgi_pass",
    "uwsgi_pass",
    "scgi_pass",
    "grpc_pass",
    "memcached_pass",
    "root",
    "alias",
    "try_files",
    "index",
    "DocumentRoot",
    "ProxyPass",
    "Alias",
    "ScriptAlias",
    "WSGIScriptAlias",
    "JkMount",
];

/// Is the server only redirecting (to HTTPS), apart from ACME challenges?
fn serves_content(ds: &[&Directive]) -> bool {
    let acme: Vec<Span> = ds
        .iter()
        .filter(|d| {
            (d.name == "location" || d.name.eq_ignore_ascii_case("Location"))
                && joined(d).contains("acme-challenge")
        })
        .map(|d| d.span)
        .collect();
    let redirect_guard = ds.iter().any(|d| {
        let j = joined(d).to_ascii_lowercase();
        (d.name == "if"
            && ds.iter().any(|r| {
                r.name == "return" && inside(d.span, r.span) && joined(r).contains("https://")
            }))
            || (d.name == "rewrite" && j.contains("https://"))
            || (d.name.eq_ignore_ascii_case("RewriteRule") && j.contains("https://"))
            || d.name.eq_ignore_ascii_case("Redirect")
            || d.name.eq_ignore_ascii_case("RedirectPermanent")
            || d.name.eq_ignore_ascii_case("RedirectMatch")
    });
    if redirect_guard {
        return false;
    }
    ds.iter().any(|d| {
        CONTENT.iter().any(|c| d.name.eq_ignore_ascii_case(c))
            && !acme.iter().any(|a| inside(*a, d.span))
    })
}

/// An nginx/Apache server that listens with TLS and serves content, without a
/// `Strict-Transport-Security` header of at least `params.min` seconds with
/// `includeSubDomains`. Headers set at the `http` level are inherited when the server sets
/// none; an `include` that may hold them makes the check stay silent.
fn tls_server_without_strong_hsts(ctx: &CheckCtx) -> Vec<Hit> {
    let min = ctx.params::<HstsParams>().min;
    let all = &ctx.file.facts.directives;
    let top: Vec<&Directive> = all
        .iter()
        .filter(|d| {
            d.section == "http" || (d.section.is_empty() && d.name.eq_ignore_ascii_case("Header"))
        })
        .collect();
    let mut hits: Vec<Hit> = Vec::new();
    for r in &ctx.file.facts.resources {
        if r.kind != "nginx.server" && r.kind != "apache.virtualhost" {
            continue;
        }
        let ds = directives_in(ctx, r);
        let (_, tls) = listens(r, &ds);
        if !tls || !serves_content(&ds) {
            continue;
        }
        let mut headers = hsts_headers(&ds);
        if headers.is_empty() {
            headers = hsts_headers(&top);
        }
        if headers.is_empty() {
            let opaque_include = ds.iter().chain(top.iter()).any(|d| {
                d.name == "include"
                    || d.name.eq_ignore_ascii_case("Include")
                    || d.name.eq_ignore_ascii_case("IncludeOptional")
            });
            if !opaque_include {
                hits.push(Hit::with(
                    r.header,
                    "TLS server sends no Strict-Transport-Security header",
                ));
            }
            continue;
        }
        if r.kind == "nginx.server" {
            hits.extend(locations_dropping_hsts(ctx, r, &ds));
        }
        for h in headers {
            let value = joined(h).to_ascii_lowercase();
            let age = value.split_once("max-age=").and_then(|(_, rest)| {
                rest.trim_start_matches('"')
                    .split(|c: char| !c.is_ascii_digit())
                    .next()
                    .and_then(|n| n.parse::<i64>().ok())
            });
            let message = match age {
                Some(a) if a < min => "HSTS max-age is shorter than a year",
                None => "HSTS header has no max-age",
                _ if !value.contains("includesubdomains") => {
                    "HSTS header does not cover subdomains (includeSubDomains)"
                }
                _ => continue,
            };
            if !hits.iter().any(|x| x.span == h.span) {
                hits.push(Hit::with(h.span, message));
            }
        }
    }
    hits
}

/// An nginx `server` or Apache `<VirtualHost>` listening on port 80 (not only on loopback) that
/// serves content instead of redirecting to HTTPS.
fn http_server_serves_content(ctx: &CheckCtx) -> Vec<Hit> {
    let mut hits = Vec::new();
    for r in &ctx.file.facts.resources {
        if r.kind != "nginx.server" && r.kind != "apache.virtualhost" {
            continue;
        }
        let ds = directives_in(ctx, r);
        let (addrs, _) = listens(r, &ds);
        let plain_80 = addrs
            .iter()
            .any(|(a, tls)| !tls && port_of(a) == Some(80) && !loopback_addr(a));
        if plain_80 && serves_content(&ds) {
            hits.push(Hit::with(
                r.header,
                "server on port 80 serves content instead of redirecting to HTTPS",
            ));
        }
    }
    hits
}

/// MySQL `AES_ENCRYPT(str, key)` without an IV runs in `block_encryption_mode`, which defaults
/// to `aes-128-ecb`. A `SET block_encryption_mode` in the same file decides instead.
fn mysql_aes_default_ecb(ctx: &CheckCtx) -> Vec<Hit> {
    let facts = &ctx.file.facts;
    let mode = facts
        .assigns
        .iter()
        .rev()
        .find(|a| a.target == "block_encryption_mode")
        .and_then(|a| a.value.as_str().map(str::to_ascii_lowercase));
    facts
        .calls
        .iter()
        .filter(|c| c.callee == "aes_encrypt" || c.callee == "aes_decrypt")
        .filter(|c| match &mode {
            Some(m) => m.ends_with("-ecb"),
            None => c.args.len() < 3,
        })
        .map(|c| Hit::at(c.span))
        .collect()
}

const DUMPS: &[&str] = &[
    "pg_dump",
    "pg_dumpall",
    "mysqldump",
    "mysqlpump",
    "mariadb-dump",
    "mongodump",
];

/// Programs that encrypt what flows through them (`openssl` only for `enc`/`smime`/`cms`).
fn encrypts(c: &Command) -> bool {
    match c.program.as_str() {
        "gpg" | "gpg2" | "age" | "rage" | "ccrypt" | "aescrypt" | "sops" => true,
        "openssl" => c
            .args
            .first()
            .is_some_and(|a| matches!(a.text.as_str(), "enc" | "smime" | "cms")),
        _ => false,
    }
}

fn has_arg(c: &Command, names: &[&str]) -> bool {
    c.args.iter().any(|w| {
        names
            .iter()
            .any(|n| w.text == *n || w.text.starts_with(&format!("{n}=")))
    })
}

/// A cloud upload (`aws s3 cp`, `gsutil cp`, `gcloud storage cp`, `az storage blob upload`),
/// and whether it asks for server-side encryption with a key the user controls.
fn upload(c: &Command) -> Option<bool> {
    let words: Vec<&str> = c.args.iter().map(|w| w.text.as_str()).collect();
    match (c.program.as_str(), words.as_slice()) {
        ("aws", ["s3", "cp" | "mv" | "sync", ..]) | ("aws", ["s3api", "put-object", ..]) => {
            Some(has_arg(
                c,
                &[
                    "--sse",
                    "--sse-kms-key-id",
                    "--sse-c",
                    "--server-side-encryption",
                ],
            ))
        }
        ("gsutil", _) if words.contains(&"cp") => {
            Some(c.args.iter().any(|w| w.text.contains("encryption_key")))
        }
        ("gcloud", ["storage", "cp", ..]) => Some(has_arg(c, &["--encryption-key"])),
        ("az", ["storage", "blob", "upload", ..]) => Some(has_arg(c, &["--encryption-scope"])),
        ("s3cmd", ["put", ..]) => {
            Some(has_arg(c, &["--server-side-encryption", "--encrypt", "-e"]))
        }
        _ => None,
    }
}

/// The file a dump writes through its own option (`pg_dump -f x`, `mysqldump -r x`,
/// `mongodump --out x`), if any.
fn dump_output(c: &Command) -> Option<&crate::facts::Word> {
    let flags: &[&str] = match c.program.as_str() {
        "pg_dump" | "pg_dumpall" => &["-f", "--file"],
        "mysqldump" | "mariadb-dump" | "mysqlpump" => &["-r", "--result-file"],
        "mongodump" => &["-o", "--out", "--archive"],
        _ => &[],
    };
    for (i, w) in c.args.iter().enumerate() {
        for f in flags {
            if w.text == *f {
                return c.args.get(i + 1);
            }
            if w.text.starts_with(&format!("{f}=")) {
                return Some(w);
            }
        }
    }
    None
}

fn is_tar_create(c: &Command) -> bool {
    c.program == "tar"
        && c.args.first().is_some_and(|w| {
            let t = w.text.trim_start_matches('-');
            w.text == "--create" || (!w.text.starts_with("--") && t.contains('c'))
        })
}

/// A database dump (or a `tar` of a backup) written to a plain file or uploaded without
/// server-side encryption, with no `gpg`/`age`/`openssl enc` in its pipeline.
fn dump_without_encryption(ctx: &CheckCtx) -> Vec<Hit> {
    let cmds = &ctx.file.facts.commands;
    let mut hits = Vec::new();
    for c in cmds {
        let dump = DUMPS.contains(&c.program.as_str());
        let tar = is_tar_create(c);
        if !dump && !tar {
            continue;
        }
        let members: Vec<&Command> = cmds
            .iter()
            .filter(|m| m.pipeline_span == c.pipeline_span && inside(c.pipeline_span, m.span))
            .collect();
        if members.iter().any(|m| encrypts(m)) {
            continue;
        }
        let uploads: Vec<bool> = members.iter().filter_map(|m| upload(m)).collect();
        let unencrypted_upload = uploads.iter().any(|sse| !sse);
        let files: Vec<&str> = members
            .iter()
            .flat_map(|m| m.redirects.iter())
            .chain(dump_output(c))
            .map(|w| w.text.as_str())
            .collect();
        // A file that a later command encrypts in place is only briefly plain.
        let encrypted_later = |f: &str| {
            cmds.iter().any(|e| {
                e.span.start > c.span.start && encrypts(e) && e.args.iter().any(|w| w.text == f)
            })
        };
        let plain_file = files.iter().any(|f| !encrypted_later(f));
        let message = if unencrypted_upload {
            "the dump is uploaded without encryption (no gpg/age in the pipeline, no --sse)"
        } else if plain_file {
            "the dump is written to a plain file without encryption"
        } else {
            continue;
        };
        if tar {
            // `tar` packs many things; only backups uploaded or written as backups count.
            let backup_like = files
                .iter()
                .any(|f| f.to_ascii_lowercase().contains("backup"));
            if !unencrypted_upload && !backup_like {
                continue;
            }
        }
        hits.push(Hit::with(c.span, message));
    }
    hits
}

fn key_like_path(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    [".key", ".pass", ".passphrase", ".secret", ".keyfile"]
        .iter()
        .any(|s| name.ends_with(s))
        || name.contains("passphrase")
        || name.starts_with("key.")
}

fn dir_of(path: &str) -> &str {
    match path.rfind('/') {
        Some(i) => &path[..=i],
        None => "",
    }
}

/// Where a command writes: an upload's destination, a redirect, an `-out`/`--output` file.
fn writes(c: &Command) -> Vec<(&str, Span)> {
    let mut out: Vec<(&str, Span)> = c
        .redirects
        .iter()
        .map(|w| (w.text.as_str(), c.span))
        .collect();
    if upload(c).is_some() {
        if let Some(dest) = c
            .args
            .iter()
            .rev()
            .find(|w| w.text.contains("://") && !w.text.starts_with('-'))
        {
            out.push((dest.text.as_str(), c.span));
        }
    }
    for (i, w) in c.args.iter().enumerate() {
        if matches!(w.text.as_str(), "-out" | "--output" | "-o") {
            if let Some(v) = c.args.get(i + 1) {
                out.push((v.text.as_str(), c.span));
            }
        }
    }
    out
}

/// A script that writes (or uploads) a key file into the same directory or bucket prefix as
/// the encrypted data it protects.
fn key_written_beside_ciphertext(ctx: &CheckCtx) -> Vec<Hit> {
    let cmds = &ctx.file.facts.commands;
    let all: Vec<(&str, Span)> = cmds.iter().flat_map(writes).collect();
    let mut hits: Vec<Hit> = Vec::new();
    for (path, span) in &all {
        if !key_like_path(path) || dir_of(path).is_empty() {
            continue;
        }
        let beside = all.iter().any(|(other, _)| {
            !key_like_path(other)
                && (dir_of(other) == dir_of(path)
                    || (other.ends_with('/') && *other == dir_of(path)))
        });
        if beside && !hits.iter().any(|h| h.span == *span) {
            hits.push(Hit::with(
                *span,
                format!("the key `{path}` is written beside the data it encrypts"),
            ));
        }
    }
    hits
}

/// nginx inherits `add_header` only when a block sets none of its own: a `location` with any
/// `add_header` of its own drops the server's `Strict-Transport-Security` for its responses.
fn locations_dropping_hsts(ctx: &CheckCtx, server: &Resource, ds: &[&Directive]) -> Vec<Hit> {
    let own = ctx
        .file
        .facts
        .directives
        .iter()
        .find(|d| d.span == server.span)
        .map(|d| {
            if d.section.is_empty() {
                "server".to_string()
            } else {
                format!("{}.server", d.section)
            }
        })
        .unwrap_or_else(|| "server".into());
    let server_level: Vec<&Directive> = ds.iter().copied().filter(|d| d.section == own).collect();
    if hsts_headers(&server_level).is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for loc in ds.iter().filter(|d| d.name == "location") {
        let inside_loc: Vec<&Directive> = ds
            .iter()
            .copied()
            .filter(|d| d.name == "add_header" && inside(loc.span, d.span))
            .collect();
        if !inside_loc.is_empty() && hsts_headers(&inside_loc).is_empty() {
            hits.push(Hit::with(
                loc.span,
                "add_header in this location drops the server's Strict-Transport-Security header",
            ));
        }
    }
    hits
}

/// `echo "sslverify=0" >> /etc/yum.conf`, `printf 'strict-ssl=false' > ~/.npmrc`,
/// `echo insecure | tee -a ~/.curlrc`, `sed -i 's/sslverify=1/sslverify=0/' /etc/dnf/dnf.conf`:
/// a script that writes a setting turning certificate checks off into a tool's config file.
/// `params.rules` pairs config-file globs (matched against the path's file name) with the
/// setting's regex and a message. The setting is looked for in the words of the command and
/// of the rest of its pipeline, the file among its redirects and, for `tee` and `sed -i`, its
/// operands.
/// The config files `insecure-setting-written` watches, each with the setting that turns
/// verification off and the message to report.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingRules {
    rules: Vec<SettingRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingRule {
    files: Vec<String>,
    setting: RegexParam,
    message: String,
}

fn insecure_setting_written(ctx: &CheckCtx) -> Vec<Hit> {
    let rules = &ctx.params::<SettingRules>().rules;
    let cmds = &ctx.file.facts.commands;
    let mut hits = Vec::new();
    for c in cmds {
        let mut targets: Vec<&str> = c.redirects.iter().map(|w| w.text.as_str()).collect();
        if c.program == "tee"
            || c.program == "sed" && c.args.iter().any(|w| w.text.starts_with("-i"))
        {
            targets.extend(
                c.args
                    .iter()
                    .filter(|w| !w.text.starts_with('-'))
                    .map(|w| w.text.as_str()),
            );
        }
        let words: Vec<&str> = cmds
            .iter()
            .filter(|o| inside(c.pipeline_span, o.span))
            .flat_map(|o| o.args.iter().map(move |w| written_text(o, &w.text)))
            .collect();
        let file_name = |t: &str| t.rsplit('/').next().unwrap_or(t).to_string();
        for rule in rules {
            let writes_file = targets
                .iter()
                .any(|t| glob::any(&rule.files, &file_name(t)));
            if writes_file && words.iter().any(|w| rule.setting.is_match(w)) {
                hits.push(Hit::with(c.span, rule.message.clone()));
                break;
            }
        }
    }
    hits
}

/// What a command word writes: for `sed`, the replacement of an `s/old/new/` expression (so
/// `s/sslverify=0/sslverify=1/` turns checks back on), else the word itself.
fn written_text<'a>(c: &Command, word: &'a str) -> &'a str {
    if c.program != "sed" {
        return word;
    }
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some('s'), Some(d)) if !d.is_alphanumeric() && !d.is_whitespace() => {
            word[1 + d.len_utf8()..].split(d).nth(1).unwrap_or("")
        }
        _ => word,
    }
}
