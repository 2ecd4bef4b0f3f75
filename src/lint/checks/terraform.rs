//! Checks for terraform facts.

use super::CheckFn;

pub const CHECKS: &[(&str, CheckFn)] = &[];
