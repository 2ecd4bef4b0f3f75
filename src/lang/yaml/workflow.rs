//! docker-compose, GitHub Actions and GitLab CI: the environment they set (`EnvSet`) and the
//! scripts they run (handed to the shell front-end with host-file offsets).
//!
//! - compose: `services.*.environment` (map or `KEY=value` list), `command`/`entrypoint` (a
//!   string is a shell script; a list is one command), `healthcheck.test` `CMD-SHELL`;
//! - GitHub Actions: `env:` maps at any level, `run:` steps;
//! - GitLab CI: `variables:` maps at any level (`KEY: value` or `KEY: {value: ...}`),
//!   `script`/`before_script`/`after_script`.

use super::kube::basename;
use super::{embedded_script, Doc, Pair, YKind, MAX_DEPTH, Y};
use crate::facts::{Command, EnvSet, Facts, Value, Word};
use crate::lang::shell;

pub(crate) fn compose(docs: &[Doc], src: &str, facts: &mut Facts) {
    for doc in docs {
        let Some(services) = doc.root.get("services") else {
            continue;
        };
        for svc in services.pairs().iter().map(|p| &p.value) {
            if let Some(env) = svc.get("environment") {
                env_block(env, facts);
            }
            for key in ["command", "entrypoint"] {
                if let Some(cmd) = svc.get(key) {
                    command(cmd, src, facts);
                }
            }
            if let Some(test) = svc.get("healthcheck").and_then(|h| h.get("test")) {
                let items = test.items();
                match items.first().and_then(Y::text).as_deref() {
                    Some("CMD-SHELL") => script(items.get(1), src, facts),
                    Some("CMD") => command_words(&items[1..], test, src, facts),
                    _ => script(Some(test), src, facts),
                }
            }
        }
    }
}

pub(crate) fn github(docs: &[Doc], src: &str, facts: &mut Facts) {
    walk(docs, |p| match p.key.as_str() {
        "env" => env_block(&p.value, facts),
        "run" => script(Some(&p.value), src, facts),
        _ => {}
    });
}

pub(crate) fn gitlab(docs: &[Doc], src: &str, facts: &mut Facts) {
    walk(docs, |p| match p.key.as_str() {
        "variables" => env_block(&p.value, facts),
        "script" | "before_script" | "after_script" => match &p.value.kind {
            YKind::List(items) => {
                for i in items {
                    script(Some(i), src, facts);
                }
            }
            _ => script(Some(&p.value), src, facts),
        },
        _ => {}
    });
}

/// Calls `f` on every mapping pair of every document.
fn walk<'a>(docs: &'a [Doc], mut f: impl FnMut(&'a Pair)) {
    let mut stack: Vec<(&Y, usize)> = docs.iter().map(|d| (&d.root, 0)).collect();
    while let Some((y, depth)) = stack.pop() {
        if depth > MAX_DEPTH {
            continue;
        }
        match &y.kind {
            YKind::Scalar(..) => {}
            YKind::List(items) => stack.extend(items.iter().map(|i| (i, depth + 1))),
            YKind::Map(pairs) => {
                for p in pairs {
                    f(p);
                    stack.push((&p.value, depth + 1));
                }
            }
        }
    }
}

/// An environment block: a map (`KEY: value`, GitLab's `KEY: {value: v}`) or a list of
/// `KEY=value` strings.
fn env_block(env: &Y, facts: &mut Facts) {
    match &env.kind {
        YKind::Map(pairs) => {
            for p in pairs {
                let value = match &p.value.kind {
                    YKind::Scalar(v, _) => v.clone(),
                    YKind::Map(_) => p
                        .value
                        .get("value")
                        .and_then(|v| v.value().cloned())
                        .unwrap_or(Value::Unknown),
                    YKind::List(_) => Value::Unknown,
                };
                facts.envs.push(EnvSet {
                    name: p.key.clone(),
                    value,
                    span: p.span(),
                });
            }
        }
        YKind::List(items) => {
            for i in items {
                let Some(t) = i.text() else { continue };
                let (name, value) = match t.split_once('=') {
                    Some((n, v)) => (n.trim().to_string(), Value::Str(v.to_string())),
                    None => (t.trim().to_string(), Value::Unknown),
                };
                if !name.is_empty() {
                    facts.envs.push(EnvSet {
                        name,
                        value,
                        span: i.span,
                    });
                }
            }
        }
        YKind::Scalar(..) => {}
    }
}

fn script(y: Option<&Y>, src: &str, facts: &mut Facts) {
    if let Some((text, base)) = y.and_then(|y| embedded_script(y, src)) {
        shell::lower_embedded(&text, base, facts);
    }
}

/// A compose `command:`: a string runs through a shell, a list is the argv itself.
fn command(cmd: &Y, src: &str, facts: &mut Facts) {
    match &cmd.kind {
        YKind::List(items) => command_words(items, cmd, src, facts),
        _ => script(Some(cmd), src, facts),
    }
}

pub(crate) fn command_words(items: &[Y], whole: &Y, src: &str, facts: &mut Facts) {
    let words: Vec<(&Y, String)> = items.iter().filter_map(|i| Some((i, i.text()?))).collect();
    let Some(((_, first), rest)) = words.split_first() else {
        return;
    };
    let program = basename(first);
    facts.commands.push(Command {
        program: program.clone(),
        args: rest
            .iter()
            .map(|(y, t)| Word {
                text: t.clone(),
                span: y.span,
            })
            .collect(),
        span: whole.span,
        pipeline: Vec::new(),
        pipeline_span: whole.span,
        redirects: Vec::new(),
    });
    if matches!(program.as_str(), "sh" | "bash" | "ash" | "dash" | "zsh") {
        if let Some(i) = rest.iter().position(|(_, t)| t == "-c") {
            script(rest.get(i + 1).map(|(y, _)| *y), src, facts);
        }
    }
}
