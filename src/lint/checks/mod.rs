//! Checks written in Rust, for what a pattern cannot say: a sequence of calls on one object,
//! two fields of one record, resources linked across blocks. A lint names them with
//! `check = "..."`; a test makes sure every name used in `lints/` exists here. Each domain
//! keeps its own table so adding a check touches one file.
//!
//! A check's options (`params = {...}` in its pattern) have a type of their own, parsed once
//! when the linter is built: an unknown key, a value of the wrong type or a regex that does not
//! compile is a load error naming the lint file and the pattern, never a pattern that silently
//! matches nothing.

mod certificate;
mod code;
mod config;
mod java;
mod javascript;
mod key_beside_data;
mod login_without_tls;
mod rust;
mod sensitive_fields;
mod terraform;
mod yaml;

use std::any::Any;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::Deserialize;

pub use certificate::parse_now;
pub use sensitive_fields::name_phrase;

use super::{CheckCtx, Hit};

pub type CheckFn = fn(&CheckCtx) -> Vec<Hit>;

/// A check's parsed `params`, shared by every file the pattern runs on.
pub type Params = Arc<dyn Any + Send + Sync>;

type ParseParams = fn(&toml::Table) -> Result<Params, String>;

/// A check: its name in `lints/*.toml`, its code, and how its `params` are read.
pub struct Check {
    pub name: &'static str,
    pub run: CheckFn,
    parse: ParseParams,
}

impl Check {
    /// A check that takes no `params`.
    pub const fn new(name: &'static str, run: CheckFn) -> Self {
        Check {
            name,
            run,
            parse: no_params,
        }
    }

    /// A check whose `params` are a `P` (which should deny unknown fields).
    pub const fn with_params<P: DeserializeOwned + Send + Sync + 'static>(
        name: &'static str,
        run: CheckFn,
    ) -> Self {
        Check {
            name,
            run,
            parse: parse::<P>,
        }
    }

    pub fn parse_params(&self, params: &toml::Table) -> Result<Params, String> {
        (self.parse)(params)
    }
}

fn no_params(params: &toml::Table) -> Result<Params, String> {
    match params.keys().next() {
        None => Ok(Arc::new(())),
        Some(k) => Err(format!("takes no params, but `{k}` is given")),
    }
}

fn parse<P: DeserializeOwned + Send + Sync + 'static>(
    params: &toml::Table,
) -> Result<Params, String> {
    let parsed: P = toml::Value::Table(params.clone())
        .try_into()
        .map_err(|e: toml::de::Error| format!("params: {}", e.message()))?;
    Ok(Arc::new(parsed))
}

/// A regex in a check's params: its syntax checked when the catalog is loaded, compiled on
/// first use.
#[derive(Clone, Debug)]
pub struct RegexParam {
    text: String,
    /// Compiled on first use: compiling the catalog's check regexes when the linter is built
    /// cost a one-file run more than its file did. The syntax is checked when the param is
    /// read, so a bad regex is still a load error.
    compiled: std::sync::OnceLock<Option<regex::Regex>>,
}

impl RegexParam {
    /// The compiled regex; `None` only if it parses but exceeds the compiled-size limit, in
    /// which case it matches nothing (every catalog regex compiles: a test says so).
    pub fn regex(&self) -> Option<&regex::Regex> {
        self.compiled
            .get_or_init(|| regex::Regex::new(&self.text).ok())
            .as_ref()
    }

    pub fn is_match(&self, haystack: &str) -> bool {
        self.regex().is_some_and(|re| re.is_match(haystack))
    }
}

impl<'de> Deserialize<'de> for RegexParam {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        regex_syntax::Parser::new()
            .parse(&text)
            .map_err(|e| serde::de::Error::custom(format!("bad regex `{text}`: {e}")))?;
        let param = RegexParam {
            text,
            compiled: std::sync::OnceLock::new(),
        };
        // Debug builds (the tests) compile it at once, so that every catalog regex is known
        // to compile, not only to parse.
        #[cfg(debug_assertions)]
        if param.regex().is_none() {
            return Err(serde::de::Error::custom(format!(
                "regex `{}` does not compile",
                param.text
            )));
        }
        Ok(param)
    }
}

/// One string or a list of them.
#[derive(Clone, Debug, Default)]
pub struct Strings(pub Vec<String>);

impl<'de> Deserialize<'de> for Strings {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum OneOrMany {
            One(String),
            Many(Vec<String>),
        }
        Ok(Strings(match OneOrMany::deserialize(d)? {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }))
    }
}

const TABLES: &[&[Check]] = &[
    certificate::CHECKS,
    code::CHECKS,
    java::CHECKS,
    javascript::CHECKS,
    rust::CHECKS,
    terraform::CHECKS,
    yaml::CHECKS,
    config::CHECKS,
];

pub fn find(name: &str) -> Option<&'static Check> {
    TABLES
        .iter()
        .flat_map(|t| t.iter())
        .find(|c| c.name == name)
}

/// Every check name, for `rules` and for tests.
pub fn names() -> Vec<&'static str> {
    TABLES
        .iter()
        .flat_map(|t| t.iter())
        .map(|c| c.name)
        .collect()
}
