//! Checks over Terraform resources. The unit is a module directory, so checks can follow
//! references between blocks; findings are reported only for resources in the file at hand.
//!
//! A single attribute with a bad value is a `resource` pattern in `lints/*.toml`; these checks
//! link resources (a bucket and the encryption configuration that names it, a parameter group
//! and its parameters).

use serde::Deserialize;

use super::{Check, RegexParam, Strings};
use crate::facts::{Node, NodeKind, Resource, Value};
use crate::lint::matching::{canonical, canonical_toml};
use crate::lint::{CheckCtx, Hit};

pub const CHECKS: &[Check] = &[
    Check::new(
        "terraform-s3-bucket-without-encryption",
        s3_bucket_without_encryption,
    ),
    Check::new(
        "terraform-s3-encryption-provider-key",
        s3_encryption_provider_key,
    ),
    Check::new(
        "terraform-parameter-group-without-tls",
        parameter_group_without_tls,
    ),
    Check::with_params::<NamedAttributeParams>("terraform-named-attribute", named_attribute),
    Check::with_params::<JsonAttributeParams>("terraform-json-attribute", json_attribute),
    Check::new("terraform-listener-default-http", listener_default_http),
    Check::new("terraform-aws-managed-key", aws_managed_key),
    Check::new(
        "terraform-spring-cloud-app-without-tls",
        spring_cloud_app_without_tls,
    ),
];

// ---- shared helpers -------------------------------------------------------------------------

fn file_resources<'a>(ctx: &'a CheckCtx, kinds: &'a [&str]) -> impl Iterator<Item = &'a Resource> {
    ctx.file
        .facts
        .resources
        .iter()
        .filter(move |r| kinds.contains(&r.kind.as_str()))
}

fn unit_resources<'a>(ctx: &'a CheckCtx) -> impl Iterator<Item = &'a Resource> {
    ctx.unit.iter().flat_map(|f| f.facts.resources.iter())
}

fn scalar_at<'n>(r: &'n Resource, path: &str) -> Option<&'n Value> {
    r.body
        .all_at(path.split('.'))
        .into_iter()
        .find_map(|n| n.scalar())
}

fn dedup(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by_key(|h| (h.span.start, h.span.end));
    hits.dedup_by_key(|h| h.span);
    hits
}

// ---- S3 ---------------------------------------------------------------------------------------

const SSE_CONFIG: &str = "aws_s3_bucket_server_side_encryption_configuration";

/// Does `reference` (a name such as `aws_s3_bucket.logs.id`, or a literal bucket name) point
/// at `bucket`? `None` when it cannot be told.
fn names_bucket(reference: &Value, bucket: &Resource) -> Option<bool> {
    match reference {
        Value::Name(n) => {
            let mut parts = n.split('.');
            let (Some(ty), Some(name)) = (parts.next(), parts.next()) else {
                return None;
            };
            let name = name.split('[').next().unwrap_or(name);
            if ty == "aws_s3_bucket" {
                Some(name == bucket.name)
            } else {
                // A module output, a data source, another resource's attribute.
                None
            }
        }
        Value::Str(s) => match scalar_at(bucket, "bucket") {
            Some(Value::Str(b)) => Some(b == s),
            Some(Value::Partial(_)) | Some(Value::Unknown) | Some(Value::Name(_)) => None,
            // A bucket without a literal name (bucket_prefix, generated) cannot be named.
            _ => Some(false),
        },
        _ => None,
    }
}

/// The encryption configurations that do, or may, apply to `bucket`.
fn sse_configs<'a>(ctx: &'a CheckCtx, bucket: &'a Resource) -> (Vec<&'a Resource>, bool) {
    let mut sure = Vec::new();
    let mut maybe = false;
    for r in unit_resources(ctx).filter(|r| r.kind == SSE_CONFIG) {
        match scalar_at(r, "bucket").and_then(|b| names_bucket(b, bucket)) {
            Some(true) => sure.push(r),
            Some(false) => {}
            None => maybe = true,
        }
    }
    (sure, maybe)
}

/// The algorithms S3 accepts for default encryption, lower-cased.
const SSE_ALGORITHMS: &[&str] = &["aes256", "aws:kms", "aws:kms:dsse"];

/// Does a server-side encryption configuration (inline block or separate resource body)
/// encrypt? Only when one of its defaults names an algorithm S3 accepts, or one not known
/// here (a variable); a literal other algorithm, or none, encrypts nothing. A configuration
/// whose defaults cannot be read (a `dynamic` block) is given the benefit of the doubt.
fn encrypts(cfg: &Node) -> bool {
    let defaults = cfg.all_at("rule.apply_server_side_encryption_by_default".split('.'));
    if defaults.is_empty() {
        return true;
    }
    defaults
        .into_iter()
        .flat_map(Node::elements)
        .any(|d| match d.get("sse_algorithm") {
            None => false,
            Some(alg) => match alg.scalar().and_then(canonical) {
                Some(a) => SSE_ALGORITHMS.contains(&a.as_str()),
                None => true,
            },
        })
}

fn s3_bucket_without_encryption(ctx: &CheckCtx) -> Vec<Hit> {
    let mut hits = Vec::new();
    for bucket in file_resources(ctx, &["aws_s3_bucket"]) {
        let inline = bucket
            .body
            .all_at("server_side_encryption_configuration".split('.'));
        if inline.iter().any(|cfg| encrypts(cfg)) {
            continue;
        }
        let (sure, maybe) = sse_configs(ctx, bucket);
        let applied = sure.iter().any(|r| encrypts(&r.body));
        if inline.is_empty() && !applied && !maybe && !passed_to_module(ctx, bucket)
            || !inline.is_empty() && !applied
        {
            hits.push(Hit::at(bucket.header));
        }
    }
    dedup(hits)
}

/// Is the bucket handed to a module call, which may configure its encryption?
fn passed_to_module(ctx: &CheckCtx, bucket: &Resource) -> bool {
    unit_resources(ctx).filter(|r| r.kind == "module").any(|m| {
        let mut stack = vec![&m.body];
        while let Some(node) = stack.pop() {
            match &node.kind {
                NodeKind::Map(entries) => stack.extend(entries.iter().map(|(_, n)| n)),
                NodeKind::List(items) => stack.extend(items.iter()),
                NodeKind::Scalar(v) => {
                    let mut values = vec![v];
                    while let Some(v) = values.pop() {
                        match v {
                            Value::List(items) => values.extend(items.iter()),
                            Value::Map(entries) => values.extend(entries.iter().map(|(_, v)| v)),
                            _ => {
                                if names_bucket(v, bucket) == Some(true)
                                    && matches!(v, Value::Name(_))
                                {
                                    return true;
                                }
                            }
                        }
                    }
                }
            }
        }
        false
    })
}

/// Is the bucket a log-delivery target? Those cannot use SSE-KMS (ELB access logs, S3 server
/// access logs), so SSE-S3 is the right choice there.
fn is_log_bucket(ctx: &CheckCtx, bucket: &Resource) -> bool {
    let acl_is_log = |r: &Resource| {
        scalar_at(r, "acl")
            .and_then(Value::as_str)
            .is_some_and(|a| a == "log-delivery-write")
    };
    if acl_is_log(bucket) {
        return true;
    }
    let targets = [
        "target_bucket",
        "logging.target_bucket",
        "access_logs.bucket",
        "logging_config.bucket",
    ];
    unit_resources(ctx).any(|r| {
        (r.kind == "aws_s3_bucket_acl"
            && acl_is_log(r)
            && scalar_at(r, "bucket").and_then(|b| names_bucket(b, bucket)) == Some(true))
            || targets.iter().any(|t| {
                r.body
                    .all_at(t.split('.'))
                    .iter()
                    .any(|n| n.scalar().and_then(|v| names_bucket(v, bucket)) == Some(true))
            })
    })
}

const SSE_DEFAULT: &str = "rule.apply_server_side_encryption_by_default";

fn s3_encryption_provider_key(ctx: &CheckCtx) -> Vec<Hit> {
    let mut hits = Vec::new();
    let buckets: Vec<&Resource> = unit_resources(ctx)
        .filter(|r| r.kind == "aws_s3_bucket")
        .collect();
    for r in &ctx.file.facts.resources {
        let (default_path, owner): (String, Vec<&Resource>) = match r.kind.as_str() {
            SSE_CONFIG => {
                let owner = scalar_at(r, "bucket")
                    .map(|b| {
                        buckets
                            .iter()
                            .copied()
                            .filter(|bk| names_bucket(b, bk) == Some(true))
                            .collect()
                    })
                    .unwrap_or_default();
                (SSE_DEFAULT.to_string(), owner)
            }
            "aws_s3_bucket" => (
                format!("server_side_encryption_configuration.{SSE_DEFAULT}"),
                vec![r],
            ),
            _ => continue,
        };
        if owner.iter().any(|b| is_log_bucket(ctx, b)) {
            continue;
        }
        for default in r.body.all_at(default_path.split('.')) {
            let Some(alg) = default.get("sse_algorithm") else {
                continue;
            };
            let key = default.get("kms_master_key_id").and_then(Node::scalar);
            let message = match alg.scalar().and_then(Value::as_str) {
                Some("AES256") => {
                    "AES256 (SSE-S3) encrypts with a key AWS manages, not a customer-managed key"
                }
                Some(a) if a.starts_with("aws:kms") => match key {
                    None => "aws:kms without kms_master_key_id uses the AWS-managed aws/s3 key",
                    Some(Value::Str(k)) if k.starts_with("alias/aws/") => {
                        "the AWS-managed aws/s3 key is not a customer-managed key"
                    }
                    _ => continue,
                },
                _ => continue,
            };
            hits.push(Hit::with(alg.span, message));
        }
    }
    dedup(hits)
}

// ---- parameter groups ---------------------------------------------------------------------------

/// RDS, Aurora and Redshift parameter groups that let clients connect without TLS: the
/// enforcing parameter set off, or missing where the engine's default is off.
fn parameter_group_without_tls(ctx: &CheckCtx) -> Vec<Hit> {
    let kinds = [
        "aws_db_parameter_group",
        "aws_rds_cluster_parameter_group",
        "aws_redshift_parameter_group",
    ];
    let mut hits = Vec::new();
    for r in file_resources(ctx, &kinds) {
        let family = match scalar_at(r, "family") {
            Some(Value::Str(f)) => f.to_ascii_lowercase(),
            _ => continue,
        };
        let (param, off, default_off): (&str, &[&str], bool) =
            if r.kind == "aws_redshift_parameter_group" {
                ("require_ssl", &["false", "0"], true)
            } else if family.starts_with("postgres") || family.starts_with("aurora-postgresql") {
                // PostgreSQL 15 and later default rds.force_ssl to 1.
                let version = family
                    .trim_start_matches("aurora-postgresql")
                    .trim_start_matches("postgres")
                    .split('.')
                    .next()
                    .and_then(|v| v.parse::<u32>().ok());
                let default_off = match version {
                    Some(v) => family.starts_with("postgres") && v < 15,
                    None => false,
                };
                ("rds.force_ssl", &["0", "false"], default_off)
            } else if family.starts_with("mysql")
                || family.starts_with("aurora-mysql")
                || family.starts_with("mariadb")
            {
                ("require_secure_transport", &["0", "off", "false"], true)
            } else {
                continue;
            };
        let mut found = None;
        for p in r.body.all_at("parameter".split('.')) {
            let name = p.get("name").and_then(Node::scalar).and_then(canonical);
            if name.as_deref() != Some(param) {
                continue;
            }
            found = Some(p);
        }
        match found {
            Some(p) => {
                let value = p.get("value").and_then(Node::scalar).and_then(canonical);
                if value.is_some_and(|v| off.contains(&v.as_str())) {
                    let span = p.get("value").map(|v| v.span).unwrap_or(p.span);
                    hits.push(Hit::with(
                        span,
                        format!("`{param}` is off: clients may connect without TLS"),
                    ));
                }
            }
            None if default_off => hits.push(Hit::with(
                r.header,
                format!("the parameter group does not set `{param}`, so clients may connect without TLS"),
            )),
            None => {}
        }
    }
    dedup(hits)
}

// ---- Spring Cloud -------------------------------------------------------------------------------

/// Azure Spring Cloud services, other than the Basic tier (which cannot turn it on), with an
/// app in the module that leaves end-to-end TLS off (`tls_enabled` defaults to false). The
/// finding is on the service, once.
fn spring_cloud_app_without_tls(ctx: &CheckCtx) -> Vec<Hit> {
    let mut hits = Vec::new();
    for svc in file_resources(ctx, &["azurerm_spring_cloud_service"]) {
        let known_tier = |path: &str| match scalar_at(svc, path) {
            None => Some(None),
            Some(v) => canonical(v).map(Some),
        };
        let (Some(tier), Some(sku)) = (known_tier("sku_tier"), known_tier("sku_name")) else {
            continue;
        };
        if tier.as_deref() == Some("basic") || sku.as_deref().is_some_and(|s| s.starts_with('b')) {
            continue;
        }
        let plain_app = unit_resources(ctx)
            .filter(|a| a.kind == "azurerm_spring_cloud_app")
            .filter(|a| match scalar_at(a, "service_name") {
                Some(Value::Name(n)) => {
                    let mut parts = n.split('.');
                    parts.next() == Some("azurerm_spring_cloud_service")
                        && parts.next() == Some(svc.name.as_str())
                }
                _ => false,
            })
            .find(|a| match scalar_at(a, "tls_enabled") {
                None => true,
                Some(v) => canonical(v).as_deref() == Some("false"),
            });
        if let Some(app) = plain_app {
            hits.push(Hit::with(
                svc.header,
                format!(
                    "app `{}` leaves end-to-end TLS off, so traffic to it is plain HTTP",
                    app.name
                ),
            ));
        }
    }
    hits
}

// ---- name/value attribute lists -------------------------------------------------------------

/// Blocks that list settings as `name`/`value` pairs (`policy_attribute` of an ELB policy):
/// the first pair per resource whose name matches `name-regex` and whose value is one of
/// `on` (default `["true"]`). Params: `block`, `name-regex`, `on`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct NamedAttributeParams {
    block: Vec<String>,
    name_regex: RegexParam,
    #[serde(default = "on_true")]
    on: Vec<toml::Value>,
}

fn on_true() -> Vec<toml::Value> {
    vec![toml::Value::Boolean(true)]
}

fn named_attribute(ctx: &CheckCtx) -> Vec<Hit> {
    let params = ctx.params::<NamedAttributeParams>();
    let kinds: Vec<&str> = ctx.pattern.literals.iter().map(String::as_str).collect();
    if file_resources(ctx, &kinds).next().is_none() {
        return Vec::new();
    }
    let blocks = &params.block;
    let re = &params.name_regex;
    let on: Vec<String> = params.on.iter().filter_map(canonical_toml).collect();
    let mut hits = Vec::new();
    for r in file_resources(ctx, &kinds) {
        let found = blocks
            .iter()
            .flat_map(|b| r.body.all_at(b.split('.')))
            .find(|item| {
                let name = item
                    .get("name")
                    .and_then(Node::scalar)
                    .and_then(Value::as_str);
                let value = item.get("value").and_then(Node::scalar).and_then(canonical);
                name.is_some_and(|n| re.is_match(n)) && value.is_some_and(|v| on.contains(&v))
            });
        if let Some(item) = found {
            hits.push(Hit::at(item.span));
        }
    }
    dedup(hits)
}

// ---- JSON documents in attributes ---------------------------------------------------------------

/// A JSON document held in an attribute (a heredoc, a string, or `jsonencode({...})`), tested
/// at a dotted path. Params: `attr`, `json-path`, `bad`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct JsonAttributeParams {
    attr: Strings,
    json_path: Strings,
    bad: Vec<toml::Value>,
}

fn json_attribute(ctx: &CheckCtx) -> Vec<Hit> {
    let params = ctx.params::<JsonAttributeParams>();
    let kinds: Vec<&str> = ctx.pattern.literals.iter().map(String::as_str).collect();
    if file_resources(ctx, &kinds).next().is_none() {
        return Vec::new();
    }
    let (attrs, paths) = (&params.attr.0, &params.json_path.0);
    let bad: Vec<String> = params.bad.iter().filter_map(canonical_toml).collect();
    let mut hits = Vec::new();
    for r in file_resources(ctx, &kinds) {
        for node in attrs.iter().flat_map(|a| r.body.all_at(a.split('.'))) {
            let Some(doc) = node.scalar().and_then(json_document) else {
                continue;
            };
            let is_bad = paths.iter().any(|p| {
                let mut v = &doc;
                for key in p.split('.') {
                    match v.get(key) {
                        Some(next) => v = next,
                        None => return false,
                    }
                }
                canonical(v).is_some_and(|n| bad.contains(&n))
            });
            if is_bad {
                hits.push(Hit::at(node.span));
                break;
            }
        }
    }
    dedup(hits)
}

fn json_document(v: &Value) -> Option<Value> {
    match v {
        Value::Str(s) => serde_json::from_str::<serde_json::Value>(s)
            .ok()
            .map(|j| from_json(&j, 0)),
        Value::Call(c) if c.callee == "jsonencode" => c.args.first().map(|a| a.value.clone()),
        Value::Map(_) => Some(v.clone()),
        _ => None,
    }
}

fn from_json(j: &serde_json::Value, depth: usize) -> Value {
    if depth > 64 {
        return Value::Unknown;
    }
    match j {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => n
            .as_i64()
            .map(Value::Int)
            .or_else(|| n.as_f64().map(Value::Float))
            .unwrap_or(Value::Unknown),
        serde_json::Value::String(s) => Value::Str(s.clone()),
        serde_json::Value::Array(items) => Value::List(
            items
                .iter()
                .map(|i| from_json(i, depth + 1))
                .collect::<Vec<_>>()
                .into(),
        ),
        serde_json::Value::Object(map) => Value::Map(
            map.iter()
                .map(|(k, v)| (k.clone(), from_json(v, depth + 1)))
                .collect::<Vec<_>>()
                .into(),
        ),
    }
}

// ---- load-balancer listeners without a protocol -------------------------------------------------

/// An `aws_lb_listener` without `protocol` on an application load balancer listens on plain
/// HTTP (the provider's default) unless it has a certificate or redirects to HTTPS. The load
/// balancer is found through `load_balancer_arn`; when it is not in the module, only a
/// listener on port 80 is reported.
fn listener_default_http(ctx: &CheckCtx) -> Vec<Hit> {
    let mut hits = Vec::new();
    for r in file_resources(ctx, &["aws_lb_listener", "aws_alb_listener"]) {
        let has = |p: &str| !r.body.all_at(p.split('.')).is_empty();
        if has("protocol")
            || has("certificate_arn")
            || holds_str(r, "default_action.redirect.protocol", "https")
        {
            continue;
        }
        let lb = match scalar_at(r, "load_balancer_arn") {
            Some(Value::Name(n)) => {
                let mut parts = n.split('.');
                match (parts.next(), parts.next()) {
                    (Some(ty @ ("aws_lb" | "aws_alb")), Some(name)) => {
                        let name = name.split('[').next().unwrap_or(name);
                        unit_resources(ctx).find(|l| l.kind == ty && l.name == name)
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        let plain = match lb {
            Some(lb) => matches!(
                scalar_at(lb, "load_balancer_type")
                    .and_then(canonical)
                    .as_deref(),
                None | Some("application")
            ),
            None => scalar_at(r, "port").and_then(canonical).as_deref() == Some("80"),
        };
        if plain {
            hits.push(Hit::at(r.header));
        }
    }
    dedup(hits)
}

fn holds_str(r: &Resource, path: &str, want: &str) -> bool {
    r.body
        .all_at(path.split('.'))
        .iter()
        .any(|n| n.scalar().and_then(canonical).as_deref() == Some(want))
}

// ---- AWS-managed keys named explicitly ---------------------------------------------------------

/// Attributes that name the KMS key a resource encrypts with.
const KEY_ATTRS: &[&str] = &["kms_key_id", "kms_key_arn", "kms_master_key_id"];

/// Is this key an AWS-managed one: an `alias/aws/...` literal, or a `data.aws_kms_alias` /
/// `data.aws_kms_key` in the module that looks one up?
fn is_aws_managed_key(ctx: &CheckCtx, v: &Value) -> bool {
    let aws_alias = |s: &str| s.starts_with("alias/aws/") || s.contains(":alias/aws/");
    match v {
        Value::Str(s) => aws_alias(s),
        Value::Name(n) => {
            let mut parts = n.split('.');
            let (Some("data"), Some(ty), Some(name)) = (parts.next(), parts.next(), parts.next())
            else {
                return false;
            };
            let attr = match ty {
                "aws_kms_alias" => "name",
                "aws_kms_key" => "key_id",
                _ => return false,
            };
            let kind = format!("data.{ty}");
            unit_resources(ctx)
                .filter(|r| r.kind == kind && r.name == name)
                .any(|r| {
                    scalar_at(r, attr)
                        .and_then(Value::as_str)
                        .is_some_and(aws_alias)
                })
        }
        _ => false,
    }
}

/// A resource that names an AWS-managed key (`alias/aws/rds`, `alias/aws/sqs`, ...) where a
/// customer-managed one is expected. S3 encryption defaults are left to their own check.
fn aws_managed_key(ctx: &CheckCtx) -> Vec<Hit> {
    let mut hits = Vec::new();
    for r in &ctx.file.facts.resources {
        if r.kind.starts_with("data.") || r.kind == SSE_CONFIG || r.kind == "aws_s3_bucket" {
            continue;
        }
        let mut stack: Vec<&Node> = vec![&r.body];
        let mut found = None;
        while let Some(node) = stack.pop() {
            match &node.kind {
                NodeKind::Map(entries) => {
                    for (k, child) in entries {
                        if KEY_ATTRS.contains(&k.as_str())
                            && child.scalar().is_some_and(|v| is_aws_managed_key(ctx, v))
                        {
                            found = Some(child.span);
                        }
                        stack.push(child);
                    }
                }
                NodeKind::List(items) => stack.extend(items.iter()),
                NodeKind::Scalar(_) => {}
            }
        }
        if let Some(span) = found {
            hits.push(Hit::at(span));
        }
    }
    dedup(hits)
}
