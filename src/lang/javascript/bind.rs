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
                        self.define(scope, name, Binding::Function(node));
                    }
                    self.own_this.insert(inner);
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
                    match kind {
                        "method_definition" => self.bind_method(node, scope, inner),
                        "arrow_function" => {}
                        _ => {
                            self.own_this.insert(inner);
                        }
                    }
                    self.bind_params(node, inner);
                }
                "field_definition" | "public_field_definition" => {
                    self.bind_field(node, scope);
                }
                "class_declaration" | "abstract_class_declaration" | "class" => {
                    self.bind_class(node, scope);
                }
                "variable_declarator" => self.bind_declarator(node, scope),
                "call_expression" => {
                    // Calls by plain name: `x.f(...)` calls some other `f`.
                    let callee = node.child_by_field_name("function");
                    if let Some(f) = callee.filter(|f| f.kind() == "identifier") {
                        let name = self.text(f);
                        self.calls.entry(name).or_default().push((node, scope));
                    }
                }
                "import_statement" => self.bind_import(node, scope),
                "assignment_expression" | "augmented_assignment_expression" => {
                    if let Some(left) = node.child_by_field_name("left") {
                        if left.kind() == "member_expression" {
                            self.bind_this_member(node, left, scope);
                        }
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
        // What a class binds may be overridden by a subclass in the file: not known.
        for (name, body) in std::mem::take(&mut self.class_bodies) {
            if self.base_names.contains(&name) {
                if let Some(scope) = self.opened.get(&body) {
                    self.overridden.insert(*scope);
                }
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
            // Each statement-level assignment of an undeclared name is known after it in its
            // block (see `reaching_binding`).
            let binding = match (assignment, once.get(name.as_str())) {
                (Some(node), Some(_)) => match node.child_by_field_name("right") {
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

    /// A class's name, and the names it extends (a subclass may override what it binds).
    fn bind_class(&mut self, node: Node<'t>, scope: ScopeId) {
        if let Some(name) = node.child_by_field_name("name") {
            let name = self.text(name);
            if node.kind() != "class" {
                self.define(scope, name, Binding::Other);
            }
            if let Some(body) = node.child_by_field_name("body") {
                self.class_bodies.push((name, body.id()));
            }
        }
        let heritage = node.named_children().find(|c| c.kind() == "class_heritage");
        if let Some(heritage) = heritage {
            let mut stack = vec![heritage];
            while let Some(n) = stack.pop() {
                match n.kind() {
                    "identifier" | "type_identifier" => self.base_names.push(self.text(n)),
                    "member_expression" => {
                        if let Some(p) = n.child_by_field_name("property") {
                            self.base_names.push(self.text(p));
                        }
                    }
                    "implements_clause" => {}
                    _ => stack.extend(n.named_children()),
                }
            }
        }
    }

    /// A method: its scope reads `this` as the class, and the class binds `this.name()`.
    fn bind_method(&mut self, node: Node<'t>, class: ScopeId, inner: ScopeId) {
        self.method_class.insert(inner, class);
        if let Some(name) = node.child_by_field_name("name") {
            let key = format!("this.{}()", self.text(name));
            self.define(class, &key, Binding::Function(node));
        }
    }

    /// `alg = "aes-256-gcm";` in a class body binds `this.alg`.
    fn bind_field(&mut self, node: Node<'t>, class: ScopeId) {
        let name = node
            .child_by_field_name("property")
            .or_else(|| node.child_by_field_name("name"));
        if let Some(name) = name {
            let key = format!("this.{}", self.text(name));
            let binding = match node.child_by_field_name("value") {
                Some(v) => Binding::Assign(v),
                None => Binding::Other,
            };
            self.define(class, &key, binding);
        }
    }

    /// `this.key = value` in a method (or an arrow inside one) binds `this.key` in the class.
    fn bind_this_member(&mut self, node: Node<'t>, left: Node<'t>, scope: ScopeId) {
        let Some([object, prop]) = fields(left, ["object", "property"]) else {
            return;
        };
        if object.kind() != "this" {
            return;
        }
        let Some(class) = self.this_class(scope) else {
            return;
        };
        let key = format!("this.{}", self.text(prop));
        let binding = match (node.kind(), node.child_by_field_name("right")) {
            ("assignment_expression", Some(v)) => Binding::Assign(v),
            _ => Binding::Other,
        };
        self.define(class, &key, binding);
    }

    /// The class body whose instance `this` is in `scope`: the method around it, through
    /// arrows and blocks but not through a function with its own `this`; none when a subclass
    /// in the file may override what the class binds.
    pub(super) fn this_class(&self, scope: ScopeId) -> Option<ScopeId> {
        let mut current = Some(scope);
        while let Some(s) = current {
            if let Some(class) = self.method_class.get(&s) {
                return (!self.overridden.contains(class)).then_some(*class);
            }
            if self.own_this.contains(&s) {
                return None;
            }
            current = self.scopes.parent(s);
        }
        None
    }

    pub(super) fn bind_params(&mut self, node: Node<'t>, scope: ScopeId) {
        let params = node
            .child_by_field_name("parameters")
            .or_else(|| node.child_by_field_name("parameter"));
        let Some(params) = params else {
            return;
        };
        let function = self.function_name(node);
        if params.kind() != "formal_parameters" || function.is_none() {
            self.scopes
                .define_all(scope, pattern_identifiers(params, self.src), Binding::Other);
            return;
        }
        let mut index = 0;
        for param in params.named_children() {
            // TypeScript wraps each parameter: `required_parameter` / `optional_parameter`.
            let (target, default) = match param.kind() {
                "comment" | "decorator" => continue,
                "identifier" => (param, None),
                "assignment_pattern" => match param.child_by_field_name("left") {
                    Some(left) => (left, param.child_by_field_name("right")),
                    None => (param, None),
                },
                "required_parameter" | "optional_parameter" => {
                    match param.child_by_field_name("pattern") {
                        Some(p) => (p, param.child_by_field_name("value")),
                        None => (param, None),
                    }
                }
                _ => (param, None),
            };
            match (target.kind(), function) {
                ("identifier", Some(function)) if param.kind() != "optional_parameter" => {
                    let binding = Binding::Param {
                        function,
                        index,
                        default,
                    };
                    self.define(scope, self.text(target), binding);
                }
                _ => {
                    let names = pattern_identifiers(param, self.src);
                    self.scopes.define_all(scope, names, Binding::Other);
                }
            }
            index += 1;
        }
    }

    /// The name a function is called by: its own, or the `const` it is assigned to. Methods
    /// and anonymous callbacks (called by a framework) have none.
    fn function_name(&self, node: Node<'t>) -> Option<&'t str> {
        match node.kind() {
            "function_declaration" => node.child_by_field_name("name").map(|n| self.text(n)),
            "arrow_function" | "function_expression" | "function" => {
                let declarator = node
                    .parent()
                    .filter(|p| p.kind() == "variable_declarator")?;
                let name = declarator.child_by_field_name("name")?;
                (name.kind() == "identifier").then(|| self.text(name))
            }
            _ => None,
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
