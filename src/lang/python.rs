//! Python front-end on tree-sitter-python. Two passes over the tree, both iterative so deep
//! nesting cannot overflow the stack: the first records what every name in every scope is bound
//! to (imports, single assignments, `with ... as`), the second emits facts with callee names
//! and argument values resolved through those bindings.

// Names are looked up per node: foldhash, not SipHash (SipHash was 5% of the instructions
// on JavaScript bundles).
use foldhash::{HashMap, HashMapExt};
use std::sync::Arc;

use super::flat::Node;

use super::flat;
use super::ts::{self, span, text};
use super::values::{compact, concat};
use super::LowerError;
use crate::facts::{
    Arg, Assign, Call, CallValue, Entry, EnvSet, Facts, Field, Record, Span, Value, UNKNOWN_PART,
};
use crate::source::SourceFile;

/// Deepest expression the evaluator follows before answering `Unknown`.
const MAX_EVAL_DEPTH: usize = 96;
/// Largest byte string a constant expression may build (`b"\0" * n`).
const MAX_BYTES: i64 = 1 << 20;

pub fn lower(src: &SourceFile) -> Result<Facts, LowerError> {
    let tree = flat::parse("python", || tree_sitter_python::LANGUAGE.into(), &src.text)?;
    let root = tree.root();
    let mut lowerer = Lowerer::new(&src.text);
    lowerer.bind(root);
    lowerer.contexts(root);
    let mut facts = lowerer.emit(root);
    facts.recovered_errors = ts::error_spans(root);
    Ok(facts)
}

/// At most the first KiB of a source text (at a character boundary): argument texts feed name
/// heuristics (`password`, `salt`), and a megabyte-long argument must not be copied per call.
fn capped(text: &str) -> &str {
    let mut end = text.len().min(1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ScopeKind {
    Module,
    Function,
    Class,
}

#[derive(Clone)]
enum Binding<'t> {
    /// `import a.b as c`, `from a import b`: the qualified name.
    Import(String),
    /// `x = <expr>`.
    Assign(Node<'t>),
    /// `with <expr> as x`.
    With(Node<'t>),
    /// `class Name: ...`, with the scope of its body (for class-level constants).
    Class(usize),
    /// A parameter, loop variable or anything else not statically known.
    Other,
}

struct Scope<'t> {
    kind: ScopeKind,
    parent: Option<usize>,
    bindings: HashMap<String, Vec<Binding<'t>>>,
}

struct Lowerer<'t> {
    src: &'t str,
    scopes: Vec<Scope<'t>>,
    /// Scope opened by a function, lambda or class node, by node id.
    opened: HashMap<usize, usize>,
    /// Class scope a method's `self` refers to, by function scope.
    self_class: HashMap<usize, usize>,
    /// Names being evaluated right now, to stop on `a = b; b = a`.
    evaluating: Vec<(usize, String)>,
    /// [`Self::context_text`] of every argument list, by node id, computed top-down in one
    /// pass: walking up to the enclosing statement from every argument list is quadratic in
    /// the nesting (with tree-sitter's own `parent`, which descends from the root, 10,000
    /// nested calls took minutes).
    arg_context: HashMap<usize, String>,
}

impl<'t> Lowerer<'t> {
    fn new(src: &'t str) -> Self {
        Lowerer {
            src,
            scopes: vec![Scope {
                kind: ScopeKind::Module,
                parent: None,
                bindings: HashMap::new(),
            }],
            opened: HashMap::new(),
            self_class: HashMap::new(),
            evaluating: Vec::new(),
            arg_context: HashMap::new(),
        }
    }

    fn text(&self, node: Node) -> &'t str {
        text(node, self.src)
    }

    fn define(&mut self, scope: usize, name: &str, binding: Binding<'t>) {
        self.scopes[scope]
            .bindings
            .entry(name.to_string())
            .or_default()
            .push(binding);
    }

    fn open_scope(&mut self, node: Node, kind: ScopeKind, parent: usize) -> usize {
        let id = self.scopes.len();
        self.scopes.push(Scope {
            kind,
            parent: Some(parent),
            bindings: HashMap::new(),
        });
        self.opened.insert(node.id(), id);
        id
    }

    /// The scope a child of `node` lives in.
    fn child_scope(&self, node: Node, scope: usize) -> usize {
        match node.kind() {
            "function_definition" | "lambda" | "class_definition" => {
                self.opened.get(&node.id()).copied().unwrap_or(scope)
            }
            _ => scope,
        }
    }

    // ---- pass 1: bindings -------------------------------------------------------------------

    fn bind(&mut self, root: Node<'t>) {
        let mut stack = vec![(root, 0usize)];
        while let Some((node, scope)) = stack.pop() {
            let mut inner = scope;
            match node.kind() {
                "function_definition" | "lambda" => {
                    if let Some(name) = node.child_by_field_name("name") {
                        let name = self.text(name);
                        self.define(scope, name, Binding::Other);
                    }
                    inner = self.open_scope(node, ScopeKind::Function, scope);
                    if self.scopes[scope].kind == ScopeKind::Class {
                        self.self_class.insert(inner, scope);
                    }
                    if let Some(params) = node.child_by_field_name("parameters") {
                        for name in identifiers_in(params, self.src) {
                            self.define(inner, &name, Binding::Other);
                        }
                    }
                }
                "class_definition" => {
                    inner = self.open_scope(node, ScopeKind::Class, scope);
                    if let Some(name) = node.child_by_field_name("name") {
                        let name = self.text(name);
                        self.define(scope, name, Binding::Class(inner));
                    }
                }
                "import_statement" => self.bind_import(node, scope),
                "import_from_statement" => self.bind_from_import(node, scope),
                "assignment" => self.bind_assignment(node, scope),
                "augmented_assignment" | "for_statement" | "for_in_clause" | "named_expression" => {
                    let target = node
                        .child_by_field_name("left")
                        .or_else(|| node.child_by_field_name("name"));
                    if let Some(target) = target {
                        for name in identifiers_in(target, self.src) {
                            self.define(scope, &name, Binding::Other);
                        }
                        if target.kind() == "attribute" {
                            self.bind_self_attribute(target, None, scope);
                        }
                    }
                }
                "global_statement" | "nonlocal_statement" => {
                    for name in identifiers_in(node, self.src) {
                        self.define(0, &name, Binding::Other);
                    }
                }
                "as_pattern" => {
                    // `with X as y` and `except E as y`.
                    let value = node.named_child(0);
                    if let Some(alias) = node.child_by_field_name("alias") {
                        let in_with = node.parent().is_some_and(|p| p.kind() == "with_item");
                        for name in identifiers_in(alias, self.src) {
                            let binding = match (in_with, value) {
                                (true, Some(v)) => Binding::With(v),
                                _ => Binding::Other,
                            };
                            self.define(scope, &name, binding);
                        }
                    }
                }
                _ => {}
            }
            let children: Vec<_> = node.named_children().collect();
            for child in children.into_iter().rev() {
                let s = if node.kind() == "class_definition" && child.kind() == "argument_list" {
                    scope
                } else {
                    inner
                };
                stack.push((child, s));
            }
        }
    }

    fn bind_import(&mut self, node: Node<'t>, scope: usize) {
        for child in node.children_by_field_name("name") {
            match child.kind() {
                "dotted_name" => {
                    let full = self.text(child);
                    let first = full.split('.').next().unwrap_or(full);
                    self.define(scope, first, Binding::Import(first.to_string()));
                }
                "aliased_import" => {
                    if let (Some(name), Some(alias)) = (
                        child.child_by_field_name("name"),
                        child.child_by_field_name("alias"),
                    ) {
                        let qualified = compact(self.text(name));
                        self.define(scope, self.text(alias), Binding::Import(qualified));
                    }
                }
                _ => {}
            }
        }
    }

    fn bind_from_import(&mut self, node: Node<'t>, scope: usize) {
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

    fn bind_assignment(&mut self, node: Node<'t>, scope: usize) {
        let Some(left) = node.child_by_field_name("left") else {
            return;
        };
        let right = node.child_by_field_name("right");
        match (left.kind(), right) {
            ("identifier", Some(right)) if right.kind() != "assignment" => {
                let name = self.text(left);
                self.define(scope, name, Binding::Assign(right));
            }
            ("identifier", None) => {}
            ("attribute", _) => self.bind_self_attribute(left, right, scope),
            _ => {
                for name in identifiers_in(left, self.src) {
                    self.define(scope, &name, Binding::Other);
                }
            }
        }
        // `a = b = value`: every target gets the value.
        if let Some(right) = right {
            if right.kind() == "assignment" {
                if let Some(value) = last_assignment_value(right) {
                    if left.kind() == "identifier" {
                        let name = self.text(left);
                        self.define(scope, name, Binding::Assign(value));
                    }
                }
            }
        }
    }

    /// `self.x = value` inside a method binds `self.x` in the class.
    fn bind_self_attribute(&mut self, target: Node<'t>, value: Option<Node<'t>>, scope: usize) {
        let Some(object) = target.child_by_field_name("object") else {
            return;
        };
        if self.text(object) != "self" {
            return;
        }
        let Some(class) = self.self_class.get(&scope).copied() else {
            return;
        };
        let name = format!(
            "self.{}",
            self.text(target.child_by_field_name("attribute").unwrap_or(target))
        );
        let binding = value.map(Binding::Assign).unwrap_or(Binding::Other);
        self.define(class, &name, binding);
    }

    // ---- name resolution --------------------------------------------------------------------

    /// The binding visible for `name` from `scope`, Python style: class bodies are not visible
    /// from the functions inside them.
    fn lookup(&self, name: &str, scope: usize) -> Option<(usize, &[Binding<'t>])> {
        let mut current = Some(scope);
        let mut first = true;
        while let Some(s) = current {
            let sc = &self.scopes[s];
            if first || sc.kind != ScopeKind::Class {
                if let Some(b) = sc.bindings.get(name) {
                    return Some((s, b));
                }
            }
            first = false;
            current = sc.parent;
        }
        None
    }

    fn resolve_identifier(&mut self, name: &str, scope: usize, depth: usize) -> Value {
        let Some((defining, bindings)) = self.lookup(name, scope) else {
            // A builtin or a name from a star import.
            return Value::Name(name.to_string());
        };
        if bindings.len() != 1 {
            // Reassigned: not a constant. An import bound twice to the same name still is.
            if let (Some(Binding::Import(a)), true) = (
                bindings.first(),
                bindings.iter().all(|b| matches!(b, Binding::Import(_))),
            ) {
                let a = a.clone();
                if bindings
                    .iter()
                    .all(|b| matches!(b, Binding::Import(x) if *x == a))
                {
                    return Value::Name(a);
                }
            }
            return Value::Unknown;
        }
        match bindings[0].clone() {
            Binding::Import(q) => Value::Name(q),
            Binding::Assign(node) | Binding::With(node) => {
                let key = (defining, name.to_string());
                if self.evaluating.contains(&key) {
                    return Value::Unknown;
                }
                self.evaluating.push(key);
                let v = self.eval(node, defining, depth + 1);
                self.evaluating.pop();
                v
            }
            Binding::Class(_) => Value::Name(name.to_string()),
            Binding::Other => Value::Unknown,
        }
    }

    /// `Config.VERIFY` where `class Config: VERIFY = False` assigns it once.
    fn class_constant(
        &mut self,
        class: Node<'t>,
        attr: &str,
        scope: usize,
        depth: usize,
    ) -> Option<Value> {
        if class.kind() != "identifier" {
            return None;
        }
        let class_scope = match self.lookup(self.text(class), scope) {
            Some((_, [Binding::Class(s)])) => *s,
            _ => return None,
        };
        let value = match self.scopes[class_scope]
            .bindings
            .get(attr)
            .map(Vec::as_slice)
        {
            Some([Binding::Assign(v)]) => *v,
            _ => return None,
        };
        let key = (class_scope, attr.to_string());
        if self.evaluating.contains(&key) {
            return None;
        }
        self.evaluating.push(key);
        let v = self.eval(value, class_scope, depth + 1);
        self.evaluating.pop();
        Some(v)
    }

    /// Where a name's single assignment is, for pointing at a constant's definition.
    fn origin_of(&self, node: Node, scope: usize) -> Option<Span> {
        if node.kind() != "identifier" {
            return None;
        }
        match self.lookup(self.text(node), scope) {
            Some((_, [Binding::Assign(value)])) => Some(span(*value)),
            _ => None,
        }
    }

    /// An argument's source text, followed by the right-hand sides of the single-assignment
    /// names it uses (`pw.encode()` ⟵ `request.form["password"]`), so lints that look at names
    /// (passwords, salts) see one step of data flow.
    ///
    /// `context` is [`Self::context_text`] of the node; the caller computes it once per call
    /// (every argument of a call has the call's context, and walking parents is the costly
    /// part: tree-sitter finds a node's parent by descending from the root).
    fn flow_text(&self, node: Node<'t>, scope: usize, context: &str) -> String {
        let mut out = capped(self.text(node)).to_string();
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
                    out.push_str(capped(self.text(*rhs)));
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
    fn context_text(&self, node: Node<'t>) -> String {
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
    fn contexts(&mut self, root: Node<'t>) {
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

    /// A dotted name for a callee or attribute: qualified when resolvable, `?`-prefixed
    /// source text otherwise, and `callee()` for attributes of an instance.
    fn qualified(&mut self, node: Node<'t>, scope: usize, depth: usize) -> String {
        match self.eval(node, scope, depth) {
            Value::Name(n) => n,
            Value::Call(c) => format!("{}()", c.callee),
            _ => format!("?{}", compact(self.text(node))),
        }
    }

    // ---- pass 2: facts ----------------------------------------------------------------------

    fn emit(&mut self, root: Node<'t>) -> Facts {
        let mut facts = Facts::default();
        let mut stack = vec![(root, 0usize)];
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
            let children: Vec<_> = node.named_children().collect();
            for child in children.into_iter().rev() {
                let s = if node.kind() == "class_definition" && child.kind() == "argument_list" {
                    scope
                } else {
                    inner
                };
                stack.push((child, s));
            }
        }
        facts
    }

    fn emit_call(&mut self, node: Node<'t>, scope: usize, facts: &mut Facts) {
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

    /// `with_text`: whether each argument gets its [`Arg::text`]. Call facts need it; the
    /// values of nested calls (`f(g(h(x)))` evaluated as an argument) do not, and building it
    /// for each of them made deeply nested calls quadratic in time and memory.
    fn args(&mut self, list: Node<'t>, scope: usize, depth: usize, with_text: bool) -> Vec<Arg> {
        let mut out = Vec::new();
        let mut index = Some(0usize);
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
                    let (Some(name), Some(value)) = (
                        child.child_by_field_name("name"),
                        child.child_by_field_name("value"),
                    ) else {
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
                                    text: capped(self.text(inner)).to_string(),
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
                            text: capped(self.text(child)).to_string(),
                        }),
                    }
                }
                "list_splat" => index = None,
                "comment" => {}
                _ => {
                    out.push(Arg {
                        name: None,
                        index,
                        value: self.eval(child, scope, depth + 1),
                        span: span(child),
                        origin: self.origin_of(child, scope),
                        text: if with_text {
                            self.flow_text(child, scope, &context)
                        } else {
                            String::new()
                        },
                    });
                    index = index.map(|i| i + 1);
                }
            }
        }
        out
    }

    fn emit_assignment(&mut self, node: Node<'t>, scope: usize, facts: &mut Facts) {
        let (Some(left), Some(right)) = (
            node.child_by_field_name("left"),
            node.child_by_field_name("right"),
        ) else {
            return;
        };
        let right = if right.kind() == "assignment" {
            last_assignment_value(right).unwrap_or(right)
        } else {
            right
        };
        let target = match left.kind() {
            "identifier" => {
                let kind = self.scopes[scope].kind;
                if kind == ScopeKind::Function {
                    return;
                }
                self.text(left).to_string()
            }
            "attribute" => {
                let (Some(object), Some(attr)) = (
                    left.child_by_field_name("object"),
                    left.child_by_field_name("attribute"),
                ) else {
                    return;
                };
                format!("{}.{}", self.qualified(object, scope, 0), self.text(attr))
            }
            "subscript" => {
                let (Some(object), Some(key)) = (
                    left.child_by_field_name("value"),
                    left.child_by_field_name("subscript"),
                ) else {
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
    fn emit_default(&mut self, node: Node<'t>, scope: usize, facts: &mut Facts) {
        let (Some(name), Some(value)) = (
            node.child_by_field_name("name"),
            node.child_by_field_name("value"),
        ) else {
            return;
        };
        // Defaults are evaluated in the scope that defines the function.
        let outer = self.scopes[scope].parent.unwrap_or(scope);
        let value_node = value;
        let value = self.eval(value_node, outer, 0);
        facts.assigns.push(Assign {
            target: format!("default:{}", self.text(name)),
            value,
            span: span(node),
            value_span: span(value_node),
        });
    }

    fn emit_entries(&mut self, node: Node<'t>, scope: usize, facts: &mut Facts) {
        let prefix = self.dict_path(node, scope);
        let pairs: Vec<_> = node
            .named_children()
            .filter(|c| c.kind() == "pair")
            .collect();
        let mut fields = Vec::new();
        for pair in pairs {
            let (Some(key), Some(value)) = (
                pair.child_by_field_name("key"),
                pair.child_by_field_name("value"),
            ) else {
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
            fields.push(Field {
                name: key.clone(),
                ty: String::new(),
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
        if fields.len() >= 2 {
            facts.records.push(Record {
                name: "dict".into(),
                bases: Vec::new(),
                fields,
                span: span(node),
            });
        }
    }

    /// Keys of the dict entries enclosing a dict literal, outermost first (at most 16).
    fn dict_path(&mut self, node: Node<'t>, scope: usize) -> String {
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

    fn emit_record(&mut self, node: Node<'t>, scope: usize, facts: &mut Facts) {
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
                let ty = match (
                    assignment.child_by_field_name("right"),
                    assignment.child_by_field_name("type"),
                ) {
                    (Some(right), _) if right.kind() == "call" => {
                        match right.child_by_field_name("function") {
                            Some(f) => self.qualified(f, class_scope, 0),
                            None => String::new(),
                        }
                    }
                    (_, Some(ty)) => self.text(ty).to_string(),
                    _ => String::new(),
                };
                fields.push(Field {
                    name: self.text(left).to_string(),
                    ty,
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

    // ---- constant evaluation ----------------------------------------------------------------

    fn eval(&mut self, node: Node<'t>, scope: usize, depth: usize) -> Value {
        if depth > MAX_EVAL_DEPTH {
            return Value::Unknown;
        }
        match node.kind() {
            "identifier" => {
                let name = self.text(node);
                self.resolve_identifier(name, scope, depth)
            }
            "attribute" => self.eval_attribute(node, scope, depth),
            "call" => self.eval_call(node, scope, depth),
            "string" => self.eval_string(node, scope, depth),
            "concatenated_string" => {
                let parts: Vec<_> = node
                    .named_children()
                    .filter(|c| c.kind() == "string")
                    .collect();
                let mut acc: Option<Value> = None;
                for part in parts {
                    let v = self.eval_string(part, scope, depth + 1);
                    acc = Some(match acc {
                        None => v,
                        Some(a) => concat(a, v, false),
                    });
                }
                acc.unwrap_or(Value::Unknown)
            }
            "integer" => parse_int(self.text(node))
                .map(Value::Int)
                .unwrap_or(Value::Unknown),
            "float" => self
                .text(node)
                .replace('_', "")
                .parse()
                .map(Value::Float)
                .unwrap_or(Value::Unknown),
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            "none" => Value::Null,
            "parenthesized_expression" | "await" | "expression_statement" => {
                match node.named_child(0) {
                    Some(inner) => self.eval(inner, scope, depth + 1),
                    None => Value::Unknown,
                }
            }
            "unary_operator" => {
                let operand = node
                    .child_by_field_name("argument")
                    .map(|a| self.eval(a, scope, depth + 1));
                let op = node.child_by_field_name("operator").map(|o| self.text(o));
                match (op, operand) {
                    (Some("-"), Some(Value::Int(i))) => Value::Int(-i),
                    (Some("+"), Some(v @ Value::Int(_))) => v,
                    _ => Value::Unknown,
                }
            }
            "binary_operator" => self.eval_binary(node, scope, depth),
            "not_operator" => match node
                .child_by_field_name("argument")
                .map(|a| self.eval(a, scope, depth + 1))
            {
                Some(Value::Bool(b)) => Value::Bool(!b),
                _ => Value::Unknown,
            },
            "dictionary" => {
                let mut entries = Vec::new();
                let children: Vec<_> = node.named_children().collect();
                for child in children {
                    match child.kind() {
                        "pair" => {
                            let (Some(k), Some(v)) = (
                                child.child_by_field_name("key"),
                                child.child_by_field_name("value"),
                            ) else {
                                continue;
                            };
                            if let Value::Str(k) = self.eval(k, scope, depth + 1) {
                                let v = self.eval(v, scope, depth + 1);
                                entries.push((k, v));
                            }
                        }
                        "dictionary_splat" => {
                            if let Some(inner) = child.named_child(0) {
                                if let Value::Map(more) = self.eval(inner, scope, depth + 1) {
                                    entries.extend(more.iter().cloned());
                                }
                            }
                        }
                        _ => {}
                    }
                }
                Value::Map(entries.into())
            }
            "list" | "tuple" => {
                let children: Vec<_> = node
                    .named_children()
                    .filter(|c| c.kind() != "comment")
                    .collect();
                Value::List(
                    children
                        .into_iter()
                        .map(|c| self.eval(c, scope, depth + 1))
                        .collect::<Vec<_>>()
                        .into(),
                )
            }
            _ => Value::Unknown,
        }
    }

    fn eval_attribute(&mut self, node: Node<'t>, scope: usize, depth: usize) -> Value {
        let (Some(object), Some(attr)) = (
            node.child_by_field_name("object"),
            node.child_by_field_name("attribute"),
        ) else {
            return Value::Unknown;
        };
        let attr = self.text(attr);
        if self.text(object) == "self" {
            if let Some(class) = self.enclosing_self_class(scope) {
                let key = format!("self.{attr}");
                if let Some(bindings) = self.scopes[class].bindings.get(&key) {
                    if let [Binding::Assign(value)] = bindings.as_slice() {
                        let value = *value;
                        let guard = (class, key);
                        if !self.evaluating.contains(&guard) {
                            self.evaluating.push(guard);
                            let v = self.eval(value, scope, depth + 1);
                            self.evaluating.pop();
                            return match v {
                                v @ (Value::Call(_) | Value::Name(_)) => v,
                                Value::Unknown => Value::Name(format!("?self.{attr}")),
                                other => other,
                            };
                        }
                    }
                }
            }
        }
        if let Some(v) = self.class_constant(object, attr, scope, depth) {
            return v;
        }
        match self.eval(object, scope, depth + 1) {
            Value::Name(base) => Value::Name(format!("{base}.{attr}")),
            Value::Call(c) => Value::Name(format!("{}().{attr}", c.callee)),
            _ => Value::Name(format!("?{}.{attr}", compact(self.text(object)))),
        }
    }

    fn enclosing_self_class(&self, scope: usize) -> Option<usize> {
        let mut current = Some(scope);
        while let Some(s) = current {
            if let Some(class) = self.self_class.get(&s) {
                return Some(*class);
            }
            current = self.scopes[s].parent;
        }
        None
    }

    fn eval_call(&mut self, node: Node<'t>, scope: usize, depth: usize) -> Value {
        let Some(function) = node.child_by_field_name("function") else {
            return Value::Unknown;
        };
        let args = match node.child_by_field_name("arguments") {
            Some(list) if list.kind() == "argument_list" => {
                self.args(list, scope, depth + 1, false)
            }
            _ => Vec::new(),
        };
        // Methods of constant strings and bytes.
        if function.kind() == "attribute" {
            if let (Some(object), Some(attr)) = (
                function.child_by_field_name("object"),
                function.child_by_field_name("attribute"),
            ) {
                let method = self.text(attr);
                if matches!(
                    method,
                    "encode" | "decode" | "strip" | "lower" | "upper" | "rstrip" | "lstrip"
                ) {
                    match (self.eval(object, scope, depth + 1), method) {
                        (Value::Str(s), "encode") => return Value::Bytes(s.into_bytes()),
                        (Value::Bytes(b), "decode") => {
                            return Value::Str(String::from_utf8_lossy(&b).into_owned())
                        }
                        (Value::Str(s), "strip") => return Value::Str(s.trim().to_string()),
                        (Value::Str(s), "lower") => return Value::Str(s.to_lowercase()),
                        (Value::Str(s), "upper") => return Value::Str(s.to_uppercase()),
                        (Value::Str(_) | Value::Bytes(_), _) => return Value::Unknown,
                        _ => {}
                    }
                }
            }
        }
        let callee = self.qualified(function, scope, depth + 1);
        // Only the callees matched below look at the first argument; cloning it for every call
        // made nested calls quadratic (each level copied the whole chain below it).
        let wants_first = matches!(
            callee.as_str(),
            "bytes"
                | "bytearray"
                | "bytes.fromhex"
                | "binascii.unhexlify"
                | "binascii.a2b_hex"
                | "codecs.decode"
                | "base64.b64decode"
                | "base64.urlsafe_b64decode"
                | "base64.standard_b64decode"
                | "str"
                | "int"
                | "dict"
        );
        let first = if wants_first {
            args.iter()
                .find(|a| a.index == Some(0))
                .map(|a| a.value.clone())
        } else {
            None
        };
        match (callee.as_str(), first) {
            ("bytes" | "bytearray", Some(Value::Int(n))) if (0..=MAX_BYTES).contains(&n) => {
                return Value::Bytes(vec![0; n as usize])
            }
            ("bytes" | "bytearray", Some(Value::List(items))) => {
                let bytes: Option<Vec<u8>> = items
                    .iter()
                    .map(|i| match i {
                        Value::Int(b) => u8::try_from(*b).ok(),
                        _ => None,
                    })
                    .collect();
                if let Some(bytes) = bytes {
                    return Value::Bytes(bytes);
                }
            }
            ("bytes" | "bytearray", Some(b @ Value::Bytes(_))) => return b,
            (
                "bytes.fromhex" | "binascii.unhexlify" | "binascii.a2b_hex" | "codecs.decode",
                Some(v),
            ) => {
                if let Some(bytes) = v.as_text().and_then(decode_hex).or_else(|| match &v {
                    Value::Bytes(b) => decode_hex(&String::from_utf8_lossy(b)),
                    _ => None,
                }) {
                    return Value::Bytes(bytes);
                }
            }
            (
                "base64.b64decode" | "base64.urlsafe_b64decode" | "base64.standard_b64decode",
                Some(v),
            ) => {
                let text = match &v {
                    Value::Str(s) => Some(s.clone()),
                    Value::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
                    _ => None,
                };
                if let Some(bytes) = text.and_then(|t| decode_base64(&t)) {
                    return Value::Bytes(bytes);
                }
            }
            ("str", Some(s @ Value::Str(_))) => return s,
            ("int", Some(i @ Value::Int(_))) => return i,
            ("dict", None) => {
                let entries: Vec<_> = args
                    .iter()
                    .filter_map(|a| a.name.clone().map(|n| (n, a.value.clone())))
                    .collect();
                if entries.len() == args.len() {
                    return Value::Map(entries.into());
                }
            }
            _ => {}
        }
        Value::Call(Arc::new(CallValue { callee, args }))
    }

    fn eval_binary(&mut self, node: Node<'t>, scope: usize, depth: usize) -> Value {
        let (Some(l), Some(r), Some(op)) = (
            node.child_by_field_name("left"),
            node.child_by_field_name("right"),
            node.child_by_field_name("operator"),
        ) else {
            return Value::Unknown;
        };
        let op = self.text(op);
        let left = self.eval(l, scope, depth + 1);
        let right = self.eval(r, scope, depth + 1);
        match (op, left, right) {
            ("+", a @ (Value::Str(_) | Value::Partial(_)), b)
            | ("+", a, b @ (Value::Str(_) | Value::Partial(_))) => concat(a, b, false),
            ("+", Value::Bytes(mut a), Value::Bytes(b)) => {
                a.extend(b);
                Value::Bytes(a)
            }
            ("*", Value::Bytes(b), Value::Int(n)) | ("*", Value::Int(n), Value::Bytes(b))
                if n >= 0 && (b.len() as i64) * n <= MAX_BYTES =>
            {
                Value::Bytes(b.repeat(n as usize))
            }
            ("*", Value::Str(s), Value::Int(n)) if n >= 0 && (s.len() as i64) * n <= MAX_BYTES => {
                Value::Str(s.repeat(n as usize))
            }
            ("%", Value::Str(s), _) => Value::Partial(percent_format(&s)),
            (op, Value::Int(a), Value::Int(b)) => match op {
                "+" => a.checked_add(b).map(Value::Int).unwrap_or(Value::Unknown),
                "-" => a.checked_sub(b).map(Value::Int).unwrap_or(Value::Unknown),
                "*" => a.checked_mul(b).map(Value::Int).unwrap_or(Value::Unknown),
                "//" if b != 0 => Value::Int(a.div_euclid(b)),
                "**" if (0..64).contains(&b) => a
                    .checked_pow(b as u32)
                    .map(Value::Int)
                    .unwrap_or(Value::Unknown),
                "<<" if (0..63).contains(&b) => a
                    .checked_shl(b as u32)
                    .map(Value::Int)
                    .unwrap_or(Value::Unknown),
                _ => Value::Unknown,
            },
            _ => Value::Unknown,
        }
    }

    fn eval_string(&mut self, node: Node<'t>, scope: usize, depth: usize) -> Value {
        let raw = self.text(node);
        let prefix: String = raw
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect::<String>()
            .to_ascii_lowercase();
        let is_bytes = prefix.contains('b');
        let is_raw = prefix.contains('r');
        let mut out = String::new();
        let mut bytes = Vec::new();
        let mut partial = false;
        let children: Vec<_> = node.named_children().collect();
        for child in children {
            match child.kind() {
                "string_content" => {
                    // Escape sequences are separate children; content may still hold some
                    // when the grammar folds them (raw strings).
                    let t = self.text(child);
                    if is_bytes {
                        bytes.extend_from_slice(t.as_bytes());
                    } else {
                        out.push_str(t);
                    }
                    let escapes: Vec<_> = child.named_children().collect();
                    if !escapes.is_empty() {
                        // Re-decode the whole content with escapes.
                        let decoded = if is_raw {
                            t.as_bytes().to_vec()
                        } else {
                            unescape(t)
                        };
                        if is_bytes {
                            bytes.truncate(bytes.len() - t.len());
                            bytes.extend(decoded);
                        } else {
                            out.truncate(out.len() - t.len());
                            out.push_str(&String::from_utf8_lossy(&decoded));
                        }
                    }
                }
                "escape_sequence" => {
                    let decoded = unescape(self.text(child));
                    if is_bytes {
                        bytes.extend(decoded);
                    } else {
                        out.push_str(&String::from_utf8_lossy(&decoded));
                    }
                }
                "interpolation" => {
                    let value = child
                        .child_by_field_name("expression")
                        .map(|e| self.eval(e, scope, depth + 1));
                    match value {
                        Some(Value::Str(s)) => out.push_str(&s),
                        Some(Value::Int(i)) => out.push_str(&i.to_string()),
                        _ => {
                            out.push(UNKNOWN_PART);
                            partial = true;
                        }
                    }
                }
                _ => {}
            }
        }
        if is_bytes {
            Value::Bytes(bytes)
        } else if partial {
            Value::Partial(out)
        } else {
            Value::Str(out)
        }
    }
}

/// Every identifier bound by a target or parameter list (skipping defaults and annotations).
fn identifiers_in(node: Node, src: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        match n.kind() {
            "identifier" => out.push(text(n, src).to_string()),
            "default_parameter" | "typed_default_parameter" | "typed_parameter" => {
                if let Some(name) = n.child_by_field_name("name").or_else(|| n.named_child(0)) {
                    stack.push(name);
                }
            }
            "attribute" | "subscript" | "type" => {}
            _ => {
                stack.extend(n.named_children());
            }
        }
    }
    out
}

fn last_assignment_value(mut node: Node) -> Option<Node> {
    for _ in 0..64 {
        let right = node.child_by_field_name("right")?;
        if right.kind() != "assignment" {
            return Some(right);
        }
        node = right;
    }
    None
}

/// `"http://%s/x" % host`: the template with every conversion unknown.
fn percent_format(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '%' {
            if chars.peek() == Some(&'%') {
                chars.next();
                out.push('%');
                continue;
            }
            while let Some(&n) = chars.peek() {
                chars.next();
                if n.is_ascii_alphabetic() {
                    break;
                }
            }
            out.push(UNKNOWN_PART);
        } else {
            out.push(c);
        }
    }
    out
}

fn parse_int(t: &str) -> Option<i64> {
    let t = t.replace('_', "").to_ascii_lowercase();
    let t = t.trim_end_matches('l');
    if let Some(h) = t.strip_prefix("0x") {
        i64::from_str_radix(h, 16).ok()
    } else if let Some(o) = t.strip_prefix("0o") {
        i64::from_str_radix(o, 8).ok()
    } else if let Some(b) = t.strip_prefix("0b") {
        i64::from_str_radix(b, 2).ok()
    } else {
        t.parse().ok()
    }
}

/// Decodes Python escape sequences into bytes (`\x00`, `\n`, `\\`, octal, `\u` as UTF-8).
pub fn unescape(s: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' || i + 1 >= b.len() {
            out.push(b[i]);
            i += 1;
            continue;
        }
        let c = b[i + 1];
        i += 2;
        match c {
            b'n' => out.push(b'\n'),
            b't' => out.push(b'\t'),
            b'r' => out.push(b'\r'),
            b'0'..=b'7' => {
                let mut v = (c - b'0') as u32;
                let mut n = 1;
                while n < 3 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                    v = v * 8 + (b[i] - b'0') as u32;
                    i += 1;
                    n += 1;
                }
                out.push(v as u8);
            }
            b'x' if i + 2 <= b.len() => {
                match u8::from_str_radix(s.get(i..i + 2).unwrap_or(""), 16) {
                    Ok(v) => out.push(v),
                    Err(_) => out.extend_from_slice(b"\\x"),
                }
                i += 2;
            }
            b'u' | b'U' => {
                let n = if c == b'u' { 4 } else { 8 };
                let code = s
                    .get(i..i + n)
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .and_then(char::from_u32);
                match code {
                    Some(ch) => {
                        let mut buf = [0; 4];
                        out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                        i += n;
                    }
                    None => out.extend_from_slice(&[b'\\', c]),
                }
            }
            b'\n' => {}
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'v' => out.push(11),
            other => {
                if !matches!(other, b'\\' | b'\'' | b'"') {
                    out.push(b'\\');
                }
                out.push(other);
            }
        }
    }
    out
}

pub fn decode_hex(s: &str) -> Option<Vec<u8>> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if s.is_empty() || s.len() % 2 != 0 {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

pub fn decode_base64(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut acc = 0u32;
    let mut bits = 0;
    for c in s.trim().bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            b'\n' | b'\r' | b' ' => continue,
            _ => return None,
        } as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::FileKind;

    fn facts(code: &str) -> Facts {
        let src = SourceFile::new("t.py".into(), "t.py".into(), FileKind::Python, code.into());
        lower(&src).unwrap()
    }

    /// The one-pass argument contexts equal the walk up the parents they replace.
    #[test]
    fn precomputed_argument_contexts_equal_the_parent_walk() {
        let code = "import hashlib\nx = f(a, g(b))\ndef set_password(self, raw):\n    self.pw = hashlib.md5(raw.encode()).hexdigest()\n    y = [h(1) for _ in k(2)]\n    def inner():\n        return m(3)\n    z = lambda: q(4)\nclass C:\n    a = b(5)\n    def meth(self):\n        c = d(e(6), key=r(7))\nw = {'k': s(8)}\nu: int = t(9)\nv += p(10)\n";
        let tree = flat::parse("python", || tree_sitter_python::LANGUAGE.into(), code).unwrap();
        let root = tree.root();
        let mut l = Lowerer::new(code);
        l.bind(root);
        l.contexts(root);
        let fast = std::mem::take(&mut l.arg_context);
        assert!(fast.len() >= 10, "{}", fast.len());
        let mut stack = vec![root];
        let mut seen = 0;
        while let Some(n) = stack.pop() {
            if n.kind() == "argument_list" {
                assert_eq!(fast[&n.id()], l.context_text(n), "{}", l.text(n));
                seen += 1;
            }
            stack.extend(n.named_children());
        }
        assert_eq!(seen, fast.len());
    }

    fn call<'a>(f: &'a Facts, callee: &str) -> &'a Call {
        f.calls
            .iter()
            .find(|c| c.callee == callee)
            .unwrap_or_else(|| {
                panic!(
                    "no call {callee}: {:?}",
                    f.calls.iter().map(|c| &c.callee).collect::<Vec<_>>()
                )
            })
    }

    #[test]
    fn aliases_and_instances_resolve() {
        let f = facts("import requests as r\nfrom ssl import CERT_NONE as N\ns = r.Session()\ns.get(u, verify=False)\nx = N\n");
        let c = call(&f, "requests.Session().get");
        assert_eq!(
            c.arg(Some("verify"), None).unwrap().value,
            Value::Bool(false)
        );
        assert!(f
            .assigns
            .iter()
            .any(|a| a.target == "x" && a.value == Value::Name("ssl.CERT_NONE".into())));
    }

    #[test]
    fn constants_flow_into_calls() {
        let f = facts("import requests\nHOST = 'api.example.com'\nURL = 'http://' + HOST + '/v1'\nKW = {'verify': False}\ndef f():\n    requests.post(URL, **KW)\n");
        let c = call(&f, "requests.post");
        assert_eq!(
            c.arg(None, Some(0)).unwrap().value,
            Value::Str("http://api.example.com/v1".into())
        );
        assert_eq!(
            c.arg(Some("verify"), None).unwrap().value,
            Value::Bool(false)
        );
    }

    #[test]
    fn reassigned_names_are_not_constants() {
        let f = facts("import requests\nv = False\nv = True\nrequests.get(u, verify=v)\n");
        assert_eq!(
            call(&f, "requests.get")
                .arg(Some("verify"), None)
                .unwrap()
                .value,
            Value::Unknown
        );
    }

    #[test]
    fn bytes_expressions_evaluate() {
        let f = facts("from Crypto.Cipher import AES\nIV = b'\\x00' * 16\nAES.new(k, AES.MODE_CBC, iv=IV)\nAES.new(k, AES.MODE_CBC, bytes(16))\n");
        let calls: Vec<_> = f
            .calls
            .iter()
            .filter(|c| c.callee == "Crypto.Cipher.AES.new")
            .collect();
        assert_eq!(
            calls[0].arg(Some("iv"), None).unwrap().value,
            Value::Bytes(vec![0; 16])
        );
        assert_eq!(
            calls[1].arg(None, Some(2)).unwrap().value,
            Value::Bytes(vec![0; 16])
        );
        assert_eq!(
            calls[0].arg(None, Some(1)).unwrap().value,
            Value::Name("Crypto.Cipher.AES.MODE_CBC".into())
        );
    }

    #[test]
    fn fstrings_keep_known_parts() {
        let f = facts("import requests\ndef g(host):\n    requests.get(f'http://{host}/x')\n");
        assert_eq!(
            call(&f, "requests.get").args[0].value,
            Value::Partial("http://\u{FFFD}/x".into())
        );
    }

    #[test]
    fn environment_writes_are_env_facts() {
        let f = facts("import os\nos.environ['PYTHONHTTPSVERIFY'] = '0'\n");
        assert_eq!(f.envs[0].name, "PYTHONHTTPSVERIFY");
        assert_eq!(f.envs[0].value, Value::Str("0".into()));
    }

    #[test]
    fn self_attributes_keep_their_type() {
        let f = facts("import requests\nclass C:\n    def __init__(self):\n        self.s = requests.Session()\n    def go(self):\n        self.s.get(u, verify=False)\n");
        call(&f, "requests.Session().get");
    }

    #[test]
    fn nested_dict_entries_have_paths() {
        let f = facts("D = {'default': {'OPTIONS': {'sslmode': 'disable'}}}\n");
        assert!(f.entries.iter().any(
            |e| e.path == "default.OPTIONS.sslmode" && e.value == Value::Str("disable".into())
        ));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let code = format!("x = {}1{}\n", "(".repeat(5000), ")".repeat(5000));
        let _ = facts(&code);
        let code = format!("f({}1{})\n", "[".repeat(5000), "]".repeat(5000));
        let _ = facts(&code);
    }
}
