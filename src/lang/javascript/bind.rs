//! Pass 1: what every name in every scope is bound to (`const`/`let`/`var` declarations,
//! destructuring, parameters, catch and loop variables), with every name assigned after its
//! declaration marked as not a constant.

use super::eval::property_name;
use super::{opens_scope, Binding, Lowerer};
use crate::lang::flat::Node;
use crate::lang::scope::ScopeId;
use crate::lang::tree::{fields, names_under, Visit};

impl<'t> Lowerer<'t> {
    pub(super) fn bind(&mut self, root: Node<'t>) {
        let mut reassigned: Vec<(ScopeId, String)> = Vec::new();
        // Statement-level `name = value` assignments, by assignment node, to tell an implicit
        // global assigned once from a reassigned variable.
        let mut plain: Vec<(usize, Node<'t>)> = Vec::new();
        let mut stack = vec![(root, 0)];
        while let Some((node, scope)) = stack.pop() {
            let kind = node.kind();
            let mut inner = scope;
            if opens_scope(kind) {
                let id = self.scopes.open(scope, ());
                self.opened.insert(node.id(), id);
                inner = id;
            }
            match kind {
                "function_declaration" | "generator_function_declaration" => {
                    if let Some(name) = node.child_by_field_name("name") {
                        let name = self.text(name);
                        self.define(scope, name, Binding::Other);
                    }
                    self.bind_params(node, inner);
                }
                "function_expression"
                | "function"
                | "generator_function"
                | "arrow_function"
                | "method_definition" => {
                    if kind != "method_definition" {
                        if let Some(name) = node.child_by_field_name("name") {
                            let name = self.text(name);
                            self.define(inner, name, Binding::Other);
                        }
                    }
                    self.bind_params(node, inner);
                }
                "class_declaration" | "abstract_class_declaration" => {
                    if let Some(name) = node.child_by_field_name("name") {
                        let name = self.text(name);
                        self.define(scope, name, Binding::Other);
                    }
                }
                "variable_declarator" => self.bind_declarator(node, scope),
                "import_statement" => self.bind_import(node, scope),
                "assignment_expression" | "augmented_assignment_expression" => {
                    if let Some(left) = node.child_by_field_name("left") {
                        if left.kind() == "identifier" {
                            if kind == "assignment_expression"
                                && node
                                    .parent()
                                    .is_some_and(|p| p.kind() == "expression_statement")
                            {
                                plain.push((reassigned.len(), node));
                            }
                            reassigned.push((scope, self.text(left).to_string()));
                        } else if matches!(left.kind(), "object_pattern" | "array_pattern") {
                            for name in pattern_identifiers(left, self.src) {
                                reassigned.push((scope, name));
                            }
                        }
                    }
                }
                "update_expression" => {
                    if let Some(arg) = node.child_by_field_name("argument") {
                        if arg.kind() == "identifier" {
                            reassigned.push((scope, self.text(arg).to_string()));
                        }
                    }
                }
                "for_in_statement" => {
                    self.define_unknown(inner, node.child_by_field_name("left"));
                }
                "catch_clause" => {
                    self.define_unknown(inner, node.child_by_field_name("parameter"));
                }
                _ => {}
            }
            let children: Vec<_> = node.named_children().collect();
            for child in children.into_iter().rev() {
                stack.push((child, inner));
            }
        }
        // A reassigned name is not a constant where it was declared. A name declared nowhere
        // and assigned once, as a statement, is an implicit global known after it.
        let mut once: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
        for (scope, name) in &reassigned {
            if self.lookup(name, *scope).is_none() {
                *once.entry(name.as_str()).or_default() += 1;
            }
        }
        let mut plain = plain.into_iter().peekable();
        let mut bindings = Vec::with_capacity(reassigned.len());
        for (i, (scope, name)) in reassigned.iter().enumerate() {
            let assignment = match plain.peek() {
                Some(&(at, node)) if at == i => {
                    plain.next();
                    Some(node)
                }
                _ => None,
            };
            let binding = match (assignment, once.get(name.as_str())) {
                (Some(node), Some(1)) => match node.child_by_field_name("right") {
                    Some(value) => Binding::Undeclared {
                        value,
                        scope: *scope,
                        end: node.end_byte(),
                    },
                    None => Binding::Other,
                },
                _ => Binding::Other,
            };
            bindings.push(binding);
        }
        for ((scope, name), binding) in reassigned.into_iter().zip(bindings) {
            let defining = self.lookup(&name, scope).map(|(s, _)| s).unwrap_or(0);
            self.define(defining, &name, binding);
        }
    }

    pub(super) fn bind_params(&mut self, node: Node<'t>, scope: ScopeId) {
        let params = node
            .child_by_field_name("parameters")
            .or_else(|| node.child_by_field_name("parameter"));
        if let Some(params) = params {
            self.scopes
                .define_all(scope, pattern_identifiers(params, self.src), Binding::Other);
        }
    }

    pub(super) fn bind_declarator(&mut self, node: Node<'t>, scope: ScopeId) {
        let Some(name) = node.child_by_field_name("name") else {
            return;
        };
        let value = node.child_by_field_name("value");
        match (name.kind(), value) {
            ("identifier", Some(value)) => {
                let name = self.text(name);
                self.define(scope, name, Binding::Assign(value));
            }
            ("object_pattern", Some(value)) => {
                let props: Vec<_> = name.named_children().collect();
                for prop in props {
                    match prop.kind() {
                        "shorthand_property_identifier_pattern" => {
                            let n = self.text(prop);
                            self.define(scope, n, Binding::Member(value, n.to_string()));
                        }
                        "pair_pattern" => {
                            let Some([key, target]) = fields(prop, ["key", "value"]) else {
                                continue;
                            };
                            let key = property_name(key, self.src);
                            if target.kind() == "identifier" {
                                let t = self.text(target);
                                match key {
                                    Some(k) => self.define(scope, t, Binding::Member(value, k)),
                                    None => self.define(scope, t, Binding::Other),
                                }
                            } else {
                                self.scopes.define_all(
                                    scope,
                                    pattern_identifiers(target, self.src),
                                    Binding::Other,
                                );
                            }
                        }
                        _ => {
                            self.scopes.define_all(
                                scope,
                                pattern_identifiers(prop, self.src),
                                Binding::Other,
                            );
                        }
                    }
                }
            }
            _ => {
                self.scopes
                    .define_all(scope, pattern_identifiers(name, self.src), Binding::Other);
            }
        }
    }

    /// Binds every name the pattern binds (when there is one) to what is not known statically.
    pub(super) fn define_unknown(&mut self, scope: ScopeId, pattern: Option<Node<'t>>) {
        if let Some(p) = pattern {
            let names = pattern_identifiers(p, self.src);
            self.scopes.define_all(scope, names, Binding::Other);
        }
    }

    pub(super) fn lookup(&self, name: &str, scope: ScopeId) -> Option<(ScopeId, &[Binding<'t>])> {
        self.scopes.bindings_where(name, scope, |_, _| true)
    }
}

/// Every identifier a parameter list or binding pattern binds (skipping defaults and types).
pub(super) fn pattern_identifiers<'t>(node: Node<'t>, src: &str) -> Vec<String> {
    let only = |child: Option<Node<'t>>| child.map(Visit::Only).unwrap_or(Visit::Skip);
    names_under(node, src, |n| match n.kind() {
        "identifier" | "shorthand_property_identifier_pattern" => Visit::Take,
        "assignment_pattern" | "object_assignment_pattern" => only(n.child_by_field_name("left")),
        "pair_pattern" => only(n.child_by_field_name("value")),
        "required_parameter" | "optional_parameter" => only(n.child_by_field_name("pattern")),
        "type_annotation"
        | "member_expression"
        | "subscript_expression"
        | "decorator"
        | "accessibility_modifier"
        | "this" => Visit::Skip,
        _ => Visit::Children,
    })
}
