//! Java front-end (tree-sitter-java). Two passes over the tree, both iterative: [`bind`]
//! records imports, classes, methods and what every field, local and parameter is bound to
//! (declarations, assignments, fields assigned in constructors), and which arrays are filled
//! in place; [`emit`] lowers calls and constructors (`new X(..)` is a call of `X`) with their
//! callees qualified through the imports and the receivers' values, and every method and
//! lambda as a [`crate::facts::Function`] with the interfaces its class implements.
//! [`eval`] folds constants: `static final` fields, locals, concatenation, byte arrays,
//! `"..".getBytes()`, helper methods returning a constant and parameters of methods
//! whose every call site passes the same constant.

mod bind;
mod emit;
mod eval;
#[cfg(test)]
mod tests;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::flat::{self, Node};
use super::scope::{Evaluation, ScopeId, Scopes};
use super::ts::{self, text};
use super::LowerError;
use crate::facts::Facts;
use crate::source::SourceFile;

/// Deepest expression the evaluator follows before answering `Unknown`.
const MAX_EVAL_DEPTH: usize = 32;
/// Evaluation steps per file before every further evaluation answers `Unknown`.
const MAX_STEPS: usize = 2_000_000;
/// Largest byte array a constant expression may build (`new byte[n]`).
const MAX_BYTES: i64 = 1 << 16;

pub fn lower(src: &SourceFile) -> Result<Facts, LowerError> {
    let tree = flat::parse("java", || tree_sitter_java::LANGUAGE.into(), &src.text)?;
    let root = tree.root();
    let mut lowerer = Lowerer::new(&src.text);
    lowerer.bind(root);
    let mut facts = lowerer.emit(root);
    facts.recovered_errors = ts::error_spans(root);
    Ok(facts)
}

#[derive(Clone, Copy)]
enum Binding<'t> {
    /// `T x = <expr>`, `x = <expr>`, `this.x = <expr>`: the expression, the scope it is
    /// evaluated in, and the declared type.
    Assign(Node<'t>, ScopeId, Option<Node<'t>>),
    /// `T x;` without a value (a field set later, in a constructor).
    Declared(Option<Node<'t>>),
    /// Parameter `index` of the method or constructor `method`.
    Param {
        method: Node<'t>,
        index: usize,
        ty: Option<Node<'t>>,
    },
    /// Changed in a way the evaluator does not follow (`x++`, `x += ..`, a loop variable).
    Other(Option<Node<'t>>),
}

impl<'t> Binding<'t> {
    fn ty(&self) -> Option<Node<'t>> {
        match *self {
            Binding::Assign(_, _, t) | Binding::Declared(t) | Binding::Other(t) => t,
            Binding::Param { ty, .. } => ty,
        }
    }
}

/// What a scope is: a class body (its fields; `this.x` looks here) or anything else.
#[derive(Clone, Copy, PartialEq)]
enum ScopeKind {
    Class,
    Other,
}

/// A method or constructor declared in a class body.
struct Method<'t> {
    node: Node<'t>,
    params: usize,
}

/// A call of a method or constructor declared somewhere: its argument list, the scope it is
/// evaluated in, and the receiver written before the dot (none for `f(..)` and `this.f(..)`).
#[derive(Clone, Copy)]
struct CallSite<'t> {
    args: Node<'t>,
    scope: ScopeId,
    receiver: Option<Node<'t>>,
}

struct Lowerer<'t> {
    src: &'t str,
    scopes: Scopes<Vec<Binding<'t>>, ScopeKind>,
    /// Scope opened by a class body, method, block or lambda node, by node id.
    opened: HashMap<usize, ScopeId>,
    /// Simple name → qualified name, from single-type and static imports.
    imports: HashMap<String, String>,
    /// Methods by class-body scope and name.
    methods: HashMap<(ScopeId, String), Vec<Method<'t>>>,
    /// Class bodies by class name, for `Other.CONSTANT`.
    classes: HashMap<String, ScopeId>,
    /// Calls of a method by simple name, with or without a receiver.
    call_sites: HashMap<String, Vec<CallSite<'t>>>,
    /// `new Name(..)` by the simple name written.
    constructions: HashMap<String, Vec<CallSite<'t>>>,
    /// Names (in the scope that binds them) whose array value is filled in place: passed to
    /// a method (`random.nextBytes(iv)`) or written element by element.
    filled: HashSet<(ScopeId, String)>,
    evaluation: Evaluation,
    steps: usize,
    /// Where the identifier being resolved is written, for the bindings that reach it.
    use_at: Option<usize>,
}

/// Class bodies, methods, blocks and lambdas get their own scope.
fn opens_scope(kind: &str) -> bool {
    matches!(
        kind,
        "class_body"
            | "interface_body"
            | "enum_body"
            | "method_declaration"
            | "constructor_declaration"
            | "compact_constructor_declaration"
            | "lambda_expression"
            | "block"
            | "constructor_body"
            | "for_statement"
            | "enhanced_for_statement"
            | "catch_clause"
            | "try_with_resources_statement"
    )
}

fn is_class_body(kind: &str) -> bool {
    matches!(kind, "class_body" | "interface_body" | "enum_body")
}

impl<'t> Lowerer<'t> {
    fn new(src: &'t str) -> Self {
        Lowerer {
            src,
            scopes: Scopes::new(ScopeKind::Other),
            opened: HashMap::new(),
            imports: HashMap::new(),
            methods: HashMap::new(),
            classes: HashMap::new(),
            call_sites: HashMap::new(),
            constructions: HashMap::new(),
            filled: HashSet::new(),
            evaluation: Evaluation::default(),
            steps: 0,
            use_at: None,
        }
    }

    fn text(&self, node: Node) -> &'t str {
        text(node, self.src)
    }

    fn child_scope(&self, node: Node, scope: ScopeId) -> ScopeId {
        self.opened.get(&node.id()).copied().unwrap_or(scope)
    }

    /// The nearest class-body scope around `scope`.
    fn class_scope(&self, scope: ScopeId) -> Option<ScopeId> {
        let mut current = Some(scope);
        while let Some(s) = current {
            if self.scopes.kind(s) == ScopeKind::Class {
                return Some(s);
            }
            current = self.scopes.parent(s);
        }
        None
    }

    /// A type's qualified name, generics and array brackets dropped: through the imports
    /// for a simple name, as written otherwise.
    fn type_name(&self, ty: Node) -> String {
        let written = self.text(ty);
        let base = written.split('<').next().unwrap_or(written);
        let base: String = base
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '[' && *c != ']')
            .collect();
        self.qualify(&base)
    }

    /// `Cipher` → `javax.crypto.Cipher` when imported; `Outer.Inner` through its first part.
    fn qualify(&self, name: &str) -> String {
        let (head, rest) = match name.split_once('.') {
            Some((h, r)) => (h, Some(r)),
            None => (name, None),
        };
        match (self.imports.get(head), rest) {
            (Some(q), Some(r)) => format!("{q}.{r}"),
            (Some(q), None) => q.clone(),
            _ => name.to_string(),
        }
    }
}
