//! Pass 2: calls and constructors with qualified callees and argument values, field and
//! property assignments, and every method and lambda as a function with its ways out
//! (`return` values, `null` for falling off the end of a body, `Unknown` for a `throw`) and the
//! interfaces and superclass of the class it belongs to.

use super::{Lowerer, MAX_EVAL_DEPTH};
use crate::facts::{Arg, Assign, Call, Facts, Field, Function, Record, Span, Value};
use crate::lang::flat::Node;
use crate::lang::scope::ScopeId;
use crate::lang::ts::span;
use crate::lang::values::{capped, positional};

/// Longest argument text copied into a fact.
const ARG_TEXT_MAX: usize = 256;

impl<'t> Lowerer<'t> {
    pub(super) fn emit(&mut self, root: Node<'t>) -> Facts {
        let mut facts = Facts::default();
        let mut stack = vec![(root, 0)];
        while let Some((node, scope)) = stack.pop() {
            match node.kind() {
                "method_invocation" => {
                    let callee = self.callee_of(node, scope, 0);
                    let callee_span = node.child_by_field_name("name").map_or(span(node), span);
                    self.push_call(node, callee, callee_span, scope, &mut facts);
                }
                "object_creation_expression" => {
                    if let Some(ty) = node.child_by_field_name("type") {
                        let callee = self.type_name(ty);
                        self.push_call(node, callee, span(ty), scope, &mut facts);
                    }
                }
                "assignment_expression" => self.emit_assignment(node, scope, &mut facts),
                "method_declaration" | "constructor_declaration" | "lambda_expression" => {
                    self.emit_function(node, scope, &mut facts)
                }
                "class_declaration" => self.emit_record(node, &mut facts),
                _ => {}
            }
            if node.kind() == "method_declaration" && self.is_test(node) {
                facts.test_spans.push(span(node));
            }
            let inner = self.child_scope(node, scope);
            let children: Vec<_> = node.named_children().collect();
            for child in children.into_iter().rev() {
                stack.push((child, inner));
            }
        }
        facts
    }

    fn push_call(
        &mut self,
        node: Node<'t>,
        callee: String,
        callee_span: Span,
        scope: ScopeId,
        facts: &mut Facts,
    ) {
        let args = self.args(node, scope);
        facts.calls.push(Call {
            callee,
            args,
            span: span(node),
            callee_span,
        });
    }

    fn args(&mut self, node: Node<'t>, scope: ScopeId) -> Vec<Arg> {
        let Some(list) = node.child_by_field_name("arguments") else {
            return Vec::new();
        };
        let children: Vec<_> = list
            .named_children()
            .filter(|c| c.kind() != "comment")
            .collect();
        let mut out = Vec::new();
        for (i, child) in children.into_iter().enumerate() {
            let value = self.eval(child, scope, 0);
            let origin = self.origin_of(child, scope);
            let text = capped(self.text(child), ARG_TEXT_MAX).to_string();
            out.push(positional(Some(i), value, span(child), origin, text));
        }
        out
    }

    /// Where a name's single assignment is, for pointing at a constant's definition.
    fn origin_of(&self, node: Node, scope: ScopeId) -> Option<Span> {
        if node.kind() != "identifier" {
            return None;
        }
        match self
            .scopes
            .lookup(self.text(node), scope)
            .map(|(_, b)| b.as_slice())
        {
            Some([super::Binding::Assign(value, _, _)]) => Some(span(*value)),
            _ => None,
        }
    }

    /// `obj.field = value` and `this.field = value` as assignments to `Type.field`.
    fn emit_assignment(&mut self, node: Node<'t>, scope: ScopeId, facts: &mut Facts) {
        let (Some(left), Some(right)) = (
            node.child_by_field_name("left"),
            node.child_by_field_name("right"),
        ) else {
            return;
        };
        if left.kind() != "field_access" {
            return;
        }
        let (Some(object), Some(field)) = (
            left.child_by_field_name("object"),
            left.child_by_field_name("field"),
        ) else {
            return;
        };
        let target = match object.kind() {
            "this" => self.text(field).to_string(),
            _ => {
                let owner = match self.eval(object, scope, 0) {
                    Value::Name(n) => n,
                    Value::Call(c) => format!("{}()", c.callee),
                    _ => format!("?{}", crate::lang::values::compact(self.text(object))),
                };
                format!("{owner}.{}", self.text(field))
            }
        };
        let value = self.eval(right, scope, 0);
        facts.assigns.push(Assign {
            target,
            value,
            span: span(node),
            value_span: span(right),
        });
    }

    fn emit_function(&mut self, node: Node<'t>, scope: ScopeId, facts: &mut Facts) {
        let inner = self.child_scope(node, scope);
        let Some(body) = node.child_by_field_name("body") else {
            return;
        };
        let (name, implements, start) = if node.kind() == "lambda_expression" {
            let implements = node
                .parent()
                .filter(|p| p.kind() == "variable_declarator")
                .and_then(|p| p.parent())
                .and_then(|p| p.child_by_field_name("type"))
                .map(|t| vec![self.type_name(t)])
                .unwrap_or_default();
            ("<lambda>".to_string(), implements, node.start_byte())
        } else {
            let Some(n) = node.child_by_field_name("name") else {
                return;
            };
            let (owner, implements) = self.owner_of(node);
            (
                format!("{owner}.{}", self.text(n)),
                implements,
                n.start_byte(),
            )
        };
        let returns = if body.kind() == "block" || body.kind() == "constructor_body" {
            self.ways_out(body, inner)
        } else {
            vec![self.eval(body, inner, MAX_EVAL_DEPTH - 8)]
        };
        facts.functions.push(Function {
            name,
            implements,
            returns,
            span: Span::new(start, node.end_byte()),
        });
    }

    /// The values of every way out of a block body.
    fn ways_out(&mut self, body: Node<'t>, scope: ScopeId) -> Vec<Value> {
        let mut out = Vec::new();
        for (ret, s) in self.returns_of(body, scope) {
            out.push(match ret.named_child(0) {
                Some(e) => self.eval(e, s, MAX_EVAL_DEPTH - 8),
                None => Value::Null,
            });
        }
        for _ in self.statements_of(body, scope, "throw_statement") {
            out.push(Value::Unknown);
        }
        let last = body
            .named_children()
            .filter(|c| c.kind() != "comment")
            .last();
        if !last.is_some_and(|l| matches!(l.kind(), "return_statement" | "throw_statement")) {
            // The body can fall off its end.
            out.push(Value::Null);
        }
        out
    }

    /// The class a method belongs to (`<anonymous>` for an anonymous class, named after its
    /// offset so two of them stay apart), and the types it extends and implements.
    fn owner_of(&self, method: Node<'t>) -> (String, Vec<String>) {
        let Some(body) = method.parent() else {
            return (String::new(), Vec::new());
        };
        let Some(class) = body.parent() else {
            return (String::new(), Vec::new());
        };
        let mut implements = Vec::new();
        let name = match class.kind() {
            "object_creation_expression" => {
                if let Some(t) = class.child_by_field_name("type") {
                    implements.push(self.type_name(t));
                }
                format!("<anonymous@{}>", class.start_byte())
            }
            _ => {
                for field in ["superclass", "interfaces"] {
                    if let Some(list) = class.child_by_field_name(field) {
                        let mut stack = vec![list];
                        while let Some(n) = stack.pop() {
                            match n.kind() {
                                "type_identifier" | "scoped_type_identifier" | "generic_type" => {
                                    implements.push(self.type_name(n))
                                }
                                _ => stack.extend(n.named_children()),
                            }
                        }
                    }
                }
                class
                    .child_by_field_name("name")
                    .map_or_else(String::new, |n| self.text(n).to_string())
            }
        };
        (name, implements)
    }

    /// A class as a record: its annotations (`@Entity`, `@Table(...)`) as its bases, each
    /// field with its declared type and its annotations as written (`@Convert(...)`, `@Lob`).
    fn emit_record(&self, class: Node<'t>, facts: &mut Facts) {
        let annotations = |decl: Node<'t>| -> Vec<String> {
            decl.named_children()
                .filter(|c| c.kind() == "modifiers")
                .flat_map(|m| m.named_children())
                .filter(|a| matches!(a.kind(), "marker_annotation" | "annotation"))
                .map(|a| self.text(a).to_string())
                .collect()
        };
        let Some(name) = class.child_by_field_name("name") else {
            return;
        };
        let mut fields = Vec::new();
        let body = class.child_by_field_name("body");
        for decl in body
            .iter()
            .flat_map(|b| b.named_children())
            .filter(|d| d.kind() == "field_declaration")
        {
            let ty = decl
                .child_by_field_name("type")
                .map_or_else(String::new, |t| self.text(t).to_string());
            let notes = annotations(decl);
            for declarator in decl.children_by_field_name("declarator") {
                if let Some(n) = declarator.child_by_field_name("name") {
                    fields.push(Field {
                        name: self.text(n).to_string(),
                        ty: ty.clone(),
                        annotations: notes.clone(),
                        span: span(decl),
                    });
                }
            }
        }
        facts.records.push(Record {
            name: self.text(name).to_string(),
            bases: annotations(class),
            fields,
            span: span(class),
        });
    }

    fn is_test(&self, method: Node<'t>) -> bool {
        method
            .named_children()
            .find(|c| c.kind() == "modifiers")
            .is_some_and(|m| {
                m.named_children().any(|a| {
                    matches!(a.kind(), "marker_annotation" | "annotation")
                        && a.child_by_field_name("name")
                            .is_some_and(|n| matches!(self.text(n), "Test" | "ParameterizedTest"))
                })
            })
    }
}
