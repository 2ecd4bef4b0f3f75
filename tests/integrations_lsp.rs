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
    stdin: Option<ChildStdin>,
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
            stdin: Some(stdin),
            incoming,
            next_id: 1,
        }
    }

    fn send(&mut self, msg: Value) {
        let body = serde_json::to_string(&msg).unwrap();
        self.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    /// Bytes as they are, for frames that lie.
    fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().unwrap();
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
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

/// `initialize` and `initialized`, as every session starts.
fn started(dir: &std::path::Path) -> Client {
    let mut c = Client::start(dir);
    let init = c.request(
        "initialize",
        json!({ "processId": null, "rootUri": null, "capabilities": {} }),
    );
    assert!(init["result"]["capabilities"].is_object(), "{init}");
    c.notify("initialized", json!({}));
    c
}

const BAD_PY: &str = "import requests\nrequests.get(\"https://x\", verify=False)\n";

fn open(c: &mut Client, uri: &str, version: i32, text: &str) {
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "python", "version": version, "text": text } }),
    );
}

fn change(c: &mut Client, uri: &str, version: i32, text: &str) {
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] }),
    );
}

/// Every message up to and including the response to a `shutdown` sent now: what the server
/// said about everything sent before it.
fn until_shutdown(c: &mut Client) -> Vec<Value> {
    let id = 9_000;
    c.send(json!({ "jsonrpc": "2.0", "id": id, "method": "shutdown" }));
    let mut seen = Vec::new();
    loop {
        let msg = c.recv();
        let done = msg["id"] == id;
        seen.push(msg);
        if done {
            return seen;
        }
    }
}

#[test]
fn language_server_answers_malformed_frames_with_json_rpc_errors_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = Client::start(dir.path());
    // Before `initialize`, requests are refused with ServerNotInitialized.
    let early = c.request("textDocument/hover", json!({}));
    assert_eq!(early["error"]["code"], -32002, "{early}");
    c.request(
        "initialize",
        json!({ "processId": null, "rootUri": null, "capabilities": {} }),
    );

    let next_error = |c: &mut Client| loop {
        let msg = c.recv();
        if msg.get("error").is_some() {
            return msg;
        }
    };
    // Invalid JSON: parse error, id null.
    c.send_raw(b"Content-Length: 9\r\n\r\n{not json");
    let e = next_error(&mut c);
    assert_eq!(e["error"]["code"], -32700, "{e}");
    assert!(e["id"].is_null(), "{e}");
    // A Content-Length that is not a number, then one that is too short.
    let ping = r#"{"jsonrpc":"2.0","id":41,"method":"cleartext/ping"}"#;
    c.send_raw(format!("Content-Length: many\r\n\r\n{ping}").as_bytes());
    assert_eq!(next_error(&mut c)["error"]["code"], -32700);
    c.send_raw(format!("Content-Length: {}\r\n\r\n{ping}", ping.len() - 5).as_bytes());
    assert_eq!(next_error(&mut c)["error"]["code"], -32700);
    // Too long: the lie swallows the head of the next frame, and both are still answered.
    let ping2 = r#"{"jsonrpc":"2.0","id":42,"method":"cleartext/ping"}"#;
    c.send_raw(
        format!(
            "Content-Length: {}\r\n\r\n{ping}Content-Length: {}\r\n\r\n{ping2}",
            ping.len() + 12,
            ping2.len()
        )
        .as_bytes(),
    );
    let a = next_error(&mut c);
    let b = next_error(&mut c);
    assert_eq!((a["id"].clone(), b["id"].clone()), (json!(41), json!(42)));
    assert_eq!(a["error"]["code"], -32601, "{a}");
    // Valid JSON that is no message: invalid request, with its id when it has one.
    c.send(json!({ "jsonrpc": "2.0", "id": 43 }));
    let e = next_error(&mut c);
    assert_eq!(
        (e["id"].clone(), e["error"]["code"].clone()),
        (json!(43), json!(-32600))
    );
    c.send(json!([1, 2, 3]));
    assert_eq!(next_error(&mut c)["error"]["code"], -32600);
    // An unknown notification gets no reply: the next message is the answer to the next request.
    c.notify("cleartext/unknown", json!({ "a": 1 }));
    let r = c.request("textDocument/hover", json!({}));
    assert_eq!(r["error"]["code"], -32601, "{r}");
    // Notifications with params that do not fit are logged, not fatal.
    c.notify("textDocument/didOpen", json!({ "textDocument": 5 }));
    let log = c.recv();
    assert_eq!(log["method"], "window/logMessage", "{log}");

    // And after all that, the server still lints.
    let uri = uri_of(&dir.path().join("a.py"));
    open(&mut c, &uri, 1, BAD_PY);
    assert_eq!(c.diagnostics(&uri)[0]["code"], "tls-verification-disabled");
    c.request("shutdown", Value::Null);
    // After shutdown, requests are invalid; `exit` ends with 0.
    let late = c.request("textDocument/hover", json!({}));
    assert_eq!(late["error"]["code"], -32600, "{late}");
    c.notify("exit", Value::Null);
    assert!(c.wait_exit().success());
}

#[test]
fn language_server_lints_a_10_mb_buffer_and_refuses_one_over_the_limit_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = started(dir.path());
    // A 10 MB embedded blob (under the 10 MiB limit), then the mistake on the last line. (A
    // 10 MB file of statements takes seconds of CPU in any mode; the blob keeps the test short.)
    let blob = "A".repeat(10_000_000);
    let big =
        format!("import requests\nBLOB = \"{blob}\"\nrequests.get(\"https://x\", verify=False)\n");
    let uri = uri_of(&dir.path().join("big.py"));
    open(&mut c, &uri, 1, &big);
    let d = c.diagnostics(&uri);
    assert_eq!(d.len(), 1, "{:?}", &d[..d.len().min(3)]);
    assert_eq!(d[0]["range"]["start"]["line"], big.lines().count() - 1);

    let huge = big.repeat(2);
    let uri = uri_of(&dir.path().join("huge.py"));
    open(&mut c, &uri, 1, &huge);
    let d = c.diagnostics(&uri);
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0]["message"]
            .as_str()
            .unwrap()
            .contains("file-size limit"),
        "{d:?}"
    );
    assert_eq!(d[0]["severity"], 3);
}

#[test]
fn language_server_never_publishes_a_stale_version_after_a_newer_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = started(dir.path());
    let uri = uri_of(&dir.path().join("a.py"));
    open(&mut c, &uri, 1, BAD_PY);
    // 300 edits as fast as the pipe takes them; version v has v blank lines before the call.
    for v in 2..=300 {
        change(
            &mut c,
            &uri,
            v,
            &format!(
                "import requests\n{}{}",
                "\n".repeat(v as usize),
                &BAD_PY[16..]
            ),
        );
    }
    let seen = until_shutdown(&mut c);
    let versions: Vec<i64> = seen
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .map(|m| m["params"]["version"].as_i64().unwrap())
        .collect();
    assert!(versions.windows(2).all(|w| w[0] < w[1]), "{versions:?}");
    assert_eq!(versions.last(), Some(&300), "{versions:?}");
    let last = seen
        .iter()
        .rfind(|m| m["params"]["version"] == 300)
        .unwrap();
    assert_eq!(
        last["params"]["diagnostics"][0]["range"]["start"]["line"],
        301
    );
    eprintln!("300 edits gave {} publishes", versions.len());
}

#[test]
fn language_server_answers_cleanly_about_closed_unopened_and_deleted_documents() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = started(dir.path());
    let gone = dir.path().join("gone/a.py");
    let uri = uri_of(&gone);
    // An edit to a document never opened is logged and publishes nothing.
    change(&mut c, &uri, 2, BAD_PY);
    assert_eq!(c.recv()["method"], "window/logMessage");
    // A document whose file (and directory) does not exist is linted from its buffer.
    open(&mut c, &uri, 1, BAD_PY);
    assert_eq!(c.diagnostics(&uri).len(), 1);
    c.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert_eq!(c.diagnostics(&uri).len(), 1);
    c.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert!(c.diagnostics(&uri).is_empty());
    // After close: edits are ignored, saves and a second close publish nothing but empty.
    change(&mut c, &uri, 3, BAD_PY);
    c.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": uri } }),
    );
    c.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri } }),
    );
    let seen = until_shutdown(&mut c);
    for m in &seen {
        if m["method"] == "textDocument/publishDiagnostics" {
            assert_eq!(m["params"]["diagnostics"], json!([]), "{m}");
        }
    }
    assert!(seen.last().unwrap().get("error").is_none());
}

#[test]
fn language_server_exits_promptly_when_stdin_closes_even_mid_message() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = started(dir.path());
    c.send_raw(b"Content-Length: 500\r\n\r\n{\"jsonrpc\":");
    // The client vanishes mid-message.
    drop(c.stdin.take());
    let status = c.wait_exit();
    assert!(status.code().is_some(), "{status}");
}

/// Resident set size of a process, in KiB, from /proc.
fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

#[test]
fn language_server_memory_stays_flat_over_10000_edits_and_no_socket_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = started(dir.path());
    let uri = uri_of(&dir.path().join("a.py"));
    let pid = c.child.id();
    open(&mut c, &uri, 1, BAD_PY);
    c.diagnostics(&uri);
    let mut version: i32 = 1;
    let mut baseline = 0;
    // Rounds of 20 edits, each round waited for, so the lints do run (not all coalesced).
    for round in 0..500 {
        for _ in 0..20 {
            version += 1;
            let text = format!(
                "{BAD_PY}# edit {version}\n{}",
                "y = 2\n".repeat(version as usize % 50)
            );
            change(&mut c, &uri, version, &text);
        }
        loop {
            let msg = c.recv();
            if msg["params"]["version"] == version {
                break;
            }
        }
        if round == 50 {
            baseline = rss_kib(pid);
        }
    }
    let end = rss_kib(pid);
    assert_no_socket(pid);
    eprintln!("RSS after 1,000 edits {baseline} KiB, after 10,000 {end} KiB");
    assert!(
        end < baseline + 16 * 1024,
        "RSS grew from {baseline} KiB to {end} KiB"
    );
}

/// The server's open descriptors, as /proc shows them: stdio pipes and files, never a socket.
fn assert_no_socket(pid: u32) {
    let fds = std::fs::read_dir(format!("/proc/{pid}/fd")).unwrap();
    let links: Vec<String> = fds
        .filter_map(|e| std::fs::read_link(e.ok()?.path()).ok())
        .map(|p| p.display().to_string())
        .collect();
    assert!(links.iter().any(|l| l.starts_with("pipe:")), "{links:?}");
    assert!(!links.iter().any(|l| l.starts_with("socket:")), "{links:?}");
}
