//! The server's transport: `Content-Length` framed JSON-RPC read from a byte stream. Takes raw
//! bytes; gives one `Incoming` per frame, where a frame that cannot be read (bad header, a
//! length that lies, invalid JSON, not a JSON-RPC message) is an `Incoming::Invalid` to answer
//! with an error, after which reading resumes at the next header. Never panics on input and
//! never holds more than one frame (bounded by `MAX_BODY`) in memory.

use std::io::{self, Read};

use serde_json::Value;

/// JSON-RPC error codes (JSON-RPC 2.0 §5.1, LSP `ErrorCodes`).
pub const PARSE_ERROR: i32 = -32700;
pub const INVALID_REQUEST: i32 = -32600;
pub const METHOD_NOT_FOUND: i32 = -32601;
pub const SERVER_NOT_INITIALIZED: i32 = -32002;

/// Largest body read into memory. A document is linted only up to the file-size limit
/// (10 MiB by default), but JSON escaping can double a buffer's size, so the frame limit is
/// well above it.
pub const MAX_BODY: usize = 64 * 1024 * 1024;

/// A header line longer than this is not a header: it is skipped as noise.
const MAX_HEADER_LINE: usize = 8 * 1024;

const CHUNK: usize = 64 * 1024;

#[derive(Debug)]
pub enum Incoming {
    Request {
        id: Value,
        method: String,
        params: Value,
    },
    Notification {
        method: String,
        params: Value,
    },
    /// A reply to a request of ours; the server sends none, so these are dropped.
    Response,
    /// A frame to answer with an error. `id` is the request's id when it could be read, else
    /// null (JSON-RPC: the id of a message that cannot be parsed is null).
    Invalid {
        id: Value,
        code: i32,
        message: String,
    },
}

pub struct FrameReader<R> {
    inner: R,
    buf: Vec<u8>,
    start: usize,
    eof: bool,
}

impl<R: Read> FrameReader<R> {
    pub fn new(inner: R) -> Self {
        FrameReader {
            inner,
            buf: Vec::new(),
            start: 0,
            eof: false,
        }
    }

    /// The next frame, or `None` when the stream has ended (a frame cut off by the end of the
    /// stream is dropped: nobody is left to answer).
    pub fn next_frame(&mut self) -> Option<Incoming> {
        let mut length: Option<Result<usize, String>> = None;
        let mut noise = false;
        loop {
            let line = self.line()?;
            let line = trim_eol(&line);
            if line.is_empty() {
                if length.is_some() {
                    break;
                }
                if noise {
                    return Some(parse_error("a message without a Content-Length header"));
                }
                // Blank lines between messages are tolerated.
                continue;
            }
            match find_ascii_ci(line, b"content-length:") {
                // Bytes before the header on the same line are the rest of a body whose
                // Content-Length was too short; that message was already answered.
                Some(at) => {
                    let value = String::from_utf8_lossy(&line[at + 15..]).trim().to_string();
                    length = Some(value.parse::<usize>().map_err(|_| value));
                    noise = false;
                }
                None if is_header(line) => {}
                None => noise = true,
            }
        }
        // The loop above leaves only with a length read.
        let Some(length) = length else {
            return Some(parse_error("a message without a Content-Length header"));
        };
        let len = match length {
            Ok(n) => n,
            Err(v) => {
                return Some(parse_error(&format!(
                    "Content-Length `{}` is not a number",
                    v.chars().take(40).collect::<String>()
                )))
            }
        };
        if len > MAX_BODY {
            // Its body is not read into memory: it streams through the header scan as noise
            // until the next header.
            return Some(parse_error(&format!(
                "Content-Length {len} is over the {MAX_BODY}-byte limit"
            )));
        }
        let body = self.take(len)?;
        Some(self.decode(body))
    }

    /// A body to a message. A Content-Length that was too long swallowed the start of the next
    /// frame: what follows the first complete JSON value goes back into the stream.
    fn decode(&mut self, body: Vec<u8>) -> Incoming {
        let mut values = serde_json::Deserializer::from_slice(&body).into_iter::<Value>();
        match values.next() {
            Some(Ok(v)) => {
                let end = values.byte_offset();
                if body[end..].iter().any(|b| !b.is_ascii_whitespace()) {
                    self.unread(&body[end..]);
                }
                classify(v)
            }
            Some(Err(e)) => {
                // Not JSON at all: a later frame may still sit inside it.
                if let Some(at) = find_ascii_ci(&body, b"content-length:") {
                    self.unread(&body[at..]);
                }
                parse_error(&format!("invalid JSON: {e}"))
            }
            None => parse_error("an empty message"),
        }
    }

    /// The next line including its `\n`, at most `MAX_HEADER_LINE` bytes (a longer one is cut
    /// there; the rest comes as the next line). `None` at the end of the stream.
    fn line(&mut self) -> Option<Vec<u8>> {
        loop {
            let avail = &self.buf[self.start..];
            let limit = avail.len().min(MAX_HEADER_LINE);
            if let Some(i) = avail[..limit].iter().position(|&b| b == b'\n') {
                return Some(self.consume(i + 1));
            }
            if avail.len() >= MAX_HEADER_LINE {
                return Some(self.consume(MAX_HEADER_LINE));
            }
            if !self.fill() {
                let rest = self.buf.len() - self.start;
                return (rest > 0).then(|| self.consume(rest));
            }
        }
    }

    /// Exactly `n` bytes, or `None` if the stream ends first.
    fn take(&mut self, n: usize) -> Option<Vec<u8>> {
        while self.buf.len() - self.start < n {
            if !self.fill() {
                return None;
            }
        }
        Some(self.consume(n))
    }

    fn consume(&mut self, n: usize) -> Vec<u8> {
        let out = self.buf[self.start..self.start + n].to_vec();
        self.start += n;
        // Keep the buffer from growing with the stream: drop what has been read.
        if self.start == self.buf.len() {
            self.buf.clear();
            self.start = 0;
        } else if self.start > CHUNK {
            self.buf.drain(..self.start);
            self.start = 0;
        }
        out
    }

    fn unread(&mut self, bytes: &[u8]) {
        self.buf
            .splice(self.start..self.start, bytes.iter().copied());
    }

    /// Reads more bytes; false at the end of the stream (or a read error, which ends it too).
    fn fill(&mut self) -> bool {
        if self.eof {
            return false;
        }
        let mut chunk = [0u8; CHUNK];
        loop {
            match self.inner.read(&mut chunk) {
                Ok(0) => {
                    self.eof = true;
                    return false;
                }
                Ok(n) => {
                    self.buf.extend_from_slice(&chunk[..n]);
                    return true;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => {
                    self.eof = true;
                    return false;
                }
            }
        }
    }
}

fn parse_error(message: &str) -> Incoming {
    Incoming::Invalid {
        id: Value::Null,
        code: PARSE_ERROR,
        message: message.to_string(),
    }
}

/// A JSON value as a JSON-RPC message (JSON-RPC 2.0 §4; LSP sends no batches).
fn classify(v: Value) -> Incoming {
    let invalid = |id: Value, message: &str| Incoming::Invalid {
        id,
        code: INVALID_REQUEST,
        message: message.to_string(),
    };
    let Value::Object(mut obj) = v else {
        return invalid(Value::Null, "a message must be a JSON object");
    };
    let id = obj.remove("id");
    let id_ok = matches!(id, Some(Value::Number(_) | Value::String(_)));
    let params = obj.remove("params").unwrap_or(Value::Null);
    match obj.remove("method") {
        Some(Value::String(method)) => match id {
            None => Incoming::Notification { method, params },
            Some(id) if id_ok => Incoming::Request { id, method, params },
            Some(_) => invalid(Value::Null, "`id` must be a number or a string"),
        },
        Some(_) => invalid(
            if id_ok {
                id.unwrap_or_default()
            } else {
                Value::Null
            },
            "`method` must be a string",
        ),
        None if obj.contains_key("result") || obj.contains_key("error") => Incoming::Response,
        None => invalid(
            if id_ok {
                id.unwrap_or_default()
            } else {
                Value::Null
            },
            "a message needs a `method`",
        ),
    }
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// `Name: value` with a token name (RFC 7230 §3.2), such as `Content-Type`.
fn is_header(line: &[u8]) -> bool {
    match line.iter().position(|&b| b == b':') {
        Some(i) if i > 0 => line[..i]
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || b == &b'-'),
        _ => false,
    }
}

fn find_ascii_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests;
