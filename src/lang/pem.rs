//! Key-material front-end: PEM blocks in committed key files.

use super::LowerError;
use crate::facts::Facts;
use crate::source::SourceFile;

pub fn lower(src: &SourceFile) -> Result<Facts, LowerError> {
    Err(LowerError::unsupported(src.kind))
}
