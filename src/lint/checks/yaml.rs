//! Checks for yaml facts.

use super::CheckFn;

pub const CHECKS: &[(&str, CheckFn)] = &[];
