//! The open documents and what the server knows about them. Takes document notifications;
//! gives the URIs they touched, and on request the diagnostics of one document at its latest
//! version. Linting is separate from taking edits so that a burst of edits is linted once.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::SystemTime;

use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _,
};
use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticSeverity, DidChangeTextDocumentParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams,
    NumberOrString, PublishDiagnosticsParams, Range, Uri,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::position::{line_column_to_offset, line_end, lsp_position, uri_to_path};
use crate::config::Config;
use crate::engine::{self, Buffer, Options};
use crate::finding::Severity;
use crate::lint::Linter;

struct Document {
    text: String,
    version: Option<i32>,
}

/// A configuration and the modification time of its file when it was read.
struct CachedConfig {
    file: Option<PathBuf>,
    stamp: Option<SystemTime>,
    config: Result<Config, String>,
}

pub struct State<'a> {
    linter: &'a mut Linter,
    options: Options,
    docs: BTreeMap<String, Document>,
    configs: BTreeMap<PathBuf, CachedConfig>,
}

impl<'a> State<'a> {
    pub fn new(linter: &'a mut Linter) -> State<'a> {
        State {
            linter,
            options: Options::default(),
            docs: BTreeMap::new(),
            configs: BTreeMap::new(),
        }
    }

    /// Applies a notification. Gives the URIs whose diagnostics it changed, or an error to log
    /// when its params do not fit the method (notifications get no reply).
    pub fn apply(&mut self, method: &str, params: Value) -> Result<Vec<String>, String> {
        let mut touched = Vec::new();
        match method {
            m if m == DidOpenTextDocument::METHOD => {
                let p: DidOpenTextDocumentParams = params_of(method, params)?;
                let uri = p.text_document.uri.as_str().to_string();
                self.docs.insert(
                    uri.clone(),
                    Document {
                        text: p.text_document.text,
                        version: Some(p.text_document.version),
                    },
                );
                touched.push(uri);
            }
            m if m == DidChangeTextDocument::METHOD => {
                let p: DidChangeTextDocumentParams = params_of(method, params)?;
                let uri = p.text_document.uri.as_str().to_string();
                // An edit to a document that is not open (closed, or never opened) has no
                // text to apply to; it must not resurrect the document.
                let Some(doc) = self.docs.get_mut(&uri) else {
                    return Err(format!("{method} for {uri}, which is not open"));
                };
                // Full synchronisation: the last change holds the whole text.
                if let Some(change) = p.content_changes.into_iter().last() {
                    doc.text = change.text;
                    doc.version = Some(p.text_document.version);
                    touched.push(uri);
                }
            }
            m if m == DidSaveTextDocument::METHOD => {
                let p: DidSaveTextDocumentParams = params_of(method, params)?;
                let uri = p.text_document.uri.as_str().to_string();
                if let (Some(text), Some(doc)) = (p.text, self.docs.get_mut(&uri)) {
                    doc.text = text;
                }
                // A saved configuration file changes the diagnostics of every document.
                if is_config_uri(&uri) {
                    touched.extend(self.docs.keys().cloned());
                } else if self.docs.contains_key(&uri) {
                    touched.push(uri);
                }
            }
            m if m == DidCloseTextDocument::METHOD => {
                let p: DidCloseTextDocumentParams = params_of(method, params)?;
                let uri = p.text_document.uri.as_str().to_string();
                self.docs.remove(&uri);
                // Published as empty diagnostics: closing clears them.
                touched.push(uri);
            }
            m if m == DidChangeWatchedFiles::METHOD => {
                self.configs.clear();
                touched.extend(self.docs.keys().cloned());
            }
            _ => {}
        }
        Ok(touched)
    }

    /// The diagnostics to publish for `uri` now: its latest version's, or none once closed.
    pub fn publish(&mut self, uri: &str) -> Option<PublishDiagnosticsParams> {
        let uri_value = Uri::from_str(uri).ok()?;
        let (diagnostics, version) = match self.docs.get(uri) {
            Some(doc) => {
                let version = doc.version;
                (self.diagnose(uri), version)
            }
            None => (Vec::new(), None),
        };
        Some(PublishDiagnosticsParams {
            uri: uri_value,
            diagnostics,
            version,
        })
    }

    /// The configuration for a path, re-read when its file appeared, vanished or changed.
    fn config_for(&mut self, path: &Path) -> Result<Config, String> {
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let file = crate::config::discover(&dir);
        let stamp = file
            .as_ref()
            .and_then(|f| std::fs::metadata(f).ok())
            .and_then(|m| m.modified().ok());
        let fresh = self
            .configs
            .get(&dir)
            .is_some_and(|c| c.file == file && c.stamp == stamp);
        if !fresh {
            let config = match &file {
                Some(f) => crate::config::load(f, self.linter),
                None => Ok(Config::default()),
            };
            self.configs.insert(
                dir.clone(),
                CachedConfig {
                    file,
                    stamp,
                    config,
                },
            );
        }
        match self.configs.get(&dir) {
            Some(c) => c.config.clone(),
            None => Ok(Config::default()),
        }
    }

    fn diagnose(&mut self, uri: &str) -> Vec<Diagnostic> {
        let Some(path) = uri_to_path(uri) else {
            return Vec::new();
        };
        let config = match self.config_for(&path) {
            Ok(c) => c,
            Err(e) => {
                return vec![whole_file(
                    DiagnosticSeverity::ERROR,
                    format!("configuration error: {e}"),
                )]
            }
        };
        let Some(doc) = self.docs.get(uri) else {
            return Vec::new();
        };
        // A buffer gets the limit a file on disk gets: an editor can hold a 100 MB log.
        let limit = self.options.max_filesize;
        if doc.text.len() as u64 > limit {
            return vec![whole_file(
                DiagnosticSeverity::INFORMATION,
                format!(
                    "not linted: the document is {} bytes, over the {limit}-byte file-size limit",
                    doc.text.len()
                ),
            )];
        }
        self.linter.set_internal_hosts(&config.internal_hosts);
        self.linter
            .set_certificate_expiry_days(config.certificate_expiry_days);
        let cwd = std::env::current_dir().unwrap_or_default();
        let mut report = engine::run_buffer(
            self.linter,
            &self.options,
            Buffer {
                path: path.clone(),
                text: doc.text.clone(),
            },
        );
        config.apply(&mut report, &cwd);
        let text = &doc.text;
        let mut out = Vec::new();
        for f in &report.findings {
            out.push(Diagnostic {
                range: Range {
                    start: lsp_position(text, f.start.offset),
                    end: lsp_position(text, f.end.offset),
                },
                severity: Some(match f.severity {
                    Severity::Error => DiagnosticSeverity::ERROR,
                    Severity::Warning => DiagnosticSeverity::WARNING,
                    Severity::Note => DiagnosticSeverity::INFORMATION,
                }),
                code: Some(NumberOrString::String(f.rule.clone())),
                code_description: Uri::from_str(&crate::report::rule_docs_url(&f.rule))
                    .ok()
                    .map(|href| CodeDescription { href }),
                source: Some("cleartext".into()),
                message: format!("{}\nhelp: {}", f.message, f.help),
                ..Diagnostic::default()
            });
        }
        for n in &report.notices {
            let start = line_column_to_offset(text, n.line, n.column);
            out.push(Diagnostic {
                range: Range {
                    start: lsp_position(text, start),
                    end: lsp_position(text, line_end(text, start)),
                },
                severity: Some(DiagnosticSeverity::WARNING),
                code: Some(NumberOrString::String(if n.kind.is_suppression_problem() {
                    format!("suppression-{}", n.kind.name())
                } else {
                    n.kind.name().to_string()
                })),
                source: Some("cleartext".into()),
                message: n.message.clone(),
                ..Diagnostic::default()
            });
        }
        for e in &report.errors {
            let start = match (e.line, e.column) {
                (Some(l), Some(c)) => line_column_to_offset(text, l, c),
                _ => 0,
            };
            out.push(Diagnostic {
                range: Range {
                    start: lsp_position(text, start),
                    end: lsp_position(text, start),
                },
                severity: Some(DiagnosticSeverity::ERROR),
                source: Some("cleartext".into()),
                message: e.message.clone(),
                ..Diagnostic::default()
            });
        }
        out
    }
}

/// A diagnostic about the document as a whole, at its start.
fn whole_file(severity: DiagnosticSeverity, message: String) -> Diagnostic {
    Diagnostic {
        range: Range::default(),
        severity: Some(severity),
        source: Some("cleartext".into()),
        message,
        ..Diagnostic::default()
    }
}

fn params_of<P: DeserializeOwned>(method: &str, params: Value) -> Result<P, String> {
    serde_json::from_value(params).map_err(|e| format!("{method} with invalid params: {e}"))
}

fn is_config_uri(uri: &str) -> bool {
    crate::config::FILE_NAMES
        .iter()
        .chain(&["pyproject.toml"])
        .any(|n| uri.ends_with(&format!("/{n}")))
}
