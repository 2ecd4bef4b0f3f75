//! Go front-end (tree-sitter-go). Go code runs top to bottom inside a function, and its
//! mistakes are often made in steps (`iv := make([]byte, 16)` then `rand.Read(iv)`, `cfg :=
//! &tls.Config{}` then `cfg.InsecureSkipVerify = true`), so this front-end executes each
//! function body in order instead of binding each name once: a name holds its current value,
//! an assignment inside a branch, loop or closure joins with what the name held before, and a
//! variable handed to a call that may write into it (`rand.Read(iv)`, `io.ReadFull(r, iv[:8])`)
//! is no longer known. Package-level `const` and `var` declarations are evaluated on first
//! use (with `iota`), imports resolve to their paths (`tls.Config` is `crypto/tls.Config`,
//! whatever the local name; dot imports too), and a composite literal is a call of its type
//! with its fields as named arguments (`&tls.Config{InsecureSkipVerify: true}`), so nested
//! literals are values a lint can look inside.
//!
//! Modules by role: [`exec`] (statements, scopes and assignments), [`eval`] (expressions and
//! the facts they emit).

mod eval;
mod exec;
#[cfg(test)]
mod tests;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::flat::{self, Node};
use super::scope::{Evaluation, Scopes};
use super::ts::{self, text};
use super::LowerError;
use crate::facts::{Facts, Field, Record};
use crate::source::SourceFile;

/// Deepest expression (or statement nesting) followed before giving up on it.
const MAX_DEPTH: usize = 64;
/// Evaluation steps per file before every further evaluation answers `Unknown`.
const MAX_STEPS: usize = 2_000_000;
/// Largest byte buffer `make([]byte, n)` or `[n]byte{}` builds: keys and IVs are small, and
/// a buffer's value is copied wherever it is used.
const MAX_BYTES: i64 = 4096;

pub fn lower(src: &SourceFile) -> Result<Facts, LowerError> {
    let tree = flat::parse("go", || tree_sitter_go::LANGUAGE.into(), &src.text)?;
    let root = tree.root();
    let mut facts = Lowerer::new(&src.text).lower(root);
    facts.recovered_errors = ts::error_spans(root);
    Ok(facts)
}

/// Go's marker of generated code (go.dev/s/generatedcode): a line `// Code generated ... DO
/// NOT EDIT.` before the package clause. Such files are rewritten by their generator, so a
/// finding there is fixed in the generator, and they are often huge (API clients, tables).
pub fn generated(text: &str) -> bool {
    for line in text.lines() {
        let line = line.trim_end();
        if line.starts_with("// Code generated ") && line.ends_with(" DO NOT EDIT.") {
            return true;
        }
        if !(line.is_empty() || line.starts_with("//") || line.starts_with("/*")) {
            // Past the header: a `package` clause or other code.
            return false;
        }
    }
    false
}

/// A package-level `const` or `var`: its expression (the one of its position in the spec,
/// or a `const` block's previous one when it repeats it), and its `iota`.
#[derive(Clone, Copy)]
struct Global<'t> {
    value: Option<Node<'t>>,
    iota: i64,
    /// A spec binding several names to one call (`var a, b = f()`): not known.
    tuple: bool,
}

struct Lowerer<'t> {
    src: &'t str,
    /// Local names and their current values; a scope's kind is whether it runs only
    /// sometimes (a branch, a loop body, a closure).
    scopes: Scopes<crate::facts::Value, bool>,
    /// Import local name to import path.
    imports: HashMap<String, String>,
    dot_imports: Vec<String>,
    globals: HashMap<String, Global<'t>>,
    /// The declared type of each field of the file's struct types, by `Type.field`.
    fields: HashMap<String, Node<'t>>,
    /// Package-level names assigned somewhere (`=`, `++`): not constants.
    reassigned: HashSet<String>,
    /// `sub := iv[4:]`: `sub` shares `iv`'s bytes, so a call that fills `sub` fills `iv`.
    aliases: HashMap<String, String>,
    evaluation: Evaluation,
    /// `iota` of the `const` spec being evaluated.
    iota: Option<i64>,
    /// Return values of the function bodies being run, innermost last.
    returns: Vec<Vec<crate::facts::Value>>,
    /// Calls and literals already emitted, by node id (a package-level value is evaluated
    /// where it is first used and again with its declaration).
    emitted: HashSet<usize>,
    facts: Facts,
    steps: usize,
}

impl<'t> Lowerer<'t> {
    fn new(src: &'t str) -> Self {
        Lowerer {
            src,
            scopes: Scopes::new(false),
            imports: HashMap::new(),
            dot_imports: Vec::new(),
            globals: HashMap::new(),
            fields: HashMap::new(),
            reassigned: HashSet::new(),
            aliases: HashMap::new(),
            evaluation: Evaluation::default(),
            iota: None,
            returns: Vec::new(),
            emitted: HashSet::new(),
            facts: Facts::default(),
            steps: 0,
        }
    }

    fn lower(mut self, root: Node<'t>) -> Facts {
        self.declare(root);
        self.run(root);
        self.facts
    }

    fn text(&self, node: Node) -> &'t str {
        text(node, self.src)
    }

    /// Imports, package-level names, and the package-level names assigned anywhere.
    fn declare(&mut self, root: Node<'t>) {
        for decl in root.named_children() {
            match decl.kind() {
                "import_declaration" => self.declare_imports(decl),
                "const_declaration" | "var_declaration" => self.declare_globals(decl),
                "type_declaration" => self.declare_fields(decl),
                _ => {}
            }
        }
        let mut stack = vec![root];
        while let Some(n) = stack.pop() {
            match n.kind() {
                "assignment_statement" => {
                    if let Some(left) = n.child_by_field_name("left") {
                        for l in left.named_children() {
                            if l.kind() == "identifier" {
                                self.reassigned.insert(self.text(l).to_string());
                            }
                        }
                    }
                }
                "inc_statement" | "dec_statement" => {
                    if let Some(l) = n.named_child(0).filter(|l| l.kind() == "identifier") {
                        self.reassigned.insert(self.text(l).to_string());
                    }
                }
                _ => {}
            }
            stack.extend(n.named_children());
        }
    }

    fn declare_imports(&mut self, decl: Node<'t>) {
        let mut stack = vec![decl];
        while let Some(n) = stack.pop() {
            if n.kind() != "import_spec" {
                stack.extend(n.named_children());
                continue;
            }
            let Some(path) = n.child_by_field_name("path") else {
                continue;
            };
            let path = eval::string_literal(path, self.src);
            match n.child_by_field_name("name") {
                Some(name) if name.kind() == "dot" => self.dot_imports.push(path),
                Some(name) if name.kind() == "blank_identifier" => {}
                Some(name) => {
                    self.imports.insert(self.text(name).to_string(), path);
                }
                None => {
                    let local = package_name(&path);
                    self.imports.insert(local.to_string(), path);
                }
            }
        }
    }

    /// `type Box struct { gcm cipher.AEAD }`: `Box.gcm` has type `cipher.AEAD`.
    fn declare_fields(&mut self, decl: Node<'t>) {
        for spec in decl.named_children().filter(|n| n.kind() == "type_spec") {
            let (Some(name), Some(ty)) = (
                spec.child_by_field_name("name"),
                spec.child_by_field_name("type"),
            ) else {
                continue;
            };
            if ty.kind() != "struct_type" {
                continue;
            }
            let owner = self.text(name);
            // The struct is also a record: its embedded types are its bases (`gorm.Model`),
            // each named field a field with its type and its tag as written.
            let mut record = Record {
                name: owner.to_string(),
                bases: Vec::new(),
                fields: Vec::new(),
                span: crate::lang::tree::ts::span(spec),
            };
            let lists = ty
                .named_children()
                .filter(|n| n.kind() == "field_declaration_list");
            for list in lists {
                for field in list.named_children() {
                    let Some(field_ty) = field.child_by_field_name("type") else {
                        continue;
                    };
                    let tag = field.child_by_field_name("tag").map(|t| self.text(t));
                    let mut named = false;
                    for n in field.children_by_field_name("name") {
                        named = true;
                        let key = format!("{owner}.{}", self.text(n));
                        self.fields.insert(key, field_ty);
                        record.fields.push(Field {
                            name: self.text(n).to_string(),
                            ty: self.text(field_ty).to_string(),
                            annotations: tag.iter().map(|t| t.to_string()).collect(),
                            span: crate::lang::tree::ts::span(field),
                        });
                    }
                    if !named {
                        record.bases.push(self.text(field_ty).to_string());
                    }
                }
            }
            self.facts.records.push(record);
        }
    }

    fn declare_globals(&mut self, decl: Node<'t>) {
        let is_const = decl.kind() == "const_declaration";
        let mut specs = Vec::new();
        for child in decl.named_children() {
            match child.kind() {
                "const_spec" | "var_spec" => specs.push(child),
                "var_spec_list" => specs.extend(child.named_children()),
                _ => {}
            }
        }
        let mut previous: Option<Node<'t>> = None;
        for (iota, spec) in specs.into_iter().enumerate() {
            let names: Vec<Node<'t>> = spec.children_by_field_name("name").collect();
            let mut values = spec.child_by_field_name("value");
            if values.is_none() && is_const {
                values = previous;
            }
            previous = values;
            let exprs: Vec<Node<'t>> = values
                .map(|v| {
                    v.named_children()
                        .filter(|c| c.kind() != "comment")
                        .collect()
                })
                .unwrap_or_default();
            let tuple = names.len() > 1 && exprs.len() == 1;
            for (i, name) in names.into_iter().enumerate() {
                if name.kind() != "identifier" {
                    continue;
                }
                let global = Global {
                    value: exprs.get(i).copied(),
                    iota: iota as i64,
                    tuple,
                };
                self.globals.insert(self.text(name).to_string(), global);
            }
        }
    }
}

/// The name a package is known by when imported without one: the last path element,
/// without a major version suffix (`github.com/go-redis/redis/v8` is `redis`) or a `go-`
/// prefix or `.go`/`-go` suffix (`gopkg.in/yaml.v3` is `yaml`).
fn package_name(path: &str) -> &str {
    let mut parts = path.rsplit('/');
    let mut last = parts.next().unwrap_or(path);
    if last.len() > 1 && last.starts_with('v') && last[1..].bytes().all(|b| b.is_ascii_digit()) {
        last = parts.next().unwrap_or(last);
    }
    if let Some((base, version)) = last.split_once(".v") {
        if version.bytes().all(|b| b.is_ascii_digit()) {
            last = base;
        }
    }
    let last = last.strip_prefix("go-").unwrap_or(last);
    last.strip_suffix("-go")
        .or_else(|| last.strip_suffix(".go"))
        .unwrap_or(last)
}
