//! Statements, run in order: declarations bind names in the current scope, assignments
//! change what a name holds (joined with its old value when the assignment runs only
//! sometimes), and function bodies run once each, with their parameters unknown.

use super::eval::{instance_of, join, member_named};
use super::{Lowerer, MAX_DEPTH};
use crate::facts::{Assign, Value};
use crate::lang::flat::Node;
use crate::lang::scope::ScopeId;
use crate::lang::ts::span;

impl<'t> Lowerer<'t> {
    /// Package-level values first (so their calls are facts), then every function body.
    pub(super) fn run(&mut self, root: Node<'t>) {
        for decl in root.named_children() {
            if matches!(decl.kind(), "const_declaration" | "var_declaration") {
                let mut stack = vec![decl];
                while let Some(n) = stack.pop() {
                    if let Some(value) = n.child_by_field_name("value") {
                        for v in value.named_children() {
                            self.eval(v, 0, 0);
                        }
                    } else {
                        stack.extend(n.named_children());
                    }
                }
            }
        }
        for decl in root.named_children() {
            if matches!(decl.kind(), "function_declaration" | "method_declaration") {
                self.run_function(decl, None, 0);
            }
        }
    }

    /// Runs a function's body in a scope of its own and returns the values it returns. A
    /// closure (`around`: the scope it is written in) sees the variables around it and runs
    /// only sometimes.
    pub(super) fn run_function(
        &mut self,
        func: Node<'t>,
        around: Option<ScopeId>,
        depth: usize,
    ) -> Vec<Value> {
        let inner = self.scopes.open(around.unwrap_or(0), around.is_some());
        for field in ["receiver", "parameters", "result"] {
            if let Some(params) = func.child_by_field_name(field) {
                self.bind_params(params, inner);
            }
        }
        self.returns.push(Vec::new());
        if let Some(body) = func.child_by_field_name("body") {
            self.run_statements(body, inner, depth + 1);
        }
        self.scopes.close(inner);
        self.returns.pop().unwrap_or_default()
    }

    fn bind_params(&mut self, params: Node<'t>, scope: ScopeId) {
        for p in params.named_children() {
            let value = self.declared_type(p.child_by_field_name("type"));
            for name in p.children_by_field_name("name") {
                let name = self.text(name).to_string();
                self.scopes.insert(scope, name, value.clone());
            }
        }
    }

    /// What a name declared with this type and no value holds (see [`instance_of`]).
    pub(super) fn declared_type(&mut self, ty: Option<Node<'t>>) -> Value {
        let ty = ty.map(|t| match t.kind() {
            "pointer_type" => t.named_child(0).unwrap_or(t),
            _ => t,
        });
        match ty {
            Some(t) if t.kind() == "qualified_type" => {
                let name = self.type_name(t, 0);
                instance_of(Some(&name))
            }
            // One of the file's struct types: its fields' types are known.
            Some(t) if t.kind() == "type_identifier" => {
                let name = self.text(t);
                let prefix = format!("{name}.");
                if self.fields.keys().any(|k| k.starts_with(&prefix)) {
                    Value::Call(std::sync::Arc::new(crate::facts::CallValue {
                        callee: name.to_string(),
                        args: Vec::new(),
                    }))
                } else {
                    Value::Unknown
                }
            }
            _ => Value::Unknown,
        }
    }

    /// Runs the statements of a block (or a `case`) in a new scope.
    fn run_block(&mut self, block: Node<'t>, scope: ScopeId, sometimes: bool, depth: usize) {
        let inner = self.scopes.open(scope, sometimes);
        self.run_statements(block, inner, depth + 1);
        self.scopes.close(inner);
    }

    /// The statements under `node` (a block's `statement_list`, a case's), in `scope`.
    fn run_statements(&mut self, node: Node<'t>, scope: ScopeId, depth: usize) {
        for child in node.named_children() {
            if child.kind() == "statement_list" {
                self.run_statements(child, scope, depth);
            } else {
                self.statement(child, scope, depth);
            }
        }
    }

    pub(super) fn statement(&mut self, node: Node<'t>, scope: ScopeId, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        match node.kind() {
            "short_var_declaration" => {
                let (Some(left), Some(right)) = (
                    node.child_by_field_name("left"),
                    node.child_by_field_name("right"),
                ) else {
                    return;
                };
                self.declare_names(left.named_children().collect(), right, scope);
            }
            "var_declaration" | "const_declaration" => {
                let mut stack = vec![node];
                let mut iota = 0;
                while let Some(n) = stack.pop() {
                    if matches!(n.kind(), "var_spec" | "const_spec") {
                        let names: Vec<_> = n.children_by_field_name("name").collect();
                        self.iota = Some(iota);
                        iota += 1;
                        match n.child_by_field_name("value") {
                            Some(values) => self.declare_names(names, values, scope),
                            None => {
                                // `var key []byte` is nil; other zero values are not
                                // followed.
                                let ty = n.child_by_field_name("type");
                                let v = match ty {
                                    Some(t) if t.kind() == "slice_type" => Value::Null,
                                    // `var nonce [24]byte` is zeros until filled.
                                    Some(t)
                                        if t.kind() == "array_type"
                                            && self.text(t).trim_end().ends_with("byte") =>
                                    {
                                        self.literal(t, Some(t), None, scope, depth)
                                    }
                                    _ => self.declared_type(ty),
                                };
                                for name in names {
                                    self.bind(name, v.clone(), scope);
                                }
                            }
                        }
                        self.iota = None;
                    } else {
                        let children: Vec<_> = n.named_children().collect();
                        stack.extend(children.into_iter().rev());
                    }
                }
            }
            "assignment_statement" => self.assignment(node, scope),
            "inc_statement" | "dec_statement" => {
                if let Some(target) = node.named_child(0) {
                    self.store(target, Value::Unknown, scope);
                }
            }
            "return_statement" => {
                let values: Vec<Value> = match node.named_child(0) {
                    Some(list) => list
                        .named_children()
                        .map(|e| self.eval(e, scope, 0))
                        .collect(),
                    None => Vec::new(),
                };
                if let Some(top) = self.returns.last_mut() {
                    top.push(values.into_iter().next().unwrap_or(Value::Null));
                }
            }
            "block" => self.run_block(node, scope, false, depth),
            "if_statement" => {
                let inner = self.scopes.open(scope, false);
                if let Some(init) = node.child_by_field_name("initializer") {
                    self.statement(init, inner, depth + 1);
                }
                if let Some(c) = node.child_by_field_name("condition") {
                    self.eval(c, inner, 0);
                }
                if let Some(b) = node.child_by_field_name("consequence") {
                    self.run_block(b, inner, true, depth + 1);
                }
                if let Some(alt) = node.child_by_field_name("alternative") {
                    let branch = self.scopes.open(inner, true);
                    match alt.kind() {
                        "block" => self.run_statements(alt, branch, depth + 1),
                        _ => self.statement(alt, branch, depth + 1),
                    }
                    self.scopes.close(branch);
                }
                self.scopes.close(inner);
            }
            "for_statement" => {
                let inner = self.scopes.open(scope, true);
                for child in node.named_children() {
                    match child.kind() {
                        "for_clause" => {
                            if let Some(init) = child.child_by_field_name("initializer") {
                                self.statement(init, inner, depth + 1);
                            }
                            for f in ["condition", "update"] {
                                if let Some(n) = child.child_by_field_name(f) {
                                    self.statement(n, inner, depth + 1);
                                }
                            }
                        }
                        "range_clause" => {
                            if let Some(r) = child.child_by_field_name("right") {
                                self.eval(r, inner, 0);
                            }
                            if let Some(left) = child.child_by_field_name("left") {
                                for name in left.named_children() {
                                    self.bind(name, Value::Unknown, inner);
                                }
                            }
                        }
                        "block" => self.run_block(child, inner, true, depth + 1),
                        _ => {
                            self.eval(child, inner, 0);
                        }
                    }
                }
                self.scopes.close(inner);
            }
            "expression_switch_statement" | "type_switch_statement" | "select_statement" => {
                let inner = self.scopes.open(scope, false);
                for child in node.named_children() {
                    match child.kind() {
                        "expression_case" | "default_case" | "type_case" | "communication_case" => {
                            let case = self.scopes.open(inner, true);
                            for part in child.named_children() {
                                if part.kind().ends_with("_statement")
                                    || part.kind().ends_with("_declaration")
                                    || part.kind() == "statement_list"
                                {
                                    match part.kind() {
                                        "statement_list" => {
                                            self.run_statements(part, case, depth + 1)
                                        }
                                        _ => self.statement(part, case, depth + 1),
                                    }
                                } else {
                                    self.eval(part, case, 0);
                                }
                            }
                            self.scopes.close(case);
                        }
                        "expression_list" => {
                            // A type switch's `v := x.(type)`.
                            for name in child.named_children() {
                                self.bind(name, Value::Unknown, inner);
                            }
                        }
                        k if k.ends_with("_statement") || k.ends_with("_declaration") => {
                            self.statement(child, inner, depth + 1)
                        }
                        _ => {
                            self.eval(child, inner, 0);
                        }
                    }
                }
                self.scopes.close(inner);
            }
            "labeled_statement" => {
                for child in node.named_children() {
                    self.statement(child, scope, depth + 1);
                }
            }
            "function_declaration"
            | "method_declaration"
            | "type_declaration"
            | "comment"
            | "label_name" => {}
            _ => {
                // Expression, `go`, `defer`, `send` statements and any expression: their
                // calls are facts.
                for child in node.named_children() {
                    self.eval(child, scope, 0);
                }
                if node.kind().ends_with("_expression") || node.kind() == "identifier" {
                    self.eval(node, scope, 0);
                }
            }
        }
    }

    /// `a, b := x, y` (or `var a, b = x, y`): each name its value; `a, err := f()`: the
    /// first name the call's value, the others unknown.
    fn declare_names(&mut self, names: Vec<Node<'t>>, values: Node<'t>, scope: ScopeId) {
        let exprs: Vec<Node<'t>> = values
            .named_children()
            .filter(|c| c.kind() != "comment")
            .collect();
        if exprs.len() == names.len() {
            for (name, expr) in names.into_iter().zip(exprs) {
                let v = self.eval(expr, scope, 0);
                if let Some(base) = self.slice_base(expr) {
                    self.aliases.insert(self.text(name).to_string(), base);
                }
                self.bind(name, v, scope);
            }
            return;
        }
        let first = match exprs.first() {
            Some(e) => self.eval(*e, scope, 0),
            None => Value::Unknown,
        };
        let mut first = Some(first);
        for name in names {
            self.bind(name, first.take().unwrap_or(Value::Unknown), scope);
        }
    }

    /// Binds a declared name in `scope` (a `:=` of a name the scope has is an assignment).
    fn bind(&mut self, name: Node<'t>, value: Value, scope: ScopeId) {
        if name.kind() != "identifier" {
            return;
        }
        let name = self.text(name).to_string();
        if name == "_" {
            return;
        }
        self.scopes.insert(scope, name, value);
    }

    fn assignment(&mut self, node: Node<'t>, scope: ScopeId) {
        let (Some(left), Some(right)) = (
            node.child_by_field_name("left"),
            node.child_by_field_name("right"),
        ) else {
            return;
        };
        let op = node
            .child_by_field_name("operator")
            .map(|o| self.text(o))
            .unwrap_or("=");
        let targets: Vec<_> = left.named_children().collect();
        let exprs: Vec<_> = right
            .named_children()
            .filter(|c| c.kind() != "comment")
            .collect();
        let mut values: Vec<Value> = exprs.iter().map(|e| self.eval(*e, scope, 0)).collect();
        if values.len() != targets.len() {
            values = vec![Value::Unknown; targets.len()];
            if let Some(first) = exprs.first() {
                // `block, err = aes.NewCipher(key)`: the first target is the call's value.
                values[0] = self.eval(*first, scope, 0);
            }
        }
        for (target, value) in targets.into_iter().zip(values) {
            let value = match op {
                "=" => value,
                "+=" => {
                    let old = self.eval(target, scope, 0);
                    super::eval::add(old, value)
                }
                _ => Value::Unknown,
            };
            if op == "=" && target.kind() == "selector_expression" {
                self.emit_field_assignment(node, target, &value, scope);
            }
            self.store(target, value, scope);
        }
    }

    /// `cfg.InsecureSkipVerify = true`: an assignment fact to the field of what `cfg` is
    /// (`crypto/tls.Config().InsecureSkipVerify`).
    fn emit_field_assignment(
        &mut self,
        node: Node<'t>,
        target: Node<'t>,
        value: &Value,
        scope: ScopeId,
    ) {
        let (Some(object), Some(field)) = (
            target.child_by_field_name("operand"),
            target.child_by_field_name("field"),
        ) else {
            return;
        };
        let object = self.eval(object, scope, 0);
        let object = super::eval::name_of_object(object, self.text(target), self.text(field));
        let value_span = node
            .child_by_field_name("right")
            .map(span)
            .unwrap_or_else(|| span(node));
        self.facts.assigns.push(Assign {
            target: format!("{object}.{}", self.text(field)),
            value: value.clone(),
            span: span(node),
            value_span,
        });
    }

    /// Stores `value` into the place `target` names: a variable, one byte of a known
    /// buffer, or a field of a known literal.
    pub(super) fn store(&mut self, target: Node<'t>, value: Value, scope: ScopeId) {
        match target.kind() {
            "identifier" => {
                let name = self.text(target).to_string();
                self.assign(&name, value, scope);
            }
            "index_expression" => {
                let (Some(operand), Some(index)) = (
                    target.child_by_field_name("operand"),
                    target.child_by_field_name("index"),
                ) else {
                    return;
                };
                if operand.kind() != "identifier" {
                    return;
                }
                let name = self.text(operand).to_string();
                let index = self.eval(index, scope, 0);
                let new = match (self.current(&name, scope), index, value) {
                    (Value::Bytes(mut b), Value::Int(i), Value::Int(x)) => {
                        match (usize::try_from(i).ok(), u8::try_from(x).ok()) {
                            (Some(i), Some(x)) if i < b.len() => {
                                b[i] = x;
                                Value::Bytes(b)
                            }
                            _ => Value::Unknown,
                        }
                    }
                    // A constant byte at a place not known: still the same bytes every run.
                    (b @ Value::Bytes(_), _, Value::Int(_)) => b,
                    _ => Value::Unknown,
                };
                self.assign(&name, new, scope);
            }
            "selector_expression" => {
                let (Some(operand), Some(field)) = (
                    target.child_by_field_name("operand"),
                    target.child_by_field_name("field"),
                ) else {
                    return;
                };
                if operand.kind() != "identifier" {
                    return;
                }
                let name = self.text(operand).to_string();
                if let Value::Call(c) = self.current(&name, scope) {
                    let field = self.text(field).to_string();
                    let updated = member_named(&c, &field, value);
                    self.assign(&name, updated, scope);
                }
            }
            "unary_expression" | "parenthesized_expression" => {
                if let Some(inner) = target
                    .child_by_field_name("operand")
                    .or(target.named_child(0))
                {
                    if inner.kind() == "identifier" {
                        self.store(inner, Value::Unknown, scope);
                    }
                }
            }
            _ => {}
        }
    }

    /// What the local `name` holds in `scope` now (`Unknown` for anything else).
    fn current(&self, name: &str, scope: ScopeId) -> Value {
        self.scopes
            .lookup(name, scope)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// `name = value` seen from `scope`. Where a scope that runs only sometimes lies between
    /// the two, the value holds for the rest of `scope`, and the name's scopes outside it
    /// hold the join of the old and the new value.
    pub(super) fn assign(&mut self, name: &str, value: Value, scope: ScopeId) {
        let Some((defining, _)) = self.scopes.lookup(name, scope) else {
            return;
        };
        let mut s = scope;
        let mut sometimes = false;
        while s != defining {
            sometimes |= self.scopes.kind(s);
            s = self.scopes.parent(s).unwrap_or(defining);
        }
        let mut s = scope;
        loop {
            if let Some(old) = self.scopes.get(s, name) {
                let v = if sometimes && s != scope {
                    join(old.clone(), value.clone())
                } else {
                    value.clone()
                };
                self.scopes.insert(s, name.to_string(), v);
            } else if s == scope && sometimes {
                self.scopes.insert(s, name.to_string(), value.clone());
            }
            if s == defining {
                break;
            }
            s = self.scopes.parent(s).unwrap_or(defining);
        }
    }

    /// A call that may write into its arguments (anything but a function of a `crypto/`
    /// package other than `crypto/rand` and the ciphers' `XORKeyStream`, `CryptBlocks`,
    /// `Encrypt` and `Decrypt`, and the builtins that only read): each variable it
    /// is given, or a slice of, is no longer known, nor the variable that slice shares.
    pub(super) fn forget_written(&mut self, callee: &str, args: &[Node<'t>], scope: ScopeId) {
        // The crypto calls that write their output into their first argument.
        let writes = [
            ".XORKeyStream",
            ".CryptBlocks",
            ".Encrypt",
            ".Decrypt",
            ".XORBytes",
        ]
        .iter()
        .any(|m| callee.ends_with(m));
        let reads_only =
            (callee.starts_with("crypto/") && !callee.starts_with("crypto/rand.") && !writes)
                || matches!(
                    callee,
                    "len" | "cap" | "append" | "string" | "print" | "println" | "panic"
                )
                || callee.starts_with("fmt.")
                || callee.starts_with("encoding/hex.Encode")
                || callee.starts_with("strings.");
        if reads_only {
            return;
        }
        for arg in args {
            let mut names = Vec::new();
            if let Some(base) = self.slice_base(*arg) {
                names.push(base);
            }
            if arg.kind() == "identifier" {
                names.push(self.text(*arg).to_string());
            }
            if arg.kind() == "unary_expression" {
                if let Some(inner) = arg.child_by_field_name("operand") {
                    if inner.kind() == "identifier" {
                        names.push(self.text(inner).to_string());
                    }
                }
            }
            // Aliases are followed a few steps (`a := b[1:]; b := a[1:]` cannot loop).
            let mut steps = 0;
            while let Some(name) = names.pop() {
                steps += 1;
                if steps > 8 {
                    break;
                }
                if let Some(base) = self.aliases.get(&name) {
                    if *base != name {
                        names.push(base.clone());
                    }
                }
                // An instance (`h := md5.New()`) stays what it is when written into; only
                // data is forgotten.
                if matches!(
                    self.current(&name, scope),
                    Value::Unknown | Value::Call(_) | Value::Name(_)
                ) {
                    continue;
                }
                self.assign(&name, Value::Unknown, scope);
            }
        }
    }

    /// The variable a slice expression slices (`iv` of `iv[:8]`).
    pub(super) fn slice_base(&self, node: Node<'t>) -> Option<String> {
        if node.kind() != "slice_expression" {
            return None;
        }
        let operand = node.child_by_field_name("operand")?;
        (operand.kind() == "identifier").then(|| self.text(operand).to_string())
    }
}
