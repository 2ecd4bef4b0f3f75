//! What lints that read names see around an argument: its text, one step of data flow behind
//! its names, and where its value goes (the assignment target and the enclosing function).

use super::{Binding, Lowerer, ARG_TEXT_MAX};
use crate::lang::flat::Node;
use crate::lang::scope::ScopeId;
use crate::lang::values::capped;

impl<'t> Lowerer<'t> {
    /// An argument's source text, followed by the right-hand sides of the single-assignment
    /// names it uses (`pw.encode()` ⟵ `request.form["password"]`), so lints that look at names
    /// (passwords, salts) see one step of data flow.
    ///
    /// `context` is [`Self::context_text`] of the node; the caller computes it once per call
    /// (every argument of a call has the call's context, and walking parents is the costly
    /// part: tree-sitter finds a node's parent by descending from the root).
    pub(super) fn flow_text(&self, node: Node<'t>, scope: ScopeId, context: &str) -> String {
        let mut out = capped(self.text(node), ARG_TEXT_MAX).to_string();
        let mut stack = vec![node];
        let mut seen = 0;
        while let Some(n) = stack.pop() {
            if seen > 32 || out.len() > 400 {
                break;
            }
            seen += 1;
            if n.kind() == "identifier" {
                if let Some((_, [Binding::Assign(rhs)])) = self.lookup(self.text(n), scope) {
                    out.push_str(" <- ");
                    out.push_str(capped(self.text(*rhs), ARG_TEXT_MAX));
                }
                continue;
            }
            stack.extend(n.named_children());
        }
        out.push_str(context);
        out
    }

    /// Where a value goes: the target of the assignment it is part of and the function it is
    /// in (`user.password = md5(raw)` inside `def set_password`), as ` @ target @ fn name`.
    /// Argument lists have it precomputed by [`Self::contexts`].
    pub(super) fn context_text(&self, node: Node<'t>) -> String {
        if let Some(c) = self.arg_context.get(&node.id()) {
            return c.clone();
        }
        let mut out = String::new();
        let mut current = node;
        let mut found_target = false;
        for _ in 0..64 {
            let Some(parent) = current.parent() else {
                break;
            };
            match parent.kind() {
                "assignment" if !found_target => {
                    if let Some(left) = parent.child_by_field_name("left") {
                        out.push_str(" @ ");
                        out.push_str(self.text(left));
                    }
                    found_target = true;
                }
                "function_definition" => {
                    if let Some(name) = parent.child_by_field_name("name") {
                        out.push_str(" @ def ");
                        out.push_str(self.text(name));
                    }
                    break;
                }
                "class_definition" | "module" => break,
                _ => {}
            }
            current = parent;
        }
        out
    }

    /// Fills `arg_context` in one iterative pass, carrying down what [`Self::context_text`]
    /// finds walking up: the nearest assignment's target (if no definition comes first) and
    /// the nearest function's name (if no class or module comes first).
    pub(super) fn contexts(&mut self, root: Node<'t>) {
        // (node, enclosing assignment: Some(its `left`, if any), enclosing function's name)
        type Ctx<'n> = (Option<Option<Node<'n>>>, Option<Node<'n>>);
        let mut stack: Vec<(Node<'t>, Ctx<'t>)> = vec![(root, (None, None))];
        while let Some((node, ctx)) = stack.pop() {
            if node.kind() == "argument_list" {
                let mut out = String::new();
                if let Some(Some(left)) = ctx.0 {
                    out.push_str(" @ ");
                    out.push_str(self.text(left));
                }
                if let Some(name) = ctx.1 {
                    out.push_str(" @ def ");
                    out.push_str(self.text(name));
                }
                self.arg_context.insert(node.id(), out);
            }
            let inner: Ctx<'t> = match node.kind() {
                "assignment" => (Some(node.child_by_field_name("left")), ctx.1),
                "function_definition" => (None, node.child_by_field_name("name")),
                "class_definition" | "module" => (None, None),
                _ => ctx,
            };
            for child in node.named_children() {
                stack.push((child, inner));
            }
        }
    }
}
