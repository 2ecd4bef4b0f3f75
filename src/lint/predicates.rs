//! Named value tests that a pattern's `is = { check = "..." }` refers to: knowledge that a
//! plain comparison cannot express (what a plaintext URL is, which cipher strings are weak,
//! what looks like key material).

use crate::facts::{Value, UNKNOWN_PART};
use crate::lint::catalog::ValueTest;

/// What a value test sees: the value, and the source text it came from.
pub struct Subject<'a> {
    pub value: &'a Value,
    pub text: &'a str,
}

pub const NAMES: &[&str] = &[
    "plaintext-url",
    "loopback-host",
    "loopback-bind",
    "remote-host",
    "key-material",
    "constant-bytes",
    "weak-cipher-list",
    "falsy",
    "truthy",
    "password-like",
    "short-max-age",
    "dsn-without-tls",
    "null",
    "mentions-password",
    "not-map",
    "weak-password-hashers",
    "apache-protocols-weak",
    "weak-suite-names",
];

pub fn exists(name: &str) -> bool {
    NAMES.contains(&name)
}

/// Runs the named test; `options` is the value test that names it (its `schemes`).
pub fn test(name: &str, s: &Subject, options: &ValueTest) -> bool {
    match name {
        "plaintext-url" => s
            .value
            .as_text()
            .is_some_and(|t| plaintext_url_to(t, &options.schemes, options.any_host)),
        "loopback-host" => s
            .value
            .as_text()
            .is_some_and(|t| host_of(t).is_some_and(is_loopback)),
        // A listening address: loopback, but not the all-interfaces `0.0.0.0`.
        "loopback-bind" => s
            .value
            .as_text()
            .is_some_and(|t| host_of(t).is_some_and(|h| h != "0.0.0.0" && is_loopback(h))),
        "remote-host" => s.value.as_text().is_some_and(|t| {
            host_of(t).is_some_and(|h| known_host(h) && !is_loopback(h) && !is_internal(h))
        }),
        "key-material" => key_material(s.value, options.min_key_len.unwrap_or(8)),
        "constant-bytes" => constant_bytes(s.value),
        "weak-cipher-list" => s
            .value
            .as_text()
            .is_some_and(|t| weak_cipher_list(t) || options.non_aead && names_non_aead_suite(t)),
        "falsy" => falsy(s.value),
        "truthy" => truthy(s.value),
        "password-like" => password_like(s.text),
        "short-max-age" => short_max_age(s.value, ONE_YEAR),
        "dsn-without-tls" => s.value.as_text().is_some_and(dsn_without_tls),
        "apache-protocols-weak" => s.value.as_text().is_some_and(apache_protocols_weak),
        "null" => matches!(s.value, Value::Null),
        "mentions-password" => mentions_password(s.text),
        // An options argument that is there but not a literal object: its keys are unknown.
        "not-map" => !matches!(s.value, Value::Map(_)),
        "weak-password-hashers" => weak_password_hashers(s.value),
        "weak-suite-names" => weak_suite_names(s.value),
        _ => false,
    }
}

/// Hosts whose `http://` URLs name a vocabulary, not an endpoint.
const NAMESPACE_HOSTS: &[&str] = &[
    // Instance metadata services speak plain HTTP by design and never leave the host.
    "169.254.169.254",
    "169.254.170.2",
    "metadata.google.internal",
    "fd00:ec2::254",
    "www.w3.org",
    "w3.org",
    "schemas.xmlsoap.org",
    "schemas.microsoft.com",
    "schemas.openxmlformats.org",
    "purl.org",
    "xmlns.com",
    "json-schema.org",
    "www.gesmes.org",
    "www.ecb.int",
    "ns.adobe.com",
    "java.sun.com",
    "xml.org",
    "www.opengis.net",
];

/// `scheme://host...` with a scheme from `schemes` and a host that is known, not loopback and
/// not an XML/JSON namespace.
pub fn plaintext_url(text: &str, schemes: &[String]) -> bool {
    plaintext_url_to(text, schemes, false)
}

/// [`plaintext_url`]; with `any_host`, a host that is not written out (`http://{{ cdn }}/`)
/// counts as remote.
pub fn plaintext_url_to(text: &str, schemes: &[String], any_host: bool) -> bool {
    let text = text.trim();
    let Some((scheme, _)) = text.split_once("://") else {
        return false;
    };
    if !schemes.iter().any(|s| s.eq_ignore_ascii_case(scheme)) {
        return false;
    }
    // A connection string that states its TLS setting (`?tls=true`, `?ssl=false`) is judged by
    // that setting (db-connection-without-tls), not by its scheme.
    let query = text
        .split_once('?')
        .map(|(_, q)| q.to_ascii_lowercase())
        .unwrap_or_default();
    if query
        .split('&')
        .any(|kv| kv.starts_with("tls=") || kv.starts_with("ssl="))
    {
        return false;
    }
    match host_of(text) {
        Some(host) if any_host && !known_host(host) => true,
        None => any_host && text.contains(UNKNOWN_PART),
        Some(host) => {
            known_host(host)
                && !is_loopback(host)
                && !is_internal(host)
                && !NAMESPACE_HOSTS.contains(&host)
        }
    }
}

/// A host that is at least partly written out (`api.{region}.example.com` is; `{host}` is not).
fn known_host(host: &str) -> bool {
    host.chars().any(|c| c.is_ascii_alphanumeric()) && !host.starts_with(UNKNOWN_PART)
}

/// The host of a URL or a bare `host[:port]`, lower-cased brackets kept for IPv6.
pub fn host_of(text: &str) -> Option<&str> {
    let rest = match text.split_once("://") {
        Some((_, rest)) => rest,
        None => text,
    };
    let authority = rest.split(['/', '?', '#']).next()?;
    let hostport = authority
        .rsplit_once('@')
        .map(|(_, h)| h)
        .unwrap_or(authority);
    let host = if hostport.starts_with('[') {
        hostport.split_inclusive(']').next()?
    } else {
        // Several hosts (`mongodb://a,b/`) are judged by the first.
        let first = hostport.split(',').next()?;
        first.split(':').next()?
    };
    (!host.is_empty()).then_some(host)
}

/// Hosts a project's configuration declares internal (`internal-hosts`), where plaintext
/// transport is accepted; `*` is a wildcard (`*.corp.example.com`, `10.*`). Owned by the
/// [`Linter`](super::Linter) that was configured with them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InternalHosts(Vec<String>);

impl InternalHosts {
    pub fn new(hosts: &[String]) -> Self {
        InternalHosts(hosts.iter().map(|h| h.to_ascii_lowercase()).collect())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains(&self, host: &str) -> bool {
        // Most projects configure none: no lower-casing, no allocation.
        if self.0.is_empty() {
            return false;
        }
        let h = host.trim_end_matches('.').to_ascii_lowercase();
        self.0.iter().any(|g| super::glob::matches(g, &h))
    }
}

thread_local! {
    /// The internal hosts of the linter checking a file on this thread, set by
    /// [`Linter::check_file`](super::Linter::check_file) for the length of the call (see
    /// [`CheckingWith`]). Scoped to one call on one thread, so two linters with different
    /// configurations (parallel tests, a language server with several workspaces) never see
    /// each other's; the value tests and checks read it without a lock.
    static CURRENT_INTERNAL: std::cell::RefCell<std::sync::Arc<InternalHosts>> =
        std::cell::RefCell::default();
}

/// Makes `hosts` the internal hosts of this thread until dropped, then restores the previous.
pub(crate) struct CheckingWith(Option<std::sync::Arc<InternalHosts>>);

impl CheckingWith {
    pub(crate) fn new(hosts: &std::sync::Arc<InternalHosts>) -> Self {
        let swap = CURRENT_INTERNAL.with(|c| {
            let same = std::sync::Arc::ptr_eq(&c.borrow(), hosts)
                || (hosts.is_empty() && c.borrow().is_empty());
            (!same).then(|| c.replace(hosts.clone()))
        });
        CheckingWith(swap)
    }
}

impl Drop for CheckingWith {
    fn drop(&mut self) {
        if let Some(previous) = self.0.take() {
            CURRENT_INTERNAL.with(|c| *c.borrow_mut() = previous);
        }
    }
}

/// Matches an internal host of the linter checking the current file.
pub fn is_internal(host: &str) -> bool {
    CURRENT_INTERNAL.with(|c| c.borrow().contains(host))
}

pub fn is_loopback(host: &str) -> bool {
    let h = host.trim_end_matches('.').to_ascii_lowercase();
    if h == "localhost"
        || h.ends_with(".localhost")
        || h == "0.0.0.0"
        || h == "::1"
        || h == "[::1]"
        || h == "[0:0:0:0:0:0:0:1]"
    {
        return true;
    }
    let octets: Vec<&str> = h.split('.').collect();
    octets.len() == 4 && octets[0] == "127" && octets.iter().all(|o| o.parse::<u8>().is_ok())
}

/// Literal data usable as a key: a string or bytes written in the source that is not empty, not
/// a placeholder and not a reference to where the key really lives.
fn key_material(v: &Value, min: usize) -> bool {
    let min = min.max(1);
    match v {
        Value::Bytes(b) => b.len() >= min,
        Value::Str(s) => {
            let t = s.trim();
            let lower = t.to_ascii_lowercase();
            let placeholders = [
                "changeme",
                "change-me",
                "change_me",
                "xxx",
                "your-",
                "your_",
                "<",
                "${",
                "{{",
                "todo",
                "replace",
            ];
            t.len() >= min
                && !placeholders.iter().any(|p| lower.contains(p))
                && !lower.starts_with("arn:")
                && !lower.starts_with("alias/")
                && !lower.starts_with("projects/")
                && !t.contains(UNKNOWN_PART)
        }
        Value::List(items) => {
            items.len() >= min && items.iter().all(|i| matches!(i, Value::Int(_)))
        }
        _ => false,
    }
}

/// A list of cipher suite constants (Go's `[]uint16{tls.TLS_RSA_WITH_RC4_128_SHA}`) naming a
/// weak suite: RC4, 3DES, NULL, EXPORT, anonymous, a CBC suite, or RSA key exchange (no
/// forward secrecy).
fn weak_suite_names(v: &Value) -> bool {
    let Value::List(items) = v else {
        return false;
    };
    items.iter().any(|i| match i {
        Value::Name(n) => {
            let suite = n.rsplit('.').next().unwrap_or(n);
            suite.starts_with("TLS_")
                && [
                    "RC4",
                    "3DES",
                    "_NULL_",
                    "EXPORT",
                    "_anon_",
                    "_CBC_",
                    "TLS_RSA_WITH_",
                ]
                .iter()
                .any(|w| suite.contains(w))
        }
        _ => false,
    })
}

/// A value that is the same on every run: literal bytes or text, zero-filled buffers.
fn constant_bytes(v: &Value) -> bool {
    match v {
        Value::Bytes(b) => !b.is_empty(),
        Value::Str(s) => !s.is_empty(),
        Value::List(items) => !items.is_empty() && items.iter().all(|i| matches!(i, Value::Int(_))),
        // `Nonce::default()` is all zeros. A `let mut` buffer filled in place afterwards is
        // not a constant: the front-ends forget the initial value of such bindings.
        Value::Call(c) => c.args.is_empty() && zeroed_nonce_type(&c.callee),
        _ => false,
    }
}

/// Whether `callee` is the `default()` of a nonce or IV type (`aes_gcm::Nonce::default`): a
/// zero-filled array.
fn zeroed_nonce_type(callee: &str) -> bool {
    let Some(ty) = callee.strip_suffix(".default") else {
        return false;
    };
    let ty = ty.rsplit('.').next().unwrap_or(ty);
    ty.ends_with("Nonce") || ty == "Iv"
}

/// OpenSSL cipher-list strings that enable a weak suite. `!RC4` and `-DES` exclude and are fine.
pub fn weak_cipher_list(list: &str) -> bool {
    list.split([':', ',', ' ', '+'])
        .map(str::trim)
        .filter(|t| !t.is_empty() && !t.starts_with('!') && !t.starts_with('-'))
        .any(|t| {
            let u = t.to_ascii_uppercase();
            u == "ALL"
                || u == "COMPLEMENTOFALL"
                || u == "@SECLEVEL=0"
                || u.contains("RC4")
                || u.contains("RC2")
                || u.contains("NULL")
                || u.contains("EXPORT")
                || u.contains("EXP-")
                || u.starts_with("EXP")
                || u.contains("ANULL")
                || u.contains("ADH")
                || u.contains("AECDH")
                || u == "MD5"
                || u.ends_with("-MD5")
                || u.contains("3DES")
                || u.contains("DES-CBC")
                || u == "DES"
                || u.contains("_DES_")
                || u.contains("DES_CBC")
                || u.contains("_RC4_")
                || u.contains("IDEA")
                || u == "LOW"
        })
}

/// A cipher list that names a full CBC suite (`DHE-RSA-AES128-SHA`, `AES256-SHA256`,
/// `TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA`): a non-AEAD suite, open to padding-oracle and
/// Lucky13-style attacks. Aliases (`HIGH`, `ECDHE+AES256`) are not judged: what they expand
/// to depends on the library.
pub fn names_non_aead_suite(list: &str) -> bool {
    list.split([':', ',', ' '])
        .map(str::trim)
        .filter(|t| !t.is_empty() && !t.starts_with(['!', '-', '+']) && !t.contains('+'))
        .any(|t| {
            let u = t.to_ascii_uppercase();
            let aead = ["GCM", "CCM", "CHACHA", "POLY1305"]
                .iter()
                .any(|a| u.contains(a));
            let cbc = u.contains("_CBC_")
                || u.contains("-CBC-")
                || ["-SHA", "-SHA256", "-SHA384"]
                    .iter()
                    .any(|s| u.ends_with(s));
            cbc && !aead
        })
}

pub fn falsy(v: &Value) -> bool {
    match v {
        Value::Bool(b) => !b,
        Value::Int(i) => *i == 0,
        Value::Str(s) => matches!(
            s.trim().to_ascii_lowercase().as_str(),
            "0" | "false" | "no" | "off" | "n"
        ),
        _ => false,
    }
}

pub fn truthy(v: &Value) -> bool {
    match v {
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::Str(s) => matches!(
            s.trim().to_ascii_lowercase().as_str(),
            "1" | "true" | "yes" | "on" | "y"
        ),
        _ => false,
    }
}

/// Words that name a password in code; the prefilter requires one of them too.
pub const PASSWORD_WORDS: &[&str] = &[
    "password",
    "passwd",
    "passphrase",
    "pwd",
    "pass_",
    "_pass",
    "pin_code",
];

/// Source text that names a password (not a reset token, a password hash or a policy).
pub fn mentions_password(text: &str) -> bool {
    let t = text.to_ascii_lowercase();
    let names = [
        "password",
        "passwd",
        "passphrase",
        "pwd",
        "pass_",
        "_pass",
        "pin_code",
    ];
    let not_a_password = [
        "reset_token",
        "password_reset",
        "reset_password",
        "token",
        "password_policy",
        "password_length",
    ];
    names.iter().any(|p| t.contains(p)) && !not_a_password.iter().any(|n| t.contains(n))
}

/// Source text that names a password and shows no salt or key stretching.
pub fn password_like(text: &str) -> bool {
    let t = text.to_ascii_lowercase();
    mentions_password(text)
        && !t.contains("salt")
        && !t.contains("pepper")
        && !t.contains("hash_name")
}

/// A year in seconds: the shortest HSTS max-age that is not short.
const ONE_YEAR: i64 = 31_536_000;

/// An HSTS max-age (a number, or a header value with `max-age=N`) under `min`.
fn short_max_age(v: &Value, min: i64) -> bool {
    let age = match v {
        Value::Int(i) => Some(*i),
        Value::Str(s) => {
            let lower = s.to_ascii_lowercase();
            match lower.split_once("max-age=") {
                Some((_, rest)) => rest
                    .trim_start_matches('"')
                    .split(|c: char| !c.is_ascii_digit())
                    .next()
                    .and_then(|d| d.parse().ok()),
                None => s.trim().parse().ok(),
            }
        }
        _ => None,
    };
    age.is_some_and(|a| a < min)
}

/// A Django-style `PASSWORD_HASHERS` list whose first (default) hasher is fast or unsalted.
fn weak_password_hashers(v: &Value) -> bool {
    let Value::List(items) = v else { return false };
    let Some(first) = items.first().and_then(Value::as_str) else {
        return false;
    };
    let name = first.rsplit('.').next().unwrap_or(first);
    matches!(
        name,
        "MD5PasswordHasher"
            | "UnsaltedMD5PasswordHasher"
            | "SHA1PasswordHasher"
            | "UnsaltedSHA1PasswordHasher"
            | "CryptPasswordHasher"
    )
}

/// A connection string that turns TLS off: `sslmode=disable|allow|prefer`, `ssl=false`,
/// `useSSL=false`, `tls=false`, `ssl-mode=DISABLED`.
pub fn dsn_without_tls(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    if dsn_host(&lower).is_some_and(is_loopback) {
        return false;
    }
    let params = lower
        .split(['?', '&', ';', ' '])
        .filter_map(|kv| kv.split_once('='));
    for (k, v) in params {
        let v = v.trim().trim_matches(['"', '\'']);
        let off = match k.trim() {
            "sslmode" => matches!(v, "disable" | "allow" | "prefer"),
            // `encrypt=false`: SQL Server (JDBC, ODBC, ADO.NET) without TLS.
            "ssl" | "usessl" | "requiressl" | "tls" | "ssl_enabled" | "encrypt" => {
                matches!(v, "false" | "0" | "no" | "off")
            }
            "ssl-mode" | "ssl_mode" => matches!(v, "disabled" | "disable"),
            "ssl_disabled" => matches!(v, "true" | "1" | "yes"),
            _ => false,
        };
        if off {
            return true;
        }
    }
    false
}

/// The host a DSN names: the URL authority or a `host=` key.
fn dsn_host(lower: &str) -> Option<&str> {
    if lower.contains("://") {
        return host_of(lower);
    }
    lower
        .split([' ', ';', '&', '?'])
        .find_map(|kv| kv.strip_prefix("host="))
        .map(|h| h.trim_matches(['"', '\'']))
}

/// An Apache `SSLProtocol` value (`all -SSLv3`, `-all +TLSv1.2`) whose resulting set still
/// holds SSLv2, SSLv3, TLS 1.0 or TLS 1.1. `all` means every protocol the library knows.
pub fn apache_protocols_weak(value: &str) -> bool {
    const WEAK: [&str; 4] = ["sslv2", "sslv3", "tlsv1", "tlsv1.1"];
    // Apache 2.4 `all` is SSLv3 up to the newest TLS; SSLv2 only when named.
    const ALL: [&str; 5] = ["sslv3", "tlsv1", "tlsv1.1", "tlsv1.2", "tlsv1.3"];
    let mut on: Vec<&str> = Vec::new();
    for token in value.split_whitespace() {
        let t = token.to_ascii_lowercase();
        let (add, name) = match t.as_bytes().first() {
            Some(b'-') => (false, &t[1..]),
            Some(b'+') => (true, &t[1..]),
            _ => (true, t.as_str()),
        };
        let names: Vec<&str> = match name {
            "all" => ALL.to_vec(),
            "tlsv1.0" => vec!["tlsv1"],
            "sslv2" => vec!["sslv2"],
            n => ALL.iter().copied().filter(|a| *a == n).collect(),
        };
        for n in names {
            on.retain(|x| *x != n);
            if add {
                on.push(n);
            }
        }
    }
    on.iter().any(|p| WEAK.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_suite_lists_with_a_weak_suite_are_weak() {
        let list = |names: &[&str]| {
            Value::List(
                names
                    .iter()
                    .map(|n| Value::Name(format!("crypto/tls.{n}")))
                    .collect::<Vec<_>>()
                    .into(),
            )
        };
        assert!(weak_suite_names(&list(&[
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_RSA_WITH_RC4_128_SHA"
        ])));
        assert!(weak_suite_names(&list(&[
            "TLS_RSA_WITH_AES_128_GCM_SHA256"
        ])));
        assert!(weak_suite_names(&list(&[
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"
        ])));
        assert!(!weak_suite_names(&list(&[
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"
        ])));
        assert!(!weak_suite_names(&Value::Unknown));
    }

    fn http() -> Vec<String> {
        vec!["http".into(), "ws".into(), "ftp".into()]
    }

    #[test]
    fn template_hosts_count_only_with_any_host() {
        let templated = "http://\u{FFFD}/static/app.js";
        assert!(!plaintext_url(templated, &http()));
        assert!(plaintext_url_to(templated, &http(), true));
        assert!(!plaintext_url_to("http://localhost/app.js", &http(), true));
        assert!(!plaintext_url_to("https://\u{FFFD}/app.js", &http(), true));
        assert!(!plaintext_url_to("\u{FFFD}/app.js", &http(), true));
    }

    #[test]
    fn loopback_urls_are_not_plaintext_transport() {
        for url in [
            "http://localhost:8000/x",
            "http://127.0.0.1/",
            "http://[::1]:80/",
            "http://api.localhost/",
            "http://0.0.0.0:5000",
        ] {
            assert!(!plaintext_url(url, &http()), "{url}");
        }
        for url in [
            "http://127.0.0.1.evil.example/",
            "http://api.example.com/v1",
            "ftp://files.example.org",
            "ws://feed.example.net/s",
        ] {
            assert!(plaintext_url(url, &http()), "{url}");
        }
        assert!(!plaintext_url("https://api.example.com", &http()));
        assert!(!plaintext_url("http://www.w3.org/2000/svg", &http()));
        assert!(!plaintext_url("http://\u{FFFD}:8080/", &http()));
        assert!(plaintext_url("http://api.\u{FFFD}.example.com/", &http()));
    }

    #[test]
    fn cipher_lists_excluding_weak_suites_are_fine() {
        assert!(weak_cipher_list("ALL"));
        assert!(weak_cipher_list("ECDHE-RSA-AES128-GCM-SHA256:RC4-SHA"));
        assert!(weak_cipher_list("DEFAULT:@SECLEVEL=0"));
        assert!(weak_cipher_list("DES-CBC3-SHA"));
        assert!(!weak_cipher_list("ECDHE+AESGCM:!aNULL:!MD5:!RC4:!3DES"));
        assert!(!weak_cipher_list("HIGH:!aNULL:!MD5"));
        assert!(names_non_aead_suite(
            "DHE-RSA-AES128-SHA:ECDHE-ECDSA-AES128-GCM-SHA256"
        ));
        assert!(names_non_aead_suite("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"));
        assert!(names_non_aead_suite("ECDHE-RSA-AES256-SHA384"));
        assert!(!names_non_aead_suite(
            "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305"
        ));
        assert!(!names_non_aead_suite("TLS_AES_128_GCM_SHA256:HIGH:!aNULL"));
        assert!(!names_non_aead_suite("ECDHE+AES256:!SHA1"));
    }

    #[test]
    fn apache_protocol_sets() {
        assert!(apache_protocols_weak("all -SSLv3"));
        assert!(apache_protocols_weak("TLSv1 TLSv1.2"));
        assert!(!apache_protocols_weak("all -SSLv3 -TLSv1 -TLSv1.1"));
        assert!(!apache_protocols_weak("-all +TLSv1.2 +TLSv1.3"));
        assert!(!apache_protocols_weak("TLSv1.2"));
    }

    #[test]
    fn dsn_flags() {
        assert!(dsn_without_tls(
            "postgresql://u@db.example.com/app?sslmode=disable"
        ));
        assert!(dsn_without_tls("jdbc:mysql://db:3306/x?useSSL=false"));
        assert!(!dsn_without_tls(
            "postgresql://u@db/app?sslmode=verify-full"
        ));
        assert!(!dsn_without_tls("host=db sslmode=require"));
        assert!(!dsn_without_tls(
            "postgresql://u@localhost:5432/app?sslmode=disable"
        ));
        assert!(!dsn_without_tls("host=127.0.0.1 sslmode=disable"));
    }

    #[test]
    fn passwords_by_name_unless_salted() {
        assert!(password_like("password.encode()"));
        assert!(!password_like("salt + password"));
        assert!(!password_like("email.lower()"));
    }

    #[test]
    fn internal_hosts_hold_only_while_their_linter_checks() {
        let url = "http://billing.corp.internal/v1";
        assert!(plaintext_url(url, &http()));
        let corp = std::sync::Arc::new(InternalHosts::new(&["*.CORP.internal".into()]));
        {
            let _scope = CheckingWith::new(&corp);
            assert!(!plaintext_url(url, &http()), "configured internal");
            {
                let _inner = CheckingWith::new(&std::sync::Arc::default());
                assert!(plaintext_url(url, &http()), "another linter, no hosts");
            }
            assert!(!plaintext_url(url, &http()), "restored");
        }
        assert!(plaintext_url(url, &http()), "nothing left behind");
    }
}
