//! CloudFormation (and the `resources.Resources` fragment of a Serverless Framework file):
//! `Parameters` defaults substituted for `Ref`s, `Fn::FindInMap` looked up in `Mappings`,
//! `Fn::Sub` and `Fn::Join` of known parts folded into strings, and one `Resource` per entry of `Resources` (kind = the
//! `Type`, name = the logical id, body = `Properties`, header = the logical-id key). `Fn::If`
//! stays in the tree with both branches resolved, so checks can look at each branch.

use std::collections::HashMap;

use super::{Doc, Pair, Style, YKind, MAX_DEPTH, Y};
use crate::facts::{Facts, Resource, Span, Value, UNKNOWN_PART};

/// A mapping with a single `Ref` / `Fn::*` / `Condition` key: an intrinsic function.
pub(crate) fn is_intrinsic(y: &Y) -> bool {
    match &y.kind {
        YKind::Map(pairs) if pairs.len() == 1 => {
            let k = pairs[0].key.as_str();
            k == "Ref" || k == "Condition" || k.starts_with("Fn::")
        }
        _ => false,
    }
}

/// Substitutes parameter defaults and folds constant `Fn::Sub`/`Fn::Join` in the template.
pub(crate) fn resolve(root: &mut Y) {
    let mut params: HashMap<String, Y> = HashMap::new();
    if let Some(ps) = root.get("Parameters") {
        for p in ps.pairs() {
            if let Some(d) = p.value.get("Default") {
                if matches!(d.kind, YKind::Scalar(..)) {
                    params.insert(p.key.clone(), d.clone());
                }
            }
        }
    }
    let ctx = Ctx {
        params,
        mappings: root.get("Mappings").cloned(),
    };
    if let YKind::Map(pairs) = &mut root.kind {
        for p in pairs
            .iter_mut()
            .filter(|p| p.key != "Parameters" && p.key != "Mappings")
        {
            resolve_node(&mut p.value, &ctx, 0);
        }
    }
}

/// What intrinsic functions are resolved against: parameter defaults and the `Mappings`.
struct Ctx {
    params: HashMap<String, Y>,
    mappings: Option<Y>,
}

fn resolve_node(y: &mut Y, ctx: &Ctx, depth: usize) {
    let params = &ctx.params;
    if depth > MAX_DEPTH {
        return;
    }
    match &mut y.kind {
        YKind::Scalar(..) => return,
        YKind::List(items) => {
            for i in items {
                resolve_node(i, ctx, depth + 1);
            }
            return;
        }
        YKind::Map(pairs) => {
            for p in pairs.iter_mut() {
                resolve_node(&mut p.value, ctx, depth + 1);
            }
        }
    }
    if !is_intrinsic(y) {
        return;
    }
    let YKind::Map(pairs) = &y.kind else { return };
    let (func, arg) = (pairs[0].key.as_str(), &pairs[0].value);
    let folded = match func {
        "Ref" => arg
            .text()
            .and_then(|name| params.get(&name))
            .and_then(|d| d.value().cloned()),
        "Fn::Sub" => {
            let (template, vars) = match &arg.kind {
                YKind::List(items) if !items.is_empty() => (items[0].text(), items.get(1)),
                _ => (arg.text(), None),
            };
            template.map(|t| substitute(&t, params, vars))
        }
        "Fn::Join" => join(arg),
        "Fn::FindInMap" => {
            let keys: Vec<String> = arg.items().iter().take(3).filter_map(Y::text).collect();
            match (&ctx.mappings, keys.as_slice()) {
                (Some(m), [map, top, second]) => m
                    .get(map)
                    .and_then(|t| t.get(top))
                    .and_then(|t| t.get(second))
                    .and_then(|v| v.value().cloned()),
                _ => None,
            }
        }
        _ => None,
    };
    if let Some(v) = folded {
        *y = Y {
            kind: YKind::Scalar(v, Style::None),
            span: y.span,
        };
    }
}

/// `${Name}` replaced by a parameter default or a given variable; anything else unknown.
fn substitute(template: &str, params: &HashMap<String, Y>, vars: Option<&Y>) -> Value {
    let mut out = String::new();
    let mut rest = template;
    let mut partial = false;
    while let Some(i) = rest.find("${") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        if let Some(lit) = after.strip_prefix('!') {
            out.push_str("${");
            rest = lit;
            continue;
        }
        let Some(end) = after.find('}') else {
            out.push_str(&rest[i..]);
            rest = "";
            break;
        };
        let name = &after[..end];
        let known = vars
            .and_then(|v| v.get(name))
            .and_then(Y::text)
            .or_else(|| params.get(name).and_then(Y::text));
        match known {
            Some(t) => out.push_str(&t),
            None => {
                out.push(UNKNOWN_PART);
                partial = true;
            }
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    if partial {
        Value::Partial(out)
    } else {
        Value::Str(out)
    }
}

fn join(arg: &Y) -> Option<Value> {
    let items = arg.items();
    let sep = items.first()?.text()?;
    let parts = items.get(1)?.items();
    let mut texts = Vec::new();
    let mut partial = false;
    for p in parts {
        match p.value() {
            Some(Value::Partial(s)) => {
                partial = true;
                texts.push(s.clone());
            }
            Some(_) => texts.push(p.text()?),
            None => {
                partial = true;
                texts.push(UNKNOWN_PART.to_string());
            }
        }
    }
    let s = texts.join(&sep);
    Some(if partial {
        Value::Partial(s)
    } else {
        Value::Str(s)
    })
}

/// One `Resource` per logical id under `Resources`.
pub(crate) fn lower(docs: &[Doc], facts: &mut Facts) {
    for doc in docs {
        // The Serverless Framework nests a CloudFormation fragment under `resources:`.
        let Some(resources) = doc
            .root
            .get("Resources")
            .or_else(|| doc.root.get("resources").and_then(|r| r.get("Resources")))
        else {
            continue;
        };
        for Pair {
            key,
            key_span,
            value,
        } in resources.pairs()
        {
            let Some(kind) = value.get("Type").and_then(Y::text) else {
                continue;
            };
            let body = match value.get("Properties") {
                Some(p) => p.to_node(),
                None => Y {
                    kind: YKind::Map(Vec::new()),
                    span: *key_span,
                }
                .to_node(),
            };
            facts.resources.push(Resource {
                kind,
                name: key.clone(),
                body,
                span: Span::new(key_span.start, value.span.end),
                header: *key_span,
            });
        }
    }
}
