//! Pattern matching, one module per subject: a pattern names one kind of fact (a call, an
//! assignment, an entry, an environment variable, a command, a directive, a resource) and its
//! module walks the file's facts of that kind. Value tests are shared by all of them.

mod assign;
mod call;
mod command;
mod directive;
mod entry;
mod env;
pub mod resource;
mod value;

pub use resource::possible_values;
pub use value::{canonical, canonical_toml, value_matches};

use super::catalog::Pattern;
use super::{checks, index, CheckCtx, Hit};
use crate::lang::Lowered;

/// The file's callees and assignment targets indexed by first and last segment (see
/// [`index`]), each built when a pattern first needs it.
#[derive(Default)]
pub struct FactNames<'f> {
    calls: std::cell::OnceCell<index::NameIndex<'f>>,
    assigns: std::cell::OnceCell<index::NameIndex<'f>>,
    resources: std::cell::OnceCell<resource::TypeIndex<'f>>,
}

/// Every place in `file` where `p` matches. `unit` is the file's unit (a Terraform module's
/// files; the file alone elsewhere), for checks and resource conditions that look beyond it.
pub fn match_pattern<'f>(
    p: &Pattern,
    check: Option<&(checks::CheckFn, checks::Params)>,
    file: &'f Lowered,
    unit: &[Lowered],
    names: &FactNames<'f>,
    scan: &super::Scan,
) -> Vec<Hit> {
    // `Linter::new` resolved the pattern's check (an unknown one is an error there).
    if let Some((check, params)) = check {
        return check(&CheckCtx {
            file,
            scan,
            unit,
            pattern: p,
            params: params.as_ref(),
        });
    }
    let facts = &file.facts;
    let mut hits = Vec::new();
    if !p.call.is_empty() {
        let index = names
            .calls
            .get_or_init(|| index::NameIndex::new(facts.calls.iter().map(|c| c.callee.as_str())));
        call::matches(p, facts, index, &mut hits);
    }
    if !p.assign.is_empty() {
        let index = names
            .assigns
            .get_or_init(|| index::NameIndex::new(facts.assigns.iter().map(|a| a.target.as_str())));
        assign::matches(p, facts, index, &mut hits);
    }
    if !p.entry.is_empty() {
        entry::matches(p, facts, &mut hits);
    }
    if !p.env.is_empty() {
        env::matches(p, facts, &mut hits);
    }
    if !p.command.is_empty() {
        command::matches(p, facts, &mut hits);
    }
    if !p.directive.is_empty() {
        directive::matches(p, facts, &mut hits);
    }
    if !p.resource.is_empty() {
        let index = names
            .resources
            .get_or_init(|| resource::TypeIndex::new(&facts.resources));
        resource::matches(p, file, unit, index, &mut hits);
    }
    hits
}
