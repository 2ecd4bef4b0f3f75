//! Checks for rust facts.

use super::CheckFn;

pub const CHECKS: &[(&str, CheckFn)] = &[];
