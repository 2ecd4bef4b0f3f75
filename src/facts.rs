//! The language-neutral vocabulary every front-end lowers its syntax into, and that every lint
//! matches against. Front-ends resolve aliases and constants before producing a fact, so a lint
//! sees `requests.get` with `verify = Bool(false)`, never the spelling at the call site.

use std::fmt;
use std::sync::Arc;

/// A byte range in the source file, half-open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

/// Marks the parts of a partially known string that could not be resolved
/// (`f"http://{host}/x"` becomes `http://\u{FFFD}/x`).
pub const UNKNOWN_PART: char = '\u{FFFD}';

/// A value as far as static analysis can tell.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Value {
    /// Not statically known (a parameter, an environment read, a computed value).
    #[default]
    Unknown,
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// A fully known string.
    Str(String),
    /// A string with unknown parts, each replaced by [`UNKNOWN_PART`].
    Partial(String),
    Bytes(Vec<u8>),
    /// A reference to a qualified symbol (`ssl.CERT_NONE`, `crypto.mode.ECB`).
    Name(String),
    /// The result of a call whose value is not known but whose callee is (`modes.ECB()`,
    /// `os.urandom(16)`), with the arguments it was given.
    Call(Arc<CallValue>),
    List(Arc<Vec<Value>>),
    /// A dict or object literal with its entries in source order.
    ///
    /// Calls, lists and maps are shared, not copied: a front-end hands out a constant's value
    /// at every use, and a bundle's namespace object is used thousands of times.
    Map(Arc<Vec<(String, Value)>>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct CallValue {
    pub callee: String,
    pub args: Vec<Arg>,
}

impl Value {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The text of a string value, known or partial.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Str(s) | Value::Partial(s) => Some(s),
            _ => None,
        }
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Map(entries) => entries.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Is this value literal data written in the source (a string, bytes, a number), as
    /// opposed to something read or generated at run time?
    pub fn is_literal_data(&self) -> bool {
        matches!(
            self,
            Value::Str(_) | Value::Bytes(_) | Value::Int(_) | Value::List(_)
        )
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Unknown => write!(f, "?"),
            Value::Null => write!(f, "null"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x}"),
            Value::Str(s) | Value::Partial(s) => write!(f, "{s:?}"),
            Value::Bytes(b) => write!(f, "<{} bytes>", b.len()),
            Value::Name(n) => write!(f, "{n}"),
            Value::Call(c) => write!(f, "{}(..)", c.callee),
            Value::List(items) => write!(f, "[{} items]", items.len()),
            Value::Map(entries) => write!(f, "{{{} entries}}", entries.len()),
        }
    }
}

/// One argument of a call. Python keywords, JavaScript options-object keys and Rust builder
/// arguments all arrive here.
#[derive(Clone, Debug, PartialEq)]
pub struct Arg {
    /// Keyword name, when the argument was passed by name. With `index` also `None`, an
    /// opaque argument (`**kwargs`, `...spread`) that may hold any keyword.
    pub name: Option<String>,
    /// Position among the positional arguments, when passed by position.
    pub index: Option<usize>,
    pub value: Value,
    pub span: Span,
    /// Where the value was defined when it came from a constant elsewhere in the file.
    pub origin: Option<Span>,
    /// The argument's source text, for lints that look at names (`password`, `salt`).
    pub text: String,
}

/// A call or constructor invocation (`new X()` is a call of `X`).
#[derive(Clone, Debug, PartialEq)]
pub struct Call {
    /// Fully qualified callee after alias resolution. Methods called on an instance are
    /// named after the call that made it: `requests.Session().get`.
    pub callee: String,
    pub args: Vec<Arg>,
    pub span: Span,
    /// Span of the callee expression (the name the user wrote).
    pub callee_span: Span,
}

impl Call {
    /// Finds an argument by keyword name, by position, or as a key of an options object
    /// passed positionally (`https.request(url, { rejectUnauthorized: false })`).
    pub fn arg(&self, name: Option<&str>, index: Option<usize>) -> Option<ArgRef<'_>> {
        if let Some(name) = name {
            if let Some(a) = self.args.iter().find(|a| a.name.as_deref() == Some(name)) {
                return Some(ArgRef::whole(a));
            }
        }
        if let Some(i) = index {
            if let Some(a) = self.args.iter().find(|a| a.index == Some(i)) {
                return Some(ArgRef::whole(a));
            }
        }
        if let Some(name) = name {
            // Only options objects passed by position: a keyword argument's dict value (`json={...}`)
            // is data, not options.
            for a in self.args.iter().filter(|a| a.index.is_some()) {
                if let Some(v) = a.value.get(name) {
                    return Some(ArgRef {
                        arg: a,
                        value: v.clone(),
                    });
                }
            }
        }
        None
    }
}

impl Call {
    /// Does the call pass arguments whose names are unknown (`**kwargs` that could not be
    /// resolved, a spread of an unknown object)? Then no argument can be called absent.
    pub fn has_opaque_args(&self) -> bool {
        self.args
            .iter()
            .any(|a| a.name.is_none() && a.index.is_none())
    }
}

/// An argument, or one entry of an options object inside it.
pub struct ArgRef<'a> {
    pub arg: &'a Arg,
    pub value: Value,
}

impl<'a> ArgRef<'a> {
    fn whole(arg: &'a Arg) -> Self {
        ArgRef {
            arg,
            value: arg.value.clone(),
        }
    }
}

/// An assignment to a named place: a module setting (`SECURE_HSTS_SECONDS`), an attribute of an
/// instance (`requests.Session().verify`), an environment entry (`os.environ.PYTHONHTTPSVERIFY`).
#[derive(Clone, Debug, PartialEq)]
pub struct Assign {
    pub target: String,
    pub value: Value,
    pub span: Span,
    pub value_span: Span,
}

/// A key and value inside a dict, object literal, YAML mapping or struct literal.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Keys of the enclosing entries, outermost first, then this key: `OPTIONS.sslmode`.
    pub path: String,
    pub key: String,
    pub value: Value,
    pub span: Span,
}

/// A function, method or closure, with the value of every way out of its body: its tail
/// (each branch of a tail `if`/`match`), each `return`, and `Unknown` for every early error
/// exit (`?`). Checks use it for bodies that accept anything (`verify_server_cert` returning
/// `Ok(..)` unconditionally, a verify callback that is always `true`).
#[derive(Clone, Debug, PartialEq)]
pub struct Function {
    /// `Type.method` for methods, the bare name for free functions, `<closure>` for closures.
    pub name: String,
    /// Traits or interfaces the owner implements for this method, qualified.
    pub implements: Vec<String>,
    pub returns: Vec<Value>,
    /// From the name (or the closure's first `|`) to the end of the body.
    pub span: Span,
}

/// A record type that is stored: an ORM model, a table, a serialisable struct.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub name: String,
    /// Base classes or derives, qualified where known (`sqlalchemy.orm.declarative_base()`).
    pub bases: Vec<String>,
    pub fields: Vec<Field>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub name: String,
    /// The declared type or the constructor it is built with (`sqlalchemy.Column`).
    pub ty: String,
    /// What else the declaration says about the field, as written: its decorators or
    /// annotations (`@Column({ type: 'bytea' })`, `@Convert(converter = X.class)`), struct
    /// tags, attributes, a type annotation beside a constructor (`Mapped[str]`), doc comments.
    pub annotations: Vec<String>,
    pub span: Span,
}

/// An environment variable set for a process (Dockerfile `ENV`, compose `environment:`,
/// `export`, dotenv, `os.environ[...] = ...`).
#[derive(Clone, Debug, PartialEq)]
pub struct EnvSet {
    pub name: String,
    pub value: Value,
    pub span: Span,
}

/// A command run by a shell, a Dockerfile `RUN` or a CI step.
#[derive(Clone, Debug, PartialEq)]
pub struct Command {
    pub program: String,
    /// Words after the program, as written (quotes removed).
    pub args: Vec<Word>,
    pub span: Span,
    /// Programs of the other commands in the same pipeline, in order.
    pub pipeline: Vec<String>,
    /// The whole pipeline this command is part of (its own span when it stands alone), so a
    /// check can find the other members' facts.
    pub pipeline_span: Span,
    /// Targets of stdout redirections (`> file`, `>> file`) on this command.
    pub redirects: Vec<Word>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    pub text: String,
    pub span: Span,
}

/// A directive in a line- or block-oriented config (nginx, ini, properties, Dockerfile).
#[derive(Clone, Debug, PartialEq)]
pub struct Directive {
    /// Enclosing block names, outermost first (`http.server`), empty at top level.
    pub section: String,
    pub name: String,
    pub args: Vec<Word>,
    pub span: Span,
}

/// An X.509 certificate committed in the file: a PEM block, a DER file, or PEM text inside a
/// string of a manifest or template (a Kubernetes TLS Secret, a Terraform heredoc).
#[derive(Clone, Debug, PartialEq)]
pub struct Certificate {
    /// The subject as RFC 4514 text (`CN=api.example.com,O=Example`), empty when it has none.
    pub subject: String,
    /// The end of the validity period, in seconds since the Unix epoch.
    pub not_after: i64,
    /// The public key's algorithm (`RSA`, `EC`, `DSA`, `Ed25519`, or its OID) and size in bits
    /// (the modulus for RSA and DSA, the curve's field for EC), when known.
    pub key_algorithm: String,
    pub key_bits: Option<u32>,
    /// The certificate is a CA (basic constraints `cA`).
    pub ca: bool,
    /// The PEM block or the embedded text's first line (the whole file for DER).
    pub span: Span,
}

/// A declared infrastructure resource: a Terraform block, a CloudFormation resource, a
/// Kubernetes object. Checks that follow references between resources work on these.
#[derive(Clone, Debug, PartialEq)]
pub struct Resource {
    /// `aws_s3_bucket`, `AWS::S3::Bucket`, `networking.istio.io/PeerAuthentication`.
    pub kind: String,
    pub name: String,
    pub body: Node,
    /// The whole block or document.
    pub span: Span,
    /// The block header (`resource "aws_s3_bucket" "logs"`), where a finding about a missing
    /// attribute points.
    pub header: Span,
}

/// A tree of attributes with the span of every node.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub kind: NodeKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum NodeKind {
    Scalar(Value),
    Map(Vec<(String, Node)>),
    List(Vec<Node>),
}

impl Node {
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            NodeKind::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, n)| n),
            _ => None,
        }
    }

    /// Follows a dotted path of map keys (`server_side_encryption_configuration.rule`); a list
    /// on the way is searched element by element.
    pub fn path(&self, path: &str) -> Option<&Node> {
        let mut node = self;
        for key in path.split('.') {
            node = match &node.kind {
                NodeKind::List(items) => items.iter().find_map(|n| n.get(key))?,
                _ => node.get(key)?,
            };
        }
        Some(node)
    }

    /// Every node at the path `keys` below this one: a list on the way, or at the end, fans
    /// out to each of its elements (`listener.protocol` of every listener block), and a `*`
    /// key to every entry of a map (listeners keyed by name).
    pub fn all_at<K: AsRef<str>>(&self, keys: impl IntoIterator<Item = K>) -> Vec<&Node> {
        let mut current = vec![self];
        for key in keys {
            current = current
                .into_iter()
                .flat_map(Node::elements)
                .flat_map(|n| n.children(key.as_ref()))
                .collect();
        }
        current.into_iter().flat_map(Node::elements).collect()
    }

    fn children(&self, key: &str) -> Vec<&Node> {
        match (&self.kind, key) {
            (NodeKind::Map(entries), "*") => entries.iter().map(|(_, n)| n).collect(),
            _ => self.get(key).into_iter().collect(),
        }
    }

    /// A list's elements, or the node itself.
    pub fn elements(&self) -> Vec<&Node> {
        match &self.kind {
            NodeKind::List(items) => items.iter().collect(),
            _ => vec![self],
        }
    }

    pub fn scalar(&self) -> Option<&Value> {
        match &self.kind {
            NodeKind::Scalar(v) => Some(v),
            _ => None,
        }
    }
}

/// Everything a front-end learned about one file (or one Terraform module).
#[derive(Clone, Debug, Default)]
pub struct Facts {
    pub calls: Vec<Call>,
    pub assigns: Vec<Assign>,
    pub entries: Vec<Entry>,
    pub records: Vec<Record>,
    pub envs: Vec<EnvSet>,
    pub commands: Vec<Command>,
    pub directives: Vec<Directive>,
    pub certificates: Vec<Certificate>,
    pub resources: Vec<Resource>,
    /// Syntax errors the parser recovered from: the rest of the file was still lowered.
    pub recovered_errors: Vec<Span>,
    /// Functions, methods and closures with their return values (Rust front-end).
    pub functions: Vec<Function>,
    /// Byte ranges of test-only code (`#[cfg(test)]`, `#[test]`, `if cfg!(test)`): findings
    /// inside are reported at `note` severity.
    pub test_spans: Vec<Span>,
}

impl Facts {
    /// Adds the facts of another lowering of the same file (a page's inline scripts).
    pub fn append(&mut self, mut other: Facts) {
        self.calls.append(&mut other.calls);
        self.assigns.append(&mut other.assigns);
        self.entries.append(&mut other.entries);
        self.records.append(&mut other.records);
        self.envs.append(&mut other.envs);
        self.commands.append(&mut other.commands);
        self.directives.append(&mut other.directives);
        self.resources.append(&mut other.resources);
        self.recovered_errors.append(&mut other.recovered_errors);
        self.functions.append(&mut other.functions);
        self.test_spans.append(&mut other.test_spans);
    }
}
