//! `call = [...]`: calls and constructor invocations, tested on an argument (by keyword,
//! position or options-object key) or on the call as a whole.

use super::value_matches;
use crate::facts::{Call, Facts};
use crate::lint::catalog::{Condition, Pattern, ValueTest};
use crate::lint::{glob, index::NameIndex, Hit};

pub fn matches(p: &Pattern, facts: &Facts, index: &NameIndex, hits: &mut Vec<Hit>) {
    for i in index.candidates(&p.call) {
        let call = &facts.calls[i];
        if glob::any(&p.call, &call.callee) {
            if let Some(hit) = match_call(p, call) {
                hits.push(hit);
            }
        }
    }
}

fn match_call(p: &Pattern, call: &Call) -> Option<Hit> {
    // An argument hidden in `**kwargs` might be the one a pattern says is missing.
    if call.has_opaque_args() && tests_absence(p) {
        return None;
    }
    if !p.when.iter().all(|c| condition_holds(c, call)) {
        return None;
    }
    if p.unless.iter().any(|c| condition_holds(c, call)) {
        return None;
    }
    if p.arg.is_none() && p.pos.is_none() {
        return value_matches(p.is.as_ref(), None, "").then(|| Hit::at(call.span));
    }
    match call.arg(p.arg.as_deref(), p.pos) {
        Some(found) => {
            let ok = value_matches(p.is.as_ref(), Some(&found.value), &found.arg.text);
            ok.then(|| Hit::at(found.arg.span))
        }
        None => value_matches(p.is.as_ref(), None, "").then(|| Hit::at(call.span)),
    }
}

fn tests_absence(p: &Pattern) -> bool {
    let absent = |t: &ValueTest| t.absent.is_some();
    p.is.as_ref().is_some_and(absent) || p.when.iter().chain(&p.unless).any(|c| absent(&c.is))
}

fn condition_holds(c: &Condition, call: &Call) -> bool {
    match call.arg(c.arg.as_deref(), c.pos) {
        Some(found) => value_matches(Some(&c.is), Some(&found.value), &found.arg.text),
        None => value_matches(Some(&c.is), None, ""),
    }
}
