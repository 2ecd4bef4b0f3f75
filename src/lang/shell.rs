//! Shell front-end (tree-sitter-bash): commands with their flags, exported variables.

use super::LowerError;
use crate::facts::Facts;
use crate::source::SourceFile;

pub fn lower(src: &SourceFile) -> Result<Facts, LowerError> {
    Err(LowerError::unsupported(src.kind))
}

/// Lowers a script embedded in another file (a Dockerfile `RUN`, a compose `command:`, a CI
/// `run:` step) whose text starts at byte `base` of the host file; facts get host-file spans.
pub fn lower_embedded(_script: &str, _base: usize, _facts: &mut Facts) {}
