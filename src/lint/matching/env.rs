//! `env = [...]`: environment variables set for a process.

use super::value_matches;
use crate::facts::Facts;
use crate::lint::catalog::Pattern;
use crate::lint::{glob, Hit};

pub fn matches(p: &Pattern, facts: &Facts, hits: &mut Vec<Hit>) {
    for e in facts.envs.iter().filter(|e| glob::any(&p.env, &e.name)) {
        if value_matches(p.is.as_ref(), Some(&e.value), "") {
            hits.push(Hit::at(e.span));
        }
    }
}
