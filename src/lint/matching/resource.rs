//! `resource = [...]`: infrastructure resources (Terraform blocks, CloudFormation resources,
//! Kubernetes objects), tested on an attribute. A missing attribute stands for the provider's
//! default, so `is = { absent = true }` reports its absence at the deepest block of the path
//! that is there.

use super::value_matches;
use crate::facts::{Node, NodeKind, Resource, Span, Value};
use crate::lang::Lowered;
use crate::lint::catalog::{AttrPath, Condition, Pattern};
use crate::lint::{glob, Hit};

/// Deepest `Fn::If` nesting followed.
const MAX_BRANCH_DEPTH: usize = 16;

/// A file's resources by type: a Terraform module meets hundreds of resource patterns, and
/// matching each pattern's type globs against every resource was most of a scan.
/// A file declares a handful of distinct types, so a short list compared by string beats
/// hashing each pattern's types.
pub struct TypeIndex<'f> {
    by_type: Vec<(&'f str, Vec<usize>)>,
}

impl<'f> TypeIndex<'f> {
    pub fn new(resources: &'f [Resource]) -> Self {
        let mut by_type: Vec<(&str, Vec<usize>)> = Vec::new();
        for (i, r) in resources.iter().enumerate() {
            match by_type.iter_mut().find(|(k, _)| *k == r.kind) {
                Some((_, list)) => list.push(i),
                None => by_type.push((r.kind.as_str(), vec![i])),
            }
        }
        TypeIndex { by_type }
    }

    /// The resources of `types` (globs), in file order.
    fn of<'r>(&self, types: &[String], resources: &'r [Resource]) -> Vec<&'r Resource> {
        if types.iter().any(|t| t.contains('*')) {
            return resources
                .iter()
                .filter(|r| glob::any(types, &r.kind))
                .collect();
        }
        let mut lists = self
            .by_type
            .iter()
            .filter(|(k, _)| types.iter().any(|t| t == k))
            .map(|(_, list)| list);
        let Some(first) = lists.next() else {
            return Vec::new();
        };
        let mut found: Vec<usize> = first.clone();
        let several = lists.fold(false, |_, list| {
            found.extend(list);
            true
        });
        if several {
            found.sort_unstable();
        }
        found.into_iter().map(|i| &resources[i]).collect()
    }
}

pub fn matches(
    p: &Pattern,
    file: &Lowered,
    unit: &[Lowered],
    index: &TypeIndex,
    hits: &mut Vec<Hit>,
) {
    let candidates = index.of(&p.resource, &file.facts.resources);
    // Most files hold no resource of the pattern's types: answer that before reading the unit.
    if candidates.is_empty() {
        return;
    }
    let unit_declares = |types: &[String]| unit_resources(unit).any(|r| glob::any(types, &r.kind));
    if !p.unit_has.is_empty() && !unit_declares(&p.unit_has) {
        return;
    }
    if !p.unless_unit_has.is_empty() && unit_declares(&p.unless_unit_has) {
        return;
    }
    let src = file.src.text.as_str();
    for r in candidates {
        if !p.when.iter().all(|c| condition(c, r, Quantifier::Every)) {
            continue;
        }
        if p.unless.iter().any(|c| condition(c, r, Quantifier::Some)) {
            continue;
        }
        hits.extend(test(p, r, src));
    }
}

fn unit_resources(unit: &[Lowered]) -> impl Iterator<Item = &Resource> {
    unit.iter().flat_map(|f| f.facts.resources.iter())
}

/// The resource's first value at one of the pattern's paths that passes its test; or, when
/// none of the paths is there, the place of the missing attribute if absence is the test.
fn test(p: &Pattern, r: &Resource, src: &str) -> Option<Hit> {
    let mut present = false;
    for path in &p.attr.0 {
        for node in r.body.all_at(&path.0) {
            present = true;
            let Some(t) = &p.is else {
                return Some(Hit::at(node.span));
            };
            let bad = possible_values(node).into_iter().find(|b| passes(t, b));
            if let Some(b) = bad {
                return Some(Hit::at(b.span));
            }
        }
    }
    if present || p.attr.0.is_empty() {
        return p.attr.0.is_empty().then(|| Hit::at(r.header));
    }
    let absent_is_bad = p.is.as_ref().is_some_and(|t| t.absent == Some(true));
    absent_is_bad.then(|| Hit::at(missing_at(r, &p.attr.0[0], src)))
}

#[derive(Clone, Copy)]
enum Quantifier {
    /// A precondition holds only when every value the attribute may take passes.
    Every,
    /// An exemption holds when any value it may take passes.
    Some,
}

fn condition(c: &Condition, r: &Resource, q: Quantifier) -> bool {
    let Some(path) = &c.attr else { return false };
    let nodes = r.body.all_at(&path.0);
    if nodes.is_empty() {
        return value_matches(Some(&c.is), None, "");
    }
    let mut values = nodes.into_iter().flat_map(possible_values);
    match q {
        Quantifier::Every => values.all(|v| passes(&c.is, v)),
        Quantifier::Some => values.any(|v| passes(&c.is, v)),
    }
}

/// A block or map is a present value that is no scalar: presence tests pass on it, value tests
/// do not.
fn passes(t: &crate::lint::catalog::ValueTest, node: &Node) -> bool {
    let value = node.scalar().unwrap_or(&Value::Unknown);
    let text = value.as_text().unwrap_or("");
    value_matches(Some(t), Some(value), text)
}

/// The values a property can take: CloudFormation's `Fn::If` gives both branches.
pub fn possible_values(node: &Node) -> Vec<&Node> {
    let mut out = Vec::new();
    let mut stack = vec![(node, 0)];
    while let Some((n, depth)) = stack.pop() {
        let only_key = matches!(&n.kind, NodeKind::Map(e) if e.len() == 1);
        match n.get("Fn::If") {
            Some(Node {
                kind: NodeKind::List(items),
                ..
            }) if items.len() == 3 && depth < MAX_BRANCH_DEPTH && only_key => {
                stack.push((&items[2], depth + 1));
                stack.push((&items[1], depth + 1));
            }
            _ => out.push(n),
        }
    }
    out
}

/// Where a finding about a missing attribute points: the first line of the deepest block on
/// the path that exists, the resource header when none does.
fn missing_at(r: &Resource, path: &AttrPath, src: &str) -> Span {
    let mut node = &r.body;
    let mut deepest: Option<&Node> = None;
    for key in &path.0 {
        let Some(child) = node.elements().into_iter().find_map(|n| n.get(key)) else {
            break;
        };
        let Some(first) = child.elements().into_iter().next() else {
            break;
        };
        if !matches!(first.kind, NodeKind::Map(_)) {
            break;
        }
        deepest = Some(first);
        node = first;
    }
    match deepest {
        Some(n) => first_line(n.span, src),
        None => r.header,
    }
}

fn first_line(span: Span, src: &str) -> Span {
    let end = src
        .get(span.start..span.end)
        .and_then(|s| s.find('\n'))
        .map(|i| span.start + i)
        .unwrap_or(span.end);
    let trimmed = src
        .get(span.start..end)
        .map(|s| s.trim_end().len())
        .unwrap_or(0);
    Span::new(span.start, span.start + trimmed)
}
