//! `cleartext server`, driven as an editor would: framed JSON-RPC over the real binary's stdin
//! and stdout, from `initialize` to `exit`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{json, Value};

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: mpsc::Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start(dir: &std::path::Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_cleartext"))
            .arg("server")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = mpsc::channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; len.expect("a Content-Length header")];
                r.read_exact(&mut body).unwrap();
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming,
            next_id: 1,
        }
    }

    fn send(&mut self, msg: Value) {
        let body = serde_json::to_string(&msg).unwrap();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let msg = self.recv();
            if msg["id"] == id {
                return msg;
            }
        }
    }

    fn recv(&self) -> Value {
        self.incoming
            .recv_timeout(Duration::from_secs(20))
            .expect("the server answers within 20 s")
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&self, uri: &str) -> Vec<Value> {
        loop {
            let msg = self.recv();
            if msg["method"] == "textDocument/publishDiagnostics" && msg["params"]["uri"] == uri {
                return msg["params"]["diagnostics"].as_array().unwrap().clone();
            }
        }
    }
}

impl Client {
    /// Waits up to 20 s for the server to exit by itself.
    fn wait_exit(&mut self) -> std::process::ExitStatus {
        for _ in 0..200 {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("the server did not exit after `exit`");
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        // A failed test must not leave a server behind.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn uri_of(path: &std::path::Path) -> String {
    let s = path.to_str().unwrap();
    format!("file://{}", s.replace(' ', "%20"))
}

#[test]
fn language_server_publishes_diagnostics_with_utf16_ranges_and_reloads_config() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("my project");
    std::fs::create_dir_all(root.join("tests")).unwrap();
    let file = root.join("client.py");
    let uri = uri_of(&file);
    let mut c = Client::start(&root);

    let init = c.request(
        "initialize",
        json!({ "processId": null, "rootUri": uri_of(&root), "capabilities": {} }),
    );
    assert_eq!(init["result"]["serverInfo"]["name"], "cleartext");
    assert!(init["result"]["capabilities"]["textDocumentSync"].is_object());
    c.notify("initialized", json!({}));

    // `😀` is one code point but two UTF-16 code units; `é` is one of each.
    let bad = "import requests\nrequests.get(\"https://api.example.com/😀é\", verify=False)\n";
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "python", "version": 1, "text": bad } }),
    );
    let d = c.diagnostics(&uri);
    assert_eq!(d.len(), 1, "{d:?}");
    let d = &d[0];
    assert_eq!(d["code"], "tls-verification-disabled");
    assert_eq!(d["source"], "cleartext");
    assert_eq!(d["severity"], 1);
    assert!(d["codeDescription"]["href"]
        .as_str()
        .unwrap()
        .ends_with("lints/README.md#tls-verification-disabled"));
    let col = "requests.get(\"https://api.example.com/😀é\", "
        .encode_utf16()
        .count();
    assert_eq!(
        d["range"],
        json!({ "start": { "line": 1, "character": col }, "end": { "line": 1, "character": col + 12 } })
    );
    assert!(d["message"]
        .as_str()
        .unwrap()
        .starts_with("TLS certificate verification is disabled"));

    // Fixing the buffer clears the diagnostics; the file on disk never existed.
    let good = "import requests\nrequests.get(\"https://api.example.com\")\n";
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [{ "text": good }] }),
    );
    assert!(c.diagnostics(&uri).is_empty());

    // A configuration written while the server runs applies to the next change.
    std::fs::write(
        root.join("cleartext.toml"),
        "[severity]\ntls-verification-disabled = \"warning\"\n",
    )
    .unwrap();
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 3 }, "contentChanges": [{ "text": bad }] }),
    );
    let d = c.diagnostics(&uri);
    assert_eq!(d[0]["severity"], 2, "{d:?}");

    // Saving the configuration re-lints open documents with the new settings.
    std::fs::write(root.join("cleartext.toml"), "ignore = [\"in-transit\"]\n").unwrap();
    c.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": uri_of(&root.join("cleartext.toml")) } }),
    );
    assert!(c.diagnostics(&uri).is_empty());
    std::fs::remove_file(root.join("cleartext.toml")).unwrap();

    // Test code is reported at note severity (Information); suppressions work in buffers.
    let test_uri = uri_of(&root.join("tests/test_client.py"));
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": test_uri, "languageId": "python", "version": 1, "text": bad } }),
    );
    assert_eq!(c.diagnostics(&test_uri)[0]["severity"], 3);
    let suppressed = "import requests\n# cleartext: ignore[tls-verification-disabled] -- mock server\nrequests.get(\"https://x\", verify=False)\n# cleartext: ignore[ecb-mode] -- stale\nx = 1\n";
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": test_uri, "version": 2 }, "contentChanges": [{ "text": suppressed }] }),
    );
    let d = c.diagnostics(&test_uri);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["code"], "suppression-unused");
    assert_eq!(d[0]["range"]["start"], json!({ "line": 3, "character": 0 }));

    // Closing clears; shutdown and exit end the process cleanly.
    c.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert!(c.diagnostics(&uri).is_empty());
    let shutdown = c.request("shutdown", Value::Null);
    assert!(shutdown.get("error").is_none(), "{shutdown}");
    c.notify("exit", Value::Null);
    let status = c.wait_exit();
    assert!(status.success(), "{status}");
}

#[test]
fn language_server_rejects_unknown_requests_without_dying() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = Client::start(dir.path());
    c.request(
        "initialize",
        json!({ "processId": null, "rootUri": null, "capabilities": {} }),
    );
    c.notify("initialized", json!({}));
    let r = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": "file:///x.py" }, "position": { "line": 0, "character": 0 } }),
    );
    assert_eq!(r["error"]["code"], -32601);
    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    assert!(c.wait_exit().success());
}
