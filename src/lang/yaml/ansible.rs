//! Ansible playbooks, role task lists and variable files. Every task becomes a `Call` of its
//! module named by its fully qualified collection name (`get_url` is
//! `ansible.builtin.get_url`), with a keyword argument per module option (`args:` and the
//! `key=value` free form included). A `{{ var }}` in a value is the literal the variable holds
//! in the task's, block's or play's `vars`, the play's `vars_files`, or the role's
//! `vars/main.yml` and `defaults/main.yml` (read from disk beside the task file, so a task file
//! checked alone gets the same answer); anything else is unknown. `environment:` entries are
//! `EnvSet`s; `shell`, `command` and `raw` tasks are handed to the shell front-end.
//! Variable files (`defaults/`, `vars/`, `group_vars/`) give only their `Entry` facts.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::workflow::command_words;
use super::{embedded_script, Doc, Style, YKind, MAX_DEPTH, Y};
use crate::facts::{Arg, Call, EnvSet, Facts, Span, Value, UNKNOWN_PART};
use crate::lang::shell;

/// Task keys that are not the module it runs.
const TASK_KEYWORDS: &[&str] = &[
    "name",
    "when",
    "loop",
    "loop_control",
    "register",
    "become",
    "become_user",
    "become_method",
    "become_flags",
    "become_exe",
    "tags",
    "notify",
    "listen",
    "vars",
    "environment",
    "args",
    "delegate_to",
    "delegate_facts",
    "run_once",
    "ignore_errors",
    "ignore_unreachable",
    "changed_when",
    "failed_when",
    "until",
    "retries",
    "delay",
    "no_log",
    "check_mode",
    "diff",
    "connection",
    "any_errors_fatal",
    "throttle",
    "timeout",
    "collections",
    "module_defaults",
    "debugger",
    "async",
    "poll",
    "remote_user",
    "port",
];

/// Modules of `ansible-core`, which short names resolve to first.
const BUILTIN: &[&str] = &[
    "add_host",
    "apt",
    "apt_key",
    "apt_repository",
    "assemble",
    "assert",
    "async_status",
    "blockinfile",
    "command",
    "copy",
    "cron",
    "deb822_repository",
    "debconf",
    "debug",
    "dnf",
    "dnf5",
    "dpkg_selections",
    "expect",
    "fail",
    "fetch",
    "file",
    "find",
    "gather_facts",
    "get_url",
    "getent",
    "git",
    "group",
    "group_by",
    "hostname",
    "import_playbook",
    "import_role",
    "import_tasks",
    "include_role",
    "include_tasks",
    "include_vars",
    "iptables",
    "known_hosts",
    "lineinfile",
    "meta",
    "mount_facts",
    "package",
    "package_facts",
    "pause",
    "ping",
    "pip",
    "raw",
    "reboot",
    "replace",
    "rpm_key",
    "script",
    "service",
    "service_facts",
    "set_fact",
    "set_stats",
    "setup",
    "shell",
    "slurp",
    "stat",
    "subversion",
    "systemd",
    "systemd_service",
    "sysvinit",
    "tempfile",
    "template",
    "unarchive",
    "uri",
    "user",
    "validate_argument_spec",
    "wait_for",
    "wait_for_connection",
    "yum_repository",
];

/// Where Ansible's routing (`meta/runtime.yml`) sends the short names of modules that left
/// the core: a prefix of the short name, and the collection.
const ROUTED: &[(&str, &str)] = &[
    ("postgresql_", "community.postgresql"),
    ("mysql_", "community.mysql"),
    ("openssl_", "community.crypto"),
    ("x509_", "community.crypto"),
    ("s3_", "amazon.aws"),
    ("k8s", "kubernetes.core"),
    ("helm", "kubernetes.core"),
    ("docker_", "community.docker"),
];

/// Modules whose free-form string is a command line.
const COMMAND_MODULES: &[&str] = &[
    "ansible.builtin.shell",
    "ansible.builtin.command",
    "ansible.builtin.raw",
];

/// How deep `{{ var }}` may refer to variables that refer to variables.
const MAX_INDIRECTION: usize = 8;

pub(crate) fn lower(docs: &[Doc], path: &Path, src: &str, facts: &mut Facts) {
    if is_vars_file(path) {
        return;
    }
    let role = role_variables(path);
    let mut scope = Scope {
        layers: role.iter().collect(),
    };
    for doc in docs {
        for item in doc.root.items() {
            if item.get("hosts").is_some() {
                play(item, path, &scope, src, facts);
            } else {
                task(item, &mut scope, src, facts, 0);
            }
        }
    }
}

/// Variables, not tasks: a role's `defaults/` and `vars/`, inventory `group_vars/`.
fn is_vars_file(path: &Path) -> bool {
    path.components().any(|c| {
        matches!(
            c.as_os_str().to_str(),
            Some("defaults" | "vars" | "group_vars" | "host_vars")
        )
    })
}

/// The role's `defaults/main.yml` then its `vars/main.yml` (which override the defaults),
/// when `path` is in the role's `tasks/` or `handlers/`.
fn role_variables(path: &Path) -> Vec<Y> {
    let in_role_folder = path
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|n| n == "tasks" || n == "handlers");
    let Some(role) = path
        .parent()
        .and_then(Path::parent)
        .filter(|_| in_role_folder)
    else {
        return Vec::new();
    };
    ["defaults", "vars"]
        .iter()
        .filter_map(|dir| {
            ["main.yml", "main.yaml"]
                .iter()
                .find_map(|f| variables_file(&role.join(dir).join(f)))
        })
        .collect()
}

/// The mapping at the top of a variables file, if it can be read.
fn variables_file(path: &PathBuf) -> Option<Y> {
    let text = std::fs::read_to_string(path).ok()?;
    let (docs, _) = super::parse(&text).ok()?;
    let root = docs.into_iter().next()?.root;
    matches!(root.kind, YKind::Map(_)).then_some(root)
}

/// The variables a task sees, outermost (lowest precedence) first.
struct Scope<'a> {
    layers: Vec<&'a Y>,
}

impl<'a> Scope<'a> {
    fn lookup(&self, name: &str) -> Option<&'a Y> {
        let mut parts = name.split('.');
        let first = parts.next()?;
        let mut y = self.layers.iter().rev().find_map(|l| l.get(first))?;
        for part in parts {
            y = y.get(part)?;
        }
        Some(y)
    }

    /// Runs `f` with `vars` (a task's, block's or play's) as the innermost layer.
    fn with<R>(&mut self, vars: Option<&'a Y>, f: impl FnOnce(&mut Self) -> R) -> R {
        let pushed = vars.filter(|v| matches!(v.kind, YKind::Map(_)));
        if let Some(v) = pushed {
            self.layers.push(v);
        }
        let out = f(self);
        if pushed.is_some() {
            self.layers.pop();
        }
        out
    }
}

fn play(p: &Y, path: &Path, scope: &Scope, src: &str, facts: &mut Facts) {
    // `vars_files` named literally, relative to the playbook; they outrank the play's `vars`.
    let files: Vec<Y> = p
        .get("vars_files")
        .map(Y::items)
        .unwrap_or_default()
        .iter()
        .filter_map(Y::text)
        .filter(|f| !f.contains("{{"))
        .filter_map(|f| variables_file(&path.parent()?.join(f)))
        .collect();
    // The play's layers live as long as its files: a scope of their own.
    let mut inner = Scope {
        layers: scope.layers.clone(),
    };
    inner
        .layers
        .extend(p.get("vars").filter(|v| matches!(v.kind, YKind::Map(_))));
    inner.layers.extend(files.iter());
    environment(p.get("environment"), &inner, facts);
    for key in ["pre_tasks", "tasks", "post_tasks", "handlers"] {
        for t in p.get(key).map(Y::items).unwrap_or_default() {
            task(t, &mut inner, src, facts, 0);
        }
    }
}

fn task<'a>(t: &'a Y, scope: &mut Scope<'a>, src: &str, facts: &mut Facts, depth: usize) {
    if depth > MAX_DEPTH || !matches!(t.kind, YKind::Map(_)) {
        return;
    }
    scope.with(t.get("vars"), |scope| {
        environment(t.get("environment"), scope, facts);
        let blocks = ["block", "rescue", "always"];
        if blocks.iter().any(|b| t.get(b).is_some()) {
            for b in blocks {
                for inner in t.get(b).map(Y::items).unwrap_or_default() {
                    task(inner, scope, src, facts, depth + 1);
                }
            }
        } else {
            module_call(t, scope, src, facts);
        }
    });
}

/// The task's module as a call: its name qualified, its options as keyword arguments.
fn module_call(t: &Y, scope: &Scope, src: &str, facts: &mut Facts) {
    let Some(pair) = t
        .pairs()
        .iter()
        .find(|p| !TASK_KEYWORDS.contains(&p.key.as_str()) && !p.key.starts_with("with_"))
    else {
        return;
    };
    // `action: get_url url=...` and `local_action: {module: get_url, url: ...}` name the
    // module in their value.
    let (short, options) = if matches!(pair.key.as_str(), "action" | "local_action") {
        match &pair.value.kind {
            YKind::Map(_) => match pair.value.get("module").and_then(Y::text) {
                Some(m) => (m, Options::Map(&pair.value)),
                None => return,
            },
            _ => {
                let text = pair.value.text().unwrap_or_default();
                let mut words = text.splitn(2, char::is_whitespace);
                let module = words.next().unwrap_or_default().to_string();
                (module, Options::Opaque(&pair.value))
            }
        }
    } else {
        (pair.key.clone(), Options::of(&pair.value))
    };
    if short.is_empty() {
        return;
    }
    let callee = qualified(&short);
    let mut args = Vec::new();
    match options {
        Options::Map(m) => map_args(m, &["module"], scope, src, &mut args),
        Options::FreeForm(y) => free_form_args(y, &callee, scope, src, &mut args),
        Options::Opaque(y) => args.push(Arg {
            name: None,
            index: None,
            value: Value::Unknown,
            span: y.span,
            origin: None,
            text: source(src, y.span),
        }),
        Options::None => {}
    }
    if let Some(extra) = t.get("args") {
        map_args(extra, &[], scope, src, &mut args);
    }
    if COMMAND_MODULES.contains(&callee.as_str()) {
        command(&pair.value, t.get("args"), src, facts);
    }
    facts.calls.push(Call {
        callee,
        args,
        span: t.span,
        callee_span: pair.key_span,
    });
}

/// How a task wrote its module's options.
enum Options<'a> {
    Map(&'a Y),
    /// `get_url: url=http://x dest=/tmp`, or a command line.
    FreeForm(&'a Y),
    /// Options that cannot be read (`action:` with a free form after the module).
    Opaque(&'a Y),
    None,
}

impl<'a> Options<'a> {
    fn of(y: &'a Y) -> Self {
        match &y.kind {
            YKind::Map(_) => Options::Map(y),
            YKind::Scalar(Value::Null, _) => Options::None,
            YKind::Scalar(..) => Options::FreeForm(y),
            YKind::List(_) => Options::Opaque(y),
        }
    }
}

/// `get_url` is `ansible.builtin.get_url`; `postgresql_db` is routed to its collection;
/// another short name stays as Ansible names it when it searches for it (`ansible.legacy`).
fn qualified(short: &str) -> String {
    if short.contains('.') {
        return short.to_string();
    }
    if BUILTIN.contains(&short) {
        return format!("ansible.builtin.{short}");
    }
    if short == "aws_s3" {
        return "amazon.aws.s3_object".to_string();
    }
    match ROUTED.iter().find(|(prefix, _)| short.starts_with(prefix)) {
        Some((_, collection)) => format!("{collection}.{short}"),
        None => format!("ansible.legacy.{short}"),
    }
}

fn source(src: &str, span: Span) -> String {
    src.get(span.start..span.end)
        .unwrap_or_default()
        .to_string()
}

fn map_args(m: &Y, skip: &[&str], scope: &Scope, src: &str, args: &mut Vec<Arg>) {
    for p in m.pairs().iter().filter(|p| !skip.contains(&p.key.as_str())) {
        args.push(Arg {
            name: Some(p.key.clone()),
            index: None,
            value: value_of(&p.value, scope, 0),
            span: p.span(),
            origin: None,
            text: source(src, p.value.span),
        });
    }
}

/// `key=value` words of a free-form string; a command module's line is its first positional
/// argument instead. Words of a plain one-line scalar get their own spans, others the
/// scalar's.
fn free_form_args(y: &Y, callee: &str, scope: &Scope, src: &str, args: &mut Vec<Arg>) {
    let text = y.text().unwrap_or_default();
    if COMMAND_MODULES.contains(&callee) {
        args.push(Arg {
            name: None,
            index: Some(0),
            value: template(&text, scope, 0),
            span: y.span,
            origin: None,
            text: source(src, y.span),
        });
        return;
    }
    let raw = source(src, y.span);
    let exact = matches!(y.kind, YKind::Scalar(_, Style::Plain)) && raw == text;
    for (start, end, word) in words(&text) {
        let Some((key, value)) = word.split_once('=') else {
            continue;
        };
        let span = if exact {
            Span::new(y.span.start + start, y.span.start + end)
        } else {
            y.span
        };
        args.push(Arg {
            name: Some(key.to_string()),
            index: None,
            value: template(value, scope, 0),
            span,
            origin: None,
            text: value.to_string(),
        });
    }
}

/// Whitespace-separated words with their byte ranges, quotes removed (`a="b c"` is one word).
fn words(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, String)> = None;
    let mut quote: Option<char> = None;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => current.get_or_insert((i, String::new())).1.push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                current.get_or_insert((i, String::new()));
            }
            (None, c) if c.is_whitespace() => {
                if let Some((start, w)) = current.take() {
                    out.push((start, i, w));
                }
            }
            (None, c) => current.get_or_insert((i, String::new())).1.push(c),
        }
    }
    if let Some((start, w)) = current {
        out.push((start, text.len(), w));
    }
    out
}

/// A `shell`/`command`/`raw` task's command line (free form, `cmd:`, or `argv:`) through the
/// shell front-end, with host-file offsets.
fn command(module: &Y, args: Option<&Y>, src: &str, facts: &mut Facts) {
    let line = match &module.kind {
        YKind::Map(_) => module.get("cmd"),
        YKind::Scalar(..) => Some(module),
        YKind::List(_) => None,
    }
    .or_else(|| args.and_then(|a| a.get("cmd")));
    if let Some((script, base)) = line.and_then(|l| embedded_script(l, src)) {
        shell::lower_embedded(&script, base, facts);
        return;
    }
    let argv = module
        .get("argv")
        .or_else(|| args.and_then(|a| a.get("argv")));
    if let Some(argv) = argv {
        command_words(argv.items(), argv, src, facts);
    }
}

/// `environment:` as a map, a list of maps, or a `{{ var }}` naming a map.
fn environment(env: Option<&Y>, scope: &Scope, facts: &mut Facts) {
    let Some(env) = env else { return };
    let mut maps: Vec<(&Y, Option<Span>)> = Vec::new();
    match &env.kind {
        YKind::Map(_) => maps.push((env, None)),
        YKind::List(items) => maps.extend(items.iter().map(|i| (i, None))),
        YKind::Scalar(..) => {
            let named = env
                .text()
                .as_deref()
                .and_then(single_expression)
                .and_then(|name| scope.lookup(name.trim()));
            maps.extend(named.map(|y| (y, Some(env.span))));
        }
    }
    for (map, at) in maps {
        for p in map.pairs() {
            facts.envs.push(EnvSet {
                name: p.key.clone(),
                value: environment_value(value_of(&p.value, scope, 0)),
                span: at.unwrap_or_else(|| p.span()),
            });
        }
    }
}

/// The process sees text: Ansible writes `true` as `True`, numbers in decimal.
fn environment_value(v: Value) -> Value {
    match v {
        Value::Bool(b) => Value::Str(if b { "True" } else { "False" }.into()),
        Value::Int(i) => Value::Str(i.to_string()),
        Value::Float(f) => Value::Str(f.to_string()),
        other => other,
    }
}

fn value_of(y: &Y, scope: &Scope, depth: usize) -> Value {
    if depth > MAX_INDIRECTION {
        return Value::Unknown;
    }
    match &y.kind {
        YKind::Scalar(Value::Str(s), _) if s.contains("{{") => template(s, scope, depth),
        YKind::Scalar(v, _) => v.clone(),
        YKind::Map(pairs) => Value::Map(Arc::new(
            pairs
                .iter()
                .map(|p| (p.key.clone(), value_of(&p.value, scope, depth + 1)))
                .collect(),
        )),
        YKind::List(items) => Value::List(Arc::new(
            items
                .iter()
                .map(|i| value_of(i, scope, depth + 1))
                .collect(),
        )),
    }
}

/// A string with Jinja expressions: one expression alone keeps its value's type
/// (`"{{ verify }}"` with `verify: false` is `false`); expressions inside text become its
/// text, or unknown parts.
fn template(s: &str, scope: &Scope, depth: usize) -> Value {
    if let Some(inner) = single_expression(s.trim()) {
        return expression(inner, scope, depth);
    }
    let (mut out, mut known, mut rest) = (String::new(), true, s);
    while let Some(i) = rest.find("{{") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let Some(j) = after.find("}}") else {
            out.push_str(&rest[i..]);
            rest = "";
            break;
        };
        match environment_value(expression(&after[..j], scope, depth)) {
            Value::Str(t) => out.push_str(&t),
            _ => {
                out.push(UNKNOWN_PART);
                known = false;
            }
        }
        rest = &after[j + 2..];
    }
    out.push_str(rest);
    if known {
        Value::Str(out)
    } else {
        Value::Partial(out)
    }
}

/// The inside of `{{ ... }}` when that is the whole string.
fn single_expression(s: &str) -> Option<&str> {
    let inner = s.strip_prefix("{{")?.strip_suffix("}}")?;
    (!inner.contains("{{") && !inner.contains("}}")).then_some(inner)
}

/// `name`, `name.key`, with the filters `bool`, `string`, `trim` and `default(<literal>)`;
/// anything else is unknown.
fn expression(inner: &str, scope: &Scope, depth: usize) -> Value {
    let mut parts = inner.split('|').map(str::trim);
    let name = parts.next().unwrap_or_default();
    let is_name = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
        && !name.starts_with(|c: char| c.is_ascii_digit() || c == '.');
    if !is_name {
        return Value::Unknown;
    }
    let mut value = scope.lookup(name).map(|y| value_of(y, scope, depth + 1));
    for filter in parts {
        value = match filter {
            "bool" => value.map(to_bool),
            "string" | "trim" => value,
            f => match f.strip_prefix("default(").and_then(|r| r.strip_suffix(')')) {
                Some(literal) if value.is_none() => Some(jinja_literal(literal.trim())),
                Some(_) => value,
                None => return Value::Unknown,
            },
        };
    }
    value.unwrap_or(Value::Unknown)
}

/// Jinja's `bool` filter: `yes`, `on`, `1`, `true` are true; other strings false.
fn to_bool(v: Value) -> Value {
    match &v {
        Value::Str(s) => Value::Bool(matches!(
            s.trim().to_ascii_lowercase().as_str(),
            "yes" | "on" | "1" | "true" | "y"
        )),
        Value::Int(i) => Value::Bool(*i == 1),
        _ => v,
    }
}

fn jinja_literal(text: &str) -> Value {
    match text {
        "true" | "True" => Value::Bool(true),
        "false" | "False" => Value::Bool(false),
        _ => {
            if let Ok(i) = text.parse() {
                return Value::Int(i);
            }
            let quoted = ['"', '\'']
                .iter()
                .find_map(|q| text.strip_prefix(*q)?.strip_suffix(*q));
            quoted.map_or(Value::Unknown, |s| Value::Str(s.to_string()))
        }
    }
}
