//! Reading a file: open without blocking, check it is a regular file within the size limit,
//! read it whole and decode it (UTF-8, UTF-8 with a BOM, UTF-16 with a BOM). Takes a path;
//! gives text, a reason to skip it, or an error. Never classifies or parses.

use std::io::Read;
use std::path::Path;

use crate::classify::SNIFF_LEN;

/// The first [`SNIFF_LEN`] bytes of a file, for [`crate::classify`]; empty when unreadable.
pub fn read_head(path: &Path) -> Vec<u8> {
    let mut buf = vec![0; SNIFF_LEN];
    let Ok(mut f) = std::fs::File::open(path) else {
        return Vec::new();
    };
    let mut n = 0;
    while n < buf.len() {
        match f.read(&mut buf[n..]) {
            Ok(0) | Err(_) => break,
            Ok(k) => n += k,
        }
    }
    buf.truncate(n);
    buf
}

pub enum Loaded {
    Text(String),
    Skip(String),
    Error(String),
}

/// Opens for reading without blocking: a FIFO put where the walk saw a regular file must not
/// hang the run.
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Reads a file of at most `max` bytes as text.
pub fn load(path: &Path, max: u64) -> Loaded {
    // The walk only yields regular files; the open handle confirms it and gives the size
    // without a second lookup of the path (a third of the system calls of a scan).
    let file = match open_nonblocking(path) {
        Ok(f) => f,
        Err(e) => return Loaded::Error(format!("cannot read: {e}")),
    };
    let meta = match file.metadata() {
        Ok(m) => m,
        Err(e) => return Loaded::Error(format!("cannot read: {e}")),
    };
    if !meta.is_file() {
        return Loaded::Skip("not a regular file".into());
    }
    if meta.len() > max {
        return Loaded::Skip(format!(
            "larger than --max-filesize ({} > {max} bytes)",
            meta.len()
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // Through `take`: `File::read_to_end` would stat and seek again to size the buffer.
    match (&file).take(u64::MAX).read_to_end(&mut bytes) {
        Ok(_) => decode(bytes),
        Err(e) => Loaded::Error(format!("cannot read: {e}")),
    }
}

/// UTF-8 (a BOM is dropped) and UTF-16 with a BOM are read; anything else with a NUL byte in
/// its head is binary; other invalid UTF-8 is skipped with the offset of the first bad byte.
pub fn decode(bytes: Vec<u8>) -> Loaded {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode(rest.to_vec());
    }
    let utf16 = |le: bool, body: &[u8]| -> Loaded {
        let units: Vec<u16> = body
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        match String::from_utf16(&units) {
            Ok(s) => Loaded::Text(s),
            Err(_) => Loaded::Skip("not valid UTF-16".into()),
        }
    };
    if let Some(body) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(true, body);
    }
    if let Some(body) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(false, body);
    }
    if bytes[..bytes.len().min(SNIFF_LEN)].contains(&0) {
        return Loaded::Skip("binary file".into());
    }
    match String::from_utf8(bytes) {
        Ok(s) => Loaded::Text(s),
        Err(e) => Loaded::Skip(format!(
            "not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        )),
    }
}
