//! `import ... from 'm'` in all its forms and `import x = require('m')`: the qualified names
//! local names stand for. (`require('m')` is a call, evaluated in [`super::eval`].)

use super::eval::string_text;
use super::{Binding, Lowerer};
use crate::lang::flat::Node;
use crate::lang::scope::ScopeId;

impl<'t> Lowerer<'t> {
    pub(super) fn bind_import(&mut self, node: Node<'t>, scope: ScopeId) {
        let Some(source) = node.child_by_field_name("source") else {
            // `import x = require('m')` keeps its source in the clause.
            let clauses: Vec<_> = node.named_children().collect();
            for clause in clauses {
                if clause.kind() == "import_require_clause" {
                    if let (Some(id), Some(src)) =
                        (clause.named_child(0), clause.child_by_field_name("source"))
                    {
                        let module = module_name(&string_text(src, self.src));
                        self.define(scope, self.text(id), Binding::Import(module));
                    }
                }
            }
            return;
        };
        let module = module_name(&string_text(source, self.src));
        let children: Vec<_> = node.named_children().collect();
        for clause in children {
            match clause.kind() {
                "import_clause" => {
                    let parts: Vec<_> = clause.named_children().collect();
                    for part in parts {
                        match part.kind() {
                            "identifier" => {
                                self.define(
                                    scope,
                                    self.text(part),
                                    Binding::Import(module.clone()),
                                );
                            }
                            "namespace_import" => {
                                if let Some(id) = part.named_child(0) {
                                    self.define(
                                        scope,
                                        self.text(id),
                                        Binding::Import(module.clone()),
                                    );
                                }
                            }
                            "named_imports" => {
                                let specs: Vec<_> = part.named_children().collect();
                                for spec in specs {
                                    if spec.kind() != "import_specifier" {
                                        continue;
                                    }
                                    let Some(name) = spec.child_by_field_name("name") else {
                                        continue;
                                    };
                                    let alias = spec.child_by_field_name("alias").unwrap_or(name);
                                    let imported = string_text(name, self.src);
                                    let qualified = if imported == "default" {
                                        module.clone()
                                    } else {
                                        format!("{module}.{imported}")
                                    };
                                    self.define(
                                        scope,
                                        self.text(alias),
                                        Binding::Import(qualified),
                                    );
                                }
                            }
                            _ => {}
                        }
                    }
                }
                "import_require_clause" => {
                    if let Some(id) = clause.named_child(0) {
                        self.define(scope, self.text(id), Binding::Import(module.clone()));
                    }
                }
                _ => {}
            }
        }
    }
}

/// `node:crypto` is `crypto`.
pub(super) fn module_name(m: &str) -> String {
    m.strip_prefix("node:").unwrap_or(m).to_string()
}
