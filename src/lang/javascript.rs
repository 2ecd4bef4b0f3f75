//! JavaScript and TypeScript front-end (tree-sitter-javascript / tree-sitter-typescript).

use super::LowerError;
use crate::facts::Facts;
use crate::source::SourceFile;

pub fn lower(src: &SourceFile) -> Result<Facts, LowerError> {
    Err(LowerError::unsupported(src.kind))
}
