//! Checks for the YAML family: CloudFormation resources, Kubernetes objects, container and
//! control-plane commands, environment blocks. The resource types, property paths, flags and
//! values live in the patterns (`lints/*.toml`, `params`); these functions hold the mechanism.

use serde::Deserialize;

use super::{Check, RegexParam};
use crate::facts::{Node, NodeKind, Resource, Span, Value};
use crate::lint::catalog::AttrPath;
use crate::lint::matching::possible_values;
use crate::lint::predicates::{host_of, is_loopback};
use crate::lint::{glob, value_matches, CheckCtx, Hit};

pub const CHECKS: &[Check] = &[
    Check::with_params::<S3Params>("cfn-s3-encryption", cfn_s3_encryption),
    Check::with_params::<RotationParams>("cfn-kms-rotation", cfn_kms_rotation),
    Check::with_params::<TypesParams>("cfn-http-listener", cfn_http_listener),
    Check::with_params::<NameValueParams>("cfn-name-value", cfn_name_value),
    Check::with_params::<ExposureParams>("k8s-ingress-without-tls", k8s_ingress_without_tls),
    Check::with_params::<ExposureParams>("istio-gateway-http", istio_gateway_http),
    Check::with_params::<TypesParams>("k8s-identity-provider-first", k8s_identity_provider_first),
    Check::with_params::<NamedValueParams>("named-value", named_value),
    Check::new(
        "cfn-db-instance-parameter-group-without-tls",
        cfn_db_instance_parameter_group_without_tls,
    ),
];

/// The resource types a check looks at.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TypesParams {
    types: Vec<String>,
}

/// Resource types, and host suffixes that only resolve inside a cluster.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ExposureParams {
    types: Vec<String>,
    internal_suffixes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct S3Params {
    report: S3Report,
}

#[derive(Deserialize, PartialEq)]
#[serde(rename_all = "kebab-case")]
enum S3Report {
    /// No `BucketEncryption` at all.
    Missing,
    /// SSE-S3, or SSE-KMS with the AWS-managed key.
    ProviderManaged,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RotationParams {
    #[serde(default = "one_year_in_days")]
    max_days: i64,
}

fn one_year_in_days() -> i64 {
    365
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct NameValueParams {
    types: Vec<String>,
    /// The path to the list of records.
    list: AttrPath,
    #[serde(default = "name_key")]
    name_key: String,
    #[serde(default = "value_key")]
    value_key: String,
    /// The record names that matter.
    names: RegexParam,
}

fn name_key() -> String {
    "Name".into()
}

fn value_key() -> String {
    "Value".into()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct NamedValueParams {
    /// Given: URLs to single-label hosts or hosts with these suffixes are left alone.
    internal_suffixes: Option<Vec<String>>,
}

fn resources<'a>(ctx: &'a CheckCtx, types: &[String]) -> impl Iterator<Item = &'a Resource> {
    let types = types.to_vec();
    ctx.file
        .facts
        .resources
        .iter()
        .filter(move |r| types.iter().any(|t| glob::matches(t, &r.kind)))
}

/// CloudFormation takes `"true"`/`"false"` strings for booleans; compare them as booleans.
fn normalized(v: &Value) -> Value {
    match v {
        Value::Str(s) if s.eq_ignore_ascii_case("true") => Value::Bool(true),
        Value::Str(s) if s.eq_ignore_ascii_case("false") => Value::Bool(false),
        Value::Str(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
            s.parse().map(Value::Int).unwrap_or_else(|_| v.clone())
        }
        _ => v.clone(),
    }
}

fn str_of(node: &Node) -> Option<&str> {
    node.scalar().and_then(Value::as_str)
}

/// S3 buckets. `params.report = "missing"`: no `BucketEncryption` at all. `"provider-managed"`:
/// SSE-S3 (`AES256`), `aws:kms` without a key, or the AWS-managed `alias/aws/s3` key. Buckets
/// that receive access logs are exempt from both (log delivery only writes to SSE-S3 buckets,
/// which AWS applies by default).
fn cfn_s3_encryption(ctx: &CheckCtx) -> Vec<Hit> {
    let report = &ctx.params::<S3Params>().report;
    let buckets: Vec<&Resource> = resources(ctx, &["AWS::S3::Bucket".to_string()]).collect();
    let log_targets: Vec<String> = buckets
        .iter()
        .filter_map(|b| b.body.path("LoggingConfiguration.DestinationBucketName"))
        .filter_map(|d| d.get("Ref").and_then(str_of).map(str::to_owned))
        .collect();
    let mut hits = Vec::new();
    for b in buckets {
        let enc = b.body.get("BucketEncryption");
        let log_bucket = log_targets.contains(&b.name)
            || b.body
                .get("AccessControl")
                .and_then(str_of)
                .is_some_and(|a| a == "LogDeliveryWrite");
        if *report == S3Report::Missing {
            if enc.is_none() && !log_bucket {
                hits.push(Hit::with(
                    b.header,
                    "the bucket declares no server-side encryption (AWS falls back to SSE-S3, an S3-managed key)",
                ));
            }
            continue;
        }
        let Some(enc) = enc else { continue };
        if log_bucket {
            continue;
        }
        let path = [
            "ServerSideEncryptionConfiguration",
            "ServerSideEncryptionByDefault",
        ];
        for default in enc.all_at(path) {
            let key = default.get("KMSMasterKeyID");
            let Some(alg) = default.get("SSEAlgorithm") else {
                continue;
            };
            for a in possible_values(alg) {
                let Some(name) = str_of(a) else { continue };
                let hit = match name {
                    "AES256" => Some(Hit::at(a.span)),
                    "aws:kms" | "aws:kms:dsse" => match key {
                        None => Some(Hit::with(
                            a.span,
                            "SSE-KMS without KMSMasterKeyID uses the AWS-managed aws/s3 key",
                        )),
                        Some(k) if str_of(k).is_some_and(aws_managed_alias) => {
                            Some(Hit::at(k.span))
                        }
                        Some(_) => None,
                    },
                    _ => None,
                };
                if let Some(h) = hit {
                    hits.push(h);
                    break;
                }
            }
        }
    }
    hits
}

/// RDS instances whose `DBParameterGroupName` refers to a parameter group in the template that
/// leaves the TLS-enforcing parameter out where the engine's default is off (MySQL and MariaDB
/// `require_secure_transport`, PostgreSQL before 15 `rds.force_ssl`). The finding is on the
/// instance, since nothing in the group is wrong by itself; a parameter set off explicitly is
/// reported on the group by the `resource` patterns.
fn cfn_db_instance_parameter_group_without_tls(ctx: &CheckCtx) -> Vec<Hit> {
    let groups: Vec<&Resource> =
        resources(ctx, &["AWS::RDS::DBParameterGroup".to_string()]).collect();
    let mut hits = Vec::new();
    for db in resources(ctx, &["AWS::RDS::DBInstance".to_string()]) {
        let Some(name) = db
            .body
            .get("DBParameterGroupName")
            .and_then(|n| n.get("Ref"))
            .and_then(str_of)
        else {
            continue;
        };
        let Some(group) = groups.iter().find(|g| g.name == name) else {
            continue;
        };
        let Some(family) = group.body.get("Family").and_then(str_of) else {
            continue;
        };
        let family = family.to_ascii_lowercase();
        let major = |v: &str| v.split('.').next().and_then(|v| v.parse::<u32>().ok());
        let param = if family.starts_with("mariadb") {
            "require_secure_transport"
        } else if let Some(v) = family.strip_prefix("mysql") {
            // MySQL 9 and later default require_secure_transport to ON.
            match major(v) {
                Some(v) if v < 9 => "require_secure_transport",
                _ => continue,
            }
        } else if let Some(v) = family.strip_prefix("postgres") {
            match major(v) {
                Some(v) if v < 15 => "rds.force_ssl",
                _ => continue,
            }
        } else {
            continue;
        };
        match group.body.get("Parameters") {
            None => {}
            Some(p) if matches!(p.kind, NodeKind::Map(_)) && p.get(param).is_none() => {}
            Some(_) => continue,
        }
        hits.push(Hit::with(
            db.header,
            format!("its parameter group does not set `{param}`: clients may connect without TLS"),
        ));
    }
    hits
}

fn aws_managed_alias(key: &str) -> bool {
    key.starts_with("alias/aws/") || key.contains(":alias/aws/")
}

/// KMS keys without automatic rotation, or rotating less often than once a year
/// (`params.max-days`, default 365). Asymmetric, HMAC and imported (`Origin: EXTERNAL`) keys
/// cannot rotate automatically and are exempt.
fn cfn_kms_rotation(ctx: &CheckCtx) -> Vec<Hit> {
    let max_days = ctx.params::<RotationParams>().max_days;
    let mut hits = Vec::new();
    for k in resources(ctx, &["AWS::KMS::Key".to_string()]) {
        let spec = k
            .body
            .get("KeySpec")
            .and_then(str_of)
            .unwrap_or("SYMMETRIC_DEFAULT");
        let usage = k
            .body
            .get("KeyUsage")
            .and_then(str_of)
            .unwrap_or("ENCRYPT_DECRYPT");
        let origin = k.body.get("Origin").and_then(str_of).unwrap_or("AWS_KMS");
        if spec != "SYMMETRIC_DEFAULT" || usage != "ENCRYPT_DECRYPT" || origin == "EXTERNAL" {
            continue;
        }
        match k.body.get("EnableKeyRotation") {
            None => hits.push(Hit::with(
                k.header,
                "the KMS key does not set EnableKeyRotation (rotation is off by default)",
            )),
            Some(rot) => {
                let off = possible_values(rot)
                    .into_iter()
                    .find(|b| b.scalar().map(normalized) == Some(Value::Bool(false)));
                if let Some(b) = off {
                    hits.push(Hit::at(b.span));
                    continue;
                }
                if let Some(days) = k.body.get("RotationPeriodInDays") {
                    if matches!(days.scalar().map(normalized), Some(Value::Int(d)) if d > max_days)
                    {
                        hits.push(Hit::with(
                            days.span,
                            format!("the KMS key rotates less often than every {max_days} days"),
                        ));
                    }
                }
            }
        }
    }
    hits
}

/// Load-balancer listeners on plain HTTP whose default actions do not all redirect to HTTPS
/// (a fixed response serves no data and is fine too).
fn cfn_http_listener(ctx: &CheckCtx) -> Vec<Hit> {
    let mut hits = Vec::new();
    for l in resources(ctx, &ctx.params::<TypesParams>().types) {
        let Some(proto) = l.body.get("Protocol") else {
            continue;
        };
        let http = possible_values(proto)
            .into_iter()
            .find(|b| str_of(b).is_some_and(|s| s.eq_ignore_ascii_case("HTTP")));
        let Some(http) = http else { continue };
        let actions = l.body.all_at(["DefaultActions"]);
        let harmless = |a: &&Node| {
            let ty = a.get("Type").and_then(str_of).unwrap_or("");
            ty == "fixed-response"
                || (ty == "redirect"
                    && a.path("RedirectConfig.Protocol")
                        .and_then(str_of)
                        .is_some_and(|p| p.eq_ignore_ascii_case("HTTPS")))
        };
        if actions.is_empty() || !actions.iter().all(harmless) {
            hits.push(Hit::at(http.span));
        }
    }
    hits
}

/// Lists of name/value records in a CloudFormation resource (classic ELB policy `Attributes`,
/// Redshift `Parameters`): `params.list` is the path to the list, `params.name-key` and
/// `params.value-key` the record's fields, `params.names` a regex on the name; the pattern's
/// `is` tests the value. One finding per resource: one policy, one root cause.
fn cfn_name_value(ctx: &CheckCtx) -> Vec<Hit> {
    let p = ctx.pattern;
    let params = ctx.params::<NameValueParams>();
    let (list, name_key, value_key) = (&params.list.0, &params.name_key, &params.value_key);
    let names = &params.names;
    let mut hits = Vec::new();
    for r in resources(ctx, &params.types) {
        let found = r.body.all_at(list).into_iter().find_map(|item| {
            let name = item.get(name_key).and_then(str_of)?;
            if !names.is_match(name) {
                return None;
            }
            let value = item.get(value_key)?;
            possible_values(value).into_iter().find(|b| {
                b.scalar().is_some_and(|v| {
                    let v = normalized(v);
                    let text = v.as_text().unwrap_or("").to_string();
                    value_matches(p.is.as_ref(), Some(&v), &text)
                })
            })
        });
        if let Some(n) = found {
            hits.push(Hit::at(n.span));
        }
    }
    hits
}

/// Hosts that are reachable from outside a cluster: a dotted name that is not loopback and not
/// a cluster-internal suffix (`params.internal-suffixes`).
fn public_host(host: &str, internal: &[String]) -> bool {
    let h = host.trim_start_matches("*.").to_ascii_lowercase();
    h.contains('.') && !is_loopback(&h) && !internal.iter().any(|s| h.ends_with(s.as_str()))
}

/// An Ingress with a rule for a public host that no `spec.tls` entry covers.
fn k8s_ingress_without_tls(ctx: &CheckCtx) -> Vec<Hit> {
    let ExposureParams {
        types,
        internal_suffixes: internal,
    } = ctx.params();
    let mut hits = Vec::new();
    for r in resources(ctx, types) {
        // A `tls` entry without hosts covers every host (the controller's default certificate).
        let entries = r.body.all_at(["spec", "tls"]);
        if entries.iter().any(|e| e.all_at(["hosts"]).is_empty()) {
            continue;
        }
        let covered: Vec<String> = entries
            .iter()
            .flat_map(|e| e.all_at(["hosts"]))
            .filter_map(|h| str_of(h).map(str::to_ascii_lowercase))
            .collect();
        let is_covered = |host: &str| {
            let host = host.to_ascii_lowercase();
            covered.iter().any(|c| {
                *c == host
                    || c.strip_prefix('*').is_some_and(|suffix| {
                        host.ends_with(suffix) && !host[..host.len() - suffix.len()].contains('.')
                    })
            })
        };
        let rules = r.body.all_at(["spec", "rules", "host"]);
        let public = rules
            .into_iter()
            .find(|h| str_of(h).is_some_and(|s| public_host(s, internal) && !is_covered(s)));
        if let Some(h) = public {
            hits.push(Hit::with(
                h.span,
                format!(
                    "the ingress serves {} without tls",
                    str_of(h).unwrap_or("a public host")
                ),
            ));
        }
    }
    hits
}

/// An Istio Gateway server on plain HTTP for a public host that does not redirect to HTTPS
/// (`tls.httpsRedirect: true`). Wildcard-only hosts say nothing about exposure and are left
/// alone, as Ingress rules without a host are.
fn istio_gateway_http(ctx: &CheckCtx) -> Vec<Hit> {
    let ExposureParams {
        types,
        internal_suffixes: internal,
    } = ctx.params();
    let mut hits = Vec::new();
    for r in resources(ctx, types) {
        for server in r.body.all_at(["spec", "servers"]) {
            let Some(proto) = server.path("port.protocol") else {
                continue;
            };
            let plain = str_of(proto)
                .is_some_and(|s| matches!(s.to_ascii_uppercase().as_str(), "HTTP" | "HTTP2"));
            let redirects = server
                .path("tls.httpsRedirect")
                .and_then(Node::scalar)
                .is_some_and(|v| normalized(v) == Value::Bool(true));
            if !plain || redirects {
                continue;
            }
            let public = server.all_at(["hosts"]).into_iter().any(|h| {
                str_of(h).is_some_and(|s| {
                    let host = s.rsplit('/').next().unwrap_or(s);
                    public_host(host, internal)
                })
            });
            if public {
                hits.push(Hit::at(proto.span));
            }
        }
    }
    hits
}

/// An EncryptionConfiguration whose first provider for a resource list is `identity`: new
/// writes are stored in plaintext (later providers only decrypt).
fn k8s_identity_provider_first(ctx: &CheckCtx) -> Vec<Hit> {
    let mut hits = Vec::new();
    for r in resources(ctx, &ctx.params::<TypesParams>().types) {
        let Some(NodeKind::List(lists)) = r.body.get("resources").map(|n| &n.kind) else {
            continue;
        };
        for list in lists {
            let first = match list.get("providers").map(|p| &p.kind) {
                Some(NodeKind::List(providers)) => providers.first(),
                _ => None,
            };
            if let Some(first) = first.filter(|f| f.get("identity").is_some()) {
                hits.push(Hit::at(first.span));
            }
        }
    }
    hits
}

/// Environment variables (`pattern.env`) or mapping entries (`pattern.entry`) whose name
/// matches a glob, case-insensitively, and whose value passes the pattern's `is` test. With
/// `params.internal-suffixes`, URLs to single-label or cluster-internal hosts are left alone.
fn named_value(ctx: &CheckCtx) -> Vec<Hit> {
    let p = ctx.pattern;
    let internal = ctx
        .params::<NamedValueParams>()
        .internal_suffixes
        .as_deref();
    let filter_hosts = internal.is_some();
    let internal = internal.unwrap_or_default();
    let lower = |globs: &[String]| -> Vec<String> {
        globs.iter().map(|g| g.to_ascii_lowercase()).collect()
    };
    let env_globs = lower(&p.env);
    let entry_globs = lower(&p.entry);
    let facts = &ctx.file.facts;
    let mut candidates: Vec<(&Value, Span)> = Vec::new();
    for e in &facts.envs {
        if glob::any(&env_globs, &e.name.to_ascii_lowercase()) {
            candidates.push((&e.value, e.span));
        }
    }
    for e in &facts.entries {
        let path = e.path.to_ascii_lowercase();
        if entry_globs
            .iter()
            .any(|g| glob::matches(g, &path) || glob::matches(&format!("*.{g}"), &path))
        {
            candidates.push((&e.value, e.span));
        }
    }
    candidates
        .into_iter()
        .filter(|(v, _)| {
            !filter_hosts
                || v.as_text()
                    .and_then(host_of)
                    .is_some_and(|h| public_host(h, internal))
        })
        .filter(|(v, _)| value_matches(p.is.as_ref(), Some(v), ""))
        .map(|(_, span)| Hit::at(span))
        .collect()
}
