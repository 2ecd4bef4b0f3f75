//! Checks for javascript facts.

use super::CheckFn;

pub const CHECKS: &[(&str, CheckFn)] = &[];
