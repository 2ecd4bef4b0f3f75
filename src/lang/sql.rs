//! SQL front-end: tables with their columns, function calls with literal arguments.

use super::LowerError;
use crate::facts::Facts;
use crate::source::SourceFile;

pub fn lower(src: &SourceFile) -> Result<Facts, LowerError> {
    Err(LowerError::unsupported(src.kind))
}
