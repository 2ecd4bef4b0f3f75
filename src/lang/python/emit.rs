//! Pass 2: facts (calls, assignments, parameter defaults, dict entries, class records) with
//! names and values resolved through the bindings of pass 1.

use super::bind::last_assignment_value;
use super::{push_children, Binding, Lowerer, ScopeKind, ARG_TEXT_MAX, MAX_EVAL_DEPTH};
use crate::facts::{Arg, Assign, Call, Entry, EnvSet, Facts, Field, Record, Span, Value};
use crate::lang::flat::Node;
use crate::lang::scope::ScopeId;
use crate::lang::tree::fields;
use crate::lang::ts::span;
use crate::lang::values::{capped, positional};

impl<'t> Lowerer<'t> {
    pub(super) fn emit(&mut self, root: Node<'t>) -> Facts {
        let mut facts = Facts::default();
        let mut stack = vec![(root, 0)];
        while let Some((node, scope)) = stack.pop() {
            match node.kind() {
                "call" => self.emit_call(node, scope, &mut facts),
                "assignment" => self.emit_assignment(node, scope, &mut facts),
                "dictionary" => self.emit_entries(node, scope, &mut facts),
                "class_definition" => self.emit_record(node, scope, &mut facts),
                "default_parameter" | "typed_default_parameter" => {
                    self.emit_default(node, scope, &mut facts)
                }
                _ => {}
            }
            let inner = self.child_scope(node, scope);
            push_children(&mut stack, node, scope, inner);
        }
        facts
    }

    pub(super) fn emit_call(&mut self, node: Node<'t>, scope: ScopeId, facts: &mut Facts) {
        let Some(function) = node.child_by_field_name("function") else {
            return;
        };
        let callee = self.qualified(function, scope, 0);
        let args = match node.child_by_field_name("arguments") {
            Some(list) if list.kind() == "argument_list" => self.args(list, scope, 0, true),
            _ => Vec::new(),
        };
        if callee == "os.environ.setdefault" || callee == "os.putenv" {
            if let (Some(name), Some(value)) = (
                args.iter().find(|a| a.index == Some(0)),
                args.iter().find(|a| a.index == Some(1)),
            ) {
                if let Value::Str(n) = &name.value {
                    facts.envs.push(EnvSet {
                        name: n.clone(),
                        value: value.value.clone(),
                        span: span(node),
                    });
                }
            }
        }
        // `functools.partial(requests.get, verify=False)` binds arguments for a later call:
        // lint them as a call of the wrapped function.
        if callee == "functools.partial" {
            if let Some(Value::Name(target)) =
                args.iter().find(|a| a.index == Some(0)).map(|a| &a.value)
            {
                let bound = args
                    .iter()
                    .filter(|a| a.index != Some(0))
                    .map(|a| Arg {
                        index: a.index.map(|i| i - 1),
                        ..a.clone()
                    })
                    .collect();
                facts.calls.push(Call {
                    callee: target.clone(),
                    args: bound,
                    span: span(node),
                    callee_span: span(function),
                });
            }
        }
        facts.calls.push(Call {
            callee,
            args,
            span: span(node),
            callee_span: span(function),
        });
    }

    pub(super) fn emit_assignment(&mut self, node: Node<'t>, scope: ScopeId, facts: &mut Facts) {
        let Some([left, right]) = fields(node, ["left", "right"]) else {
            return;
        };
        let right = if right.kind() == "assignment" {
            last_assignment_value(right).unwrap_or(right)
        } else {
            right
        };
        let target = match left.kind() {
            "identifier" => {
                let kind = self.scopes.kind(scope);
                if kind == ScopeKind::Function {
                    return;
                }
                self.text(left).to_string()
            }
            "attribute" => {
                let Some([object, attr]) = fields(left, ["object", "attribute"]) else {
                    return;
                };
                format!("{}.{}", self.qualified(object, scope, 0), self.text(attr))
            }
            "subscript" => {
                let Some([object, key]) = fields(left, ["value", "subscript"]) else {
                    return;
                };
                let object = self.qualified(object, scope, 0);
                let key = match self.eval(key, scope, 0) {
                    Value::Str(k) => k,
                    _ => return,
                };
                if object == "os.environ" {
                    let value = self.eval(right, scope, 0);
                    facts.envs.push(EnvSet {
                        name: key,
                        value,
                        span: span(node),
                    });
                    return;
                }
                format!("{object}[{key}]")
            }
            _ => return,
        };
        let value = self.eval(right, scope, 0);
        facts.assigns.push(Assign {
            target,
            value,
            span: span(node),
            value_span: span(right),
        });
    }

    /// A parameter default (`def f(version=ssl.PROTOCOL_SSLv2)`) is an assignment to
    /// `default:<name>`: every call that leaves the argument out gets that value.
    pub(super) fn emit_default(&mut self, node: Node<'t>, scope: ScopeId, facts: &mut Facts) {
        let Some([name, value]) = fields(node, ["name", "value"]) else {
            return;
        };
        // Defaults are evaluated in the scope that defines the function.
        let outer = self.scopes.parent(scope).unwrap_or(scope);
        let value_node = value;
        let value = self.eval(value_node, outer, 0);
        facts.assigns.push(Assign {
            target: format!("default:{}", self.text(name)),
            value,
            span: span(node),
            value_span: span(value_node),
        });
    }

    pub(super) fn emit_entries(&mut self, node: Node<'t>, scope: ScopeId, facts: &mut Facts) {
        let prefix = self.dict_path(node, scope);
        let pairs: Vec<_> = node
            .named_children()
            .filter(|c| c.kind() == "pair")
            .collect();
        let mut record_fields = Vec::new();
        for pair in pairs {
            let Some([key, value]) = fields(pair, ["key", "value"]) else {
                continue;
            };
            let Value::Str(key) = self.eval(key, scope, 0) else {
                continue;
            };
            let path = if prefix.is_empty() {
                key.clone()
            } else {
                format!("{prefix}.{key}")
            };
            let value = self.eval(value, scope, 0);
            record_fields.push(Field {
                name: key.clone(),
                ty: String::new(),
                annotations: Vec::new(),
                span: span(pair),
            });
            facts.entries.push(Entry {
                path,
                key,
                value,
                span: span(pair),
            });
        }
        // A dict literal is also a record: a key and its ciphertext in one dict is one record.
        if record_fields.len() >= 2 {
            facts.records.push(Record {
                name: "dict".into(),
                bases: Vec::new(),
                fields: record_fields,
                span: span(node),
            });
        }
    }

    /// Keys of the dict entries enclosing a dict literal, outermost first (at most 16).
    pub(super) fn dict_path(&mut self, node: Node<'t>, scope: ScopeId) -> String {
        let mut keys = Vec::new();
        let mut current = node;
        while keys.len() < 16 {
            let Some(parent) = current.parent() else {
                break;
            };
            if parent.kind() == "pair" && parent.child_by_field_name("value") == Some(current) {
                if let Some(key) = parent.child_by_field_name("key") {
                    if let Value::Str(k) = self.eval(key, scope, MAX_EVAL_DEPTH - 2) {
                        keys.push(k);
                    }
                }
            } else if parent.kind() != "dictionary" {
                break;
            }
            current = parent;
        }
        keys.reverse();
        keys.join(".")
    }

    pub(super) fn emit_record(&mut self, node: Node<'t>, scope: ScopeId, facts: &mut Facts) {
        let Some(name) = node.child_by_field_name("name") else {
            return;
        };
        let class_scope = self.opened.get(&node.id()).copied().unwrap_or(scope);
        let mut bases = Vec::new();
        if let Some(list) = node.child_by_field_name("superclasses") {
            let children: Vec<_> = list.named_children().collect();
            for base in children {
                if base.kind() != "keyword_argument" {
                    bases.push(self.qualified(base, scope, 0));
                }
            }
        }
        let mut fields = Vec::new();
        if let Some(body) = node.child_by_field_name("body") {
            let statements: Vec<_> = body.named_children().collect();
            for statement in statements {
                let Some(assignment) = statement
                    .named_child(0)
                    .filter(|a| a.kind() == "assignment")
                else {
                    continue;
                };
                let Some(left) = assignment
                    .child_by_field_name("left")
                    .filter(|l| l.kind() == "identifier")
                else {
                    continue;
                };
                let right = assignment.child_by_field_name("right");
                let ty_from_call = right.is_some_and(|r| r.kind() == "call");
                let ty = match (right, assignment.child_by_field_name("type")) {
                    (Some(right), _) if right.kind() == "call" => {
                        match right.child_by_field_name("function") {
                            Some(f) => self.qualified(f, class_scope, 0),
                            None => String::new(),
                        }
                    }
                    (_, Some(ty)) => self.text(ty).to_string(),
                    _ => String::new(),
                };
                // `ssn: Mapped[str] = mapped_column()`: the annotation says what the
                // constructor leaves out.
                let annotations: Vec<String> = assignment
                    .child_by_field_name("type")
                    .filter(|_| ty_from_call)
                    .map(|ty| self.text(ty).to_string())
                    .into_iter()
                    .collect();
                fields.push(Field {
                    name: self.text(left).to_string(),
                    ty,
                    annotations,
                    span: span(assignment),
                });
            }
        }
        facts.records.push(Record {
            name: self.text(name).to_string(),
            bases,
            fields,
            span: span(node),
        });
    }

    /// Where a name's single assignment is, for pointing at a constant's definition.
    pub(super) fn origin_of(&self, node: Node, scope: ScopeId) -> Option<Span> {
        if node.kind() != "identifier" {
            return None;
        }
        match self.lookup(self.text(node), scope) {
            Some((_, [Binding::Assign(value)])) => Some(span(*value)),
            _ => None,
        }
    }

    /// `with_text`: whether each argument gets its [`Arg::text`]. Call facts need it; the
    /// values of nested calls (`f(g(h(x)))` evaluated as an argument) do not, and building it
    /// for each of them made deeply nested calls quadratic in time and memory.
    pub(super) fn args(
        &mut self,
        list: Node<'t>,
        scope: ScopeId,
        depth: usize,
        with_text: bool,
    ) -> Vec<Arg> {
        let mut out = Vec::new();
        let mut index = Some(0);
        let children: Vec<_> = list.named_children().collect();
        // Argument lists and keyword arguments are neither assignments nor definitions, so
        // every argument's context is the list's.
        let context = if children.is_empty() || !with_text {
            String::new()
        } else {
            self.context_text(list)
        };
        for child in children {
            match child.kind() {
                "keyword_argument" => {
                    let Some([name, value]) = fields(child, ["name", "value"]) else {
                        continue;
                    };
                    out.push(Arg {
                        name: Some(self.text(name).to_string()),
                        index: None,
                        value: self.eval(value, scope, depth + 1),
                        span: span(child),
                        origin: self.origin_of(value, scope),
                        text: if with_text {
                            self.flow_text(value, scope, &context)
                        } else {
                            String::new()
                        },
                    });
                }
                "dictionary_splat" => {
                    // `**{"verify": False}` or `**opts` with a literal dict behind it.
                    let Some(inner) = child.named_child(0) else {
                        continue;
                    };
                    match self.eval(inner, scope, depth + 1) {
                        Value::Map(entries) => {
                            let origin = self.origin_of(inner, scope);
                            for (k, v) in entries.iter() {
                                out.push(Arg {
                                    name: Some(k.clone()),
                                    index: None,
                                    value: v.clone(),
                                    span: span(child),
                                    origin,
                                    text: capped(self.text(inner), ARG_TEXT_MAX).to_string(),
                                });
                            }
                        }
                        // Unknown keywords: kept as an opaque argument so no lint concludes
                        // that an option is absent.
                        _ => out.push(Arg {
                            name: None,
                            index: None,
                            value: Value::Unknown,
                            span: span(child),
                            origin: None,
                            text: capped(self.text(child), ARG_TEXT_MAX).to_string(),
                        }),
                    }
                }
                "list_splat" => index = None,
                "comment" => {}
                _ => {
                    let value = self.eval(child, scope, depth + 1);
                    let origin = self.origin_of(child, scope);
                    let text = if with_text {
                        self.flow_text(child, scope, &context)
                    } else {
                        String::new()
                    };
                    out.push(positional(index, value, span(child), origin, text));
                    index = index.map(|i| i + 1);
                }
            }
        }
        out
    }
}
