//! Checks written in Rust, for what a pattern cannot say: a sequence of calls on one object,
//! two fields of one record, resources linked across blocks. A lint names them with
//! `check = "..."`; a test makes sure every name used in `lints/` exists here. Each domain
//! keeps its own table so adding a check touches one file.

mod code;
mod config;
mod javascript;
mod key_beside_data;
mod login_without_tls;
mod rust;
mod terraform;
mod yaml;

use super::{CheckCtx, Hit};

pub type CheckFn = fn(&CheckCtx) -> Vec<Hit>;

const TABLES: &[&[(&str, CheckFn)]] = &[
    code::CHECKS,
    javascript::CHECKS,
    rust::CHECKS,
    terraform::CHECKS,
    yaml::CHECKS,
    config::CHECKS,
];

pub fn find(name: &str) -> Option<CheckFn> {
    TABLES
        .iter()
        .flat_map(|t| t.iter())
        .find(|(n, _)| *n == name)
        .map(|(_, f)| *f)
}

/// Every check name, for `rules` and for tests.
pub fn names() -> Vec<&'static str> {
    TABLES
        .iter()
        .flat_map(|t| t.iter())
        .map(|(n, _)| *n)
        .collect()
}
