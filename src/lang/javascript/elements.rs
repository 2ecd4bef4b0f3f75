//! JSX elements (`<script src="...">`, `<iframe src={url}>`) as the page front-end lowers
//! HTML ones: a [`Resource`] of the tag name whose body maps each attribute to its value,
//! evaluated like any other expression (`src={CDN + '/app.js'}` is resolved); a component is
//! named by what its name is bound to (`next/script`). Spreads
//! (`{...props}`) hold unknown attributes and are left out.

use super::eval::string_text;
use super::Lowerer;
use crate::facts::{Facts, Node as Attrs, NodeKind, Resource, Value};
use crate::lang::flat::Node;
use crate::lang::scope::ScopeId;
use crate::lang::ts::span;

impl<'t> Lowerer<'t> {
    pub(super) fn emit_element(&mut self, element: Node<'t>, scope: ScopeId, facts: &mut Facts) {
        // A fragment (`<>`) has no name.
        let Some(name) = element.child_by_field_name("name") else {
            return;
        };
        let mut attrs = Vec::new();
        for attr in element.children_by_field_name("attribute") {
            if attr.kind() != "jsx_attribute" {
                continue;
            }
            let mut parts = attr.named_children();
            let Some(key) = parts.next() else { continue };
            let value = match parts.next() {
                None => Value::Bool(true),
                Some(v) if v.kind() == "string" => Value::Str(string_text(v, self.src)),
                Some(v) if v.kind() == "jsx_expression" => match v.named_child(0) {
                    Some(expr) => self.eval(expr, scope, 0),
                    None => Value::Unknown,
                },
                Some(_) => Value::Unknown,
            };
            let node = Attrs {
                kind: NodeKind::Scalar(value),
                span: span(attr),
            };
            attrs.push((self.text(key).to_string(), node));
        }
        let header = span(element);
        // An intrinsic element is named by its tag; a component by what it is bound to
        // (`import Script from 'next/script'` makes `<Script>` a `next/script`).
        let tag = self.text(name);
        let kind = if tag.starts_with(|c: char| c.is_ascii_lowercase()) {
            tag.to_string()
        } else {
            self.qualified(name, scope, 0)
        };
        facts.resources.push(Resource {
            kind,
            name: String::new(),
            body: Attrs {
                kind: NodeKind::Map(attrs),
                span: header,
            },
            span: header,
            header,
        });
    }
}
