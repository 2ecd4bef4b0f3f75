//! Pass 1: imports, classes and their methods, and what every field, local and parameter is
//! bound to. Assignments are bound after the walk, in the scope that declares the name (a
//! field may be declared below the constructor that sets it).

use super::{is_class_body, opens_scope, Binding, CallSite, Lowerer, Method, ScopeKind};
use crate::lang::flat::Node;
use crate::lang::scope::ScopeId;

/// An assignment seen during the walk, bound once every declaration is known.
enum Pending<'t> {
    /// `name = value` (or `this.name = value` when `field`), `value: None` for `+=`, `++`.
    Set {
        scope: ScopeId,
        name: &'t str,
        field: bool,
        value: Option<Node<'t>>,
    },
    /// `name` is filled in place (an argument of a method, `name[i] = ..`).
    Filled { scope: ScopeId, name: &'t str },
    /// `name` is argument `index` of a call of `method`: filled unless the file declares
    /// that method (a receiver's type is not known yet, so by name and arity) and the
    /// parameter is not filled inside.
    Passed {
        scope: ScopeId,
        name: &'t str,
        method: &'t str,
        index: usize,
        argc: usize,
    },
}

/// Library methods that read their arguments and never write into them.
const READS_ONLY: &[&str] = &[
    "copyOf",
    "copyOfRange",
    "valueOf",
    "copyValueOf",
    "equals",
    "toString",
    "hashCode",
    "print",
    "println",
    "printf",
    "format",
    "encodeToString",
    "encode",
    "decode",
    "getByAddress",
    "getByName",
];

impl<'t> Lowerer<'t> {
    pub(super) fn bind(&mut self, root: Node<'t>) {
        let mut pending = Vec::new();
        let mut stack = vec![(root, 0)];
        while let Some((node, scope)) = stack.pop() {
            let kind = node.kind();
            let mut inner = scope;
            if opens_scope(kind) {
                let k = if is_class_body(kind) {
                    ScopeKind::Class
                } else {
                    ScopeKind::Other
                };
                inner = self.scopes.open(scope, k);
                self.opened.insert(node.id(), inner);
            }
            match kind {
                "import_declaration" => self.bind_import(node),
                "class_body" | "interface_body" | "enum_body" => {
                    if let Some(name) = node.parent().and_then(|p| p.child_by_field_name("name")) {
                        self.classes.insert(self.text(name).to_string(), inner);
                    }
                }
                "field_declaration" | "local_variable_declaration" | "constant_declaration" => {
                    self.bind_declaration(node, scope)
                }
                "method_declaration" | "constructor_declaration" => {
                    self.bind_method(node, scope, inner)
                }
                "lambda_expression" | "catch_clause" | "enhanced_for_statement" => {
                    self.bind_opaque_names(node, inner)
                }
                "assignment_expression" => {
                    if let Some(p) = self.pending_assignment(node, scope) {
                        pending.push(p);
                    }
                }
                "update_expression" => {
                    if let Some(target) = node.named_child(0) {
                        if target.kind() == "identifier" {
                            pending.push(Pending::Set {
                                scope,
                                name: self.text(target),
                                field: false,
                                value: None,
                            });
                        }
                    }
                }
                "method_invocation" => self.bind_invocation(node, scope, &mut pending),
                "object_creation_expression" => self.bind_construction(node, scope),
                _ => {}
            }
            let children: Vec<_> = node.named_children().collect();
            for child in children.into_iter().rev() {
                stack.push((child, inner));
            }
        }
        // Whether a parameter is filled is known once every other write is bound.
        let (passed, rest): (Vec<_>, Vec<_>) = pending
            .into_iter()
            .partition(|p| matches!(p, Pending::Passed { .. }));
        for p in rest.into_iter().chain(passed) {
            self.bind_pending(p);
        }
    }

    fn bind_import(&mut self, node: Node<'t>) {
        let text = self.text(node);
        let path: String = text
            .trim_start_matches("import")
            .trim_end_matches(';')
            .trim()
            .trim_start_matches("static ")
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if path.ends_with('*') {
            // On demand: which names it brings is not known from this file.
            return;
        }
        if let Some((_, last)) = path.rsplit_once('.') {
            self.imports.insert(last.to_string(), path.clone());
        }
    }

    fn bind_declaration(&mut self, node: Node<'t>, scope: ScopeId) {
        let ty = node.child_by_field_name("type");
        for declarator in node.children_by_field_name("declarator") {
            let Some(name) = declarator.child_by_field_name("name") else {
                continue;
            };
            let binding = match declarator.child_by_field_name("value") {
                Some(v) => Binding::Assign(v, scope, ty),
                None => Binding::Declared(ty),
            };
            let name = self.text(name);
            self.scopes.define(scope, name, binding);
        }
    }

    fn bind_method(&mut self, node: Node<'t>, scope: ScopeId, inner: ScopeId) {
        if let Some(params) = node.child_by_field_name("parameters") {
            let mut index = 0;
            for p in params.named_children() {
                let Some(name) = p.child_by_field_name("name").or_else(|| {
                    // `T... xs`: the name is inside the declarator.
                    p.named_children()
                        .find(|c| c.kind() == "variable_declarator")
                        .and_then(|d| d.child_by_field_name("name"))
                }) else {
                    continue;
                };
                let ty = p.child_by_field_name("type");
                let binding = if p.kind() == "formal_parameter" {
                    Binding::Param {
                        method: node,
                        index,
                        ty,
                    }
                } else {
                    Binding::Other(ty)
                };
                let name = self.text(name);
                self.scopes.define(inner, name, binding);
                index += 1;
            }
            let Some(name) = node.child_by_field_name("name") else {
                return;
            };
            let key = (scope, self.text(name).to_string());
            self.methods.entry(key).or_default().push(Method {
                node,
                params: index,
            });
        }
    }

    /// Lambda parameters, catch and for-each variables: bound, never known.
    fn bind_opaque_names(&mut self, node: Node<'t>, inner: ScopeId) {
        let names: Vec<Node<'t>> = match node.kind() {
            "lambda_expression" => match node.child_by_field_name("parameters") {
                Some(p) if p.kind() == "identifier" => vec![p],
                Some(p) => p
                    .named_children()
                    .filter_map(|c| match c.kind() {
                        "identifier" => Some(c),
                        _ => c.child_by_field_name("name"),
                    })
                    .collect(),
                None => Vec::new(),
            },
            "enhanced_for_statement" => node.child_by_field_name("name").into_iter().collect(),
            _ => node
                .named_children()
                .filter(|c| c.kind() == "catch_formal_parameter")
                .filter_map(|c| c.child_by_field_name("name"))
                .collect(),
        };
        for n in names {
            let name = self.text(n);
            self.scopes.define(inner, name, Binding::Other(None));
        }
    }

    fn pending_assignment(&self, node: Node<'t>, scope: ScopeId) -> Option<Pending<'t>> {
        let left = node.child_by_field_name("left")?;
        let plain = node
            .child_by_field_name("operator")
            .is_none_or(|o| self.text(o) == "=");
        let value = node.child_by_field_name("right").filter(|_| plain);
        match left.kind() {
            "identifier" => Some(Pending::Set {
                scope,
                name: self.text(left),
                field: false,
                value,
            }),
            "field_access" => {
                let object = left.child_by_field_name("object")?;
                let field = left.child_by_field_name("field")?;
                (object.kind() == "this").then(|| Pending::Set {
                    scope,
                    name: self.text(field),
                    field: true,
                    value,
                })
            }
            "array_access" => {
                let array = left.child_by_field_name("array")?;
                (array.kind() == "identifier").then(|| Pending::Filled {
                    scope,
                    name: self.text(array),
                })
            }
            _ => None,
        }
    }

    fn bind_invocation(&mut self, node: Node<'t>, scope: ScopeId, pending: &mut Vec<Pending<'t>>) {
        let Some(args) = node.child_by_field_name("arguments") else {
            return;
        };
        let method = node
            .child_by_field_name("name")
            .map_or("", |n| self.text(n));
        let list: Vec<_> = args
            .named_children()
            .filter(|c| c.kind() != "comment")
            .collect();
        for (index, a) in list.iter().enumerate() {
            if a.kind() != "identifier" || READS_ONLY.contains(&method) {
                continue;
            }
            let name = self.text(*a);
            pending.push(Pending::Passed {
                scope,
                name,
                method,
                index,
                argc: list.len(),
            });
        }
        // Every call by name, with its receiver: which class a receiver names is only known
        // once every declaration is bound, so the evaluator decides whether a site calls
        // the method it asks about.
        if let Some(name) = node.child_by_field_name("name") {
            let receiver = node
                .child_by_field_name("object")
                .filter(|o| o.kind() != "this");
            self.call_sites
                .entry(self.text(name).to_string())
                .or_default()
                .push(CallSite {
                    args,
                    scope,
                    receiver,
                });
        }
    }

    /// `new Helper(..)`: a call site of `Helper`'s constructors.
    fn bind_construction(&mut self, node: Node<'t>, scope: ScopeId) {
        let (Some(ty), Some(args)) = (
            node.child_by_field_name("type"),
            node.child_by_field_name("arguments"),
        ) else {
            return;
        };
        // An anonymous class body makes it a subclass, not a call of this file's constructor.
        if node.named_children().any(|c| c.kind() == "class_body") {
            return;
        }
        let name = self.text(ty).split('<').next().unwrap_or("").trim();
        self.constructions
            .entry(name.to_string())
            .or_default()
            .push(CallSite {
                args,
                scope,
                receiver: None,
            });
    }

    fn bind_pending(&mut self, p: Pending<'t>) {
        match p {
            Pending::Set {
                scope,
                name,
                field,
                value,
            } => {
                let target = if field {
                    self.class_scope(scope)
                        .filter(|&c| self.scopes.get(c, name).is_some())
                } else {
                    self.scopes.lookup(name, scope).map(|(s, _)| s)
                };
                let Some(target) = target else { return };
                let ty = self
                    .scopes
                    .get(target, name)
                    .and_then(|b| b.first())
                    .and_then(Binding::ty);
                let binding = match value {
                    Some(v) => Binding::Assign(v, scope, ty),
                    None => Binding::Other(ty),
                };
                self.scopes.define(target, name, binding);
            }
            Pending::Passed {
                scope,
                name,
                method,
                index,
                argc,
            } => {
                if !self.param_filled(method, index, argc) {
                    return;
                }
                if let Some((s, _)) = self.scopes.lookup(name, scope) {
                    self.filled.insert((s, name.to_string()));
                }
            }
            Pending::Filled { scope, name } => {
                if let Some((s, _)) = self.scopes.lookup(name, scope) {
                    self.filled.insert((s, name.to_string()));
                }
            }
        }
    }

    /// Whether parameter `index` of the methods named `method` with `argc` parameters may be
    /// filled inside: true unless every such method is declared here and leaves it alone.
    fn param_filled(&self, method: &str, index: usize, argc: usize) -> bool {
        let declared: Vec<Node<'t>> = self
            .methods
            .iter()
            .filter(|((_, name), _)| name == method)
            .flat_map(|(_, ms)| ms.iter().filter(|m| m.params == argc).map(|m| m.node))
            .collect();
        if declared.is_empty() {
            return true;
        }
        declared.into_iter().any(|m| {
            let param = m
                .child_by_field_name("parameters")
                .and_then(|ps| {
                    ps.named_children()
                        .filter(|c| c.kind() != "comment")
                        .nth(index)
                })
                .and_then(|p| p.child_by_field_name("name"));
            match (param, self.opened.get(&m.id())) {
                (Some(p), Some(&inner)) => self.filled.contains(&(inner, self.text(p).to_string())),
                _ => true,
            }
        })
    }
}
