//! Python front-end on tree-sitter-python. Two passes over the tree, both iterative so deep
//! nesting cannot overflow the stack: the first ([`bind`], [`imports`]) records what every name
//! in every scope is bound to (imports, single assignments, `with ... as`), the second
//! ([`emit`]) emits facts with callee names and argument values resolved through those
//! bindings by [`eval`]. [`context`] adds what name heuristics read around an argument.

mod bind;
mod context;
mod emit;
mod eval;
pub mod import_scan;
mod imports;
#[cfg(test)]
mod tests;

// Names are looked up per node: foldhash, not SipHash (SipHash was 5% of the instructions
// on JavaScript bundles).
use foldhash::{HashMap, HashMapExt};

use super::flat::{self, Node};
use super::scope::{Evaluation, ScopeId, Scopes};
use super::ts::{self, text};
use super::LowerError;
use crate::facts::Facts;
use crate::source::SourceFile;

/// Kept at its old path: the Kubernetes front-end decodes a Secret's `data` with it.
pub use super::values::decode_base64;

/// Deepest expression the evaluator follows before answering `Unknown`.
const MAX_EVAL_DEPTH: usize = 96;
/// Largest byte string a constant expression may build (`b"\0" * n`).
const MAX_BYTES: i64 = 1 << 20;
/// Longest argument text copied into a fact (see [`super::values::capped`]).
const ARG_TEXT_MAX: usize = 1024;

pub fn lower(src: &SourceFile) -> Result<Facts, LowerError> {
    let parsed = blank_comment_runs(&src.text);
    let tree = flat::parse("python", || tree_sitter_python::LANGUAGE.into(), &parsed)?;
    let root = tree.root();
    let mut lowerer = Lowerer::new(&src.text);
    lowerer.bind(root);
    lowerer.contexts(root);
    let mut facts = lowerer.emit(root);
    facts.recovered_errors = ts::error_spans(root);
    Ok(facts)
}

/// Comment lines in a row before tree-sitter-python gets slow: its scanner looks past every
/// comment for the next line's indentation, so a run of n comment lines costs n² (a 500 KB
/// file of comments took 27 s; tree-sitter-python PR #245 describes it).
const COMMENT_RUN: usize = 16;

/// The text tree-sitter parses: in runs of `COMMENT_RUN` or more whole-line comments, each
/// comment becomes spaces, which the scanner skips in linear time. Byte offsets are unchanged
/// and the lowerer reads node text from the original, so only the parse sees the blanks. (A
/// run of `#` lines inside a triple-quoted string is blanked too; its value is still read from
/// the original text.)
fn blank_comment_runs(text: &str) -> std::borrow::Cow<'_, str> {
    // (start of `#`, end of line) for each whole-line comment in the current run.
    let mut run: Vec<(usize, usize)> = Vec::new();
    let mut blanks: Vec<(usize, usize)> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let indent = body.len() - body.trim_start().len();
        if body[indent..].starts_with('#') {
            run.push((offset + indent, offset + body.len()));
        } else {
            if run.len() >= COMMENT_RUN {
                blanks.append(&mut run);
            }
            run.clear();
        }
        offset += line.len();
    }
    if run.len() >= COMMENT_RUN {
        blanks.append(&mut run);
    }
    if blanks.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut bytes = text.as_bytes().to_vec();
    for (a, b) in blanks {
        bytes[a..b].fill(b' ');
    }
    // Only whole characters were replaced, by ASCII.
    std::borrow::Cow::Owned(String::from_utf8_lossy(&bytes).into_owned())
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
    Class(ScopeId),
    /// A parameter: `function` (its `function_definition`), the parameter's positional
    /// `index` (None for keyword-only) and its `default` expression, if it has one.
    Param {
        function: Node<'t>,
        index: Option<usize>,
        default: Option<Node<'t>>,
    },
    /// `def name(...)`: the `function_definition` (what a helper returns).
    Function(Node<'t>),
    /// A parameter, loop variable or anything else not statically known.
    Other,
}

impl Binding<'_> {
    /// The qualified name an import binding stands for.
    fn import(&self) -> Option<&str> {
        match self {
            Binding::Import(q) => Some(q),
            _ => None,
        }
    }
}

struct Lowerer<'t> {
    src: &'t str,
    scopes: Scopes<Vec<Binding<'t>>, ScopeKind>,
    /// Scope opened by a function, lambda or class node, by node id.
    opened: HashMap<usize, ScopeId>,
    /// Class scope a method's `self` refers to, by function scope.
    self_class: HashMap<ScopeId, ScopeId>,
    /// Names being evaluated right now, to stop on `a = b; b = a`.
    evaluation: Evaluation,
    /// [`Self::context_text`] of every argument list, by node id, computed top-down in one
    /// pass: walking up to the enclosing statement from every argument list is quadratic in
    /// the nesting (with tree-sitter's own `parent`, which descends from the root, 10,000
    /// nested calls took minutes).
    arg_context: HashMap<usize, String>,
    /// Every call in the file by the last segment of its callee (`f(...)`, `x.f(...)`), with
    /// the scope it is in: what the call sites of a function pass for a defaulted parameter.
    calls: HashMap<&'t str, Vec<(Node<'t>, ScopeId)>>,
    /// Names a function declares `global`, by function scope: assignments to them there bind
    /// the module's name.
    globals: HashMap<ScopeId, Vec<&'t str>>,
    /// Every class's name, by its scope, and the names classes of this file derive from: a
    /// class attribute read through `self` may be overridden in a subclass.
    class_names: HashMap<ScopeId, &'t str>,
    base_names: Vec<&'t str>,
}

impl<'t> Lowerer<'t> {
    fn new(src: &'t str) -> Self {
        Lowerer {
            src,
            scopes: Scopes::new(ScopeKind::Module),
            opened: HashMap::new(),
            self_class: HashMap::new(),
            evaluation: Evaluation::default(),
            arg_context: HashMap::new(),
            calls: HashMap::new(),
            globals: HashMap::new(),
            class_names: HashMap::new(),
            base_names: Vec::new(),
        }
    }

    fn text(&self, node: Node) -> &'t str {
        text(node, self.src)
    }

    fn define(&mut self, scope: ScopeId, name: &str, binding: Binding<'t>) {
        let scope = self.binding_scope(scope, name);
        self.scopes.define(scope, name, binding);
    }

    /// Binds every name in `names` in `scope` (or the module, for a `global` name) to what is
    /// not known statically.
    fn define_unknown_names(&mut self, scope: ScopeId, names: Vec<String>) {
        for name in names {
            self.define(scope, &name, Binding::Other);
        }
    }

    /// The scope an assignment to `name` in `scope` binds: the module's, when the function
    /// declared it `global`.
    fn binding_scope(&self, scope: ScopeId, name: &str) -> ScopeId {
        match self.globals.get(&scope) {
            Some(names) if names.contains(&name) => 0,
            _ => scope,
        }
    }

    fn open_scope(&mut self, node: Node, kind: ScopeKind, parent: ScopeId) -> ScopeId {
        let id = self.scopes.open(parent, kind);
        self.opened.insert(node.id(), id);
        id
    }

    /// The scope a child of `node` lives in.
    fn child_scope(&self, node: Node, scope: ScopeId) -> ScopeId {
        match node.kind() {
            "function_definition" | "lambda" | "class_definition" => {
                self.opened.get(&node.id()).copied().unwrap_or(scope)
            }
            _ => scope,
        }
    }
}

/// Pushes `node`'s children for a walk that pops them in source order: they live in `inner`
/// (the scope `node` opens, or `scope`), apart from a class's base list, which is evaluated
/// in the scope around the class.
fn push_children<'t>(
    stack: &mut Vec<(Node<'t>, ScopeId)>,
    node: Node<'t>,
    scope: ScopeId,
    inner: ScopeId,
) {
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
