//! Terraform front-end on the hand-written HCL parser ([`super::hcl`]). Each `resource` and
//! `data` block becomes a [`Resource`] whose body is a [`Node`] tree: attributes are scalars
//! with their resolved value, nested blocks are maps, repeated blocks a list, `dynamic` blocks
//! are expanded over a literal `for_each` (once, with unknown values, when it is not literal).
//! `module` calls become resources of kind `module`; data sources have the kind `data.<type>`.
//!
//! Values are resolved through the whole module directory: `var.x` to its value in
//! `*.auto.tfvars` or `terraform.tfvars`, else its `default`; `local.x` to its expression;
//! `each.*`, `count.index` and dynamic iterators to their literal elements. References to other
//! blocks stay names (`aws_s3_bucket.logs.id`) so checks can link resources. Anything else is
//! `Unknown`, never a guess. The engine hands over a module directory's files together; only
//! the directory's files it does not hold (a lone file from pre-commit or an editor) and the
//! parent modules that may call it are read from disk.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::hcl::{self, Attribute, BinaryOp, Block, Body, Expr, ExprKind, Item, Part, Step};
use super::LowerError;
use crate::facts::{
    Arg, Assign, CallValue, Facts, Node, NodeKind, Resource, Span, Value, UNKNOWN_PART,
};
use crate::source::SourceFile;

/// Deepest expression or block nesting the lowerer follows before answering `Unknown`.
const MAX_DEPTH: usize = 64;
/// Most instances a literal `count`/`for_each` or dynamic block is expanded into.
const MAX_INSTANCES: usize = 64;

pub fn lower(src: &SourceFile) -> Result<Facts, LowerError> {
    lower_module(std::slice::from_ref(src), &Dirs::default())
        .pop()
        .unwrap_or_else(|| Err(LowerError::new("nothing was lowered", None)))
}

/// Lowers the files of one module directory together (the engine's Terraform unit, or a
/// single file named on the command line or open in an editor). Each file is parsed once;
/// the module's variables, locals and tfvars come from these files and, for any of the
/// directory's files not among them, from disk. One result per file, in order.
pub fn lower_module(files: &[SourceFile], dirs: &Dirs) -> Vec<Result<Facts, LowerError>> {
    let parsed: Vec<Arc<hcl::File>> = files
        .iter()
        .map(|f| Arc::new(hcl::parse(&f.text)))
        .collect();
    let dir = files
        .first()
        .and_then(|f| f.path.parent())
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let siblings = module_siblings(&dir, files, &parsed);
    let calls = find_calls(&dir, dirs);
    // Every file of the module sees the same declarations; a file given in memory that
    // differs from its copy on disk contributed its in-memory text above.
    let decls = ModuleDecls::collect(&siblings);
    files
        .iter()
        .zip(parsed)
        .map(|(src, file)| {
            let mut facts = if is_tfvars(&src.path) {
                lower_tfvars(&file.body, &src.text)
            } else {
                lower_resources(&file.body, &src.text, &decls, &calls)
            };
            facts.recovered_errors = file.errors.clone();
            Ok(facts)
        })
        .collect()
}

fn lower_tfvars(body: &Body, text: &str) -> Facts {
    let mut facts = Facts::default();
    for attr in body.attributes() {
        let value = Evaluator::literal().eval(&attr.expr, text, &Scope::default(), 0);
        facts.assigns.push(Assign {
            target: format!("var.{}", attr.name),
            value,
            span: attr.span,
            value_span: attr.expr.span,
        });
    }
    facts
}

fn lower_resources(
    body: &Body,
    text: &str,
    decls: &ModuleDecls,
    calls: &[HashMap<String, Value>],
) -> Facts {
    let mut facts = Facts::default();
    // Called from a parent module with literal inputs: one variant per call. Otherwise the
    // variables' own defaults and tfvars.
    let variants: Vec<Option<&HashMap<String, Value>>> = if calls.is_empty() {
        vec![None]
    } else {
        calls.iter().map(Some).collect()
    };
    for inputs in variants {
        let eval = Evaluator {
            module: Some(decls),
            inputs,
            memo: RefCell::default(),
            active: RefCell::default(),
        };
        lower_file(body, text, &eval, &mut facts);
    }
    facts
}

fn is_tfvars(path: &Path) -> bool {
    path.file_name()
        .map(|n| n.to_string_lossy().ends_with(".tfvars"))
        .unwrap_or(false)
}

// ---- the module's other files ---------------------------------------------------------------

/// A parsed file of the module that declares variables, locals or tfvars values.
struct Parsed {
    path: PathBuf,
    text: Arc<str>,
    file: Arc<hcl::File>,
}

/// Whether a file can hold declarations [`ModuleDecls`] wants (a cheap test before parsing).
fn declares(path: &Path, text: &str) -> bool {
    is_tfvars(path) || text.contains("variable") || text.contains("locals")
}

/// The declaring files of `dir`: those of `files` (already parsed), then those on disk that
/// `files` does not hold (a single file of a module run by pre-commit).
fn module_siblings(dir: &Path, files: &[SourceFile], parsed: &[Arc<hcl::File>]) -> Vec<Parsed> {
    let mut out: Vec<Parsed> = files
        .iter()
        .zip(parsed)
        .filter(|(f, _)| declares(&f.path, &f.text))
        .map(|(f, p)| Parsed {
            path: f.path.clone(),
            text: Arc::from(f.text.as_str()),
            file: Arc::clone(p),
        })
        .collect();
    let on_disk: Vec<_> = listing(dir)
        .into_iter()
        .filter(|path| !files.iter().any(|f| &f.path == path))
        .collect();
    out.extend(load_parsed(&on_disk, declares));
    out
}

/// Reads and parses the listed files that `wanted` keeps.
fn load_parsed(listing: &[PathBuf], wanted: impl Fn(&Path, &str) -> bool) -> Vec<Parsed> {
    listing
        .iter()
        .filter_map(|path| {
            let text = std::fs::read_to_string(path).ok()?;
            if !wanted(path, &text) {
                return None;
            }
            let file = Arc::new(hcl::parse(&text));
            Some(Parsed {
                path: path.clone(),
                text: Arc::from(text),
                file,
            })
        })
        .collect()
}

// ---- calls of this module from parent modules ----------------------------------------------

/// How many directories up a caller of a local module is looked for.
const CALLER_LEVELS: usize = 3;

/// What one run learns about directories, once however many modules ask: canonical paths
/// and the parsed files of the directories searched for callers. Every module of a group
/// searches the same parents; without this each re-read and re-parsed them. A new run (the
/// editor's next check) reads afresh and sees a parent module's edits.
#[derive(Default)]
pub struct Dirs {
    canonical: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
    callers: Mutex<HashMap<PathBuf, Arc<[Parsed]>>>,
}

impl Dirs {
    /// `dir` with symbolic links and `.`/`..` resolved, built on its parent's canonical
    /// path (one `lstat` per directory) rather than a `realpath` per module.
    fn canonical(&self, dir: &Path) -> Option<PathBuf> {
        if let Some(hit) = lock(&self.canonical).get(dir) {
            return hit.clone();
        }
        let resolved = match (dir.components().next_back(), dir.parent()) {
            (Some(Component::Normal(name)), Some(parent)) => {
                let parent = if parent.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    parent
                };
                match std::fs::symlink_metadata(dir) {
                    Ok(m) if m.file_type().is_symlink() => std::fs::canonicalize(dir).ok(),
                    Ok(_) => self.canonical(parent).map(|p| p.join(name)),
                    Err(_) => None,
                }
            }
            _ => std::fs::canonicalize(if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            })
            .ok(),
        };
        lock(&self.canonical).insert(dir.to_path_buf(), resolved.clone());
        resolved
    }

    /// The parsed files of `dir` that may call a module or declare what its calls use;
    /// none when `dir` holds no `.tf` file.
    fn callers(&self, dir: &Path) -> Arc<[Parsed]> {
        if let Some(hit) = lock(&self.callers).get(dir) {
            return Arc::clone(hit);
        }
        let listed = listing(dir);
        let files: Arc<[Parsed]> = if listed
            .iter()
            .any(|p| p.extension().is_some_and(|e| e == "tf"))
        {
            load_parsed(&listed, |path, text| {
                declares(path, text) || text.contains("module")
            })
            .into()
        } else {
            Arc::from(Vec::new())
        };
        lock(&self.callers).insert(dir.to_path_buf(), Arc::clone(&files));
        files
    }
}

/// A poisoned lock only means another thread panicked mid-insert; the map is still usable.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Inputs of every `module` block in a parent directory whose literal `source` is this
/// directory, evaluated in the caller's own module.
fn find_calls(dir: &Path, dirs: &Dirs) -> Vec<HashMap<String, Value>> {
    let Some(target) = dirs.canonical(dir) else {
        return Vec::new();
    };
    let mut calls = Vec::new();
    for parent in target.ancestors().skip(1).take(CALLER_LEVELS) {
        let files = dirs.callers(parent);
        for file in files.iter().filter(|f| !is_tfvars(&f.path)) {
            for block in file.file.body.blocks().filter(|b| b.ty == "module") {
                let body = &block.body;
                let source = body
                    .attribute("source")
                    .map(|a| Evaluator::literal().eval(&a.expr, &file.text, &Scope::default(), 0));
                let Some(Value::Str(source)) = source else {
                    continue;
                };
                if !(source.starts_with("./") || source.starts_with("../")) {
                    continue;
                }
                if dirs.canonical(&parent.join(&source)).as_deref() != Some(target.as_path()) {
                    continue;
                }
                let decls = ModuleDecls::collect(&files);
                let eval = Evaluator {
                    module: Some(&decls),
                    inputs: None,
                    memo: RefCell::default(),
                    active: RefCell::default(),
                };
                let scopes = instances(body, &file.text, &eval);
                if scopes.is_empty() {
                    // count = 0: this call creates nothing.
                    continue;
                }
                let meta = [
                    "source",
                    "version",
                    "providers",
                    "count",
                    "for_each",
                    "depends_on",
                ];
                let inputs = body
                    .attributes()
                    .filter(|a| !meta.contains(&a.name.as_str()))
                    .map(|a| {
                        (
                            a.name.clone(),
                            eval.eval(&a.expr, &file.text, &scopes[0], 0),
                        )
                    })
                    .collect();
                calls.push(inputs);
            }
        }
    }
    calls
}

/// `.tf`, `terraform.tfvars` and `*.auto.tfvars` files of a directory, sorted so the tfvars
/// precedence is deterministic.
fn listing(dir: &Path) -> Vec<PathBuf> {
    let read = if dir.as_os_str().is_empty() {
        std::fs::read_dir(".")
    } else {
        std::fs::read_dir(dir)
    };
    let Ok(entries) = read else {
        return Vec::new();
    };
    let mut out: Vec<_> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            let wanted = name.ends_with(".tf")
                || name == "terraform.tfvars"
                || name.ends_with(".auto.tfvars");
            if !wanted || !e.file_type().ok()?.is_file() {
                return None;
            }
            Some(if dir.as_os_str().is_empty() {
                PathBuf::from(&name)
            } else {
                dir.join(&name)
            })
        })
        .collect();
    out.sort();
    out
}

/// An expression in one of the module's files.
#[derive(Clone, Copy)]
struct Decl<'a> {
    expr: &'a Expr,
    src: &'a str,
}

/// Variables and locals of the whole module, as expressions not yet evaluated.
#[derive(Default)]
struct ModuleDecls<'a> {
    /// `default` of each `variable` block (None: declared without a default).
    defaults: HashMap<String, Option<Decl<'a>>>,
    /// Values from `terraform.tfvars`, overridden by `*.auto.tfvars` in name order.
    tfvars: HashMap<String, Decl<'a>>,
    locals: HashMap<String, Decl<'a>>,
}

impl<'a> ModuleDecls<'a> {
    fn collect(siblings: &'a [Parsed]) -> Self {
        let mut decls = ModuleDecls::default();
        let mut tfvars: Vec<&Parsed> = Vec::new();
        for p in siblings {
            if is_tfvars(&p.path) {
                tfvars.push(p);
            } else {
                decls.add_file(&p.file.body, &p.text);
            }
        }
        // terraform.tfvars first, then *.auto.tfvars in lexical order: later ones win.
        tfvars.sort_by_key(|p| {
            let auto = p
                .path
                .file_name()
                .map(|n| n.to_string_lossy().ends_with(".auto.tfvars"))
                .unwrap_or(false);
            (auto, p.path.clone())
        });
        for p in tfvars {
            for attr in p.file.body.attributes() {
                decls.tfvars.insert(
                    attr.name.clone(),
                    Decl {
                        expr: &attr.expr,
                        src: &p.text,
                    },
                );
            }
        }
        decls
    }

    fn add_file(&mut self, body: &'a Body, src: &'a str) {
        for block in body.blocks() {
            match block.ty.as_str() {
                "variable" => {
                    let Some(name) = block.labels.first() else {
                        continue;
                    };
                    let default = block
                        .body
                        .attribute("default")
                        .map(|a| Decl { expr: &a.expr, src });
                    self.defaults.insert(name.clone(), default);
                }
                "locals" => {
                    for attr in block.body.attributes() {
                        self.locals.insert(
                            attr.name.clone(),
                            Decl {
                                expr: &attr.expr,
                                src,
                            },
                        );
                    }
                }
                _ => {}
            }
        }
    }
}

/// From the block's start to its `{`, without trailing blanks.
fn header_span(block: &Block, src: &str) -> Span {
    let start = block.span.start;
    let trimmed = src
        .get(start..block.open_brace)
        .map(|s| s.trim_end().len())
        .unwrap_or(0);
    Span::new(start, start + trimmed)
}

fn text(span: Span, src: &str) -> &str {
    src.get(span.start..span.end).unwrap_or("")
}

// ---- evaluation -----------------------------------------------------------------------------

/// Names bound inside a block: `each`, `count` and dynamic-block iterators.
#[derive(Clone, Default)]
struct Scope {
    bindings: Vec<(String, Value)>,
}

impl Scope {
    fn with(&self, name: &str, value: Value) -> Scope {
        let mut s = self.clone();
        s.bindings.push((name.to_string(), value));
        s
    }

    fn lookup(&self, name: &str) -> Option<&Value> {
        self.bindings
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
    }
}

struct Evaluator<'m, 'a> {
    module: Option<&'m ModuleDecls<'a>>,
    /// Inputs of the module call being lowered, which override defaults and tfvars.
    inputs: Option<&'m HashMap<String, Value>>,
    memo: RefCell<HashMap<String, Value>>,
    /// Variables and locals being evaluated, to stop on cycles.
    active: RefCell<HashSet<String>>,
}

impl Evaluator<'static, 'static> {
    /// An evaluator for tfvars and variable defaults: literals only.
    fn literal() -> Self {
        Evaluator {
            module: None,
            inputs: None,
            memo: RefCell::default(),
            active: RefCell::default(),
        }
    }
}

impl<'m, 'a> Evaluator<'m, 'a> {
    fn symbol(&self, key: &str, decl: Option<Decl<'a>>, depth: usize) -> Value {
        if let Some(v) = self.memo.borrow().get(key) {
            return v.clone();
        }
        let Some(decl) = decl else {
            return Value::Unknown;
        };
        if !self.active.borrow_mut().insert(key.to_string()) {
            return Value::Unknown;
        }
        let v = self.eval(decl.expr, decl.src, &Scope::default(), depth + 1);
        self.active.borrow_mut().remove(key);
        self.memo.borrow_mut().insert(key.to_string(), v.clone());
        v
    }

    fn var(&self, name: &str, depth: usize) -> Value {
        if let Some(v) = self.inputs.and_then(|i| i.get(name)) {
            return v.clone();
        }
        let Some(m) = self.module else {
            return Value::Unknown;
        };
        let decl = match m.tfvars.get(name) {
            Some(d) => Some(*d),
            None => m.defaults.get(name).copied().flatten(),
        };
        self.symbol(&format!("var.{name}"), decl, depth)
    }

    fn local(&self, name: &str, depth: usize) -> Value {
        let Some(m) = self.module else {
            return Value::Unknown;
        };
        self.symbol(&format!("local.{name}"), m.locals.get(name).copied(), depth)
    }

    fn eval(&self, expr: &Expr, src: &str, scope: &Scope, depth: usize) -> Value {
        if depth > MAX_DEPTH {
            return Value::Unknown;
        }
        let d = depth + 1;
        match &expr.kind {
            ExprKind::Number(t) => t
                .parse::<i64>()
                .map(Value::Int)
                .or_else(|_| t.parse::<f64>().map(Value::Float))
                .unwrap_or(Value::Unknown),
            ExprKind::Bool(b) => Value::Bool(*b),
            ExprKind::Null => Value::Null,
            ExprKind::Template(parts) => self.template(parts, src, scope, d),
            ExprKind::Tuple(items) => Value::List(
                items
                    .iter()
                    .map(|k| self.eval(k, src, scope, d))
                    .collect::<Vec<_>>()
                    .into(),
            ),
            ExprKind::Object(elems) => {
                let mut entries = Vec::new();
                for (key, val) in elems {
                    let Some(key) = self.object_key(key, src, scope, d) else {
                        return Value::Unknown;
                    };
                    entries.push((key, self.eval(val, src, scope, d)));
                }
                Value::Map(entries.into())
            }
            ExprKind::Conditional(cond, then, otherwise) => {
                let a = self.eval(then, src, scope, d);
                let b = self.eval(otherwise, src, scope, d);
                match self.eval(cond, src, scope, d) {
                    Value::Bool(true) => a,
                    Value::Bool(false) => b,
                    _ if a == b && a != Value::Unknown => a,
                    _ => Value::Unknown,
                }
            }
            ExprKind::Unary(op, operand) => apply_unary(*op, self.eval(operand, src, scope, d)),
            ExprKind::Binary(op, left, right) => {
                let a = self.eval(left, src, scope, d);
                let b = self.eval(right, src, scope, d);
                apply_binary(*op, a, b)
            }
            ExprKind::Call { name, args } => {
                let args: Vec<Value> = args.iter().map(|a| self.eval(a, src, scope, d)).collect();
                apply_call(name, args)
            }
            ExprKind::Parens(inner) => self.eval(inner, src, scope, d),
            // `encrypted = False`: not a reference Terraform can resolve, but plainly meant as
            // the boolean (python-hcl2, which Checkov reads with, takes it so).
            ExprKind::Variable(name) if name.eq_ignore_ascii_case("true") => Value::Bool(true),
            ExprKind::Variable(name) if name.eq_ignore_ascii_case("false") => Value::Bool(false),
            ExprKind::Variable(name) => self.traversal(name, &[], src, scope, d),
            ExprKind::Traversal(base, steps) => match &base.kind {
                ExprKind::Variable(name) => self.traversal(name, steps, src, scope, d),
                _ => {
                    let value = self.eval(base, src, scope, d);
                    self.apply_traversal(value, steps, src, scope, d)
                }
            },
            ExprKind::For => Value::Unknown,
        }
    }

    fn template(&self, parts: &[Part], src: &str, scope: &Scope, depth: usize) -> Value {
        // `"${x}"` is `x` itself, whatever its type (Terraform 0.11 style references).
        if let [Part::Interpolation(e)] = parts {
            return self.eval(e, src, scope, depth);
        }
        let mut out = String::new();
        let mut known = true;
        for part in parts {
            match part {
                Part::Literal(s) => out.push_str(s),
                Part::Interpolation(e) => {
                    let v = self.eval(e, src, scope, depth);
                    match (scalar_text(&v), &v) {
                        (Some(s), _) => out.push_str(&s),
                        (None, Value::Partial(p)) => {
                            known = false;
                            out.push_str(p);
                        }
                        (None, _) => {
                            known = false;
                            out.push(UNKNOWN_PART);
                        }
                    }
                }
                Part::Directive => {
                    known = false;
                    out.push(UNKNOWN_PART);
                }
            }
        }
        if known {
            Value::Str(out)
        } else {
            Value::Partial(out)
        }
    }

    /// A bare identifier key is the key itself, not a variable.
    fn object_key(&self, key: &Expr, src: &str, scope: &Scope, depth: usize) -> Option<String> {
        if let ExprKind::Variable(name) = &key.kind {
            return Some(name.clone());
        }
        scalar_text(&self.eval(key, src, scope, depth))
    }

    /// `var.x.y`, `local.z`, `each.value`, `count.index`, an iterator, or a reference to
    /// another block, which stays a name.
    fn traversal(
        &self,
        root: &str,
        steps: &[Step],
        src: &str,
        scope: &Scope,
        depth: usize,
    ) -> Value {
        let first_attr = match steps.first() {
            Some(Step::Attr(name, _)) => Some(name.as_str()),
            _ => None,
        };
        let (base, consumed) = match (root, first_attr) {
            ("var", Some(name)) => (self.var(name, depth), 1),
            ("local", Some(name)) => (self.local(name, depth), 1),
            ("path" | "terraform" | "self", _) => return Value::Unknown,
            _ => match scope.lookup(root) {
                Some(v) => (v.clone(), 0),
                None if matches!(root, "each" | "count") => return Value::Unknown,
                None => {
                    // A reference to another block: keep its path as a name.
                    let mut name = root.to_string();
                    for step in steps {
                        match step {
                            Step::Attr(attr, _) => {
                                name.push('.');
                                name.push_str(attr);
                            }
                            _ => name.push_str(text(step.span(), src).trim()),
                        }
                    }
                    return Value::Name(name);
                }
            },
        };
        self.apply_traversal(base, &steps[consumed..], src, scope, depth)
    }

    fn apply_traversal(
        &self,
        mut value: Value,
        steps: &[Step],
        src: &str,
        scope: &Scope,
        depth: usize,
    ) -> Value {
        for step in steps {
            value = match step {
                Step::Attr(name, _) => value.get(name).cloned(),
                Step::Index(index, _) => match (&value, self.eval(index, src, scope, depth)) {
                    (Value::List(items), Value::Int(i)) => {
                        usize::try_from(i).ok().and_then(|i| items.get(i)).cloned()
                    }
                    (Value::Map(_), Value::Str(k)) => value.get(&k).cloned(),
                    _ => None,
                },
                Step::LegacyIndex(i, _) => match &value {
                    Value::List(items) => {
                        usize::try_from(*i).ok().and_then(|i| items.get(i)).cloned()
                    }
                    _ => None,
                },
                Step::Splat(_) => None,
            }
            .unwrap_or(Value::Unknown);
            if value == Value::Unknown {
                break;
            }
        }
        value
    }
}

fn apply_unary(op: char, v: Value) -> Value {
    match (op, v) {
        ('!', Value::Bool(b)) => Value::Bool(!b),
        ('-', Value::Int(i)) => i.checked_neg().map(Value::Int).unwrap_or(Value::Unknown),
        ('-', Value::Float(f)) => Value::Float(-f),
        _ => Value::Unknown,
    }
}

fn apply_binary(op: BinaryOp, a: Value, b: Value) -> Value {
    let known = |v: &Value| !matches!(v, Value::Unknown | Value::Partial(_) | Value::Name(_));
    match op {
        BinaryOp::Eq if known(&a) && known(&b) => Value::Bool(a == b),
        BinaryOp::NotEq if known(&a) && known(&b) => Value::Bool(a != b),
        BinaryOp::And => match (a, b) {
            (Value::Bool(false), _) | (_, Value::Bool(false)) => Value::Bool(false),
            (Value::Bool(true), Value::Bool(true)) => Value::Bool(true),
            _ => Value::Unknown,
        },
        BinaryOp::Or => match (a, b) {
            (Value::Bool(true), _) | (_, Value::Bool(true)) => Value::Bool(true),
            (Value::Bool(false), Value::Bool(false)) => Value::Bool(false),
            _ => Value::Unknown,
        },
        BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul => match (a, b) {
            (Value::Int(x), Value::Int(y)) => match op {
                BinaryOp::Add => x.checked_add(y),
                BinaryOp::Sub => x.checked_sub(y),
                _ => x.checked_mul(y),
            }
            .map(Value::Int)
            .unwrap_or(Value::Unknown),
            _ => Value::Unknown,
        },
        _ => Value::Unknown,
    }
}

/// The functions whose result follows from literal arguments and matters to a lint.
fn apply_call(name: &str, args: Vec<Value>) -> Value {
    match (name, args.as_slice()) {
        ("tobool" | "tostring" | "tonumber" | "tolist" | "toset" | "tomap", [v]) => v.clone(),
        ("lower", [Value::Str(s)]) => Value::Str(s.to_lowercase()),
        // The first argument that evaluates; an unknown one might fail or not.
        ("try", [first, ..]) => first.clone(),
        ("length", [Value::List(items)]) => Value::Int(items.len() as i64),
        ("length", [Value::Map(entries)]) => Value::Int(entries.len() as i64),
        ("concat", _) if args.iter().all(|a| matches!(a, Value::List(_))) => Value::List(
            args.iter()
                .flat_map(|a| match a {
                    Value::List(items) => items.to_vec(),
                    _ => Vec::new(),
                })
                .collect::<Vec<_>>()
                .into(),
        ),
        // Kept as a call so checks can read the document it encodes.
        ("jsonencode", [v]) => Value::Call(Arc::new(CallValue {
            callee: "jsonencode".into(),
            args: vec![Arg {
                name: None,
                index: Some(0),
                value: v.clone(),
                span: Span::default(),
                origin: None,
                text: String::new(),
            }],
        })),
        ("upper", [Value::Str(s)]) => Value::Str(s.to_uppercase()),
        ("lookup", [Value::Map(_), Value::Str(k), ..]) => match args[0].get(k) {
            Some(v) => v.clone(),
            None => args.get(2).cloned().unwrap_or(Value::Unknown),
        },
        ("coalesce", _) => args
            .iter()
            .find(|v| !matches!(v, Value::Null | Value::Str(_)) || v.as_str() != Some(""))
            .filter(|v| !matches!(v, Value::Null))
            .cloned()
            .unwrap_or(Value::Unknown),
        ("merge", _) if args.iter().all(|a| matches!(a, Value::Map(_))) => {
            let mut out: Vec<(String, Value)> = Vec::new();
            for a in &args {
                if let Value::Map(entries) = a {
                    for (k, v) in entries.iter() {
                        out.retain(|(ok, _)| ok != k);
                        out.push((k.clone(), v.clone()));
                    }
                }
            }
            Value::Map(out.into())
        }
        _ => Value::Unknown,
    }
}

/// The text a known scalar interpolates as.
fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::Str(s) => Some(s.clone()),
        Value::Int(i) => Some(i.to_string()),
        Value::Float(f) => Some(f.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

// ---- blocks to resources --------------------------------------------------------------------

fn lower_file(body: &Body, src: &str, eval: &Evaluator, facts: &mut Facts) {
    for block in body.blocks() {
        let (kind, name) = match (block.ty.as_str(), block.labels.as_slice()) {
            ("resource", [kind, name, ..]) => (kind.clone(), name.clone()),
            ("data", [kind, name, ..]) => (format!("data.{kind}"), name.clone()),
            ("module", [name, ..]) => ("module".to_string(), name.clone()),
            _ => continue,
        };
        for scope in instances(&block.body, src, eval) {
            let entries = lower_body(&block.body, src, eval, &scope, 0);
            facts.resources.push(Resource {
                kind: kind.clone(),
                name: name.clone(),
                body: Node {
                    kind: NodeKind::Map(entries),
                    span: block.span,
                },
                span: block.span,
                header: header_span(block, src),
            });
        }
    }
}

/// One scope per instance of a block with a literal `count` or `for_each` (none when it is
/// zero or empty); a single scope with the instance values unknown otherwise.
fn instances(body: &Body, src: &str, eval: &Evaluator) -> Vec<Scope> {
    let base = Scope::default();
    for attr in body.attributes() {
        match attr.name.as_str() {
            "count" => {
                return match eval.eval(&attr.expr, src, &base, 0) {
                    Value::Int(n) if n <= 0 => Vec::new(),
                    _ => vec![base.with("count", Value::Map(Default::default()))],
                };
            }
            "for_each" => {
                let v = eval.eval(&attr.expr, src, &base, 0);
                return match each_elements(&v) {
                    Some(elems) => elems
                        .into_iter()
                        .take(MAX_INSTANCES)
                        .map(|(k, v)| {
                            base.with(
                                "each",
                                Value::Map(vec![("key".into(), k), ("value".into(), v)].into()),
                            )
                        })
                        .collect(),
                    None => vec![base.with("each", Value::Map(Default::default()))],
                };
            }
            _ => {}
        }
    }
    vec![base]
}

/// (key, value) pairs of a literal collection, as `for_each` sees them.
fn each_elements(v: &Value) -> Option<Vec<(Value, Value)>> {
    match v {
        Value::List(items) => Some(items.iter().map(|i| (i.clone(), i.clone())).collect()),
        Value::Map(entries) => Some(
            entries
                .iter()
                .map(|(k, v)| (Value::Str(k.clone()), v.clone()))
                .collect(),
        ),
        _ => None,
    }
}

fn lower_body(
    body: &Body,
    src: &str,
    eval: &Evaluator,
    scope: &Scope,
    depth: usize,
) -> Vec<(String, Node)> {
    let mut entries: Vec<(String, Node)> = Vec::new();
    if depth > MAX_DEPTH {
        return entries;
    }
    for item in &body.items {
        match item {
            Item::Attribute(attr) => entries.push(lower_attribute(attr, src, eval, scope)),
            Item::Block(block) if block.ty == "dynamic" => {
                if let Some(label) = block.labels.first() {
                    for node in dynamic(block, label, src, eval, scope, depth) {
                        push_block(&mut entries, label.clone(), node);
                    }
                }
            }
            Item::Block(block) => {
                let nested = lower_body(&block.body, src, eval, scope, depth + 1);
                push_block(
                    &mut entries,
                    block.ty.clone(),
                    Node {
                        kind: NodeKind::Map(nested),
                        span: block.span,
                    },
                );
            }
        }
    }
    entries
}

fn lower_attribute(attr: &Attribute, src: &str, eval: &Evaluator, scope: &Scope) -> (String, Node) {
    let mut node = lower_value(&attr.expr, src, eval, scope, 0);
    node.span = attr.span;
    (attr.name.clone(), node)
}

/// An attribute's value as a node. An object literal becomes a map of nodes, as a block does:
/// older HCL wrote blocks in the attribute form (`node_to_node_encryption = { enabled = true }`),
/// and patterns read both alike.
fn lower_value(expr: &Expr, src: &str, eval: &Evaluator, scope: &Scope, depth: usize) -> Node {
    // A list of objects (`http_tcp_listeners = [{ protocol = "HTTP" }]`) is a list of maps.
    if let ExprKind::Tuple(items) = &expr.kind {
        let objects = items.iter().any(|i| matches!(i.kind, ExprKind::Object(_)));
        if objects && depth < MAX_DEPTH {
            let nodes = items
                .iter()
                .map(|i| lower_value(i, src, eval, scope, depth + 1))
                .collect();
            return Node {
                kind: NodeKind::List(nodes),
                span: expr.span,
            };
        }
    }
    if let ExprKind::Object(elems) = &expr.kind {
        let keys: Option<Vec<String>> = elems
            .iter()
            .map(|(k, _)| eval.object_key(k, src, scope, 0))
            .collect();
        if let (Some(keys), true) = (keys, depth < MAX_DEPTH) {
            let entries = keys
                .into_iter()
                .zip(elems)
                .map(|(key, (_, v))| (key, lower_value(v, src, eval, scope, depth + 1)))
                .collect();
            return Node {
                kind: NodeKind::Map(entries),
                span: expr.span,
            };
        }
    }
    Node {
        kind: NodeKind::Scalar(eval.eval(expr, src, scope, 0)),
        span: expr.span,
    }
}

/// `dynamic "x" { for_each = ..., iterator = it, content { ... } }` as the `x` blocks it makes.
fn dynamic(
    block: &Block,
    label: &str,
    src: &str,
    eval: &Evaluator,
    scope: &Scope,
    depth: usize,
) -> Vec<Node> {
    let mut for_each = Value::Unknown;
    let mut iterator = label.to_string();
    for attr in block.body.attributes() {
        match attr.name.as_str() {
            "for_each" => for_each = eval.eval(&attr.expr, src, scope, 0),
            "iterator" => {
                iterator = match &attr.expr.kind {
                    ExprKind::Variable(name) => name.clone(),
                    _ => text(attr.expr.span, src).trim().to_string(),
                }
            }
            _ => {}
        }
    }
    let Some(content) = block.body.blocks().find(|b| b.ty == "content") else {
        return Vec::new();
    };
    let scopes: Vec<Scope> = match each_elements(&for_each) {
        Some(elems) => elems
            .into_iter()
            .take(MAX_INSTANCES)
            .map(|(k, v)| {
                scope.with(
                    &iterator,
                    Value::Map(vec![("key".into(), k), ("value".into(), v)].into()),
                )
            })
            .collect(),
        None => vec![scope.with(&iterator, Value::Map(Default::default()))],
    };
    scopes
        .iter()
        .map(|s| Node {
            kind: NodeKind::Map(lower_body(&content.body, src, eval, s, depth + 1)),
            span: block.span,
        })
        .collect()
}

/// Adds a nested block: the second block of a type turns the entry into a list.
fn push_block(entries: &mut Vec<(String, Node)>, key: String, node: Node) {
    if let Some((_, existing)) = entries.iter_mut().find(|(k, _)| *k == key) {
        match &mut existing.kind {
            NodeKind::List(items) => items.push(node),
            _ => {
                let first = std::mem::replace(
                    existing,
                    Node {
                        kind: NodeKind::List(Vec::new()),
                        span: node.span,
                    },
                );
                existing.span = Span::new(first.span.start, node.span.end);
                existing.kind = NodeKind::List(vec![first, node]);
            }
        }
        return;
    }
    entries.push((key, node));
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::classify::FileKind;

    fn lower_text(text: &str) -> Facts {
        let src = SourceFile::new(
            "/nonexistent-dir/main.tf".into(),
            "main.tf".into(),
            FileKind::Terraform,
            text.into(),
        );
        lower(&src).unwrap()
    }

    fn attr<'a>(r: &'a Resource, path: &str) -> &'a Value {
        r.body.path(path).and_then(Node::scalar).unwrap()
    }

    #[test]
    fn resources_with_nested_blocks_and_references() {
        let f = lower_text(
            r#"
resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
data "aws_kms_key" "k" { key_id = "alias/x" }
"#,
        );
        assert_eq!(f.resources.len(), 2);
        let r = &f.resources[0];
        assert_eq!(r.kind, "aws_s3_bucket_server_side_encryption_configuration");
        assert_eq!(r.name, "logs");
        assert_eq!(
            attr(r, "bucket"),
            &Value::Name("aws_s3_bucket.logs.id".into())
        );
        assert_eq!(
            attr(
                r,
                "rule.apply_server_side_encryption_by_default.sse_algorithm"
            ),
            &Value::Str("AES256".into())
        );
        assert_eq!(f.resources[1].kind, "data.aws_kms_key");
    }

    #[test]
    fn variables_locals_conditionals_and_templates_resolve() {
        let f = lower_text(
            r#"
variable "encrypted" { default = false }
variable "env" {}
locals {
  prefix = "acme-${var.env}"
  enc    = var.encrypted
  size   = 2 * 1024
}
resource "aws_db_instance" "a" {
  storage_encrypted = local.enc
  name              = "${local.prefix}-db"
  flag              = var.encrypted ? "on" : "off"
  size              = local.size
  unknown           = var.env
  list              = ["a", "b"][1]
  tried             = try(local.enc, true)
  n                 = length(concat(["a"], ["b", "c"]))
  cmp               = var.encrypted == false && !local.enc
  cmp1              = var.encrypted == false
  cmp2              = true && !local.enc
  neq               = local.prefix != "x"
  not               = !var.encrypted
}
"#,
        );
        let r = &f.resources[0];
        assert_eq!(attr(r, "storage_encrypted"), &Value::Bool(false));
        assert_eq!(
            attr(r, "name"),
            &Value::Partial(format!("acme-{UNKNOWN_PART}-db"))
        );
        assert_eq!(attr(r, "flag"), &Value::Str("off".into()));
        assert_eq!(attr(r, "size"), &Value::Int(2048));
        assert_eq!(attr(r, "unknown"), &Value::Unknown);
        assert_eq!(attr(r, "list"), &Value::Str("b".into()));
        assert_eq!(attr(r, "tried"), &Value::Bool(false));
        assert_eq!(attr(r, "n"), &Value::Int(3));
        assert_eq!(attr(r, "cmp1"), &Value::Bool(true));
        assert_eq!(attr(r, "cmp2"), &Value::Bool(true));
        assert_eq!(attr(r, "cmp"), &Value::Bool(true));
        assert_eq!(attr(r, "neq"), &Value::Unknown);
        assert_eq!(attr(r, "not"), &Value::Bool(true));
    }

    #[test]
    fn a_lone_interpolation_is_the_value_itself() {
        let f = lower_text(
            r#"
variable "on" { default = true }
resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket  = "${aws_s3_bucket.logs.id}"
  enabled = "${var.on}"
}
"#,
        );
        let r = &f.resources[0];
        assert_eq!(
            attr(r, "bucket"),
            &Value::Name("aws_s3_bucket.logs.id".into())
        );
        assert_eq!(attr(r, "enabled"), &Value::Bool(true));
    }

    #[test]
    fn repeated_and_dynamic_blocks() {
        let f = lower_text(
            r#"
resource "aws_cloudfront_distribution" "d" {
  ordered_cache_behavior { viewer_protocol_policy = "https-only" }
  ordered_cache_behavior { viewer_protocol_policy = "allow-all" }
  dynamic "origin" {
    for_each = { a = "http-only", b = "https-only" }
    iterator = o
    content { policy = o.value }
  }
}
"#,
        );
        let r = &f.resources[0];
        let NodeKind::List(items) = &r.body.get("ordered_cache_behavior").unwrap().kind else {
            panic!("a list")
        };
        assert_eq!(items.len(), 2);
        let NodeKind::List(origins) = &r.body.get("origin").unwrap().kind else {
            panic!("a list")
        };
        assert_eq!(
            origins[0].get("policy").and_then(Node::scalar),
            Some(&Value::Str("http-only".into()))
        );
    }

    #[test]
    fn count_zero_drops_the_resource_and_for_each_expands() {
        let f = lower_text(
            r#"
resource "aws_ebs_volume" "off" {
  count     = 0
  encrypted = false
}
resource "aws_ebs_volume" "many" {
  for_each  = { a = true, b = false }
  encrypted = each.value
}
"#,
        );
        assert_eq!(f.resources.len(), 2);
        assert_eq!(attr(&f.resources[0], "encrypted"), &Value::Bool(true));
        assert_eq!(attr(&f.resources[1], "encrypted"), &Value::Bool(false));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let mut text = String::from("resource \"x\" \"y\" {\n a = ");
        for _ in 0..3000 {
            text.push('[');
        }
        for _ in 0..3000 {
            text.push(']');
        }
        text.push_str("\n}\n");
        let f = lower_text(&text);
        assert_eq!(f.resources.len(), 1);
    }

    fn lower_on_disk(path: &Path) -> Facts {
        let text = std::fs::read_to_string(path).unwrap();
        let src = SourceFile::new(
            path.to_path_buf(),
            "main.tf".into(),
            FileKind::Terraform,
            text,
        );
        lower(&src).unwrap()
    }

    #[test]
    fn sibling_files_and_tfvars_on_disk_resolve_variables() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("variables.tf"),
            "variable \"a\" { default = false }\nvariable \"b\" { default = false }\nlocals { c = var.b }\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("terraform.tfvars"), "a = true\nb = 1\n").unwrap();
        std::fs::write(dir.path().join("x.auto.tfvars"), "b = 2\n").unwrap();
        let main = dir.path().join("main.tf");
        std::fs::write(
            &main,
            "resource \"t\" \"n\" {\n  a = var.a\n  c = local.c\n}\n",
        )
        .unwrap();
        let f = lower_on_disk(&main);
        assert_eq!(attr(&f.resources[0], "a"), &Value::Bool(true));
        assert_eq!(attr(&f.resources[0], "c"), &Value::Int(2));
    }

    #[test]
    fn a_module_given_together_uses_its_in_memory_files_over_disk() {
        let dir = tempfile::tempdir().unwrap();
        let on_disk = "variable \"enc\" { default = true }\n";
        std::fs::write(dir.path().join("variables.tf"), on_disk).unwrap();
        std::fs::write(dir.path().join("terraform.tfvars"), "n = 3\n").unwrap();
        let file = |name: &str, text: &str| {
            SourceFile::new(
                dir.path().join(name),
                name.into(),
                FileKind::Terraform,
                text.into(),
            )
        };
        // The editor's unsaved variables.tf says false; the disk copy says true.
        let files = [
            file(
                "main.tf",
                "resource \"t\" \"n\" {\n  e = var.enc\n  n = var.n\n}\n",
            ),
            file("variables.tf", "variable \"enc\" { default = false }\n"),
        ];
        let results = lower_module(&files, &Dirs::default());
        assert_eq!(results.len(), 2);
        let main = results[0].as_ref().unwrap();
        assert_eq!(attr(&main.resources[0], "e"), &Value::Bool(false));
        // terraform.tfvars was not given: it is read from disk.
        assert_eq!(attr(&main.resources[0], "n"), &Value::Int(3));
        assert!(results[1].as_ref().unwrap().resources.is_empty());
    }

    #[test]
    fn a_local_module_call_supplies_its_inputs() {
        let dir = tempfile::tempdir().unwrap();
        let child = dir.path().join("modules").join("db");
        std::fs::create_dir_all(&child).unwrap();
        std::fs::write(
            dir.path().join("main.tf"),
            "module \"one\" {\n  source = \"./modules/db\"\n  enc = false\n}\nmodule \"off\" {\n  source = \"./modules/db\"\n  count = 0\n  enc = 7\n}\n",
        )
        .unwrap();
        let main = child.join("main.tf");
        std::fs::write(
            &main,
            "variable \"enc\" { default = true }\nresource \"t\" \"n\" { e = var.enc }\n",
        )
        .unwrap();
        let f = lower_on_disk(&main);
        let values: Vec<&Value> = f.resources.iter().map(|r| attr(r, "e")).collect();
        assert_eq!(values, vec![&Value::Bool(false)]);
    }

    #[test]
    fn calls_resolve_through_dot_dot_and_symlinks_with_one_shared_cache() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for m in ["a", "b"] {
            std::fs::create_dir_all(root.join("modules").join(m)).unwrap();
            std::fs::write(
                root.join("modules").join(m).join("main.tf"),
                "variable \"enc\" { default = true }\nresource \"t\" \"n\" { e = var.enc }\n",
            )
            .unwrap();
        }
        #[cfg(unix)]
        std::os::unix::fs::symlink(root.join("modules").join("b"), root.join("linked")).unwrap();
        std::fs::write(
            root.join("main.tf"),
            "module \"a\" {\n  source = \"./modules/../modules/a\"\n  enc = false\n}\nmodule \"b\" {\n  source = \"./linked\"\n  enc = 1\n}\n",
        )
        .unwrap();
        let dirs = Dirs::default();
        let value_of = |m: &str| {
            let path = root.join("modules").join(m).join("main.tf");
            let text = std::fs::read_to_string(&path).unwrap();
            let src = SourceFile::new(path, "main.tf".into(), FileKind::Terraform, text);
            let facts = lower_module(&[src], &dirs).pop().unwrap().unwrap();
            facts
                .resources
                .iter()
                .map(|r| attr(r, "e").clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(value_of("a"), vec![Value::Bool(false)]);
        #[cfg(unix)]
        assert_eq!(value_of("b"), vec![Value::Int(1)]);
        // The parent directory was read once for both modules.
        assert!(lock(&dirs.callers).contains_key(&std::fs::canonicalize(root).unwrap()));
    }

    #[test]
    fn tfvars_become_variable_assignments() {
        let src = SourceFile::new(
            "/nonexistent-dir/terraform.tfvars".into(),
            "terraform.tfvars".into(),
            FileKind::Terraform,
            "encrypted = true\n".into(),
        );
        let f = lower(&src).unwrap();
        assert_eq!(f.assigns[0].target, "var.encrypted");
        assert_eq!(f.assigns[0].value, Value::Bool(true));
    }
}
