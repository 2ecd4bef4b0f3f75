//! `entry = [...]`: dict, object, mapping and struct entries, matched by the end of their key
//! path.

use super::value_matches;
use crate::facts::Facts;
use crate::lint::catalog::Pattern;
use crate::lint::{glob, Hit};

pub fn matches(p: &Pattern, facts: &Facts, hits: &mut Vec<Hit>) {
    for e in &facts.entries {
        if p.entry
            .iter()
            .any(|g| glob::matches(g, &e.path) || glob::matches_prefixed("*.", g, &e.path))
            && value_matches(p.is.as_ref(), Some(&e.value), "")
        {
            hits.push(Hit::at(e.span));
        }
    }
}
