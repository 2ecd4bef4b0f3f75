//! Terraform front-end on tree-sitter-hcl. Each `resource` and `data` block becomes a
//! [`Resource`] whose body is a [`Node`] tree: attributes are scalars with their resolved value,
//! nested blocks are maps, repeated blocks a list, `dynamic` blocks are expanded over a literal
//! `for_each` (once, with unknown values, when it is not literal). `module` calls become
//! resources of kind `module`; data sources have the kind `data.<type>`.
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
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tree_sitter::{Node as TsNode, Tree};

use super::ts::{self, span, text};
use super::LowerError;
use crate::facts::{
    Arg, Assign, CallValue, Facts, Node, NodeKind, Resource, Span, Value, UNKNOWN_PART,
};
use crate::source::SourceFile;

/// Deepest expression or block nesting the lowerer follows before answering `Unknown`.
const MAX_DEPTH: usize = 64;
/// Most instances a literal `count`/`for_each` or dynamic block is expanded into.
const MAX_INSTANCES: usize = 64;

fn parse(text: &str) -> Result<Tree, LowerError> {
    ts::parse("hcl", || tree_sitter_hcl::LANGUAGE.into(), text)
}

pub fn lower(src: &SourceFile) -> Result<Facts, LowerError> {
    lower_module(std::slice::from_ref(src))
        .pop()
        .unwrap_or_else(|| Err(LowerError::new("nothing was lowered", None)))
}

/// Lowers the files of one module directory together (the engine's Terraform unit, or a
/// single file named on the command line or open in an editor). Each file is parsed once;
/// the module's variables, locals and tfvars come from these files and, for any of the
/// directory's files not among them, from disk. One result per file, in order.
pub fn lower_module(files: &[SourceFile]) -> Vec<Result<Facts, LowerError>> {
    let trees: Vec<Result<Tree, LowerError>> = files.iter().map(|f| parse(&f.text)).collect();
    let dir = files
        .first()
        .and_then(|f| f.path.parent())
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let siblings = module_siblings(&dir, files, &trees);
    let calls = find_calls(&dir);
    // Every file of the module sees the same declarations; a file given in memory that
    // differs from its copy on disk contributed its in-memory text above.
    let decls = ModuleDecls::collect(&siblings);
    files
        .iter()
        .zip(trees)
        .map(|(src, tree)| {
            let tree = tree?;
            let root = tree.root_node();
            let mut facts = if is_tfvars(&src.path) {
                lower_tfvars(root, &src.text)
            } else {
                lower_resources(root, &src.text, &decls, &calls)
            };
            facts.recovered_errors = ts::error_spans(root);
            Ok(facts)
        })
        .collect()
}

fn lower_tfvars(root: TsNode, text: &str) -> Facts {
    let mut facts = Facts::default();
    for (name, attr) in top_attributes(root, text) {
        let value = Evaluator::literal().eval(attr.expr, text, &Scope::default(), 0);
        facts.assigns.push(Assign {
            target: format!("var.{name}"),
            value,
            span: span(attr.node),
            value_span: span(attr.expr),
        });
    }
    facts
}

fn lower_resources(
    root: TsNode,
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
        lower_file(root, text, &eval, &mut facts);
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
    text: String,
    tree: Tree,
}

/// Whether a file can hold declarations [`ModuleDecls`] wants (a cheap test before parsing).
fn declares(path: &Path, text: &str) -> bool {
    is_tfvars(path) || text.contains("variable") || text.contains("locals")
}

/// The declaring files of `dir`: those of `files` (their trees already parsed), then those
/// on disk that `files` does not hold (a single file of a module run by pre-commit).
fn module_siblings(
    dir: &Path,
    files: &[SourceFile],
    trees: &[Result<Tree, LowerError>],
) -> Vec<Parsed> {
    let mut out: Vec<Parsed> = files
        .iter()
        .zip(trees)
        .filter(|(f, _)| declares(&f.path, &f.text))
        .filter_map(|(f, t)| {
            Some(Parsed {
                path: f.path.clone(),
                text: f.text.clone(),
                tree: t.as_ref().ok()?.clone(),
            })
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
            let tree = parse(&text).ok()?;
            Some(Parsed {
                path: path.clone(),
                text,
                tree,
            })
        })
        .collect()
}

// ---- calls of this module from parent modules ----------------------------------------------

/// How many directories up a caller of a local module is looked for.
const CALLER_LEVELS: usize = 3;

fn canonical(dir: &Path) -> Option<PathBuf> {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    std::fs::canonicalize(dir).ok()
}

/// Inputs of every `module` block in a parent directory whose literal `source` is this
/// directory, evaluated in the caller's own module. Read afresh for every module: an editor
/// session sees a parent's edits at once.
fn find_calls(dir: &Path) -> Vec<HashMap<String, Value>> {
    let Some(target) = canonical(dir) else {
        return Vec::new();
    };
    let mut calls = Vec::new();
    for parent in target.ancestors().skip(1).take(CALLER_LEVELS) {
        let listed = listing(parent);
        if !listed
            .iter()
            .any(|p| p.extension().is_some_and(|e| e == "tf"))
        {
            continue;
        }
        // The caller's declarations, and the files that may hold its `module` blocks.
        let files = load_parsed(&listed, |path, text| {
            declares(path, text) || text.contains("module")
        });
        for file in files.iter().filter(|f| !is_tfvars(&f.path)) {
            let root = file.tree.root_node();
            for block in top_blocks(root) {
                let (ty, _) = block_header(block, &file.text);
                let Some(body) = block_body(block).filter(|_| ty == "module") else {
                    continue;
                };
                let source = body_attributes(body, &file.text)
                    .find(|(n, _)| n == "source")
                    .map(|(_, a)| {
                        Evaluator::literal().eval(a.expr, &file.text, &Scope::default(), 0)
                    });
                let Some(Value::Str(source)) = source else {
                    continue;
                };
                if !(source.starts_with("./") || source.starts_with("../")) {
                    continue;
                }
                if canonical(&parent.join(&source)).as_deref() != Some(target.as_path()) {
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
                let inputs = body_attributes(body, &file.text)
                    .filter(|(n, _)| !meta.contains(&n.as_str()))
                    .map(|(n, a)| (n, eval.eval(a.expr, &file.text, &scopes[0], 0)))
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
    expr: TsNode<'a>,
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
                decls.add_file(p.tree.root_node(), &p.text);
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
            for (name, attr) in top_attributes(p.tree.root_node(), &p.text) {
                decls.tfvars.insert(
                    name,
                    Decl {
                        expr: attr.expr,
                        src: &p.text,
                    },
                );
            }
        }
        decls
    }

    fn add_file(&mut self, root: TsNode<'a>, src: &'a str) {
        for block in top_blocks(root) {
            let (ty, labels) = block_header(block, src);
            match ty.as_str() {
                "variable" => {
                    let Some(name) = labels.first() else { continue };
                    let default = block_body(block)
                        .and_then(|b| body_attributes(b, src).find(|(n, _)| n == "default"))
                        .map(|(_, a)| Decl { expr: a.expr, src });
                    self.defaults.insert(name.clone(), default);
                }
                "locals" => {
                    if let Some(body) = block_body(block) {
                        for (name, attr) in body_attributes(body, src) {
                            self.locals.insert(
                                name,
                                Decl {
                                    expr: attr.expr,
                                    src,
                                },
                            );
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

// ---- syntax helpers -------------------------------------------------------------------------

struct Attr<'a> {
    node: TsNode<'a>,
    expr: TsNode<'a>,
}

fn named_children(node: TsNode) -> Vec<TsNode> {
    let mut cursor = node.walk();
    node.named_children(&mut cursor)
        .filter(|n| n.kind() != "comment")
        .collect()
}

fn root_body(root: TsNode) -> Option<TsNode> {
    named_children(root)
        .into_iter()
        .find(|n| n.kind() == "body")
}

fn top_blocks(root: TsNode) -> Vec<TsNode> {
    root_body(root)
        .map(|b| {
            named_children(b)
                .into_iter()
                .filter(|n| n.kind() == "block")
                .collect()
        })
        .unwrap_or_default()
}

fn top_attributes<'a>(root: TsNode<'a>, src: &'a str) -> Vec<(String, Attr<'a>)> {
    root_body(root)
        .map(|b| body_attributes(b, src).collect())
        .unwrap_or_default()
}

fn body_attributes<'a>(
    body: TsNode<'a>,
    src: &'a str,
) -> impl Iterator<Item = (String, Attr<'a>)> + 'a {
    named_children(body)
        .into_iter()
        .filter(|n| n.kind() == "attribute")
        .filter_map(move |n| attribute(n, src))
}

fn attribute<'a>(node: TsNode<'a>, src: &'a str) -> Option<(String, Attr<'a>)> {
    let kids = named_children(node);
    let name = kids.iter().find(|k| k.kind() == "identifier")?;
    let expr = kids.iter().find(|k| k.kind() == "expression")?;
    Some((text(*name, src).to_string(), Attr { node, expr: *expr }))
}

/// A block's type and its labels (quotes removed).
fn block_header(block: TsNode, src: &str) -> (String, Vec<String>) {
    let mut ty = String::new();
    let mut labels = Vec::new();
    for (i, k) in named_children(block).into_iter().enumerate() {
        match k.kind() {
            "identifier" if i == 0 => ty = text(k, src).to_string(),
            "identifier" => labels.push(text(k, src).to_string()),
            "string_lit" => labels.push(string_lit_text(k, src)),
            _ => break,
        }
    }
    (ty, labels)
}

fn block_body(block: TsNode) -> Option<TsNode> {
    named_children(block)
        .into_iter()
        .find(|n| n.kind() == "body")
}

/// From the block's start to its `{`, without trailing blanks.
fn header_span(block: TsNode, src: &str) -> Span {
    let start = block.start_byte();
    let end = named_children(block)
        .into_iter()
        .find(|n| n.kind() == "block_start")
        .map(|n| n.start_byte())
        .unwrap_or(block.end_byte());
    let trimmed = src.get(start..end).map(|s| s.trim_end().len()).unwrap_or(0);
    Span::new(start, start + trimmed)
}

fn string_lit_text(node: TsNode, src: &str) -> String {
    named_children(node)
        .into_iter()
        .filter(|k| k.kind() == "template_literal")
        .map(|k| unescape(text(k, src)))
        .collect()
}

fn unescape(s: &str) -> String {
    if !s.contains('\\') && !s.contains("$${") && !s.contains("%%{") {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some(o) => out.push(o),
                None => out.push('\\'),
            },
            '$' | '%' if chars.peek() == Some(&c) => {
                chars.next();
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
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

    fn eval(&self, node: TsNode, src: &str, scope: &Scope, depth: usize) -> Value {
        if depth > MAX_DEPTH {
            return Value::Unknown;
        }
        let d = depth + 1;
        match node.kind() {
            "expression" => self.sequence(&named_children(node), src, scope, d),
            "literal_value" => named_children(node)
                .first()
                .map(|k| self.eval(*k, src, scope, d))
                .unwrap_or(Value::Unknown),
            "numeric_lit" => {
                let t = text(node, src);
                t.parse::<i64>()
                    .map(Value::Int)
                    .or_else(|_| t.parse::<f64>().map(Value::Float))
                    .unwrap_or(Value::Unknown)
            }
            "bool_lit" => Value::Bool(text(node, src) == "true"),
            "null_lit" => Value::Null,
            "string_lit" => Value::Str(string_lit_text(node, src)),
            "template_expr" => named_children(node)
                .first()
                .map(|k| self.eval(*k, src, scope, d))
                .unwrap_or(Value::Unknown),
            "quoted_template" | "heredoc_template" => self.template(node, src, scope, d),
            "collection_value" => named_children(node)
                .first()
                .map(|k| self.eval(*k, src, scope, d))
                .unwrap_or(Value::Unknown),
            "tuple" => Value::List(
                named_children(node)
                    .into_iter()
                    .filter(|k| k.kind() == "expression")
                    .map(|k| self.eval(k, src, scope, d))
                    .collect::<Vec<_>>()
                    .into(),
            ),
            "object" => {
                let mut entries = Vec::new();
                for elem in named_children(node)
                    .into_iter()
                    .filter(|k| k.kind() == "object_elem")
                {
                    let (Some(key), Some(val)) = (
                        elem.child_by_field_name("key"),
                        elem.child_by_field_name("val"),
                    ) else {
                        continue;
                    };
                    let key = object_key(key, src, self, scope, d);
                    let Some(key) = key else {
                        return Value::Unknown;
                    };
                    entries.push((key, self.eval(val, src, scope, d)));
                }
                Value::Map(entries.into())
            }
            "conditional" => {
                let kids = named_children(node);
                if kids.len() != 3 {
                    return Value::Unknown;
                }
                let a = self.eval(kids[1], src, scope, d);
                let b = self.eval(kids[2], src, scope, d);
                match self.eval(kids[0], src, scope, d) {
                    Value::Bool(true) => a,
                    Value::Bool(false) => b,
                    _ if a == b && a != Value::Unknown => a,
                    _ => Value::Unknown,
                }
            }
            "operation" => named_children(node)
                .first()
                .map(|k| self.eval(*k, src, scope, d))
                .unwrap_or(Value::Unknown),
            "unary_operation" => {
                let op = node.child(0).map(|c| text(c, src)).unwrap_or("");
                let v = self.sequence(&named_children(node), src, scope, d);
                apply_unary(op, v)
            }
            "binary_operation" => self.binary(node, &[], src, scope, d),
            "function_call" => self.call(node, src, scope, d),
            _ => Value::Unknown,
        }
    }

    fn template(&self, node: TsNode, src: &str, scope: &Scope, depth: usize) -> Value {
        let parts: Vec<TsNode> = named_children(node)
            .into_iter()
            .filter(|k| {
                matches!(
                    k.kind(),
                    "template_literal" | "template_interpolation" | "template_directive"
                )
            })
            .collect();
        // `"${x}"` is `x` itself, whatever its type (Terraform 0.11 style references).
        if let [only] = parts.as_slice() {
            if only.kind() == "template_interpolation" {
                return named_children(*only)
                    .into_iter()
                    .find(|c| c.kind() == "expression")
                    .map(|e| self.eval(e, src, scope, depth))
                    .unwrap_or(Value::Unknown);
            }
        }
        let mut out = String::new();
        let mut known = true;
        for k in parts {
            match k.kind() {
                "template_literal" => out.push_str(&unescape(text(k, src))),
                "template_interpolation" => {
                    let v = named_children(k)
                        .into_iter()
                        .find(|c| c.kind() == "expression")
                        .map(|e| self.eval(e, src, scope, depth))
                        .unwrap_or(Value::Unknown);
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
                "template_directive" => {
                    known = false;
                    out.push(UNKNOWN_PART);
                }
                _ => {}
            }
        }
        if known {
            Value::Str(out)
        } else {
            Value::Partial(out)
        }
    }

    /// A base followed by its traversal (`var.x.y`, `local.m["k"]`, `(expr).z`): operands
    /// of operations come as such flat sequences.
    fn sequence(&self, kids: &[TsNode], src: &str, scope: &Scope, depth: usize) -> Value {
        // tree-sitter-hcl binds `!` and `-` to the bare variable and hangs the traversal
        // after the operation: `!var.x` arrives as `(!var) .x`. Put it back together.
        if let (Some(first), true) = (kids.first(), kids.len() > 1) {
            // The same quirk one level up: `a && !var.x` arrives as `(a && !var) .x`.
            let binary = named_children(*first)
                .into_iter()
                .find(|k| k.kind() == "binary_operation")
                .filter(|_| first.kind() == "operation");
            if let Some(binary) = binary {
                return self.binary(binary, &kids[1..], src, scope, depth);
            }
            let unary = named_children(*first)
                .into_iter()
                .find(|k| k.kind() == "unary_operation")
                .filter(|_| first.kind() == "operation");
            if let Some(unary) = unary {
                let inner = named_children(unary);
                if let [var] = inner.as_slice() {
                    if var.kind() == "variable_expr" {
                        let op = unary.child(0).map(|c| text(c, src)).unwrap_or("");
                        let v = self.traversal(var, &kids[1..], src, scope, depth);
                        return apply_unary(op, v);
                    }
                }
            }
        }
        match kids.first() {
            Some(first) if first.kind() == "variable_expr" => {
                self.traversal(first, &kids[1..], src, scope, depth)
            }
            Some(first) if kids.len() == 1 => self.eval(*first, src, scope, depth),
            Some(first) => {
                let base = self.eval(*first, src, scope, depth);
                apply_traversal(base, &kids[1..], src, self, scope, depth)
            }
            None => Value::Unknown,
        }
    }

    /// `trailing`: a traversal the grammar hung after the whole operation, which belongs to
    /// its right operand.
    fn binary(
        &self,
        node: TsNode,
        trailing: &[TsNode],
        src: &str,
        scope: &Scope,
        depth: usize,
    ) -> Value {
        // Operands are flat runs of named nodes on either side of the operator token.
        let mut left = Vec::new();
        let mut right = Vec::new();
        let mut op = None;
        let mut cursor = node.walk();
        for c in node.children(&mut cursor) {
            if c.kind() == "comment" {
                continue;
            }
            if !c.is_named() && op.is_none() && !left.is_empty() {
                op = Some(text(c, src).to_string());
            } else if c.is_named() {
                if op.is_none() {
                    left.push(c);
                } else {
                    right.push(c);
                }
            }
        }
        let Some(op) = op else {
            return Value::Unknown;
        };
        if left.is_empty() || right.is_empty() {
            return Value::Unknown;
        }
        let a = self.sequence(&left, src, scope, depth);
        right.extend_from_slice(trailing);
        let b = self.sequence(&right, src, scope, depth);
        let known = |v: &Value| !matches!(v, Value::Unknown | Value::Partial(_) | Value::Name(_));
        match op.as_str() {
            "==" if known(&a) && known(&b) => Value::Bool(a == b),
            "!=" if known(&a) && known(&b) => Value::Bool(a != b),
            "&&" => match (a, b) {
                (Value::Bool(false), _) | (_, Value::Bool(false)) => Value::Bool(false),
                (Value::Bool(true), Value::Bool(true)) => Value::Bool(true),
                _ => Value::Unknown,
            },
            "||" => match (a, b) {
                (Value::Bool(true), _) | (_, Value::Bool(true)) => Value::Bool(true),
                (Value::Bool(false), Value::Bool(false)) => Value::Bool(false),
                _ => Value::Unknown,
            },
            "+" | "-" | "*" => match (a, b) {
                (Value::Int(x), Value::Int(y)) => match op.as_str() {
                    "+" => x.checked_add(y),
                    "-" => x.checked_sub(y),
                    _ => x.checked_mul(y),
                }
                .map(Value::Int)
                .unwrap_or(Value::Unknown),
                _ => Value::Unknown,
            },
            _ => Value::Unknown,
        }
    }

    fn call(&self, node: TsNode, src: &str, scope: &Scope, depth: usize) -> Value {
        let kids = named_children(node);
        let Some(name) = kids.first().map(|k| text(*k, src)) else {
            return Value::Unknown;
        };
        let args: Vec<Value> = kids
            .iter()
            .find(|k| k.kind() == "function_arguments")
            .map(|a| {
                named_children(*a)
                    .into_iter()
                    .filter(|k| k.kind() == "expression")
                    .map(|k| self.eval(k, src, scope, depth))
                    .collect()
            })
            .unwrap_or_default();
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

    /// `var.x.y`, `local.z`, `each.value`, `count.index`, an iterator, or a reference to
    /// another block, which stays a name.
    fn traversal(
        &self,
        var_expr: &TsNode,
        rest: &[TsNode],
        src: &str,
        scope: &Scope,
        depth: usize,
    ) -> Value {
        let root = text(*var_expr, src);
        let first_attr = rest
            .first()
            .filter(|k| k.kind() == "get_attr")
            .map(|k| attr_name(*k, src));
        let (base, consumed) = match (root, first_attr) {
            ("var", Some(name)) => (self.var(&name, depth), 1),
            ("local", Some(name)) => (self.local(&name, depth), 1),
            ("path" | "terraform" | "self", _) => return Value::Unknown,
            _ => match scope.lookup(root) {
                Some(v) => (v.clone(), 0),
                None if matches!(root, "each" | "count") => return Value::Unknown,
                None => {
                    // A reference to another block: keep its path as a name.
                    let mut name = root.to_string();
                    for k in rest {
                        match k.kind() {
                            "get_attr" => {
                                name.push('.');
                                name.push_str(&attr_name(*k, src));
                            }
                            _ => name.push_str(text(*k, src).trim()),
                        }
                    }
                    return Value::Name(name);
                }
            },
        };
        apply_traversal(base, &rest[consumed..], src, self, scope, depth)
    }
}

fn apply_unary(op: &str, v: Value) -> Value {
    match (op, v) {
        ("!", Value::Bool(b)) => Value::Bool(!b),
        ("-", Value::Int(i)) => i.checked_neg().map(Value::Int).unwrap_or(Value::Unknown),
        ("-", Value::Float(f)) => Value::Float(-f),
        _ => Value::Unknown,
    }
}

fn attr_name(get_attr: TsNode, src: &str) -> String {
    named_children(get_attr)
        .into_iter()
        .find(|k| k.kind() == "identifier")
        .map(|k| text(k, src).to_string())
        .unwrap_or_default()
}

fn object_key(
    key: TsNode,
    src: &str,
    eval: &Evaluator,
    scope: &Scope,
    depth: usize,
) -> Option<String> {
    // A bare identifier key is the key itself, not a variable.
    let kids = named_children(key);
    if let [only] = kids.as_slice() {
        if only.kind() == "variable_expr" {
            return Some(text(*only, src).to_string());
        }
    }
    scalar_text(&eval.eval(key, src, scope, depth))
}

fn apply_traversal(
    mut value: Value,
    steps: &[TsNode],
    src: &str,
    eval: &Evaluator,
    scope: &Scope,
    depth: usize,
) -> Value {
    for step in steps {
        value = match step.kind() {
            "get_attr" => value.get(&attr_name(*step, src)).cloned(),
            "index" => {
                let idx = named_children(*step)
                    .first()
                    .map(|k| match k.kind() {
                        "new_index" => named_children(*k)
                            .first()
                            .map(|e| eval.eval(*e, src, scope, depth))
                            .unwrap_or(Value::Unknown),
                        _ => text(*k, src)
                            .trim_start_matches('.')
                            .parse()
                            .map(Value::Int)
                            .unwrap_or(Value::Unknown),
                    })
                    .unwrap_or(Value::Unknown);
                match (&value, idx) {
                    (Value::List(items), Value::Int(i)) => {
                        usize::try_from(i).ok().and_then(|i| items.get(i)).cloned()
                    }
                    (Value::Map(_), Value::Str(k)) => value.get(&k).cloned(),
                    _ => None,
                }
            }
            _ => None,
        }
        .unwrap_or(Value::Unknown);
        if value == Value::Unknown {
            break;
        }
    }
    value
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

fn lower_file(root: TsNode, src: &str, eval: &Evaluator, facts: &mut Facts) {
    for block in top_blocks(root) {
        let (ty, labels) = block_header(block, src);
        let (kind, name) = match (ty.as_str(), labels.as_slice()) {
            ("resource", [kind, name, ..]) => (kind.clone(), name.clone()),
            ("data", [kind, name, ..]) => (format!("data.{kind}"), name.clone()),
            ("module", [name, ..]) => ("module".to_string(), name.clone()),
            _ => continue,
        };
        let Some(body) = block_body(block) else {
            continue;
        };
        for scope in instances(body, src, eval) {
            let entries = lower_body(body, src, eval, &scope, 0);
            facts.resources.push(Resource {
                kind: kind.clone(),
                name: name.clone(),
                body: Node {
                    kind: NodeKind::Map(entries),
                    span: span(block),
                },
                span: span(block),
                header: header_span(block, src),
            });
        }
    }
}

/// One scope per instance of a block with a literal `count` or `for_each` (none when it is
/// zero or empty); a single scope with the instance values unknown otherwise.
fn instances(body: TsNode, src: &str, eval: &Evaluator) -> Vec<Scope> {
    let base = Scope::default();
    for (name, attr) in body_attributes(body, src) {
        match name.as_str() {
            "count" => {
                return match eval.eval(attr.expr, src, &base, 0) {
                    Value::Int(n) if n <= 0 => Vec::new(),
                    _ => vec![base.with("count", Value::Map(Default::default()))],
                };
            }
            "for_each" => {
                let v = eval.eval(attr.expr, src, &base, 0);
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
    body: TsNode,
    src: &str,
    eval: &Evaluator,
    scope: &Scope,
    depth: usize,
) -> Vec<(String, Node)> {
    let mut entries: Vec<(String, Node)> = Vec::new();
    if depth > MAX_DEPTH {
        return entries;
    }
    for child in named_children(body) {
        match child.kind() {
            "attribute" => {
                if let Some((name, attr)) = attribute(child, src) {
                    let value = eval.eval(attr.expr, src, scope, 0);
                    entries.push((
                        name,
                        Node {
                            kind: NodeKind::Scalar(value),
                            span: span(child),
                        },
                    ));
                }
            }
            "block" => {
                let (ty, labels) = block_header(child, src);
                let Some(inner) = block_body(child) else {
                    push_block(&mut entries, ty, empty_map(child));
                    continue;
                };
                if ty == "dynamic" {
                    if let Some(label) = labels.first() {
                        for node in dynamic(child, inner, label, src, eval, scope, depth) {
                            push_block(&mut entries, label.clone(), node);
                        }
                    }
                    continue;
                }
                let nested = lower_body(inner, src, eval, scope, depth + 1);
                push_block(
                    &mut entries,
                    ty,
                    Node {
                        kind: NodeKind::Map(nested),
                        span: span(child),
                    },
                );
            }
            _ => {}
        }
    }
    entries
}

fn empty_map(block: TsNode) -> Node {
    Node {
        kind: NodeKind::Map(Vec::new()),
        span: span(block),
    }
}

/// `dynamic "x" { for_each = ..., iterator = it, content { ... } }` as the `x` blocks it makes.
fn dynamic(
    block: TsNode,
    body: TsNode,
    label: &str,
    src: &str,
    eval: &Evaluator,
    scope: &Scope,
    depth: usize,
) -> Vec<Node> {
    let mut for_each = Value::Unknown;
    let mut iterator = label.to_string();
    for (name, attr) in body_attributes(body, src) {
        match name.as_str() {
            "for_each" => for_each = eval.eval(attr.expr, src, scope, 0),
            "iterator" => {
                let kids = named_children(attr.expr);
                if let Some(k) = kids.first() {
                    iterator = text(*k, src).trim().to_string();
                }
            }
            _ => {}
        }
    }
    let Some(content) = named_children(body)
        .into_iter()
        .find(|b| b.kind() == "block" && block_header(*b, src).0 == "content")
    else {
        return Vec::new();
    };
    let Some(content_body) = block_body(content) else {
        return vec![empty_map(block)];
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
            kind: NodeKind::Map(lower_body(content_body, src, eval, s, depth + 1)),
            span: span(block),
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
        let results = lower_module(&files);
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
