//! `assign = [...]`: assignments to a named place, tested on the assigned value.

use super::value_matches;
use crate::facts::Facts;
use crate::lint::catalog::Pattern;
use crate::lint::{glob, index::NameIndex, Hit};

pub fn matches(p: &Pattern, facts: &Facts, index: &NameIndex, hits: &mut Vec<Hit>) {
    for i in index.candidates(&p.assign) {
        let a = &facts.assigns[i];
        if glob::any(&p.assign, &a.target) && value_matches(p.is.as_ref(), Some(&a.value), "") {
            hits.push(Hit::at(a.span));
        }
    }
}
