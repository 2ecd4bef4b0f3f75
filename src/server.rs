//! `cleartext server`: the Language Server Protocol over stdio (lsp-server + lsp-types). Takes
//! opened documents; gives `textDocument/publishDiagnostics` on open, change and save, and
//! clears them on close. Each document is linted in memory as if it were its file, with the
//! configuration that applies to that path (re-read whenever the file changes on disk).
//! Ranges are converted to UTF-16 code units, the protocol's default position encoding.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::SystemTime;

use lsp_server::{Connection, ErrorCode, Message, Notification, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _, PublishDiagnostics,
};
use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticSeverity, DidChangeTextDocumentParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams,
    NumberOrString, Position, PublishDiagnosticsParams, Range, SaveOptions, ServerCapabilities,
    ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri,
};

use crate::config::Config;
use crate::engine::{self, Buffer, Options};
use crate::finding::Severity;
use crate::lint::Linter;

/// Runs until the client says `exit`. Returns the process exit code.
pub fn run(linter: Linter) -> i32 {
    match serve(linter) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("cleartext server: {e}");
            2
        }
    }
}

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

struct State {
    linter: Linter,
    docs: BTreeMap<String, Document>,
    configs: BTreeMap<PathBuf, CachedConfig>,
}

fn serve(linter: Linter) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let (connection, io_threads) = Connection::stdio();
    let capabilities = ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(true),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        ..ServerCapabilities::default()
    };
    let (id, _params) = connection.initialize_start()?;
    connection.initialize_finish(
        id,
        serde_json::json!({
            "capabilities": capabilities,
            "serverInfo": ServerInfo {
                name: "cleartext".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            },
        }),
    )?;
    let mut state = State {
        linter,
        docs: BTreeMap::new(),
        configs: BTreeMap::new(),
    };
    for msg in &connection.receiver {
        match msg {
            Message::Request(req) => {
                if connection.handle_shutdown(&req)? {
                    break;
                }
                connection.sender.send(Message::Response(Response::new_err(
                    req.id,
                    ErrorCode::MethodNotFound as i32,
                    format!("cleartext does not handle {}", req.method),
                )))?;
            }
            Message::Notification(n) => {
                for (uri, diagnostics, version) in state.handle(n) {
                    let params = PublishDiagnosticsParams {
                        uri,
                        diagnostics,
                        version,
                    };
                    connection
                        .sender
                        .send(Message::Notification(Notification::new(
                            PublishDiagnostics::METHOD.to_string(),
                            params,
                        )))?;
                }
            }
            Message::Response(_) => {}
        }
    }
    // The writer thread ends when the last sender is gone.
    drop(connection);
    io_threads.join()?;
    Ok(())
}

type Publish = (Uri, Vec<Diagnostic>, Option<i32>);

impl State {
    fn handle(&mut self, n: Notification) -> Vec<Publish> {
        let method = n.method.as_str();
        let mut touched: Vec<Uri> = Vec::new();
        match method {
            m if m == DidOpenTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) {
                    self.docs.insert(
                        p.text_document.uri.as_str().to_string(),
                        Document {
                            text: p.text_document.text,
                            version: Some(p.text_document.version),
                        },
                    );
                    touched.push(p.text_document.uri);
                }
            }
            m if m == DidChangeTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) {
                    // Full synchronisation: the last change holds the whole text.
                    if let Some(change) = p.content_changes.into_iter().last() {
                        self.docs.insert(
                            p.text_document.uri.as_str().to_string(),
                            Document {
                                text: change.text,
                                version: Some(p.text_document.version),
                            },
                        );
                        touched.push(p.text_document.uri);
                    }
                }
            }
            m if m == DidSaveTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidSaveTextDocumentParams>(n.params) {
                    let key = p.text_document.uri.as_str().to_string();
                    if let Some(text) = p.text {
                        let version = self.docs.get(&key).and_then(|d| d.version);
                        self.docs.insert(key, Document { text, version });
                    }
                    // A saved configuration file changes the diagnostics of every document.
                    if is_config_uri(&p.text_document.uri) {
                        touched.extend(self.all_uris());
                    } else {
                        touched.push(p.text_document.uri);
                    }
                }
            }
            m if m == DidCloseTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) {
                    self.docs.remove(p.text_document.uri.as_str());
                    return vec![(p.text_document.uri, Vec::new(), None)];
                }
            }
            m if m == DidChangeWatchedFiles::METHOD => {
                self.configs.clear();
                touched.extend(self.all_uris());
            }
            _ => {}
        }
        touched
            .into_iter()
            .filter_map(|uri| {
                let doc = self.docs.get(uri.as_str())?;
                let version = doc.version;
                let diagnostics = self.diagnose(&uri);
                Some((uri, diagnostics, version))
            })
            .collect()
    }

    fn all_uris(&self) -> Vec<Uri> {
        self.docs
            .keys()
            .filter_map(|k| Uri::from_str(k).ok())
            .collect()
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
                Some(f) => crate::config::load(f, &self.linter),
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

    fn diagnose(&mut self, uri: &Uri) -> Vec<Diagnostic> {
        let Some(path) = uri_to_path(uri.as_str()) else {
            return Vec::new();
        };
        let config = match self.config_for(&path) {
            Ok(c) => c,
            Err(e) => {
                return vec![Diagnostic {
                    range: Range::default(),
                    severity: Some(DiagnosticSeverity::ERROR),
                    source: Some("cleartext".into()),
                    message: format!("configuration error: {e}"),
                    ..Diagnostic::default()
                }]
            }
        };
        let Some(doc) = self.docs.get(uri.as_str()) else {
            return Vec::new();
        };
        self.linter.set_internal_hosts(&config.internal_hosts);
        let cwd = std::env::current_dir().unwrap_or_default();
        let mut report = engine::run_buffer(
            &self.linter,
            &Options::default(),
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

fn is_config_uri(uri: &Uri) -> bool {
    let s = uri.as_str();
    crate::config::FILE_NAMES
        .iter()
        .chain(&["pyproject.toml"])
        .any(|n| s.ends_with(&format!("/{n}")))
}

/// The LSP position (0-based line, UTF-16 code units) of a byte offset.
pub fn lsp_position(text: &str, offset: usize) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let character = text[start..offset].encode_utf16().count();
    Position {
        line: line as u32,
        character: character as u32,
    }
}

/// Byte offset of a 1-based line and column (columns in Unicode scalar values).
fn line_column_to_offset(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let rest = &text[start..];
    start
        + rest
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

fn line_end(text: &str, offset: usize) -> usize {
    text[offset..].find('\n').map_or(text.len(), |i| offset + i)
}

/// A `file:` URI to a path (`file:///a%20b/c.py` → `/a b/c.py`).
pub fn uri_to_path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    let path = &rest[rest.find('/')?..];
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&path[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    let decoded = String::from_utf8(out).ok()?;
    // `file:///C:/x` on Windows.
    let trimmed = if decoded.as_bytes().get(2) == Some(&b':') {
        decoded[1..].to_string()
    } else {
        decoded
    };
    Some(PathBuf::from(trimmed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_code_units() {
        let text = "a = '😀é'; x\nb";
        let x = text.find('x').unwrap();
        // 😀 is two UTF-16 units, é one: `x` is unit 11 (byte 13).
        assert_eq!(
            lsp_position(text, x),
            Position {
                line: 0,
                character: 11
            }
        );
        assert_eq!(lsp_position(text, text.len()).line, 1);
    }

    #[test]
    fn file_uris_become_paths() {
        assert_eq!(
            uri_to_path("file:///tmp/a%20b/%C3%BC.py"),
            Some(PathBuf::from("/tmp/a b/ü.py"))
        );
        assert_eq!(uri_to_path("untitled:1"), None);
    }

    #[test]
    fn line_and_column_to_offset() {
        assert_eq!(line_column_to_offset("ab\ncé d", 2, 4), 7);
    }
}
