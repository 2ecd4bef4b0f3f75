//! Pass 1: what every name in every scope is bound to (definitions, assignments, `with ... as`,
//! `self.x` in methods), and the Python lookup rule over those bindings.

use super::{push_children, Binding, Lowerer, ScopeKind};
use crate::lang::flat::Node;
use crate::lang::scope::ScopeId;
use crate::lang::tree::{names_under, Visit};

impl<'t> Lowerer<'t> {
    pub(super) fn bind(&mut self, root: Node<'t>) {
        let mut stack = vec![(root, 0)];
        while let Some((node, scope)) = stack.pop() {
            let mut inner = scope;
            match node.kind() {
                "function_definition" | "lambda" => {
                    if let Some(name) = node.child_by_field_name("name") {
                        let name = self.text(name);
                        let binding = match node.kind() {
                            "function_definition" => Binding::Function(node),
                            _ => Binding::Other,
                        };
                        self.define(scope, name, binding);
                    }
                    inner = self.open_scope(node, ScopeKind::Function, scope);
                    if self.scopes.kind(scope) == ScopeKind::Class {
                        self.self_class.insert(inner, scope);
                    }
                    let parameters = node.child_by_field_name("parameters");
                    if node.kind() == "function_definition" {
                        self.bind_parameters(inner, node, parameters);
                    } else {
                        self.define_unknown(inner, parameters);
                    }
                }
                "call" => {
                    if let Some(function) = node.child_by_field_name("function") {
                        let last = match function.kind() {
                            "identifier" => Some(function),
                            "attribute" => function.child_by_field_name("attribute"),
                            _ => None,
                        };
                        if let Some(last) = last {
                            let name = self.text(last);
                            self.calls.entry(name).or_default().push((node, scope));
                        }
                    }
                }
                "class_definition" => {
                    inner = self.open_scope(node, ScopeKind::Class, scope);
                    if let Some(name) = node.child_by_field_name("name") {
                        let name = self.text(name);
                        self.define(scope, name, Binding::Class(inner));
                        self.class_names.insert(inner, name);
                    }
                    if let Some(bases) = node.child_by_field_name("superclasses") {
                        for base in bases.named_children() {
                            let last = base.child_by_field_name("attribute").unwrap_or(base);
                            self.base_names.push(self.text(last));
                        }
                    }
                }
                "import_statement" => self.bind_import(node, scope),
                "import_from_statement" => self.bind_from_import(node, scope),
                "assignment" => self.bind_assignment(node, scope),
                "augmented_assignment" | "for_statement" | "for_in_clause" | "named_expression" => {
                    let target = node
                        .child_by_field_name("left")
                        .or_else(|| node.child_by_field_name("name"));
                    if let Some(target) = target {
                        self.define_unknown_names(scope, identifiers_in(target, self.src));
                        if target.kind() == "attribute" {
                            self.bind_self_attribute(target, None, scope);
                        }
                    }
                }
                "global_statement" => {
                    // Later assignments in this function bind the module's names.
                    let names: Vec<&'t str> = node
                        .named_children()
                        .filter(|n| n.kind() == "identifier")
                        .map(|n| self.text(n))
                        .collect();
                    self.globals.entry(scope).or_default().extend(names);
                }
                "nonlocal_statement" => {
                    self.scopes
                        .define_all(0, identifiers_in(node, self.src), Binding::Other);
                }
                "as_pattern" => {
                    // `with X as y` and `except E as y`.
                    let value = node.named_child(0);
                    if let Some(alias) = node.child_by_field_name("alias") {
                        let in_with = node.parent().is_some_and(|p| p.kind() == "with_item");
                        for name in identifiers_in(alias, self.src) {
                            let binding = match (in_with, value) {
                                (true, Some(v)) => Binding::With(v),
                                _ => Binding::Other,
                            };
                            self.define(scope, &name, binding);
                        }
                    }
                }
                _ => {}
            }
            push_children(&mut stack, node, scope, inner);
        }
    }

    pub(super) fn bind_assignment(&mut self, node: Node<'t>, scope: ScopeId) {
        let Some(left) = node.child_by_field_name("left") else {
            return;
        };
        let right = node.child_by_field_name("right");
        match (left.kind(), right) {
            ("identifier", Some(right)) if right.kind() != "assignment" => {
                let name = self.text(left);
                self.define(scope, name, Binding::Assign(right));
            }
            ("identifier", None) => {}
            ("attribute", _) => self.bind_self_attribute(left, right, scope),
            ("pattern_list" | "tuple_pattern", Some(right))
                if matches!(right.kind(), "expression_list" | "tuple")
                    && left.named_child_count() == right.named_child_count()
                    && left.named_children().all(|n| n.kind() == "identifier") =>
            {
                // `key, iv = b"...", b"..."`: each name gets its own element.
                for (name, value) in left.named_children().zip(right.named_children()) {
                    let name = self.text(name);
                    self.define(scope, name, Binding::Assign(value));
                }
            }
            _ => {
                self.define_unknown_names(scope, identifiers_in(left, self.src));
            }
        }
        // `a = b = value`: every target gets the value.
        if let Some(right) = right {
            if right.kind() == "assignment" {
                if let Some(value) = last_assignment_value(right) {
                    if left.kind() == "identifier" {
                        let name = self.text(left);
                        self.define(scope, name, Binding::Assign(value));
                    }
                }
            }
        }
    }

    /// `self.x = value` inside a method binds `self.x` in the class.
    pub(super) fn bind_self_attribute(
        &mut self,
        target: Node<'t>,
        value: Option<Node<'t>>,
        scope: ScopeId,
    ) {
        let Some(object) = target.child_by_field_name("object") else {
            return;
        };
        if self.text(object) != "self" {
            return;
        }
        let Some(class) = self.self_class.get(&scope).copied() else {
            return;
        };
        let name = format!(
            "self.{}",
            self.text(target.child_by_field_name("attribute").unwrap_or(target))
        );
        let binding = value.map(Binding::Assign).unwrap_or(Binding::Other);
        self.define(class, &name, binding);
    }

    /// Binds a function's parameters: those with a default to [`Binding::Param`], the others
    /// to what is not known statically.
    fn bind_parameters(&mut self, scope: ScopeId, function: Node<'t>, params: Option<Node<'t>>) {
        let Some(params) = params else {
            return;
        };
        let mut index = Some(0);
        for param in params.named_children() {
            let position = index;
            match param.kind() {
                "default_parameter" | "typed_default_parameter" => {
                    let name = param.child_by_field_name("name");
                    let default = param.child_by_field_name("value");
                    match (name, default) {
                        (Some(name), Some(default)) if name.kind() == "identifier" => {
                            let binding = Binding::Param {
                                function,
                                index: position,
                                default: Some(default),
                            };
                            self.define(scope, self.text(name), binding);
                        }
                        _ => self.define_unknown(scope, Some(param)),
                    }
                }
                "list_splat_pattern" | "keyword_separator" => {
                    // After `*args` or `*`, parameters are keyword-only.
                    self.define_unknown(scope, Some(param));
                    index = None;
                    continue;
                }
                "positional_separator" | "comment" => continue,
                "identifier" | "typed_parameter" => {
                    let name = match param.kind() {
                        "identifier" => Some(param),
                        _ => param.named_child(0).filter(|n| n.kind() == "identifier"),
                    };
                    match name {
                        Some(name) => {
                            let binding = Binding::Param {
                                function,
                                index: position,
                                default: None,
                            };
                            self.define(scope, self.text(name), binding);
                        }
                        None => self.define_unknown(scope, Some(param)),
                    }
                }
                _ => self.define_unknown(scope, Some(param)),
            }
            index = index.map(|i| i + 1);
        }
    }

    /// Binds every name the pattern binds (when there is one) to what is not known statically.
    pub(super) fn define_unknown(&mut self, scope: ScopeId, pattern: Option<Node<'t>>) {
        if let Some(p) = pattern {
            let names = identifiers_in(p, self.src);
            self.define_unknown_names(scope, names);
        }
    }

    /// The binding visible for `name` from `scope`, Python style: class bodies are not visible
    /// from the functions inside them.
    pub(super) fn lookup(&self, name: &str, scope: ScopeId) -> Option<(ScopeId, &[Binding<'t>])> {
        self.scopes
            .bindings_where(name, scope, |kind, own| own || kind != ScopeKind::Class)
    }
}

/// Every identifier bound by a target or parameter list (skipping defaults and annotations).
pub(super) fn identifiers_in(node: Node, src: &str) -> Vec<String> {
    names_under(node, src, |n| match n.kind() {
        "identifier" => Visit::Take,
        "default_parameter" | "typed_default_parameter" | "typed_parameter" => {
            match n.child_by_field_name("name").or_else(|| n.named_child(0)) {
                Some(name) => Visit::Only(name),
                None => Visit::Skip,
            }
        }
        "attribute" | "subscript" | "type" => Visit::Skip,
        _ => Visit::Children,
    })
}

pub(super) fn last_assignment_value(mut node: Node) -> Option<Node> {
    for _ in 0..64 {
        let right = node.child_by_field_name("right")?;
        if right.kind() != "assignment" {
            return Some(right);
        }
        node = right;
    }
    None
}
