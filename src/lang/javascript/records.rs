//! Records: classes with their fields (TypeORM entities and the like) and the models of
//! schema libraries (`new mongoose.Schema({...})`, `sequelize.define`, `Model.init`), so that
//! lints about data stored beside its key see the fields.

use super::eval::{property_name, string_text};
use super::Lowerer;
use crate::facts::{Facts, Field, Record};
use crate::lang::flat::Node;
use crate::lang::scope::ScopeId;
use crate::lang::ts::span;
use crate::lang::values::compact;

/// Longest decorator text copied into a field (a `@Column({...})` with its options).
const ANNOTATION_MAX: usize = 240;

impl<'t> Lowerer<'t> {
    pub(super) fn emit_class(&mut self, node: Node<'t>, scope: ScopeId, facts: &mut Facts) {
        let name = node
            .child_by_field_name("name")
            .map(|n| self.text(n).to_string())
            .unwrap_or_else(|| "(class)".to_string());
        let mut bases = Vec::new();
        let children: Vec<_> = node.named_children().collect();
        for child in &children {
            if child.kind() == "class_heritage" {
                let parts: Vec<_> = child.named_children().collect();
                for part in parts {
                    // JavaScript: the expression itself; TypeScript: an extends_clause.
                    let expr = if part.kind() == "extends_clause" {
                        part.child_by_field_name("value").or(part.named_child(0))
                    } else if part.kind() == "implements_clause" {
                        None
                    } else {
                        Some(part)
                    };
                    if let Some(e) = expr {
                        bases.push(self.qualified(e, scope, 0));
                    }
                }
            }
        }
        // `@Entity()` before the class (or before its `export`) says how it is stored, as a
        // derive does for a Rust struct.
        let exported = node.parent().filter(|p| p.kind() == "export_statement");
        for holder in std::iter::once(node).chain(exported) {
            let decorators: Vec<_> = holder
                .named_children()
                .filter(|c| c.kind() == "decorator")
                .collect();
            bases.extend(decorators.into_iter().map(|d| compact(self.text(d))));
        }
        let Some(body) = node.child_by_field_name("body") else {
            return;
        };
        let mut fields = Vec::new();
        let members: Vec<_> = body.named_children().collect();
        for member in members {
            let (name_node, ty) = match member.kind() {
                "field_definition" => (member.child_by_field_name("property"), None),
                "public_field_definition" => (
                    member.child_by_field_name("name"),
                    member.child_by_field_name("type"),
                ),
                _ => continue,
            };
            let Some(name_node) = name_node else { continue };
            let Some(field_name) = property_name(name_node, self.src) else {
                continue;
            };
            let ty = match ty {
                Some(t) => self.text(t).trim_start_matches(':').trim().to_string(),
                None => String::new(),
            };
            let annotations = member
                .named_children()
                .filter(|c| c.kind() == "decorator")
                .map(|d| compact(self.text(d)).chars().take(ANNOTATION_MAX).collect())
                .collect();
            fields.push(Field {
                name: field_name,
                ty,
                annotations,
                span: span(member),
            });
        }
        if fields.is_empty() {
            return;
        }
        facts.records.push(Record {
            name,
            bases,
            fields,
            span: span(node),
        });
    }

    /// `new Schema({...})` (Mongoose), `sequelize.define('User', {...})`,
    /// `User.init({...}, { sequelize })`: the model's fields are the object's keys.
    pub(super) fn maybe_schema_record(
        &mut self,
        callee: &str,
        node: Node<'t>,
        arguments: Option<Node<'t>>,
        _scope: ScopeId,
        facts: &mut Facts,
    ) {
        let Some(arguments) = arguments else { return };
        let args: Vec<_> = arguments.named_children().collect();
        let object_at = |i: usize| args.get(i).copied().filter(|a| a.kind() == "object");
        let (name, object) = if callee == "mongoose.Schema" || callee == "mongoose.model" {
            let name = match node.parent() {
                Some(p) if p.kind() == "variable_declarator" => p
                    .child_by_field_name("name")
                    .map(|n| self.text(n).to_string()),
                _ => None,
            };
            let obj = if callee == "mongoose.model" {
                object_at(1)
            } else {
                object_at(0)
            };
            (name.unwrap_or_else(|| "schema".into()), obj)
        } else if callee.ends_with(".define") && args.first().is_some_and(|a| a.kind() == "string")
        {
            let name = args
                .first()
                .map(|a| string_text(*a, self.src))
                .unwrap_or_default();
            (name, object_at(1))
        } else if callee.ends_with(".init")
            && object_at(1).is_some_and(|o| self.text(o).contains("sequelize"))
        {
            let name = callee.trim_end_matches(".init").trim_start_matches('?');
            (name.to_string(), object_at(0))
        } else {
            return;
        };
        let Some(object) = object else { return };
        let mut fields = Vec::new();
        let props: Vec<_> = object.named_children().collect();
        for prop in props {
            let key = match prop.kind() {
                "pair" => prop
                    .child_by_field_name("key")
                    .and_then(|k| property_name(k, self.src)),
                "shorthand_property_identifier" => Some(self.text(prop).to_string()),
                _ => None,
            };
            let Some(key) = key else { continue };
            let ty = prop
                .child_by_field_name("value")
                .map(|v| compact(self.text(v)))
                .unwrap_or_default();
            let ty: String = ty.chars().take(80).collect();
            fields.push(Field {
                name: key,
                ty,
                annotations: Vec::new(),
                span: span(prop),
            });
        }
        facts.records.push(Record {
            name,
            bases: vec![callee.to_string()],
            fields,
            span: span(node),
        });
    }
}
