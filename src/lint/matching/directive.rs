//! `directive = [...]`: directives of line- and block-oriented configs, tested on their
//! arguments joined by spaces.

use super::value_matches;
use crate::facts::{Facts, Value};
use crate::lint::catalog::Pattern;
use crate::lint::{glob, Hit};

pub fn matches(p: &Pattern, facts: &Facts, hits: &mut Vec<Hit>) {
    for d in &facts.directives {
        let named = p.directive.iter().any(|n| n.eq_ignore_ascii_case(&d.name));
        let in_section = p
            .section
            .as_ref()
            .is_none_or(|s| glob::matches(s, &d.section));
        if !named || !in_section {
            continue;
        }
        let text = d
            .args
            .iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if value_matches(p.is.as_ref(), Some(&Value::Str(text.clone())), &text) {
            hits.push(Hit::at(d.span));
        }
    }
}
