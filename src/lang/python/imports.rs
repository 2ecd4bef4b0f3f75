//! `import a.b as c` and `from a import b as c`: the qualified names local names stand for.

use super::{Binding, Lowerer};
use crate::lang::flat::Node;
use crate::lang::scope::ScopeId;
use crate::lang::tree::fields;
use crate::lang::values::compact;

impl<'t> Lowerer<'t> {
    pub(super) fn bind_import(&mut self, node: Node<'t>, scope: ScopeId) {
        for child in node.children_by_field_name("name") {
            match child.kind() {
                "dotted_name" => {
                    let full = self.text(child);
                    let first = full.split('.').next().unwrap_or(full);
                    self.define(scope, first, Binding::Import(first.to_string()));
                }
                "aliased_import" => {
                    if let Some([name, alias]) = fields(child, ["name", "alias"]) {
                        let qualified = compact(self.text(name));
                        self.define(scope, self.text(alias), Binding::Import(qualified));
                    }
                }
                _ => {}
            }
        }
    }

    pub(super) fn bind_from_import(&mut self, node: Node<'t>, scope: ScopeId) {
        let Some(module) = node.child_by_field_name("module_name") else {
            return;
        };
        let module = compact(self.text(module));
        let module = module.trim_start_matches('.');
        for child in node.children_by_field_name("name") {
            let (name, alias) = match child.kind() {
                "dotted_name" => (self.text(child), self.text(child)),
                "aliased_import" => match (
                    child.child_by_field_name("name"),
                    child.child_by_field_name("alias"),
                ) {
                    (Some(n), Some(a)) => (self.text(n), self.text(a)),
                    _ => continue,
                },
                _ => continue,
            };
            let qualified = if module.is_empty() {
                compact(name)
            } else {
                format!("{module}.{}", compact(name))
            };
            self.define(scope, alias, Binding::Import(qualified));
        }
    }
}
