//! Decides what kind of file a path is from its name, extension and first bytes. Every front-end
//! and every lint pattern names the kinds it handles with [`FileKind::name`].

use std::path::Path;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FileKind {
    Python,
    JavaScript,
    TypeScript,
    Rust,
    Go,
    Java,
    Terraform,
    CloudFormation,
    Kubernetes,
    Kubeconfig,
    Compose,
    Dockerfile,
    Shell,
    GithubActions,
    GitlabCi,
    Nginx,
    Apache,
    Haproxy,
    Dotenv,
    Ini,
    Properties,
    SpringYaml,
    Ansible,
    Sql,
    Pem,
    /// A DER-encoded X.509 certificate (`.der`, `.cer`, `.crt` that are not PEM text).
    Der,
    Html,
    Jinja,
    Erb,
    Vue,
    Svelte,
    /// A Prisma schema (`schema.prisma`).
    Prisma,
}

impl FileKind {
    pub const ALL: [FileKind; 32] = [
        FileKind::Python,
        FileKind::JavaScript,
        FileKind::TypeScript,
        FileKind::Rust,
        FileKind::Go,
        FileKind::Java,
        FileKind::Terraform,
        FileKind::CloudFormation,
        FileKind::Kubernetes,
        FileKind::Kubeconfig,
        FileKind::Compose,
        FileKind::Dockerfile,
        FileKind::Shell,
        FileKind::GithubActions,
        FileKind::GitlabCi,
        FileKind::Nginx,
        FileKind::Apache,
        FileKind::Haproxy,
        FileKind::Dotenv,
        FileKind::Ini,
        FileKind::Properties,
        FileKind::SpringYaml,
        FileKind::Ansible,
        FileKind::Sql,
        FileKind::Pem,
        FileKind::Der,
        FileKind::Html,
        FileKind::Jinja,
        FileKind::Erb,
        FileKind::Vue,
        FileKind::Svelte,
        FileKind::Prisma,
    ];

    /// The name used in `lints/*.toml` (`kinds = ["python"]`) and in output.
    pub fn name(self) -> &'static str {
        match self {
            FileKind::Python => "python",
            FileKind::JavaScript => "javascript",
            FileKind::TypeScript => "typescript",
            FileKind::Rust => "rust",
            FileKind::Go => "go",
            FileKind::Java => "java",
            FileKind::Terraform => "terraform",
            FileKind::CloudFormation => "cloudformation",
            FileKind::Kubernetes => "kubernetes",
            FileKind::Kubeconfig => "kubeconfig",
            FileKind::Compose => "compose",
            FileKind::Dockerfile => "dockerfile",
            FileKind::Shell => "shell",
            FileKind::GithubActions => "github-actions",
            FileKind::GitlabCi => "gitlab-ci",
            FileKind::Nginx => "nginx",
            FileKind::Apache => "apache",
            FileKind::Haproxy => "haproxy",
            FileKind::Dotenv => "dotenv",
            FileKind::Ini => "ini",
            FileKind::Properties => "properties",
            FileKind::SpringYaml => "spring-yaml",
            FileKind::Ansible => "ansible",
            FileKind::Sql => "sql",
            FileKind::Pem => "pem",
            FileKind::Der => "der",
            FileKind::Html => "html",
            FileKind::Jinja => "jinja",
            FileKind::Erb => "erb",
            FileKind::Vue => "vue",
            FileKind::Svelte => "svelte",
            FileKind::Prisma => "prisma",
        }
    }

    pub fn from_name(name: &str) -> Option<FileKind> {
        FileKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The line-comment markers of the kind: the one table that inline suppressions and the
    /// fixture harness's `expect:` / `ok:` annotations read. Empty: the format has no comments
    /// (a fixture then uses a sidecar `.expect` file).
    pub fn comment_markers(self) -> &'static [&'static str] {
        match self {
            FileKind::JavaScript
            | FileKind::TypeScript
            | FileKind::Rust
            | FileKind::Go
            | FileKind::Java
            | FileKind::Prisma => &["//"],
            FileKind::Terraform => &["#", "//"],
            FileKind::Sql => &["--"],
            FileKind::Ini => &["#", ";"],
            FileKind::Pem | FileKind::Der => &[],
            // Pages: HTML comments, `//` in their inline scripts, and the template language's
            // own comment (`.html` files are Django/Jinja templates as often as not).
            FileKind::Html | FileKind::Jinja => &["<!--", "{#", "//"],
            FileKind::Erb => &["<!--", "<%#", "//"],
            FileKind::Vue | FileKind::Svelte => &["<!--", "//"],
            _ => &["#"],
        }
    }

    /// The kind is binary: read as bytes (each byte one character, U+0000 to U+00FF), not
    /// decoded as text.
    pub fn binary(self) -> bool {
        self == FileKind::Der
    }

    /// What the kind is linted as: a file alone, or with the other files of its directory
    /// (a Terraform module shares variables, locals and resources across its `.tf` files).
    pub fn unit(self) -> LintUnit {
        match self {
            FileKind::Terraform => LintUnit::Directory,
            _ => LintUnit::File,
        }
    }
}

/// See [`FileKind::unit`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LintUnit {
    File,
    Directory,
}

/// How many leading bytes [`classify`] may look at.
pub const SNIFF_LEN: usize = 8192;

/// Classifies by name first; `head` (the first bytes of the file, possibly empty when not yet
/// read) settles the YAML/JSON family, shebangs and extension-less key files.
pub fn classify(path: &Path, head: &[u8]) -> Option<FileKind> {
    let name = path.file_name()?.to_string_lossy().to_string();
    let lower = name.to_ascii_lowercase();
    let ext = lower.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    let parent = path
        .parent()
        .and_then(|p| p.file_name())
        .map(|p| p.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let in_dir = |dir: &str| {
        path.components()
            .any(|c| c.as_os_str().to_string_lossy() == dir)
    };

    if let Some(kind) = by_name(&lower, &parent) {
        return Some(kind);
    }
    // Debian-style `sites-enabled/example.com`: any name, settled by content.
    if parent.starts_with("sites-") && !head.is_empty() {
        let text = String::from_utf8_lossy(head);
        if text.contains("<VirtualHost") {
            return Some(FileKind::Apache);
        }
        if looks_like_nginx(&text) {
            return Some(FileKind::Nginx);
        }
    }
    match ext {
        "py" | "pyi" => return Some(FileKind::Python),
        "js" | "mjs" | "cjs" | "jsx" => return Some(FileKind::JavaScript),
        "ts" | "mts" | "cts" | "tsx" => return Some(FileKind::TypeScript),
        "rs" => return Some(FileKind::Rust),
        "go" => return Some(FileKind::Go),
        "java" => return Some(FileKind::Java),
        "tf" => return Some(FileKind::Terraform),
        "sh" | "bash" | "zsh" | "ksh" => return Some(FileKind::Shell),
        "sql" => return Some(FileKind::Sql),
        // `app.env`, `prod.env`: compose `env_file:` targets.
        "env" => return Some(FileKind::Dotenv),
        "properties" if lower.starts_with("application") || lower.starts_with("bootstrap") => {
            return Some(FileKind::Properties)
        }
        "pem" | "key" | "p8" => return Some(FileKind::Pem),
        // Certificates come in both encodings under these names.
        "der" | "cer" | "crt" => {
            // PEM text, perhaps after `Bag Attributes` lines (OpenSSL's PKCS#12 export).
            if head.windows(11).any(|w| w == b"-----BEGIN ") {
                return Some(FileKind::Pem);
            }
            // A DER SEQUENCE with a long-form length, as every certificate starts.
            return match head {
                [0x30, 0x81..=0x84, ..] => Some(FileKind::Der),
                _ => None,
            };
        }
        // Django and Jinja templates under `templates/` are mostly `.html`: the HTML
        // front-end reads their `{{ }}`/`{% %}` markup as opaque, so no content sniff (and no
        // second read per page) is needed to tell them apart.
        // Handlebars and Mustache pages share the `{{ }}` markup the HTML kind reads as opaque.
        "html" | "htm" | "xhtml" | "hbs" | "handlebars" | "mustache" => {
            return Some(FileKind::Html)
        }
        "vue" => return Some(FileKind::Vue),
        "prisma" => return Some(FileKind::Prisma),
        "svelte" => return Some(FileKind::Svelte),
        // Nunjucks and Twig are Jinja's syntax.
        "jinja" | "jinja2" | "j2" | "njk" | "twig" | "djhtml" if page_template(&lower) => {
            return Some(FileKind::Jinja)
        }
        // EJS shares ERB's `<% %>`.
        "erb" | "rhtml" | "ejs" if page_template(&lower) => return Some(FileKind::Erb),
        "dockerfile" => return Some(FileKind::Dockerfile),
        "conf" => {
            if parent.contains("nginx")
                || parent.starts_with("sites-")
                || parent == "conf.d" && in_dir("nginx")
            {
                return Some(FileKind::Nginx);
            }
            let text = String::from_utf8_lossy(head);
            if text.contains("<VirtualHost") {
                return Some(FileKind::Apache);
            }
            if looks_like_nginx(&text) {
                return Some(FileKind::Nginx);
            }
            return None;
        }
        "yml" | "yaml" => {
            if (lower.starts_with("application") || lower.starts_with("bootstrap"))
                && !head.is_empty()
            {
                return Some(FileKind::SpringYaml);
            }
            if parent == "workflows" && in_dir(".github") {
                return Some(FileKind::GithubActions);
            }
            if is_ansible_role_file(path, &parent) || is_ansible_task_list(&parent, head) {
                return Some(FileKind::Ansible);
            }
            return sniff_yaml(head);
        }
        "json" | "template" => return sniff_json(head),
        _ => {}
    }
    if ext.is_empty() || !lower.contains('.') {
        return sniff_extensionless(head, &parent);
    }
    None
}

/// A template of a page: `page.html.j2`, `base.jinja`, `show.html.erb`; not a template of
/// some other file (`nginx.conf.j2`, `database.yml.erb`), which holds no elements.
fn page_template(lower: &str) -> bool {
    let stem = lower.rsplit_once('.').map(|(s, _)| s).unwrap_or(lower);
    match stem.rsplit_once('.') {
        Some((_, inner)) => matches!(inner, "html" | "htm" | "xhtml" | "jinja"),
        None => true,
    }
}

fn by_name(lower: &str, parent: &str) -> Option<FileKind> {
    let kind = match lower {
        "dockerfile" | "containerfile" => FileKind::Dockerfile,
        _ if lower.starts_with("dockerfile.") || lower.ends_with(".dockerfile") => {
            FileKind::Dockerfile
        }
        _ if (lower.starts_with("docker-compose") || lower.starts_with("compose"))
            && (lower.ends_with(".yml") || lower.ends_with(".yaml")) =>
        {
            FileKind::Compose
        }
        ".env" => FileKind::Dotenv,
        _ if lower.starts_with(".env.") => FileKind::Dotenv,
        ".npmrc" | ".yarnrc" | ".gitconfig" | "pip.conf" | "pip.ini" | ".curlrc" | ".wgetrc"
        | "wgetrc" | ".pydistutils.cfg" => FileKind::Ini,
        ".yarnrc.yml" => FileKind::Ini,
        ".gitlab-ci.yml" | ".gitlab-ci.yaml" => FileKind::GitlabCi,
        "nginx.conf" => FileKind::Nginx,
        "httpd.conf" | "apache2.conf" | "ssl.conf" if parent != "nginx" => FileKind::Apache,
        "haproxy.cfg" => FileKind::Haproxy,
        "kubeconfig" => FileKind::Kubeconfig,
        _ if lower.starts_with("kubeconfig") && !lower.ends_with(".md") => FileKind::Kubeconfig,
        "config" if parent == ".kube" => FileKind::Kubeconfig,
        "id_rsa" | "id_dsa" | "id_ecdsa" | "id_ed25519" => FileKind::Pem,
        _ => return None,
    };
    Some(kind)
}

/// The folders of an Ansible role whose YAML Ansible reads: task lists and variables.
const ROLE_FOLDERS: [&str; 4] = ["tasks", "handlers", "defaults", "vars"];

/// `roles/<role>/tasks/main.yml` (and `handlers/`, `defaults/`, `vars/`), or such a folder
/// beside the `meta/main.yml` that makes its parent a role (a role kept in its own
/// repository). Inventory variables (`group_vars/`, `host_vars/`) are Ansible's too.
fn is_ansible_role_file(path: &Path, parent: &str) -> bool {
    if matches!(parent, "group_vars" | "host_vars") {
        return true;
    }
    if !ROLE_FOLDERS.contains(&parent) {
        return false;
    }
    let Some(role) = path.parent().and_then(Path::parent) else {
        return false;
    };
    let under_roles = role
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|n| n.eq_ignore_ascii_case("roles"));
    // One `stat`, only for YAML in a folder named like a role's: a role kept in its own
    // repository has no `roles/` above it.
    under_roles || role.join("meta").join("main.yml").is_file()
}

/// A task list in a `tasks/` or `handlers/` folder beside a playbook (`include_tasks:`
/// targets): a YAML sequence at the top level.
fn is_ansible_task_list(parent: &str, head: &[u8]) -> bool {
    matches!(parent, "tasks" | "handlers") && top_level_is_list(&String::from_utf8_lossy(head))
}

/// The first line of content (after comments and the `---` marker) starts a sequence item.
fn top_level_is_list(text: &str) -> bool {
    text.lines()
        .map(str::trim_end)
        .find(|l| !l.is_empty() && !l.starts_with('#') && *l != "---")
        .is_some_and(|l| l == "-" || l.starts_with("- "))
}

/// An Ansible playbook: a sequence of plays, each naming the `hosts` it runs on (or importing
/// another playbook), with tasks or roles.
fn looks_like_playbook(text: &str) -> bool {
    if !top_level_is_list(text) {
        return false;
    }
    let play_key = |l: &str| {
        let key = l.strip_prefix("- ").or_else(|| l.strip_prefix("  "));
        key.is_some_and(|k| {
            k.starts_with("hosts:")
                || k.starts_with("import_playbook:")
                || k.starts_with("ansible.builtin.import_playbook:")
        })
    };
    text.lines().any(play_key)
}

fn sniff_yaml(head: &[u8]) -> Option<FileKind> {
    let text = String::from_utf8_lossy(head);
    if looks_like_playbook(&text) {
        return Some(FileKind::Ansible);
    }
    if text.contains("AWSTemplateFormatVersion")
        || (text.contains("Resources:") && text.contains("AWS::"))
    {
        return Some(FileKind::CloudFormation);
    }
    let has_line = |prefix: &str| text.lines().any(|l| l.starts_with(prefix));
    if has_line("kind: Config") && text.contains("clusters:") {
        return Some(FileKind::Kubeconfig);
    }
    if has_line("apiVersion:") || has_line("kind:") {
        return Some(FileKind::Kubernetes);
    }
    if has_line("services:") && (text.contains("image:") || text.contains("build:")) {
        return Some(FileKind::Compose);
    }
    None
}

fn sniff_json(head: &[u8]) -> Option<FileKind> {
    let text = String::from_utf8_lossy(head);
    if text.contains("\"AWSTemplateFormatVersion\"")
        || (text.contains("\"Resources\"") && text.contains("\"AWS::"))
    {
        return Some(FileKind::CloudFormation);
    }
    None
}

fn sniff_extensionless(head: &[u8], parent: &str) -> Option<FileKind> {
    let text = String::from_utf8_lossy(head);
    let first = text.lines().next().unwrap_or("");
    if let Some(shebang) = first.strip_prefix("#!") {
        let interpreter = shebang.trim();
        if interpreter.contains("python") {
            return Some(FileKind::Python);
        }
        if interpreter.contains("node") {
            return Some(FileKind::JavaScript);
        }
        let shells = ["/sh", "bash", "zsh", "ksh", "dash", "env sh"];
        if shells.iter().any(|s| interpreter.contains(s)) {
            return Some(FileKind::Shell);
        }
        return None;
    }
    if text.starts_with("-----BEGIN ") {
        return Some(FileKind::Pem);
    }
    if parent == ".kube" || (text.contains("kind: Config") && text.contains("clusters:")) {
        return Some(FileKind::Kubeconfig);
    }
    None
}

fn looks_like_nginx(text: &str) -> bool {
    let t = text.trim_start();
    (t.contains("server {") || t.contains("http {") || t.contains("upstream "))
        && (t.contains("listen ") || t.contains("server_name") || t.contains("proxy_pass"))
}

/// Whether the name alone cannot settle the kind but the first bytes might (YAML, JSON,
/// `.conf`, extension-less scripts and key files).
pub fn needs_head(path: &Path) -> bool {
    let Some(name) = path.file_name() else {
        return false;
    };
    let lower = name.to_string_lossy().to_ascii_lowercase();
    let in_sites_dir = path
        .parent()
        .and_then(|p| p.file_name())
        .is_some_and(|p| p.to_string_lossy().starts_with("sites-"));
    if in_sites_dir {
        return true;
    }
    match lower.rsplit_once('.') {
        None => true,
        Some((stem, ext)) => {
            stem.is_empty()
                || matches!(
                    ext,
                    "yml" | "yaml" | "json" | "template" | "conf" | "der" | "cer" | "crt"
                )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(path: &str, head: &str) -> Option<FileKind> {
        classify(Path::new(path), head.as_bytes())
    }

    #[test]
    fn pages_and_page_templates_by_extension() {
        assert_eq!(kind("site/index.html", ""), Some(FileKind::Html));
        assert_eq!(kind("app/templates/base.html", ""), Some(FileKind::Html));
        assert_eq!(kind("templates/page.html.j2", ""), Some(FileKind::Jinja));
        assert_eq!(kind("templates/base.jinja2", ""), Some(FileKind::Jinja));
        assert_eq!(kind("views/show.html.erb", ""), Some(FileKind::Erb));
        assert_eq!(kind("views/index.ejs", ""), Some(FileKind::Erb));
        assert_eq!(kind("templates/page.html.twig", ""), Some(FileKind::Jinja));
        assert_eq!(kind("src/App.vue", ""), Some(FileKind::Vue));
        assert_eq!(kind("src/App.svelte", ""), Some(FileKind::Svelte));
        // Templates of other files hold no elements.
        assert_eq!(kind("roles/web/templates/nginx.conf.j2", ""), None);
        assert_eq!(kind("config/database.yml.erb", ""), None);
    }

    #[test]
    fn python_by_extension_and_shebang() {
        assert_eq!(kind("a/b.py", ""), Some(FileKind::Python));
        assert_eq!(kind("a/b.pyi", ""), Some(FileKind::Python));
        assert_eq!(
            kind("bin/tool", "#!/usr/bin/env python3\nprint(1)\n"),
            Some(FileKind::Python)
        );
        assert_eq!(kind("bin/tool", "#!/bin/bash\n"), Some(FileKind::Shell));
        assert_eq!(kind("README", "hello"), None);
    }

    #[test]
    fn yaml_family_is_settled_by_content() {
        assert_eq!(
            kind("t.yaml", "AWSTemplateFormatVersion: '2010-09-09'\n"),
            Some(FileKind::CloudFormation)
        );
        assert_eq!(
            kind("d.yaml", "apiVersion: v1\nkind: Pod\n"),
            Some(FileKind::Kubernetes)
        );
        assert_eq!(kind("x.yml", "foo: bar\n"), None);
        assert_eq!(kind("docker-compose.yml", ""), Some(FileKind::Compose));
    }

    #[test]
    fn ansible_playbooks_by_content_and_roles_by_folder() {
        let play = "---\n# site\n- name: web\n  hosts: web\n  tasks:\n    - ping:\n";
        assert_eq!(kind("site.yml", play), Some(FileKind::Ansible));
        assert_eq!(
            kind("site.yml", "- import_playbook: web.yml\n"),
            Some(FileKind::Ansible)
        );
        assert_eq!(
            kind("roles/web/tasks/main.yml", "- name: x\n  ping:\n"),
            Some(FileKind::Ansible)
        );
        assert_eq!(
            kind("roles/web/defaults/main.yml", "port: 80\n"),
            Some(FileKind::Ansible)
        );
        assert_eq!(
            kind("inventory/group_vars/all.yml", "a: 1\n"),
            Some(FileKind::Ansible)
        );
        assert_eq!(
            kind("play/tasks/extra.yml", "- ping:\n"),
            Some(FileKind::Ansible)
        );
        // A top-level list that names no hosts is not a playbook; a manifest stays one.
        assert_eq!(kind("list.yml", "- a: 1\n- b: 2\n"), None);
        assert_eq!(
            kind("k8s/tasks/pod.yaml", "apiVersion: v1\nkind: Pod\n"),
            Some(FileKind::Kubernetes)
        );
        assert_eq!(
            kind("ci/vars/values.yaml", "apiVersion: v1\nkind: Pod\n"),
            Some(FileKind::Kubernetes)
        );
    }

    #[test]
    fn dotfiles_and_fixed_names() {
        assert_eq!(kind("app/.env", ""), Some(FileKind::Dotenv));
        assert_eq!(kind("app/.env.example", ""), Some(FileKind::Dotenv));
        assert_eq!(kind("deploy/prod.env", ""), Some(FileKind::Dotenv));
        assert_eq!(kind(".npmrc", ""), Some(FileKind::Ini));
        assert_eq!(kind("svc/Dockerfile", ""), Some(FileKind::Dockerfile));
        assert_eq!(kind("keys/server.key", ""), Some(FileKind::Pem));
        let pem = "Bag Attributes\n    friendlyName: web\n-----BEGIN CERTIFICATE-----\n";
        assert_eq!(kind("certs/web.crt", pem), Some(FileKind::Pem));
        assert_eq!(kind("certs/web.cer", "\x30\u{82}"), None); // not DER as UTF-8 text
        assert_eq!(
            classify(Path::new("certs/web.der"), &[0x30, 0x82, 0x03, 0x1f]),
            Some(FileKind::Der)
        );
        assert_eq!(kind("certs/notes.crt", "renew in March"), None);
        assert_eq!(
            kind(
                "nginx/sites-enabled/example.com",
                "server {\n listen 80;\n}\n"
            ),
            Some(FileKind::Nginx)
        );
        assert_eq!(
            kind(
                "apache2/sites-available/000-default",
                "<VirtualHost *:80>\n"
            ),
            Some(FileKind::Apache)
        );
        assert!(needs_head(Path::new("sites-enabled/example.com")));
    }
}
