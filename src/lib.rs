//! cleartext: finds data left unprotected at rest and in transit, in source code and in
//! infrastructure and configuration files.

pub mod baseline;
pub mod classify;
pub mod cli;
pub mod config;
pub mod engine;
pub mod facts;
pub mod finding;
pub mod lang;
pub mod lint;
pub mod prefilter;
pub mod read;
pub mod report;
pub mod server;
pub mod source;
pub mod suppress;
pub mod walk;
