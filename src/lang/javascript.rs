//! JavaScript and TypeScript front-end (tree-sitter-javascript for `.js .mjs .cjs .jsx`,
//! tree-sitter-typescript for `.ts .mts .cts` and its TSX grammar for `.tsx`). Both grammars
//! share their expression node kinds, so one lowerer serves both. Two passes over the tree, both
//! iterative so deep nesting cannot overflow the stack: the first records what every name in
//! every scope is bound to (`require`, `import`, single `const`/`let`/`var` declarations,
//! destructuring), the second emits facts with callee names and argument values resolved
//! through those bindings. `new X(...)` is lowered as a call of `X`, and an instance keeps the
//! constructor call as its value, so `new https.Agent({...})` passed as `agent` is a
//! `Value::Call` whose arguments a lint can look inside.
//!
//! Minified bundles are skipped (they are build output, not source) unless named explicitly.

// Names are looked up per node: foldhash, not SipHash (SipHash was 5% of the instructions
// on JavaScript bundles).
use foldhash::{HashMap, HashMapExt};
use std::sync::Arc;

use super::flat::Node;

use super::flat;
use super::ts::{self, span, text};
use super::values::{compact, concat};
use super::LowerError;
use crate::classify::FileKind;
use crate::facts::{
    Arg, Assign, Call, CallValue, Entry, EnvSet, Facts, Field, Record, Span, Value, UNKNOWN_PART,
};
use crate::source::SourceFile;

/// Deepest expression the evaluator follows before answering `Unknown`.
const MAX_EVAL_DEPTH: usize = 32;
/// Evaluation steps per file before every further evaluation answers `Unknown`: constants that
/// reference each other twice over (`const b = {x: a, y: a}`) would otherwise grow exponentially.
const MAX_STEPS: usize = 4_000_000;
/// Largest byte buffer a constant expression may build (`Buffer.alloc(n)`).
const MAX_BYTES: i64 = 1 << 20;
/// Nodes looked at when deciding whether a function can return something.
const MAX_FUNCTION_SCAN: usize = 4096;

/// The value of a function that never returns anything but `undefined` or `null`
/// (`checkServerIdentity: () => undefined` accepts every certificate).
pub const FUNCTION_RETURNING_NOTHING: &str = "(function returning nothing)";
/// The value of any other function expression.
pub const FUNCTION: &str = "(function)";

pub fn lower(src: &SourceFile) -> Result<Facts, LowerError> {
    let lower_name = src.display.to_ascii_lowercase();
    if [".d.ts", ".d.mts", ".d.cts"]
        .iter()
        .any(|e| lower_name.ends_with(e))
    {
        // Type declarations hold no code that runs.
        return Ok(Facts::default());
    }
    if !src.explicit {
        if let Some(reason) = minified(&src.display, &src.text) {
            return Err(LowerError::skip(reason));
        }
    }
    let tsx = src.display.to_ascii_lowercase().ends_with(".tsx");
    let tree = match (src.kind, tsx) {
        (FileKind::TypeScript, true) => flat::parse(
            "tsx",
            || tree_sitter_typescript::LANGUAGE_TSX.into(),
            &src.text,
        )?,
        (FileKind::TypeScript, false) => flat::parse(
            "typescript",
            || tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into(),
            &src.text,
        )?,
        _ => flat::parse(
            "javascript",
            || tree_sitter_javascript::LANGUAGE.into(),
            &src.text,
        )?,
    };
    let root = tree.root();
    let mut lowerer = Lowerer::new(&src.text);
    lowerer.bind(root);
    let mut facts = lowerer.emit(root);
    facts.recovered_errors = ts::error_spans(root);
    Ok(facts)
}

/// Why a file looks like a minified bundle, if it does: a `.min.js` name, or lines far longer
/// than anyone writes by hand.
pub fn minified(name: &str, text: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    let base = lower.rsplit('/').next().unwrap_or(&lower);
    if base.contains(".min.") || base.contains("-min.") {
        return Some("minified bundle (name it explicitly to scan it)".into());
    }
    if text.len() < 4096 {
        return None;
    }
    let lines = text.lines().count().max(1);
    let longest = text.lines().map(str::len).max().unwrap_or(0);
    if longest > 20_000 || text.len() / lines > 400 {
        return Some("minified bundle: very long lines (name it explicitly to scan it)".into());
    }
    None
}

#[derive(Clone)]
enum Binding<'t> {
    /// `import x from 'm'`, `require('m')` results resolve through `Assign`; this is the
    /// qualified name of an import binding.
    Import(String),
    /// `const x = <expr>`.
    Assign(Node<'t>),
    /// `const { key: x } = <expr>`: the member `key` of the expression.
    Member(Node<'t>, String),
    /// A parameter, a reassigned variable or anything else not statically known.
    Other,
}

struct Scope<'t> {
    parent: Option<usize>,
    bindings: HashMap<String, Vec<Binding<'t>>>,
}

struct Lowerer<'t> {
    src: &'t str,
    scopes: Vec<Scope<'t>>,
    /// Scope opened by a function, block or class node, by node id.
    opened: HashMap<usize, usize>,
    /// Names being evaluated right now, to stop on `const a = b, b = a`.
    evaluating: Vec<(usize, String)>,
    /// Values of single-binding names already evaluated.
    memo: HashMap<(usize, String), Value>,
    steps: usize,
}

/// Functions, blocks and class bodies get their own scope.
fn opens_scope(kind: &str) -> bool {
    is_function(kind)
        || matches!(
            kind,
            "statement_block"
                | "for_statement"
                | "for_in_statement"
                | "catch_clause"
                | "class_body"
        )
}

fn is_function(kind: &str) -> bool {
    matches!(
        kind,
        "function_expression"
            | "function"
            | "generator_function"
            | "arrow_function"
            | "method_definition"
            | "function_declaration"
            | "generator_function_declaration"
    )
}

impl<'t> Lowerer<'t> {
    fn new(src: &'t str) -> Self {
        Lowerer {
            src,
            scopes: vec![Scope {
                parent: None,
                bindings: HashMap::new(),
            }],
            opened: HashMap::new(),
            evaluating: Vec::new(),
            memo: HashMap::new(),
            steps: 0,
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

    // ---- pass 1: bindings -------------------------------------------------------------------

    fn bind(&mut self, root: Node<'t>) {
        let mut reassigned: Vec<(usize, String)> = Vec::new();
        let mut stack = vec![(root, 0usize)];
        while let Some((node, scope)) = stack.pop() {
            let kind = node.kind();
            let mut inner = scope;
            if opens_scope(kind) {
                let id = self.scopes.len();
                self.scopes.push(Scope {
                    parent: Some(scope),
                    bindings: HashMap::new(),
                });
                self.opened.insert(node.id(), id);
                inner = id;
            }
            match kind {
                "function_declaration" | "generator_function_declaration" => {
                    if let Some(name) = node.child_by_field_name("name") {
                        let name = self.text(name);
                        self.define(scope, name, Binding::Other);
                    }
                    self.bind_params(node, inner);
                }
                "function_expression"
                | "function"
                | "generator_function"
                | "arrow_function"
                | "method_definition" => {
                    if kind != "method_definition" {
                        if let Some(name) = node.child_by_field_name("name") {
                            let name = self.text(name);
                            self.define(inner, name, Binding::Other);
                        }
                    }
                    self.bind_params(node, inner);
                }
                "class_declaration" | "abstract_class_declaration" => {
                    if let Some(name) = node.child_by_field_name("name") {
                        let name = self.text(name);
                        self.define(scope, name, Binding::Other);
                    }
                }
                "variable_declarator" => self.bind_declarator(node, scope),
                "import_statement" => self.bind_import(node, scope),
                "assignment_expression" | "augmented_assignment_expression" => {
                    if let Some(left) = node.child_by_field_name("left") {
                        if left.kind() == "identifier" {
                            reassigned.push((scope, self.text(left).to_string()));
                        } else if matches!(left.kind(), "object_pattern" | "array_pattern") {
                            for name in pattern_identifiers(left, self.src) {
                                reassigned.push((scope, name));
                            }
                        }
                    }
                }
                "update_expression" => {
                    if let Some(arg) = node.child_by_field_name("argument") {
                        if arg.kind() == "identifier" {
                            reassigned.push((scope, self.text(arg).to_string()));
                        }
                    }
                }
                "for_in_statement" => {
                    if let Some(left) = node.child_by_field_name("left") {
                        for name in pattern_identifiers(left, self.src) {
                            self.define(inner, &name, Binding::Other);
                        }
                    }
                }
                "catch_clause" => {
                    if let Some(param) = node.child_by_field_name("parameter") {
                        for name in pattern_identifiers(param, self.src) {
                            self.define(inner, &name, Binding::Other);
                        }
                    }
                }
                _ => {}
            }
            let children: Vec<_> = node.named_children().collect();
            for child in children.into_iter().rev() {
                stack.push((child, inner));
            }
        }
        // A reassigned name is not a constant where it was declared.
        for (scope, name) in reassigned {
            let defining = self.lookup(&name, scope).map(|(s, _)| s).unwrap_or(0);
            self.define(defining, &name, Binding::Other);
        }
    }

    fn bind_params(&mut self, node: Node<'t>, scope: usize) {
        let params = node
            .child_by_field_name("parameters")
            .or_else(|| node.child_by_field_name("parameter"));
        if let Some(params) = params {
            for name in pattern_identifiers(params, self.src) {
                self.define(scope, &name, Binding::Other);
            }
        }
    }

    fn bind_declarator(&mut self, node: Node<'t>, scope: usize) {
        let Some(name) = node.child_by_field_name("name") else {
            return;
        };
        let value = node.child_by_field_name("value");
        match (name.kind(), value) {
            ("identifier", Some(value)) => {
                let name = self.text(name);
                self.define(scope, name, Binding::Assign(value));
            }
            ("object_pattern", Some(value)) => {
                let props: Vec<_> = name.named_children().collect();
                for prop in props {
                    match prop.kind() {
                        "shorthand_property_identifier_pattern" => {
                            let n = self.text(prop);
                            self.define(scope, n, Binding::Member(value, n.to_string()));
                        }
                        "pair_pattern" => {
                            let (Some(key), Some(target)) = (
                                prop.child_by_field_name("key"),
                                prop.child_by_field_name("value"),
                            ) else {
                                continue;
                            };
                            let key = property_name(key, self.src);
                            if target.kind() == "identifier" {
                                let t = self.text(target);
                                match key {
                                    Some(k) => self.define(scope, t, Binding::Member(value, k)),
                                    None => self.define(scope, t, Binding::Other),
                                }
                            } else {
                                for n in pattern_identifiers(target, self.src) {
                                    self.define(scope, &n, Binding::Other);
                                }
                            }
                        }
                        _ => {
                            for n in pattern_identifiers(prop, self.src) {
                                self.define(scope, &n, Binding::Other);
                            }
                        }
                    }
                }
            }
            _ => {
                for n in pattern_identifiers(name, self.src) {
                    self.define(scope, &n, Binding::Other);
                }
            }
        }
    }

    fn bind_import(&mut self, node: Node<'t>, scope: usize) {
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

    // ---- name resolution --------------------------------------------------------------------

    fn lookup(&self, name: &str, scope: usize) -> Option<(usize, &[Binding<'t>])> {
        let mut current = Some(scope);
        while let Some(s) = current {
            let sc = &self.scopes[s];
            if let Some(b) = sc.bindings.get(name) {
                return Some((s, b));
            }
            current = sc.parent;
        }
        None
    }

    fn resolve_identifier(&mut self, name: &str, scope: usize, depth: usize) -> Value {
        let Some((defining, bindings)) = self.lookup(name, scope) else {
            // A global (`process`, `Buffer`, `fetch`, `WebSocket`) or an undeclared name.
            return match name {
                "undefined" => Value::Null,
                _ => Value::Name(name.to_string()),
            };
        };
        if bindings.len() != 1 {
            if let Some(Binding::Import(a)) = bindings.first() {
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
        let binding = bindings[0].clone();
        let key = (defining, name.to_string());
        if let Some(v) = self.memo.get(&key) {
            return v.clone();
        }
        let value = match binding.clone() {
            Binding::Import(q) => return Value::Name(q),
            Binding::Other => return Value::Unknown,
            Binding::Assign(node) | Binding::Member(node, _) => {
                if self.evaluating.contains(&key) {
                    return Value::Unknown;
                }
                self.evaluating.push(key.clone());
                let v = self.eval(node, defining, depth + 1);
                self.evaluating.pop();
                match &binding {
                    Binding::Member(_, member) => member_of(v, member, ""),
                    _ => v,
                }
            }
        };
        if depth < 8 {
            self.memo.insert(key, value.clone());
        }
        value
    }

    /// Where a name's single declaration is, for pointing at a constant's definition.
    fn origin_of(&self, node: Node, scope: usize) -> Option<Span> {
        if !matches!(node.kind(), "identifier" | "shorthand_property_identifier") {
            return None;
        }
        match self.lookup(self.text(node), scope) {
            Some((_, [Binding::Assign(value)])) | Some((_, [Binding::Member(value, _)])) => {
                Some(span(*value))
            }
            _ => None,
        }
    }

    /// A dotted name for a callee: qualified when resolvable, `?`-prefixed source text
    /// otherwise, and `callee()` for members of an instance.
    fn qualified(&mut self, node: Node<'t>, scope: usize, depth: usize) -> String {
        match self.eval(node, scope, depth) {
            Value::Name(n) => n,
            Value::Call(c) => format!("{}()", c.callee),
            _ => format!("?{}", compact(self.text(node))),
        }
    }

    fn child_scope(&self, node: Node, scope: usize) -> usize {
        self.opened.get(&node.id()).copied().unwrap_or(scope)
    }

    // ---- pass 2: facts ----------------------------------------------------------------------

    fn emit(&mut self, root: Node<'t>) -> Facts {
        let mut facts = Facts::default();
        // Each node carries the key path of the object entries around it (`ssl.ca`), so no
        // walk up the tree is needed (that walk is quadratic in the nesting).
        let mut stack = vec![(root, 0usize, String::new())];
        while let Some((node, scope, prefix)) = stack.pop() {
            let mut value_prefix = None;
            match node.kind() {
                "call_expression" | "new_expression" => self.emit_call(node, scope, &mut facts),
                "assignment_expression" => self.emit_assignment(node, scope, &mut facts),
                "object" => self.emit_entries(node, scope, &prefix, &mut facts),
                "class_declaration" | "abstract_class_declaration" | "class" => {
                    self.emit_class(node, scope, &mut facts)
                }
                "pair" => {
                    let key = node
                        .child_by_field_name("key")
                        .and_then(|k| self.key_of(k, scope));
                    if let (Some(key), Some(value)) = (key, node.child_by_field_name("value")) {
                        let path = if prefix.is_empty() {
                            key
                        } else if prefix.matches('.').count() < 15 {
                            format!("{prefix}.{key}")
                        } else {
                            String::new()
                        };
                        value_prefix = Some((value.id(), path));
                    }
                }
                _ => {}
            }
            let passes_prefix = matches!(
                node.kind(),
                "object" | "parenthesized_expression" | "as_expression" | "satisfies_expression"
            );
            let inner = self.child_scope(node, scope);
            let children: Vec<_> = node.named_children().collect();
            for child in children.into_iter().rev() {
                let p = match &value_prefix {
                    Some((id, path)) if *id == child.id() => path.clone(),
                    _ if passes_prefix => prefix.clone(),
                    _ => String::new(),
                };
                stack.push((child, inner, p));
            }
        }
        facts
    }

    fn call_parts(&self, node: Node<'t>) -> Option<(Node<'t>, Option<Node<'t>>)> {
        match node.kind() {
            "call_expression" => Some((
                node.child_by_field_name("function")?,
                node.child_by_field_name("arguments"),
            )),
            "new_expression" => Some((
                node.child_by_field_name("constructor")?,
                node.child_by_field_name("arguments"),
            )),
            _ => None,
        }
    }

    fn emit_call(&mut self, node: Node<'t>, scope: usize, facts: &mut Facts) {
        let Some((function, arguments)) = self.call_parts(node) else {
            return;
        };
        if matches!(function.kind(), "import" | "super") {
            return;
        }
        let callee = self.qualified(function, scope, 0);
        let args = match arguments {
            Some(list) => self.args(list, scope, 0),
            None => Vec::new(),
        };
        self.maybe_schema_record(&callee, node, arguments, scope, facts);
        facts.calls.push(Call {
            callee,
            args,
            span: span(node),
            callee_span: span(function),
        });
    }

    fn args(&mut self, list: Node<'t>, scope: usize, depth: usize) -> Vec<Arg> {
        let mut out = Vec::new();
        if list.kind() == "template_string" {
            // A tagged template: the template is the only argument.
            out.push(Arg {
                name: None,
                index: Some(0),
                value: self.eval(list, scope, depth + 1),
                span: span(list),
                origin: None,
                text: self.text(list).to_string(),
            });
            return out;
        }
        let mut index = Some(0usize);
        let children: Vec<_> = list.named_children().collect();
        for child in children {
            match child.kind() {
                "comment" => {}
                "spread_element" => index = None,
                _ => {
                    out.push(Arg {
                        name: None,
                        index,
                        value: self.eval(child, scope, depth + 1),
                        span: span(child),
                        origin: self.origin_of(child, scope),
                        text: arg_text(self.text(child)),
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
        let (object, key) = match left.kind() {
            "member_expression" => {
                let (Some(object), Some(prop)) = (
                    left.child_by_field_name("object"),
                    left.child_by_field_name("property"),
                ) else {
                    return;
                };
                (object, self.text(prop).to_string())
            }
            "subscript_expression" => {
                let (Some(object), Some(index)) = (
                    left.child_by_field_name("object"),
                    left.child_by_field_name("index"),
                ) else {
                    return;
                };
                match self.eval(index, scope, 0) {
                    Value::Str(k) => (object, k),
                    _ => return,
                }
            }
            _ => return,
        };
        let object = self.qualified(object, scope, 0);
        let value = self.eval(right, scope, 0);
        if object == "process.env" {
            facts.envs.push(EnvSet {
                name: key,
                value,
                span: span(node),
            });
            return;
        }
        facts.assigns.push(Assign {
            target: format!("{object}.{key}"),
            value,
            span: span(node),
            value_span: span(right),
        });
    }

    fn emit_entries(&mut self, node: Node<'t>, scope: usize, prefix: &str, facts: &mut Facts) {
        let children: Vec<_> = node.named_children().collect();
        for child in children {
            let (key, value) = match child.kind() {
                "pair" => {
                    let (Some(k), Some(v)) = (
                        child.child_by_field_name("key"),
                        child.child_by_field_name("value"),
                    ) else {
                        continue;
                    };
                    let Some(key) = self.key_of(k, scope) else {
                        continue;
                    };
                    // A nested literal gets entries of its own: evaluating it in full here
                    // again would cost its size times its depth (API models in bundles).
                    let depth = match v.kind() {
                        "object" | "array" => MAX_EVAL_DEPTH - 2,
                        _ => 0,
                    };
                    (key, self.eval(v, scope, depth))
                }
                "shorthand_property_identifier" => {
                    let name = self.text(child);
                    (name.to_string(), self.resolve_identifier(name, scope, 0))
                }
                "method_definition" => {
                    let Some(name) = child.child_by_field_name("name") else {
                        continue;
                    };
                    let Some(key) = self.key_of(name, scope) else {
                        continue;
                    };
                    (key, self.function_value(child, scope))
                }
                _ => continue,
            };
            let path = if prefix.is_empty() {
                key.clone()
            } else {
                format!("{prefix}.{key}")
            };
            facts.entries.push(Entry {
                path,
                key,
                value,
                span: span(child),
            });
        }
    }

    fn key_of(&mut self, key: Node<'t>, scope: usize) -> Option<String> {
        match key.kind() {
            "computed_property_name" => match self.eval(key.named_child(0)?, scope, 0) {
                Value::Str(s) => Some(s),
                _ => None,
            },
            _ => property_name(key, self.src),
        }
    }

    // ---- records ----------------------------------------------------------------------------

    fn emit_class(&mut self, node: Node<'t>, scope: usize, facts: &mut Facts) {
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
            fields.push(Field {
                name: field_name,
                ty,
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
    fn maybe_schema_record(
        &mut self,
        callee: &str,
        node: Node<'t>,
        arguments: Option<Node<'t>>,
        _scope: usize,
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

    // ---- constant evaluation ----------------------------------------------------------------

    fn eval(&mut self, node: Node<'t>, scope: usize, depth: usize) -> Value {
        self.steps += 1;
        if depth > MAX_EVAL_DEPTH || self.steps > MAX_STEPS {
            return Value::Unknown;
        }
        match node.kind() {
            "identifier" | "shorthand_property_identifier" => {
                let name = self.text(node);
                self.resolve_identifier(name, scope, depth)
            }
            "this" => Value::Name("this".into()),
            "undefined" | "null" => Value::Null,
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            "number" => parse_number(self.text(node)),
            "string" => Value::Str(string_text(node, self.src)),
            "template_string" => self.eval_template(node, scope, depth),
            "member_expression" => {
                let (Some(object), Some(prop)) = (
                    node.child_by_field_name("object"),
                    node.child_by_field_name("property"),
                ) else {
                    return Value::Unknown;
                };
                let base = self.eval(object, scope, depth + 1);
                member_of(base, self.text(prop), self.text(object))
            }
            "subscript_expression" => {
                let (Some(object), Some(index)) = (
                    node.child_by_field_name("object"),
                    node.child_by_field_name("index"),
                ) else {
                    return Value::Unknown;
                };
                match self.eval(index, scope, depth + 1) {
                    Value::Str(k) => {
                        let base = self.eval(object, scope, depth + 1);
                        member_of(base, &k, self.text(object))
                    }
                    Value::Int(i) => match self.eval(object, scope, depth + 1) {
                        Value::List(items) => usize::try_from(i)
                            .ok()
                            .and_then(|i| items.get(i).cloned())
                            .unwrap_or(Value::Unknown),
                        _ => Value::Unknown,
                    },
                    _ => Value::Unknown,
                }
            }
            "call_expression" | "new_expression" => self.eval_call(node, scope, depth),
            "parenthesized_expression"
            | "await_expression"
            | "as_expression"
            | "satisfies_expression"
            | "non_null_expression" => match node.named_child(0) {
                Some(inner) => self.eval(inner, scope, depth + 1),
                None => Value::Unknown,
            },
            "type_assertion" => {
                let count = node.named_child_count();
                let last = count
                    .checked_sub(1)
                    .and_then(|i| u32::try_from(i).ok())
                    .and_then(|i| node.named_child(i));
                match last {
                    Some(inner) => self.eval(inner, scope, depth + 1),
                    None => Value::Unknown,
                }
            }
            "sequence_expression" => {
                let count = node.named_child_count();
                let last = count
                    .checked_sub(1)
                    .and_then(|i| u32::try_from(i).ok())
                    .and_then(|i| node.named_child(i));
                match last {
                    Some(inner) => self.eval(inner, scope, depth + 1),
                    None => Value::Unknown,
                }
            }
            "unary_expression" => {
                let op = node.child_by_field_name("operator").map(|o| self.text(o));
                let Some(arg) = node.child_by_field_name("argument") else {
                    return Value::Unknown;
                };
                if op == Some("void") {
                    return Value::Null;
                }
                let v = self.eval(arg, scope, depth + 1);
                match (op, v) {
                    (Some("-"), Value::Int(i)) => Value::Int(-i),
                    (Some("-"), Value::Float(f)) => Value::Float(-f),
                    (Some("+"), v @ (Value::Int(_) | Value::Float(_))) => v,
                    (Some("!"), v) => match truthiness(&v) {
                        Some(b) => Value::Bool(!b),
                        None => Value::Unknown,
                    },
                    _ => Value::Unknown,
                }
            }
            "binary_expression" => self.eval_binary(node, scope, depth),
            "ternary_expression" => {
                let (Some(c), Some(a), Some(b)) = (
                    node.child_by_field_name("condition"),
                    node.child_by_field_name("consequence"),
                    node.child_by_field_name("alternative"),
                ) else {
                    return Value::Unknown;
                };
                match truthiness(&self.eval(c, scope, depth + 1)) {
                    Some(true) => self.eval(a, scope, depth + 1),
                    Some(false) => self.eval(b, scope, depth + 1),
                    None => {
                        let a = self.eval(a, scope, depth + 1);
                        let b = self.eval(b, scope, depth + 1);
                        if a == b {
                            a
                        } else {
                            Value::Unknown
                        }
                    }
                }
            }
            "object" => self.eval_object(node, scope, depth),
            "array" => {
                let children: Vec<_> = node
                    .named_children()
                    .filter(|c| c.kind() != "comment")
                    .collect();
                let mut items = Vec::new();
                for c in children {
                    if c.kind() == "spread_element" {
                        match c.named_child(0).map(|i| self.eval(i, scope, depth + 1)) {
                            Some(Value::List(more)) => items.extend(more.iter().cloned()),
                            _ => return Value::Unknown,
                        }
                    } else {
                        items.push(self.eval(c, scope, depth + 1));
                    }
                }
                Value::List(items.into())
            }
            k if is_function(k) => self.function_value(node, scope),
            _ => Value::Unknown,
        }
    }

    fn eval_object(&mut self, node: Node<'t>, scope: usize, depth: usize) -> Value {
        let mut entries: Vec<(String, Value)> = Vec::new();
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
                    if let Some(k) = self.key_of(k, scope) {
                        let v = self.eval(v, scope, depth + 1);
                        entries.push((k, v));
                    }
                }
                "shorthand_property_identifier" => {
                    let name = self.text(child);
                    let v = self.resolve_identifier(name, scope, depth + 1);
                    entries.push((name.to_string(), v));
                }
                "spread_element" => {
                    if let Some(inner) = child.named_child(0) {
                        if let Value::Map(more) = self.eval(inner, scope, depth + 1) {
                            entries.extend(more.iter().cloned());
                        }
                    }
                }
                "method_definition" => {
                    if let Some(name) = child.child_by_field_name("name") {
                        if let Some(k) = self.key_of(name, scope) {
                            entries.push((k, self.function_value(child, scope)));
                        }
                    }
                }
                _ => {}
            }
        }
        Value::Map(entries.into())
    }

    /// A function is only looked at for one thing: whether it can return anything but
    /// `undefined` or `null`.
    fn function_value(&mut self, node: Node<'t>, scope: usize) -> Value {
        let Some(body) = node.child_by_field_name("body") else {
            return Value::Name(FUNCTION.into());
        };
        if body.kind() != "statement_block" {
            // An arrow with an expression body.
            let scope = self.child_scope(node, scope);
            let v = self.eval(body, scope, MAX_EVAL_DEPTH - 4);
            return if v == Value::Null {
                Value::Name(FUNCTION_RETURNING_NOTHING.into())
            } else {
                Value::Name(FUNCTION.into())
            };
        }
        let mut stack = vec![body];
        let mut seen = 0;
        while let Some(n) = stack.pop() {
            seen += 1;
            if seen > MAX_FUNCTION_SCAN {
                return Value::Name(FUNCTION.into());
            }
            if n.kind() == "return_statement" {
                if let Some(arg) = n.named_child(0) {
                    let t = self.text(arg).trim();
                    if !matches!(t, "undefined" | "null" | "void 0") {
                        return Value::Name(FUNCTION.into());
                    }
                }
                continue;
            }
            if n.kind() == "throw_statement" {
                return Value::Name(FUNCTION.into());
            }
            if n != body && is_function(n.kind()) {
                continue;
            }
            stack.extend(n.named_children());
        }
        Value::Name(FUNCTION_RETURNING_NOTHING.into())
    }

    fn eval_call(&mut self, node: Node<'t>, scope: usize, depth: usize) -> Value {
        let Some((function, arguments)) = self.call_parts(node) else {
            return Value::Unknown;
        };
        let args = match arguments {
            Some(list) => self.args(list, scope, depth + 1),
            None => Vec::new(),
        };
        let first = args
            .iter()
            .find(|a| a.index == Some(0))
            .map(|a| a.value.clone());
        let second = args
            .iter()
            .find(|a| a.index == Some(1))
            .map(|a| a.value.clone());
        // `require('m')` with no local `require`.
        if function.kind() == "identifier" && self.text(function) == "require" {
            if self.lookup("require", scope).is_none() {
                if let Some(Value::Str(m)) = &first {
                    return Value::Name(module_name(m));
                }
            }
            return Value::Unknown;
        }
        // Methods of constant strings and buffers.
        if function.kind() == "member_expression" {
            if let (Some(object), Some(prop)) = (
                function.child_by_field_name("object"),
                function.child_by_field_name("property"),
            ) {
                let method = self.text(prop);
                if matches!(
                    method,
                    "toString" | "trim" | "toLowerCase" | "toUpperCase" | "valueOf"
                ) {
                    match (self.eval(object, scope, depth + 1), method) {
                        (s @ Value::Str(_), "toString" | "valueOf") => return s,
                        (Value::Str(s), "trim") => return Value::Str(s.trim().to_string()),
                        (Value::Str(s), "toLowerCase") => return Value::Str(s.to_lowercase()),
                        (Value::Str(s), "toUpperCase") => return Value::Str(s.to_uppercase()),
                        (Value::Bytes(b), "toString") => {
                            return match first.as_ref().and_then(Value::as_str) {
                                Some("hex") => Value::Str(hex(&b)),
                                None | Some("utf8") | Some("utf-8") => {
                                    Value::Str(String::from_utf8_lossy(&b).into_owned())
                                }
                                _ => Value::Unknown,
                            }
                        }
                        (Value::Str(_) | Value::Bytes(_), _) => return Value::Unknown,
                        _ => {}
                    }
                }
            }
        }
        let callee = self.qualified(function, scope, depth + 1);
        if let Some(v) = builtin(&callee, first.as_ref(), second.as_ref(), &args) {
            return v;
        }
        Value::Call(Arc::new(CallValue { callee, args }))
    }

    fn eval_template(&mut self, node: Node<'t>, scope: usize, depth: usize) -> Value {
        let mut out = String::new();
        let mut partial = false;
        let children: Vec<_> = node.named_children().collect();
        for child in children {
            match child.kind() {
                "string_fragment" => out.push_str(self.text(child)),
                "escape_sequence" => out.push_str(&unescape(self.text(child))),
                "template_substitution" => {
                    let v = child.named_child(0).map(|e| self.eval(e, scope, depth + 1));
                    match v {
                        Some(Value::Str(s)) => out.push_str(&s),
                        Some(Value::Int(i)) => out.push_str(&i.to_string()),
                        Some(Value::Partial(s)) => {
                            out.push_str(&s);
                            partial = true;
                        }
                        _ => {
                            out.push(UNKNOWN_PART);
                            partial = true;
                        }
                    }
                }
                _ => {}
            }
        }
        if partial {
            Value::Partial(out)
        } else {
            Value::Str(out)
        }
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
        match op {
            // `process.env.X ?? 'literal'` is whatever the environment says: not a constant.
            "??" => {
                return match left {
                    Value::Null => self.eval(r, scope, depth + 1),
                    Value::Unknown | Value::Name(_) | Value::Call(_) => Value::Unknown,
                    known => known,
                }
            }
            "||" => {
                return match truthiness(&left) {
                    Some(true) => left,
                    Some(false) => self.eval(r, scope, depth + 1),
                    None => Value::Unknown,
                }
            }
            "&&" => {
                return match truthiness(&left) {
                    Some(false) => left,
                    Some(true) => self.eval(r, scope, depth + 1),
                    None => Value::Unknown,
                }
            }
            _ => {}
        }
        let right = self.eval(r, scope, depth + 1);
        match (op, left, right) {
            ("+", a @ (Value::Str(_) | Value::Partial(_)), b)
            | ("+", a, b @ (Value::Str(_) | Value::Partial(_))) => concat(a, b, true),
            (op, Value::Int(a), Value::Int(b)) => match op {
                "+" => a.checked_add(b).map(Value::Int).unwrap_or(Value::Unknown),
                "-" => a.checked_sub(b).map(Value::Int).unwrap_or(Value::Unknown),
                "*" => a.checked_mul(b).map(Value::Int).unwrap_or(Value::Unknown),
                "/" if b != 0 && a % b == 0 => Value::Int(a / b),
                "/" if b != 0 => Value::Float(a as f64 / b as f64),
                "%" if b != 0 => Value::Int(a % b),
                "**" if (0..64).contains(&b) => a
                    .checked_pow(b as u32)
                    .map(Value::Int)
                    .unwrap_or(Value::Unknown),
                "<<" if (0..31).contains(&b) => a
                    .checked_shl(b as u32)
                    .map(Value::Int)
                    .unwrap_or(Value::Unknown),
                "===" | "==" => Value::Bool(a == b),
                "!==" | "!=" => Value::Bool(a != b),
                _ => Value::Unknown,
            },
            ("===" | "==", Value::Str(a), Value::Str(b)) => Value::Bool(a == b),
            ("!==" | "!=", Value::Str(a), Value::Str(b)) => Value::Bool(a != b),
            _ => Value::Unknown,
        }
    }
}

/// `base.prop`: a qualified name for names and instances, the entry for a known object.
fn member_of(base: Value, prop: &str, object_text: &str) -> Value {
    match base {
        Value::Name(b) => Value::Name(format!("{b}.{prop}")),
        Value::Call(c) => Value::Name(format!("{}().{prop}", c.callee)),
        Value::Map(entries) => entries
            .iter()
            .rev()
            .find(|(k, _)| k == prop)
            .map(|(_, v)| v.clone())
            .unwrap_or(Value::Unknown),
        Value::Str(s) if prop == "length" => Value::Int(s.chars().count() as i64),
        Value::Bytes(b) if prop == "length" => Value::Int(b.len() as i64),
        Value::List(l) if prop == "length" => Value::Int(l.len() as i64),
        _ if object_text.is_empty() => Value::Unknown,
        _ => Value::Name(format!("?{}.{prop}", compact(object_text))),
    }
}

/// Values of well-known constructors and conversions (`Buffer.from('..', 'hex')`,
/// `Buffer.alloc(16)`, `new Uint8Array(12)`).
fn builtin(
    callee: &str,
    first: Option<&Value>,
    second: Option<&Value>,
    args: &[Arg],
) -> Option<Value> {
    let encoding = second.and_then(Value::as_str).map(str::to_ascii_lowercase);
    match (callee, first) {
        ("Buffer.from" | "Buffer" | "buffer.Buffer.from", Some(Value::Str(s))) => {
            match encoding.as_deref() {
                None | Some("utf8") | Some("utf-8") | Some("binary") | Some("latin1")
                | Some("ascii") => Some(Value::Bytes(s.as_bytes().to_vec())),
                Some("hex") => decode_hex(s).map(Value::Bytes),
                Some("base64") | Some("base64url") => decode_base64(s).map(Value::Bytes),
                _ => None,
            }
        }
        (
            "Buffer.from" | "Uint8Array.from" | "Uint8Array" | "Buffer.of" | "Uint8Array.of",
            Some(Value::List(items)),
        ) => bytes_of(items).map(Value::Bytes),
        ("Buffer.of" | "Uint8Array.of", Some(_)) => {
            let items: Vec<Value> = args.iter().map(|a| a.value.clone()).collect();
            bytes_of(&items).map(Value::Bytes)
        }
        ("Buffer.from", Some(b @ Value::Bytes(_))) => Some(b.clone()),
        (
            "Buffer.alloc" | "Buffer.allocUnsafe" | "Uint8Array" | "Int8Array" | "ArrayBuffer",
            Some(Value::Int(n)),
        ) if (0..=MAX_BYTES).contains(n) => {
            if callee == "Buffer.allocUnsafe" {
                return None;
            }
            let fill = match second {
                Some(Value::Int(f)) => u8::try_from(*f).ok()?,
                Some(Value::Str(s)) if s.len() == 1 => s.as_bytes()[0],
                None => 0,
                _ => return None,
            };
            Some(Value::Bytes(vec![fill; *n as usize]))
        }
        ("String", Some(s @ Value::Str(_))) => Some(s.clone()),
        ("Number" | "parseInt", Some(Value::Str(s))) => s.trim().parse().ok().map(Value::Int),
        ("Number" | "parseInt", Some(i @ Value::Int(_))) => Some(i.clone()),
        ("TextEncoder().encode", Some(Value::Str(s))) => Some(Value::Bytes(s.as_bytes().to_vec())),
        ("Object.assign", _) => {
            let mut entries = Vec::new();
            for a in args {
                match &a.value {
                    Value::Map(m) => entries.extend(m.iter().cloned()),
                    _ => return None,
                }
            }
            Some(Value::Map(entries.into()))
        }
        (c, Some(Value::Str(s))) if c.starts_with("crypto-js.enc.") && c.ends_with(".parse") => {
            match c {
                "crypto-js.enc.Hex.parse" => decode_hex(s).map(Value::Bytes),
                "crypto-js.enc.Base64.parse" => decode_base64(s).map(Value::Bytes),
                _ => Some(Value::Bytes(s.as_bytes().to_vec())),
            }
        }
        _ => None,
    }
}

fn bytes_of(items: &[Value]) -> Option<Vec<u8>> {
    items
        .iter()
        .map(|i| match i {
            Value::Int(b) => u8::try_from(*b).ok(),
            _ => None,
        })
        .collect()
}

/// JavaScript truthiness of a known value.
fn truthiness(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::Int(i) => Some(*i != 0),
        Value::Float(f) => Some(*f != 0.0 && !f.is_nan()),
        Value::Str(s) => Some(!s.is_empty()),
        Value::Null => Some(false),
        Value::Map(_) | Value::List(_) | Value::Bytes(_) => Some(true),
        _ => None,
    }
}

/// An argument's source text, cut short: lints read names from it (`password`), and a
/// copy of every nested argument's whole text would be quadratic in the nesting depth.
fn arg_text(t: &str) -> String {
    const MAX: usize = 256;
    if t.len() <= MAX {
        return t.to_string();
    }
    let mut end = MAX;
    while !t.is_char_boundary(end) {
        end -= 1;
    }
    t[..end].to_string()
}

/// `node:crypto` is `crypto`.
fn module_name(m: &str) -> String {
    m.strip_prefix("node:").unwrap_or(m).to_string()
}

/// The name of a property key: an identifier, a string or a number.
fn property_name(key: Node, src: &str) -> Option<String> {
    match key.kind() {
        "property_identifier"
        | "identifier"
        | "shorthand_property_identifier"
        | "shorthand_property_identifier_pattern"
        | "private_property_identifier"
        | "number" => Some(text(key, src).to_string()),
        "string" => Some(string_text(key, src)),
        _ => None,
    }
}

/// The decoded text of a string literal node (or the text of any other node).
fn string_text(node: Node, src: &str) -> String {
    if node.kind() != "string" {
        return text(node, src).to_string();
    }
    let mut out = String::new();
    for child in node.named_children() {
        match child.kind() {
            "string_fragment" => out.push_str(text(child, src)),
            "escape_sequence" => out.push_str(&unescape(text(child, src))),
            _ => out.push_str(text(child, src)),
        }
    }
    out
}

/// Every identifier a parameter list or binding pattern binds (skipping defaults and types).
fn pattern_identifiers(node: Node, src: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        match n.kind() {
            "identifier" | "shorthand_property_identifier_pattern" => {
                out.push(text(n, src).to_string())
            }
            "assignment_pattern" | "object_assignment_pattern" => {
                if let Some(left) = n.child_by_field_name("left") {
                    stack.push(left);
                }
            }
            "pair_pattern" => {
                if let Some(v) = n.child_by_field_name("value") {
                    stack.push(v);
                }
            }
            "required_parameter" | "optional_parameter" => {
                if let Some(p) = n.child_by_field_name("pattern") {
                    stack.push(p);
                }
            }
            "type_annotation"
            | "member_expression"
            | "subscript_expression"
            | "decorator"
            | "accessibility_modifier"
            | "this" => {}
            _ => {
                stack.extend(n.named_children());
            }
        }
    }
    out
}

fn parse_number(t: &str) -> Value {
    let t = t.replace('_', "");
    let t = t.trim_end_matches('n').to_ascii_lowercase();
    let radix = |p: &str, r: u32| i64::from_str_radix(p, r).map(Value::Int).ok();
    let parsed = if let Some(h) = t.strip_prefix("0x") {
        radix(h, 16)
    } else if let Some(o) = t.strip_prefix("0o") {
        radix(o, 8)
    } else if let Some(b) = t.strip_prefix("0b") {
        radix(b, 2)
    } else if let Ok(i) = t.parse::<i64>() {
        Some(Value::Int(i))
    } else {
        t.parse::<f64>().ok().map(|f| {
            if f.fract() == 0.0 && f.abs() < 9.0e15 {
                Value::Int(f as i64)
            } else {
                Value::Float(f)
            }
        })
    };
    parsed.unwrap_or(Value::Unknown)
}

/// Decodes JavaScript escape sequences (`\n`, `\x41`, `\u0041`, `\u{1F600}`, `\0`).
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(e) = chars.next() else {
            out.push('\\');
            break;
        };
        match e {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            'v' => out.push('\u{b}'),
            '0' => out.push('\0'),
            '\n' | '\r' => {}
            'x' => {
                let h: String = chars.by_ref().take(2).collect();
                match u32::from_str_radix(&h, 16).ok().and_then(char::from_u32) {
                    Some(ch) => out.push(ch),
                    None => out.push_str(&h),
                }
            }
            'u' => {
                let h: String = if chars.peek() == Some(&'{') {
                    chars.next();
                    chars.by_ref().take_while(|c| *c != '}').collect()
                } else {
                    chars.by_ref().take(4).collect()
                };
                match u32::from_str_radix(&h, 16).ok().and_then(char::from_u32) {
                    Some(ch) => out.push(ch),
                    None => out.push_str(&h),
                }
            }
            other => out.push(other),
        }
    }
    out
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn decode_hex(s: &str) -> Option<Vec<u8>> {
    super::values::decode_hex(s)
}

fn decode_base64(s: &str) -> Option<Vec<u8>> {
    super::values::decode_base64(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lower_as(name: &str, code: &str) -> Facts {
        let kind = if name.ends_with(".ts") || name.ends_with(".tsx") {
            FileKind::TypeScript
        } else {
            FileKind::JavaScript
        };
        let mut src = SourceFile::new(name.into(), name.into(), kind, code.into());
        src.explicit = true;
        lower(&src).unwrap()
    }

    fn facts(code: &str) -> Facts {
        lower_as("t.js", code)
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
    fn requires_and_imports_resolve() {
        let f = facts(
            "const https = require('https');\nconst c = require('node:crypto');\nconst { createCipheriv: civ } = require('crypto');\nhttps.request(u);\nc.createHash('md5');\nciv('aes-128-ecb', k, null);\n",
        );
        call(&f, "https.request");
        call(&f, "crypto.createHash");
        call(&f, "crypto.createCipheriv");
        let f = lower_as(
            "t.ts",
            "import https from 'https';\nimport * as tls from 'node:tls';\nimport { createCipheriv as c, Agent } from 'crypto';\nimport x = require('got');\nhttps.get(u);\ntls.connect(o);\nc('a', k, iv);\nx(u);\n",
        );
        call(&f, "https.get");
        call(&f, "tls.connect");
        call(&f, "crypto.createCipheriv");
        call(&f, "got");
    }

    #[test]
    fn options_objects_flow_into_calls() {
        let f = facts(
            "const https = require('https');\nconst base = { rejectUnauthorized: false };\nconst opts = { ...base, timeout: 5 };\nhttps.request(url, opts);\n",
        );
        let c = call(&f, "https.request");
        assert_eq!(
            c.arg(Some("rejectUnauthorized"), None).unwrap().value,
            Value::Bool(false)
        );
        assert!(c.args[1].origin.is_some());
    }

    #[test]
    fn instances_keep_their_constructor_args() {
        let f = lower_as(
            "t.ts",
            "import { Agent as HttpsAgent } from 'https';\nimport axios from 'axios';\nconst agent = new HttpsAgent({ rejectUnauthorized: false });\naxios.create({ httpsAgent: agent });\nagent.destroy();\n",
        );
        let c = call(&f, "axios.create");
        let Value::Call(agent) = c.arg(Some("httpsAgent"), None).unwrap().value else {
            panic!("agent is not a call value");
        };
        assert_eq!(agent.callee, "https.Agent");
        assert_eq!(
            agent.args[0].value.get("rejectUnauthorized"),
            Some(&Value::Bool(false))
        );
        call(&f, "https.Agent().destroy");
    }

    #[test]
    fn environment_reads_are_not_constants() {
        let f = facts("const k = process.env.KEY ?? 'fallback-key-123';\nconst j = process.env.J || 'x';\nf(k, j);\n");
        let c = call(&f, "f");
        assert_eq!(c.args[0].value, Value::Unknown);
        assert_eq!(c.args[1].value, Value::Unknown);
    }

    #[test]
    fn env_writes_in_both_forms() {
        let f = facts(
            "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\nprocess.env['NODE_TLS_REJECT_UNAUTHORIZED'] = 0;\nconst tls = require('tls');\ntls.DEFAULT_MIN_VERSION = 'TLSv1';\n",
        );
        assert_eq!(f.envs.len(), 2);
        assert_eq!(f.envs[0].name, "NODE_TLS_REJECT_UNAUTHORIZED");
        assert_eq!(f.envs[0].value, Value::Str("0".into()));
        assert_eq!(f.envs[1].value, Value::Int(0));
        assert!(f.assigns.iter().any(
            |a| a.target == "tls.DEFAULT_MIN_VERSION" && a.value == Value::Str("TLSv1".into())
        ));
    }

    #[test]
    fn buffers_and_templates_evaluate() {
        let f = facts(
            "const crypto = require('crypto');\nconst IV = Buffer.alloc(16, 0);\nconst host = 'api.example.com';\ncrypto.createCipheriv('aes-256-cbc', Buffer.from('00112233445566778899aabbccddeeff', 'hex'), IV);\nfetch(`http://${host}/v1`);\nfetch(`http://${h}/v1`);\n",
        );
        let c = call(&f, "crypto.createCipheriv");
        assert_eq!(c.args[2].value, Value::Bytes(vec![0; 16]));
        assert_eq!(
            c.args[1].value,
            Value::Bytes((0..16).map(|i| i * 0x11).collect())
        );
        let fetches: Vec<_> = f.calls.iter().filter(|c| c.callee == "fetch").collect();
        assert_eq!(
            fetches[0].args[0].value,
            Value::Str("http://api.example.com/v1".into())
        );
        assert_eq!(
            fetches[1].args[0].value,
            Value::Partial("http://\u{FFFD}/v1".into())
        );
    }

    #[test]
    fn object_entries_have_paths() {
        let f = facts("module.exports = { db: { ssl: { rejectUnauthorized: !1 } } };\n");
        assert!(f
            .entries
            .iter()
            .any(|e| e.path == "db.ssl.rejectUnauthorized" && e.value == Value::Bool(false)));
    }

    #[test]
    fn functions_that_return_nothing_are_marked() {
        let f = facts(
            "tls.connect({ checkServerIdentity: () => undefined });\ntls.connect({ checkServerIdentity() {} });\ntls.connect({ checkServerIdentity: (h, c) => { if (bad(c)) return new Error('x'); } });\n",
        );
        let values: Vec<_> = f
            .entries
            .iter()
            .filter(|e| e.key == "checkServerIdentity")
            .map(|e| e.value.clone())
            .collect();
        assert_eq!(
            values,
            vec![
                Value::Name(FUNCTION_RETURNING_NOTHING.into()),
                Value::Name(FUNCTION_RETURNING_NOTHING.into()),
                Value::Name(FUNCTION.into()),
            ]
        );
    }

    #[test]
    fn reassigned_names_are_not_constants() {
        let f = facts("let v = false;\nv = true;\nhttps.request(u, { rejectUnauthorized: v });\n");
        assert!(f
            .entries
            .iter()
            .any(|e| e.key == "rejectUnauthorized" && e.value == Value::Unknown));
    }

    #[test]
    fn models_become_records() {
        let f = facts(
            "const mongoose = require('mongoose');\nconst UserSchema = new mongoose.Schema({ encryptedSsn: String, encryptionKey: String });\n",
        );
        assert_eq!(f.records[0].name, "UserSchema");
        assert_eq!(f.records[0].fields.len(), 2);
        let f = lower_as(
            "t.ts",
            "@Entity()\nexport class Card { @Column() encryptedPan: string; @Column() dataKey: string; }\n",
        );
        assert_eq!(f.records[0].name, "Card");
        assert_eq!(f.records[0].fields[1].name, "dataKey");
    }

    #[test]
    fn minified_bundles_are_skipped_unless_named() {
        let code = format!("var a={};\n", "1,".repeat(30_000));
        let src = SourceFile::new(
            "b.js".into(),
            "b.js".into(),
            FileKind::JavaScript,
            code.clone(),
        );
        assert!(lower(&src).is_err_and(|e| e.skip));
        let mut src = SourceFile::new("b.js".into(), "b.js".into(), FileKind::JavaScript, code);
        src.explicit = true;
        assert!(lower(&src).is_ok());
        assert!(minified("dist/app.min.js", "x").is_some());
        assert!(minified("src/app.js", "const a = 1;\n").is_none());
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let code = format!("x = {}1{};\n", "(".repeat(10_000), ")".repeat(10_000));
        let _ = facts(&code);
        let code = format!("f({}1{});\n", "[".repeat(10_000), "]".repeat(10_000));
        let _ = facts(&code);
        let code = format!(
            "const o = {}1{};\n",
            "{a:".repeat(10_000),
            "}".repeat(10_000)
        );
        let _ = facts(&code);
        let code = format!("{}1{};\n", "f(".repeat(10_000), ")".repeat(10_000));
        let _ = facts(&code);
    }
}
