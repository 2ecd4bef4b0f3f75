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
//!
//! Modules by role: [`bind`] and [`imports`] (pass 1), [`eval`] (constant evaluation),
//! [`emit`] (pass 2), [`elements`] (JSX elements), [`records`] (classes and schema models as
//! records).

mod bind;
mod elements;
mod emit;
mod eval;
mod imports;
mod records;
#[cfg(test)]
mod tests;

// Names are looked up per node: foldhash, not SipHash (SipHash was 5% of the instructions
// on JavaScript bundles).
use foldhash::{HashMap, HashMapExt};

use super::flat::{self, Node};
use super::scope::{Evaluation, ScopeId, Scopes};
use super::ts::{self, text};
use super::LowerError;
use crate::classify::FileKind;
use crate::facts::Facts;
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
    /// `name = <expr>` as a statement of the block `scope`, ending at byte `end`, for a name
    /// declared nowhere in the file and assigned nowhere else (an implicit global): the value
    /// after it in the same block.
    Undeclared {
        value: Node<'t>,
        scope: ScopeId,
        end: usize,
    },
    /// `function name(...) {...}`: the declaration (what a helper returns).
    Function(Node<'t>),
    /// A plain parameter of a named function (`function f(url, insecure = true)`): its
    /// position and default, for what the file's call sites pass.
    Param {
        function: &'t str,
        index: usize,
        default: Option<Node<'t>>,
    },
    /// A parameter, a reassigned variable or anything else not statically known.
    Other,
}

struct Lowerer<'t> {
    src: &'t str,
    scopes: Scopes<Vec<Binding<'t>>>,
    /// Scope opened by a function, block or class node, by node id.
    opened: HashMap<usize, ScopeId>,
    /// Names being evaluated right now, to stop on `const a = b, b = a`, and the values of
    /// single-binding names already evaluated.
    evaluation: Evaluation,
    steps: usize,
    /// The class body scope of each method's scope: `this.x` in a method reads what the class
    /// binds as `this.x` (constructor assignments, field definitions) and `this.m()` calls the
    /// method `m` bound there.
    method_class: HashMap<ScopeId, ScopeId>,
    /// Scopes of non-arrow functions that are not methods: `this` inside them is another
    /// object.
    own_this: foldhash::HashSet<ScopeId>,
    /// Every named class with its body's node id, and the names classes of the file extend.
    class_bodies: Vec<(&'t str, usize)>,
    base_names: Vec<&'t str>,
    /// Class body scopes of classes some class of the file extends: a subclass may override
    /// what they bind.
    overridden: foldhash::HashSet<ScopeId>,
    /// Every call of a plain name in the file (`f(...)`), by that name, with its scope: what
    /// the call sites of a function pass for a parameter.
    calls: HashMap<&'t str, Vec<(Node<'t>, ScopeId)>>,
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
            scopes: Scopes::new(()),
            opened: HashMap::new(),
            evaluation: Evaluation::default(),
            steps: 0,
            method_class: HashMap::new(),
            own_this: foldhash::HashSet::default(),
            class_bodies: Vec::new(),
            base_names: Vec::new(),
            overridden: foldhash::HashSet::default(),
            calls: HashMap::new(),
        }
    }

    fn text(&self, node: Node) -> &'t str {
        text(node, self.src)
    }

    fn define(&mut self, scope: ScopeId, name: &str, binding: Binding<'t>) {
        self.scopes.define(scope, name, binding);
    }

    fn child_scope(&self, node: Node, scope: ScopeId) -> ScopeId {
        self.opened.get(&node.id()).copied().unwrap_or(scope)
    }

    /// The callee and the argument list of a call or `new` expression.
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
}
