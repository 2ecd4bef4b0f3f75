//! Reading a file: open without blocking, check it is a regular file within the size limit,
//! read it whole and decode it (see [`decode`]). Takes a path; gives text, a reason to skip it,
//! or an error. Never classifies or parses.

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
    /// Text read with invalid bytes replaced, and a notice saying so.
    Lossy(String, String),
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
    match read_bytes(path, max) {
        Ok(bytes) => decode(bytes),
        Err(not_read) => not_read,
    }
}

/// Reads a binary file of at most `max` bytes with each byte as the character of that number
/// (Latin-1), so that byte offsets below 0x80 and the file's bytes survive in a `String`.
pub fn load_binary(path: &Path, max: u64) -> Loaded {
    match read_bytes(path, max) {
        Ok(bytes) => Loaded::Text(bytes.into_iter().map(char::from).collect()),
        Err(not_read) => not_read,
    }
}

/// The bytes of a regular file of at most `max` bytes, or why there are none.
fn read_bytes(path: &Path, max: u64) -> Result<Vec<u8>, Loaded> {
    // The walk only yields regular files; the open handle confirms it and gives the size
    // without a second lookup of the path (a third of the system calls of a scan).
    let file = match open_nonblocking(path) {
        Ok(f) => f,
        Err(e) => return Err(Loaded::Error(format!("cannot read: {e}"))),
    };
    let meta = match file.metadata() {
        Ok(m) => m,
        Err(e) => return Err(Loaded::Error(format!("cannot read: {e}"))),
    };
    if !meta.is_file() {
        return Err(Loaded::Skip("not a regular file".into()));
    }
    if meta.len() > max {
        return Err(Loaded::Skip(format!(
            "larger than --max-filesize ({} > {max} bytes)",
            meta.len()
        )));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // Through `take`: `File::read_to_end` would stat and seek again to size the buffer.
    match (&file).take(u64::MAX).read_to_end(&mut bytes) {
        Ok(_) => Ok(bytes),
        Err(e) => Err(Loaded::Error(format!("cannot read: {e}"))),
    }
}

/// Decodes a file's bytes: a byte-order mark decides (UTF-8, UTF-16 LE/BE); UTF-16 without
/// one is recognised by its zero bytes; UTF-8 is read as it is; a declared legacy encoding
/// (`# -*- coding: latin-1 -*-`, `<?xml ... encoding="ISO-8859-1"?>`) is honoured; anything
/// else with a NUL byte in its head is binary; other invalid UTF-8 is read with each invalid
/// byte replaced by U+FFFD, so lines and columns stay those of the file, with a notice.
pub fn decode(bytes: Vec<u8>) -> Loaded {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode(rest.to_vec());
    }
    if let Some(body) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(true, body);
    }
    if let Some(body) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(false, body);
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if let Some(le) = utf16_without_bom(head) {
        return utf16(le, &bytes);
    }
    if head.contains(&0) {
        return Loaded::Skip("binary file".into());
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(s) => return Loaded::Text(s),
        Err(e) => e.into_bytes(),
    };
    match declared_encoding(&bytes) {
        Some(Legacy::Latin1) => Loaded::Text(bytes.iter().map(|&b| char::from(b)).collect()),
        Some(Legacy::Windows1252) => Loaded::Text(bytes.iter().map(|&b| cp1252(b)).collect()),
        None => {
            let bad = std::str::from_utf8(&bytes)
                .err()
                .map_or(0, |e| e.valid_up_to());
            let mut text = String::with_capacity(bytes.len());
            for chunk in bytes.utf8_chunks() {
                text.push_str(chunk.valid());
                text.extend(chunk.invalid().iter().map(|_| char::REPLACEMENT_CHARACTER));
            }
            Loaded::Lossy(
                text,
                format!(
                    "not valid UTF-8 (first bad byte at offset {bad}) and no encoding declared; \
                     read with each invalid byte replaced"
                ),
            )
        }
    }
}

fn utf16(le: bool, body: &[u8]) -> Loaded {
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
}

/// UTF-16 text without a byte-order mark, mostly ASCII: every other byte is zero (the high
/// byte of each unit) and the others are not. `Some(true)` for little-endian.
fn utf16_without_bom(head: &[u8]) -> Option<bool> {
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let zeros = |offset: usize| (0..pairs).filter(|i| head[2 * i + offset] == 0).count();
    let (even, odd) = (zeros(0), zeros(1));
    // Nine in ten high bytes zero, and almost no low byte: text, not a binary format.
    let mostly = |n: usize| n * 10 >= pairs * 9;
    let few = |n: usize| n * 20 <= pairs;
    if mostly(odd) && few(even) {
        Some(true)
    } else if mostly(even) && few(odd) {
        Some(false)
    } else {
        None
    }
}

/// The single-byte encodings a file may declare.
#[derive(Debug, PartialEq)]
enum Legacy {
    Latin1,
    Windows1252,
}

/// An encoding declared in the first two lines: PEP 263 (`coding: latin-1`, `coding=cp1252`,
/// also Emacs and Vim style) or an XML prologue's `encoding="..."`.
fn declared_encoding(bytes: &[u8]) -> Option<Legacy> {
    let head: Vec<u8> = bytes
        .split(|&b| b == b'\n')
        .take(2)
        .flat_map(|l| l.iter().copied().chain([b'\n']))
        .collect();
    let head = String::from_utf8_lossy(&head).to_ascii_lowercase();
    let name = ["coding:", "coding="].iter().find_map(|marker| {
        let at = head.find(marker)? + marker.len();
        // `coding: latin-1`, `fileencoding=cp1252`, `encoding="ISO-8859-1"`.
        let rest = head[at..].trim_start().trim_start_matches(['"', '\'']);
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || "-_.".contains(c)))
            .unwrap_or(rest.len());
        Some(rest[..end].replace('_', "-"))
    })?;
    match name.as_str() {
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "iso-8859-15" | "iso8859-15" | "l1"
        | "cp819" | "latin-9" => Some(Legacy::Latin1),
        "cp1252" | "windows-1252" => Some(Legacy::Windows1252),
        _ => None,
    }
}

/// Windows-1252: Latin-1 apart from 0x80..=0x9F, where it puts punctuation and a few letters.
fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(l: Loaded) -> String {
        match l {
            Loaded::Text(t) => t,
            Loaded::Lossy(t, _) => format!("LOSSY:{t}"),
            Loaded::Skip(r) => format!("SKIP:{r}"),
            Loaded::Error(e) => format!("ERROR:{e}"),
        }
    }

    #[test]
    fn declared_latin1_python_is_read_exactly() {
        let src = b"# -*- coding: latin-1 -*-\nname = 'caf\xe9'\nverify = False\n".to_vec();
        assert_eq!(
            text(decode(src)),
            "# -*- coding: latin-1 -*-\nname = 'caf\u{e9}'\nverify = False\n"
        );
    }

    #[test]
    fn declared_cp1252_maps_the_high_punctuation() {
        let src = b"<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<a>\x93q\x94</a>".to_vec();
        assert!(text(decode(src)).ends_with("<a>\u{201c}q\u{201d}</a>"));
    }

    #[test]
    fn undeclared_invalid_bytes_are_replaced_one_for_one() {
        let out = text(decode(b"a = '\xff\xfe\xe9'\nb = 1\n".to_vec()));
        assert_eq!(out, "LOSSY:a = '\u{fffd}\u{fffd}\u{fffd}'\nb = 1\n");
    }

    #[test]
    fn utf16_without_bom_is_recognised_both_ways() {
        let le: Vec<u8> = "verify=False\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "verify=False\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(text(decode(le)), "verify=False\n");
        assert_eq!(text(decode(be)), "verify=False\n");
    }

    #[test]
    fn binary_stays_binary() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0".to_vec();
        assert_eq!(text(decode(png)), "SKIP:binary file");
    }

    #[test]
    fn utf8_and_boms_are_unchanged() {
        assert_eq!(text(decode("é = 1".as_bytes().to_vec())), "é = 1");
        assert_eq!(text(decode(b"\xEF\xBB\xBFx = 1".to_vec())), "x = 1");
    }
}
