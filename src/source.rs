//! A file's text with a line index, so byte offsets become 1-based lines and columns
//! (columns counted in Unicode scalar values, as the output contract says).

use std::path::PathBuf;

use crate::classify::FileKind;

pub struct SourceFile {
    /// The path as shown to users: relative to the current directory when under it,
    /// `/`-separated.
    pub display: String,
    pub path: PathBuf,
    pub kind: FileKind,
    pub text: String,
    /// Named on the command line (or an editor buffer): scanned even where a directory walk
    /// would skip it (a minified bundle).
    pub explicit: bool,
    /// Built on first use: most files never need a position.
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub offset: usize,
}

impl SourceFile {
    pub fn new(path: PathBuf, display: String, kind: FileKind, text: String) -> Self {
        SourceFile {
            display,
            path,
            kind,
            text,
            explicit: false,
            line_starts: std::sync::OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![0];
            starts.extend(
                self.text
                    .bytes()
                    .enumerate()
                    .filter(|(_, b)| *b == b'\n')
                    .map(|(i, _)| i + 1),
            );
            starts
        })
    }

    /// The position of a byte offset. Offsets past the end clamp to the end; offsets inside a
    /// multi-byte character count that character.
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.line_starts().partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts()[line];
        let mut end = offset;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let column = self.text[start..end].chars().count() + 1;
        Position {
            line: line + 1,
            column,
            offset,
        }
    }

    /// 1-based line number of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.position(offset).line
    }

    /// Byte range of a 1-based line, without its line terminator.
    pub fn line_range(&self, line: usize) -> (usize, usize) {
        let start = self
            .line_starts()
            .get(line - 1)
            .copied()
            .unwrap_or(self.text.len());
        let mut end = self
            .line_starts()
            .get(line)
            .map(|e| e - 1)
            .unwrap_or(self.text.len());
        if end > start && self.text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        (start, end.max(start))
    }

    pub fn line_count(&self) -> usize {
        self.line_starts().len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile::new("a.py".into(), "a.py".into(), FileKind::Python, text.into())
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let f = file("é = 1\nx = 'ü' + y\n");
        assert_eq!(
            f.position(0),
            Position {
                line: 1,
                column: 1,
                offset: 0
            }
        );
        let y = f.text.find('y').unwrap();
        assert_eq!(f.position(y).line, 2);
        assert_eq!(f.position(y).column, 11);
    }

    #[test]
    fn crlf_lines_keep_their_columns() {
        let f = file("a\r\nbc = 1\r\n");
        let b = f.text.find('c').unwrap();
        assert_eq!((f.position(b).line, f.position(b).column), (2, 2));
        assert_eq!(f.line_range(1), (0, 1));
    }
}
