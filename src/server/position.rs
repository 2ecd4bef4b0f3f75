//! Conversions between the protocol's coordinates and cleartext's: `file:` URIs to paths, byte
//! offsets to LSP positions (0-based line, UTF-16 code units, the protocol's default encoding).

use std::path::PathBuf;

use lsp_types::Position;

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
pub fn line_column_to_offset(text: &str, line: usize, column: usize) -> usize {
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

pub fn line_end(text: &str, offset: usize) -> usize {
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
