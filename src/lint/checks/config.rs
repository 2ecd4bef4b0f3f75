//! Checks for config facts.

use super::CheckFn;

pub const CHECKS: &[(&str, CheckFn)] = &[];
