//! `cleartext server`: the Language Server Protocol over stdio. Takes framed JSON-RPC; gives
//! `textDocument/publishDiagnostics` on open, change and save, and clears them on close. Each
//! document is linted in memory as if it were its file, with the configuration that applies to
//! that path (re-read whenever the file changes on disk).
//!
//! The transport is cleartext's own (`frame`), not lsp-server's, because an editor session
//! runs for hours: a malformed message gets a JSON-RPC error and the server reads on, where
//! lsp-server's reader ends the session. Messages are read on a thread and taken in batches, so
//! the edits that arrived while one lint ran are linted once, at their latest version.

mod frame;
mod position;
mod state;

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::sync::mpsc;

use lsp_types::notification::{Notification as _, PublishDiagnostics};
use lsp_types::{
    SaveOptions, ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions,
};
use serde_json::{json, Value};

pub use frame::{
    FrameReader, Incoming, INVALID_REQUEST, MAX_BODY, METHOD_NOT_FOUND, PARSE_ERROR,
    SERVER_NOT_INITIALIZED,
};
pub use position::{lsp_position, uri_to_path};

use crate::lint::Linter;
use state::State;

/// Runs on stdin and stdout until the client says `exit` or closes stdin. Returns the process
/// exit code.
pub fn run(mut linter: Linter) -> i32 {
    serve(&mut linter, std::io::stdin(), std::io::stdout().lock())
}

#[derive(PartialEq)]
enum Phase {
    Uninitialized,
    Running,
    ShutDown,
}

/// The server on any pair of streams: a thread reads `input`, this one lints and writes.
/// Returns 0 after `shutdown` then `exit` or when `input` ends, 1 after an `exit` without
/// `shutdown` (LSP: "exit"), 2 when `output` cannot be written.
pub fn serve<R: Read + Send + 'static>(
    linter: &mut Linter,
    input: R,
    mut output: impl Write,
) -> i32 {
    let (tx, rx) = mpsc::channel();
    // The reader ends at the end of `input`, or when this side has gone and a send fails.
    let reader = std::thread::Builder::new()
        .name("cleartext-lsp-reader".into())
        .spawn(move || {
            let mut frames = FrameReader::new(input);
            while let Some(msg) = frames.next_frame() {
                if tx.send(msg).is_err() {
                    return;
                }
            }
        });
    if reader.is_err() {
        return 2;
    }
    let mut server = Server {
        state: State::new(linter),
        phase: Phase::Uninitialized,
        pending: BTreeSet::new(),
        order: Vec::new(),
    };
    let mut out = Out {
        w: &mut output,
        failed: false,
    };
    while let Ok(first) = rx.recv() {
        // Everything already received is taken before any lint: a burst of edits to one
        // document is linted once, at its newest version.
        let batch = std::iter::once(first).chain(rx.try_iter());
        for msg in batch {
            if let Some(code) = server.take(msg, &mut out) {
                return code;
            }
        }
        server.flush(&mut out);
        if out.failed {
            return 2;
        }
    }
    // stdin closed: the client has gone. The reader thread has ended (that closed the
    // channel), so no thread is left behind.
    0
}

struct Out<'a, W: Write> {
    w: &'a mut W,
    failed: bool,
}

impl<W: Write> Out<'_, W> {
    fn send(&mut self, msg: &Value) {
        if self.failed {
            return;
        }
        let body = msg.to_string();
        let ok = write!(self.w, "Content-Length: {}\r\n\r\n{body}", body.len()).is_ok()
            && self.w.flush().is_ok();
        self.failed = !ok;
    }

    fn error(&mut self, id: Value, code: i32, message: &str) {
        self.send(&json!({
            "jsonrpc": "2.0",
            "id": id,
            "error": { "code": code, "message": message },
        }));
    }
}

struct Server<'a> {
    state: State<'a>,
    phase: Phase,
    /// Documents whose diagnostics are due, in the order they were first touched.
    pending: BTreeSet<String>,
    order: Vec<String>,
}

impl Server<'_> {
    /// Takes one message. `Some(code)` when the process should exit.
    fn take<W: Write>(&mut self, msg: Incoming, out: &mut Out<W>) -> Option<i32> {
        match msg {
            Incoming::Invalid { id, code, message } => out.error(id, code, &message),
            Incoming::Response => {}
            Incoming::Request { id, method, .. } => {
                // A reply reflects every notification before it.
                self.flush(out);
                self.request(id, &method, out);
            }
            Incoming::Notification { method, params } => {
                if method == "exit" {
                    self.flush(out);
                    return Some(if self.phase == Phase::ShutDown { 0 } else { 1 });
                }
                if self.phase != Phase::Running {
                    // Before `initialize` and after `shutdown`, notifications are dropped.
                    return None;
                }
                match self.state.apply(&method, params) {
                    Ok(uris) => {
                        for uri in uris {
                            if self.pending.insert(uri.clone()) {
                                self.order.push(uri);
                            }
                        }
                    }
                    Err(e) => out.send(&log_message(&format!("cleartext ignored {e}"))),
                }
            }
        }
        None
    }

    fn request<W: Write>(&mut self, id: Value, method: &str, out: &mut Out<W>) {
        match (&self.phase, method) {
            (Phase::Uninitialized, "initialize") => {
                self.phase = Phase::Running;
                out.send(&json!({ "jsonrpc": "2.0", "id": id, "result": initialize_result() }));
            }
            (Phase::Uninitialized, _) => out.error(
                id,
                SERVER_NOT_INITIALIZED,
                "the server is not initialized yet",
            ),
            (Phase::Running, "initialize") => {
                out.error(id, INVALID_REQUEST, "the server is already initialized")
            }
            (Phase::Running, "shutdown") => {
                self.phase = Phase::ShutDown;
                out.send(&json!({ "jsonrpc": "2.0", "id": id, "result": null }));
            }
            (Phase::Running, _) => out.error(
                id,
                METHOD_NOT_FOUND,
                &format!("cleartext does not handle {method}"),
            ),
            (Phase::ShutDown, _) => out.error(
                id,
                INVALID_REQUEST,
                "the server has shut down; only `exit` is accepted",
            ),
        }
    }

    /// Publishes the diagnostics of every document touched since the last flush.
    fn flush<W: Write>(&mut self, out: &mut Out<W>) {
        self.pending.clear();
        for uri in std::mem::take(&mut self.order) {
            if let Some(params) = self.state.publish(&uri) {
                out.send(&json!({
                    "jsonrpc": "2.0",
                    "method": PublishDiagnostics::METHOD,
                    "params": params,
                }));
            }
        }
    }
}

fn log_message(message: &str) -> Value {
    // MessageType 2: warning.
    json!({
        "jsonrpc": "2.0",
        "method": "window/logMessage",
        "params": { "type": 2, "message": message },
    })
}

fn initialize_result() -> Value {
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
    json!({
        "capabilities": capabilities,
        "serverInfo": ServerInfo {
            name: "cleartext".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        },
    })
}
