//! Front-ends: each lowers one kind of file into [`Facts`]. A front-end knows no lint; it
//! resolves names and constants so that lints never have to.

pub mod config;
pub mod der;
pub mod dockerfile;
pub mod go;
pub mod hcl;
pub mod html;
pub mod java;
pub mod javascript;
pub mod pem;
pub mod prisma;
pub mod python;
pub mod rust;
pub mod scope;
pub mod shell;
pub mod sql;
pub mod terraform;
#[cfg(test)]
mod testing;
pub mod tree;
pub mod values;
pub mod webserver;
pub mod x509;
pub mod yaml;

// The tree-sitter machinery lives in `tree/`; these keep its old paths (`lang::flat`,
// `lang::ts`) for the front-ends that use them.
pub use tree::{flat, ts};

use crate::classify::{FileKind, LintUnit};
use crate::facts::{Facts, Span};
use crate::source::SourceFile;

/// A parsed file and its facts.
pub struct Lowered {
    pub src: SourceFile,
    pub facts: Facts,
}

/// Why a file could not be lowered at all.
#[derive(Debug, Clone, PartialEq)]
pub struct LowerError {
    pub message: String,
    pub span: Option<Span>,
    /// The file is deliberately not linted (a front-end that does not read this variant, a
    /// template that cannot be parsed): reported as skipped with `message` as the reason.
    pub skip: bool,
}

impl LowerError {
    pub fn new(message: impl Into<String>, span: Option<Span>) -> Self {
        LowerError {
            message: message.into(),
            span,
            skip: false,
        }
    }

    /// The file is skipped with this reason rather than reported as an error.
    pub fn skip(reason: impl Into<String>) -> Self {
        LowerError {
            message: reason.into(),
            span: None,
            skip: true,
        }
    }

    pub fn unsupported(kind: FileKind) -> Self {
        LowerError::skip(format!("no front-end for {} files yet", kind.name()))
    }
}

/// What one run has learnt about directories, shared by all its units (which modules call a
/// Terraform module, with what inputs). The engine keeps one per run and knows no more of it.
pub type Directories = terraform::Dirs;

/// Lowers the files of one engine unit: a directory unit's files together
/// ([`FileKind::unit`]: a Terraform module's files share variables and locals), any other file
/// alone. One result per file, in order. `dirs`
/// is what the run has learnt about directories so far (shared by all units of one run).
pub fn lower_unit(files: &[SourceFile], dirs: &Directories) -> Vec<Result<Facts, LowerError>> {
    let mut lowered = match files {
        [first, ..] if first.kind.unit() == LintUnit::Directory => match first.kind {
            FileKind::Terraform => terraform::lower_module(files, dirs),
            _ => files.iter().map(lower).collect(),
        },
        _ => files.iter().map(lower).collect(),
    };
    for (src, facts) in files.iter().zip(lowered.iter_mut()) {
        if let Ok(facts) = facts {
            if carries_certificates(src.kind) && x509::may_embed(&src.text) {
                facts.certificates.extend(x509::embedded(&src.text));
            }
        }
    }
    lowered
}

/// Kinds whose strings hold certificates as text: manifests, templates and configs (a
/// Kubernetes TLS Secret, a Terraform heredoc, a kubeconfig's `certificate-authority-data`).
/// Not program source or pages, where a certificate in a string is most often a test's fixture; not the
/// PEM and DER readers, which find their own.
fn carries_certificates(kind: FileKind) -> bool {
    !matches!(
        kind,
        FileKind::Python
            | FileKind::JavaScript
            | FileKind::TypeScript
            | FileKind::Rust
            | FileKind::Go
            | FileKind::Java
            | FileKind::Pem
            | FileKind::Der
            | FileKind::Html
            | FileKind::Jinja
            | FileKind::Erb
            | FileKind::Vue
            | FileKind::Svelte
    )
}

/// Why a file of a kind cleartext reads is still not linted, unless it was named explicitly:
/// generated Go and minified bundles, which are rewritten by their generator and can be tens
/// of megabytes. Asked before the prefilter, so that such files are not even searched (on
/// Debian's Go tree, 289 of its 331 MB are generated API clients) and every one of them is
/// listed as skipped, not only those whose words happen to pass.
pub fn not_source(src: &SourceFile) -> Option<String> {
    if src.explicit {
        return None;
    }
    match src.kind {
        FileKind::Go => go::generated(&src.text).then(|| {
            "generated code (`// Code generated ... DO NOT EDIT.`; name it explicitly to scan it)"
                .to_string()
        }),
        FileKind::JavaScript | FileKind::TypeScript => {
            javascript::minified(&src.display, &src.text)
        }
        _ => None,
    }
}

/// Lowers one file. Syntax errors the parser recovers from are listed in
/// `Facts::recovered_errors`; the rest of the file is still lowered.
pub fn lower(src: &SourceFile) -> Result<Facts, LowerError> {
    match src.kind {
        FileKind::Python => python::lower(src),
        FileKind::JavaScript | FileKind::TypeScript => javascript::lower(src),
        FileKind::Rust => rust::lower(src),
        FileKind::Go => go::lower(src),
        FileKind::Java => java::lower(src),
        FileKind::Terraform => terraform::lower(src),
        FileKind::CloudFormation
        | FileKind::Kubernetes
        | FileKind::Kubeconfig
        | FileKind::Compose
        | FileKind::GithubActions
        | FileKind::GitlabCi
        | FileKind::SpringYaml
        | FileKind::Ansible => yaml::lower(src),
        FileKind::Shell => shell::lower(src),
        FileKind::Dockerfile => dockerfile::lower(src),
        FileKind::Dotenv | FileKind::Ini | FileKind::Properties => config::lower(src),
        FileKind::Nginx | FileKind::Apache | FileKind::Haproxy => webserver::lower(src),
        FileKind::Sql => sql::lower(src),
        FileKind::Pem => pem::lower(src),
        FileKind::Der => der::lower(src),
        FileKind::Prisma => prisma::lower(src),
        FileKind::Html | FileKind::Jinja | FileKind::Erb | FileKind::Vue | FileKind::Svelte => {
            html::lower(src)
        }
    }
}
