//! Line-oriented config front-end: dotenv, ini-style tool configs (.npmrc, .gitconfig, pip.conf, ...),
//! Java .properties.

use super::LowerError;
use crate::facts::Facts;
use crate::source::SourceFile;

pub fn lower(src: &SourceFile) -> Result<Facts, LowerError> {
    Err(LowerError::unsupported(src.kind))
}
