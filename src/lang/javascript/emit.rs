//! Pass 2: facts (calls and `new`, member assignments and `process.env` writes, object
//! entries with their key paths) with names and values resolved through pass 1.

use super::eval::property_name;
use super::{Binding, Lowerer, MAX_EVAL_DEPTH};
use crate::facts::{Arg, Assign, Call, Entry, EnvSet, Facts, Span, Value};
use crate::lang::flat::Node;
use crate::lang::scope::ScopeId;
use crate::lang::tree::fields;
use crate::lang::ts::span;
use crate::lang::values::{capped, positional};

/// Longest argument text copied into a fact (see [`capped`]).
const ARG_TEXT_MAX: usize = 256;

impl<'t> Lowerer<'t> {
    pub(super) fn emit(&mut self, root: Node<'t>) -> Facts {
        let mut facts = Facts::default();
        // Each node carries the key path of the object entries around it (`ssl.ca`), so no
        // walk up the tree is needed (that walk is quadratic in the nesting).
        let mut stack = vec![(root, 0, String::new())];
        while let Some((node, scope, prefix)) = stack.pop() {
            let mut value_prefix = None;
            match node.kind() {
                "call_expression" | "new_expression" => self.emit_call(node, scope, &mut facts),
                "assignment_expression" => self.emit_assignment(node, scope, &mut facts),
                "jsx_opening_element" | "jsx_self_closing_element" => {
                    self.emit_element(node, scope, &mut facts)
                }
                "object" => self.emit_entries(node, scope, &prefix, &mut facts),
                "class_declaration" | "abstract_class_declaration" | "class" => {
                    self.emit_class(node, scope, &mut facts)
                }
                "pair" => {
                    let key = node
                        .child_by_field_name("key")
                        .and_then(|k| self.key_of(k, scope));
                    if let (Some(key), Some(value)) = (key, node.child_by_field_name("value")) {
                        let path = if prefix.is_empty() {
                            key
                        } else if prefix.matches('.').count() < 15 {
                            format!("{prefix}.{key}")
                        } else {
                            String::new()
                        };
                        value_prefix = Some((value.id(), path));
                    }
                }
                _ => {}
            }
            let passes_prefix = matches!(
                node.kind(),
                "object" | "parenthesized_expression" | "as_expression" | "satisfies_expression"
            );
            let inner = self.child_scope(node, scope);
            let children: Vec<_> = node.named_children().collect();
            for child in children.into_iter().rev() {
                let p = match &value_prefix {
                    Some((id, path)) if *id == child.id() => path.clone(),
                    _ if passes_prefix => prefix.clone(),
                    _ => String::new(),
                };
                stack.push((child, inner, p));
            }
        }
        facts
    }

    pub(super) fn emit_call(&mut self, node: Node<'t>, scope: ScopeId, facts: &mut Facts) {
        let Some((function, arguments)) = self.call_parts(node) else {
            return;
        };
        if matches!(function.kind(), "import" | "super") {
            return;
        }
        let callee = self.qualified(function, scope, 0);
        let args = match arguments {
            Some(list) => self.args(list, scope, 0),
            None => Vec::new(),
        };
        self.maybe_schema_record(&callee, node, arguments, scope, facts);
        facts.calls.push(Call {
            callee,
            args,
            span: span(node),
            callee_span: span(function),
        });
    }

    pub(super) fn args(&mut self, list: Node<'t>, scope: ScopeId, depth: usize) -> Vec<Arg> {
        let mut out = Vec::new();
        if list.kind() == "template_string" {
            // A tagged template: the template is the only argument.
            let value = self.eval(list, scope, depth + 1);
            let text = self.text(list).to_string();
            out.push(positional(Some(0), value, span(list), None, text));
            return out;
        }
        let mut index = Some(0usize);
        let children: Vec<_> = list.named_children().collect();
        for child in children {
            match child.kind() {
                "comment" => {}
                "spread_element" => index = None,
                _ => {
                    let value = self.eval(child, scope, depth + 1);
                    let origin = self.origin_of(child, scope);
                    let text = capped(self.text(child), ARG_TEXT_MAX).to_string();
                    out.push(positional(index, value, span(child), origin, text));
                    index = index.map(|i| i + 1);
                }
            }
        }
        out
    }

    pub(super) fn emit_assignment(&mut self, node: Node<'t>, scope: ScopeId, facts: &mut Facts) {
        let Some([left, right]) = fields(node, ["left", "right"]) else {
            return;
        };
        let (object, key) = match left.kind() {
            "member_expression" => {
                let Some([object, prop]) = fields(left, ["object", "property"]) else {
                    return;
                };
                (object, self.text(prop).to_string())
            }
            "subscript_expression" => {
                let Some([object, index]) = fields(left, ["object", "index"]) else {
                    return;
                };
                match self.eval(index, scope, 0) {
                    Value::Str(k) => (object, k),
                    _ => return,
                }
            }
            _ => return,
        };
        let object = self.qualified(object, scope, 0);
        let value = self.eval(right, scope, 0);
        if object == "process.env" {
            facts.envs.push(EnvSet {
                name: key,
                value,
                span: span(node),
            });
            return;
        }
        facts.assigns.push(Assign {
            target: format!("{object}.{key}"),
            value,
            span: span(node),
            value_span: span(right),
        });
    }

    pub(super) fn emit_entries(
        &mut self,
        node: Node<'t>,
        scope: ScopeId,
        prefix: &str,
        facts: &mut Facts,
    ) {
        let children: Vec<_> = node.named_children().collect();
        for child in children {
            let (key, value) = match child.kind() {
                "pair" => {
                    let Some([k, v]) = fields(child, ["key", "value"]) else {
                        continue;
                    };
                    let Some(key) = self.key_of(k, scope) else {
                        continue;
                    };
                    // A nested literal gets entries of its own: evaluating it in full here
                    // again would cost its size times its depth (API models in bundles).
                    let depth = match v.kind() {
                        "object" | "array" => MAX_EVAL_DEPTH - 2,
                        _ => 0,
                    };
                    (key, self.eval(v, scope, depth))
                }
                "shorthand_property_identifier" => {
                    let name = self.text(child);
                    (
                        name.to_string(),
                        self.resolve_identifier(name, scope, child.start_byte(), 0),
                    )
                }
                "method_definition" => {
                    let Some(name) = child.child_by_field_name("name") else {
                        continue;
                    };
                    let Some(key) = self.key_of(name, scope) else {
                        continue;
                    };
                    (key, self.function_value(child, scope))
                }
                _ => continue,
            };
            let path = if prefix.is_empty() {
                key.clone()
            } else {
                format!("{prefix}.{key}")
            };
            facts.entries.push(Entry {
                path,
                key,
                value,
                span: span(child),
            });
        }
    }

    pub(super) fn key_of(&mut self, key: Node<'t>, scope: ScopeId) -> Option<String> {
        match key.kind() {
            "computed_property_name" => match self.eval(key.named_child(0)?, scope, 0) {
                Value::Str(s) => Some(s),
                _ => None,
            },
            _ => property_name(key, self.src),
        }
    }

    /// Where a name's single declaration is, for pointing at a constant's definition.
    pub(super) fn origin_of(&self, node: Node, scope: ScopeId) -> Option<Span> {
        if !matches!(node.kind(), "identifier" | "shorthand_property_identifier") {
            return None;
        }
        match self.lookup(self.text(node), scope) {
            Some((_, [Binding::Assign(value)])) | Some((_, [Binding::Member(value, _)])) => {
                Some(span(*value))
            }
            _ => None,
        }
    }
}
