//! Kubernetes, Istio and kubeconfig documents. Each object becomes a `Resource` whose kind is
//! `<api group>/<Kind>` (`networking.istio.io/DestinationRule`, `apps/Deployment`), or just
//! `Kind` for the core group (`apiVersion: v1`); the body is the whole document (metadata and
//! annotations matter). `kind: List` expands into its items. Every container (`containers`,
//! `initContainers`, `ephemeralContainers`, wherever they sit: Pods, workload templates, CRDs)
//! gives `EnvSet` facts for its `env` and a `Command` for its `command` + `args`; an
//! `sh -c '<script>'` is handed to the shell front-end. ConfigMap `data` and Secret `stringData`/`data`
//! entries named like variables are `EnvSet`s too (pods load them with `envFrom`).

use super::{embedded_script, Doc, YKind, MAX_DEPTH, Y};
use crate::facts::{Command, EnvSet, Facts, Resource, Span, Value, Word};
use crate::lang::python::decode_base64;
use crate::lang::shell;

pub(crate) fn lower(docs: &[Doc], src: &str, facts: &mut Facts) {
    for doc in docs {
        if doc.root.get("kind").and_then(Y::text).as_deref() == Some("List") {
            for item in doc.root.get("items").map(Y::items).unwrap_or_default() {
                resource(item, item.span, facts);
                config_env(item, facts);
            }
        } else {
            resource(&doc.root, doc.span, facts);
            config_env(&doc.root, facts);
        }
        containers(&doc.root, src, facts);
    }
}

/// The resource kind named after the object's API group: `apps/Deployment`, `Pod`.
pub(crate) fn kind_name(api_version: &str, kind: &str) -> String {
    match api_version.rsplit_once('/') {
        Some((group, _)) => format!("{group}/{kind}"),
        None => kind.to_string(),
    }
}

fn resource(y: &Y, whole: Span, facts: &mut Facts) {
    let Some(kind_pair) = y.pair("kind") else {
        return;
    };
    let Some(kind) = kind_pair.value.text() else {
        return;
    };
    let api = y.get("apiVersion").and_then(Y::text).unwrap_or_default();
    let name = y
        .get("metadata")
        .and_then(|m| m.get("name"))
        .and_then(Y::text)
        .unwrap_or_default();
    facts.resources.push(Resource {
        kind: kind_name(&api, &kind),
        name,
        body: y.to_node(),
        span: Span::new(whole.start.min(y.span.start), whole.end.max(y.span.end)),
        header: kind_pair.span(),
    });
}

/// A ConfigMap's `data` (or a Secret's `stringData`, or its base64 `data`, decoded) entries
/// named like environment variables become the environment of every pod that loads it with
/// `envFrom`, so they are `EnvSet`s.
/// Keys that name files (`nginx.conf`, `application.yml`) are not.
fn config_env(doc: &Y, facts: &mut Facts) {
    let kind = doc.get("kind").and_then(Y::text);
    let mut blocks = Vec::new();
    match kind.as_deref() {
        Some("ConfigMap") => blocks.extend(doc.get("data").map(|d| (d, false))),
        Some("Secret") => {
            blocks.extend(doc.get("stringData").map(|d| (d, false)));
            blocks.extend(doc.get("data").map(|d| (d, true)));
        }
        _ => {}
    }
    for (p, base64) in blocks
        .into_iter()
        .flat_map(|(b, enc)| b.pairs().iter().map(move |p| (p, enc)))
    {
        let env_like = p
            .key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_')
            && !p.key.starts_with(|c: char| c.is_ascii_digit());
        if env_like {
            let value = match (p.value.value(), base64) {
                (Some(Value::Str(s)), true) => decode_base64(s)
                    .and_then(|b| String::from_utf8(b).ok())
                    .map_or(Value::Unknown, Value::Str),
                (Some(v), false) => v.clone(),
                _ => continue,
            };
            facts.envs.push(EnvSet {
                name: p.key.clone(),
                value,
                span: p.span(),
            });
        }
    }
}

fn containers(root: &Y, src: &str, facts: &mut Facts) {
    let mut stack = vec![(root, 0usize)];
    while let Some((y, depth)) = stack.pop() {
        if depth > MAX_DEPTH {
            continue;
        }
        match &y.kind {
            YKind::Scalar(..) => {}
            YKind::List(items) => stack.extend(items.iter().map(|i| (i, depth + 1))),
            YKind::Map(pairs) => {
                for p in pairs {
                    let is_list = matches!(p.value.kind, YKind::List(_));
                    if is_list
                        && matches!(
                            p.key.as_str(),
                            "containers" | "initContainers" | "ephemeralContainers"
                        )
                    {
                        for c in p.value.items() {
                            container(c, src, facts);
                        }
                    } else {
                        stack.push((&p.value, depth + 1));
                    }
                }
            }
        }
    }
}

fn container(c: &Y, src: &str, facts: &mut Facts) {
    for item in c.get("env").map(Y::items).unwrap_or_default() {
        let Some(name) = item.get("name").and_then(Y::text) else {
            continue;
        };
        let value = item
            .get("value")
            .map(|v| v.value().cloned().unwrap_or(Value::Unknown))
            .unwrap_or(Value::Unknown);
        facts.envs.push(EnvSet {
            name,
            value,
            span: item.span,
        });
    }
    let command = c.get("command");
    let args = c.get("args");
    if command.is_none() && args.is_none() {
        return;
    }
    let mut words: Vec<(&Y, String)> = Vec::new();
    for y in [command, args].into_iter().flatten() {
        match &y.kind {
            YKind::List(items) => words.extend(items.iter().filter_map(|i| Some((i, i.text()?)))),
            YKind::Scalar(..) => words.extend(y.text().map(|t| (y, t))),
            YKind::Map(_) => {}
        }
    }
    // Without `command`, the image's entrypoint runs: name it after the image
    // (`registry.k8s.io/kube-apiserver:v1.30.0` runs `kube-apiserver`).
    let (program, rest) = if command.is_some() && !words.is_empty() {
        (basename(&words[0].1), &words[1..])
    } else {
        let image = c.get("image").and_then(Y::text).unwrap_or_default();
        (image_program(&image), &words[..])
    };
    let span = match (command, args) {
        (Some(a), Some(b)) => Span::new(a.span.start.min(b.span.start), a.span.end.max(b.span.end)),
        (Some(a), None) | (None, Some(a)) => a.span,
        (None, None) => c.span,
    };
    facts.commands.push(Command {
        program: program.clone(),
        args: rest
            .iter()
            .map(|(y, t)| Word {
                text: t.clone(),
                span: y.span,
            })
            .collect(),
        span,
        pipeline: Vec::new(),
        pipeline_span: span,
        redirects: Vec::new(),
    });
    if matches!(program.as_str(), "sh" | "bash" | "ash" | "dash" | "zsh") {
        if let Some(i) = rest
            .iter()
            .position(|(_, t)| t == "-c" || t == "-ec" || t == "-ce")
        {
            if let Some((y, _)) = rest.get(i + 1) {
                if let Some((script, base)) = embedded_script(y, src) {
                    shell::lower_embedded(&script, base, facts);
                }
            }
        }
    }
}

pub(crate) fn basename(path: &str) -> String {
    path.rsplit('/').next().unwrap_or(path).to_string()
}

fn image_program(image: &str) -> String {
    let last = image.rsplit('/').next().unwrap_or(image);
    let name = last.split(['@', ':']).next().unwrap_or(last);
    name.to_string()
}
