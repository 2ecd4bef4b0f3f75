//! A parser for HCL's native syntax, the language of Terraform files: bodies of attributes
//! and blocks, expressions with HCL's operator precedence, quoted and heredoc templates with
//! interpolations and directives, `for` expressions, splats and function calls.
//!
//! Written by hand because Terraform trees are large and uniform: tree-sitter-hcl spent more
//! than half of a Terraform scan in its generic parsing machinery, and the tree it built still
//! had to be walked and re-interpreted (it hangs a traversal after a unary operation, for one).
//! This parser builds the small tree the Terraform front-end evaluates, in one pass.
//!
//! It never fails: a syntax error is recorded with its span and the parser resumes at the next
//! line of the body it was in, so the rest of the file is still read. Nesting deeper than
//! [`MAX_NESTING`] is a syntax error, not a stack overflow.

use std::borrow::Cow;

use crate::facts::Span;

/// Deepest nesting of blocks, brackets and templates read before giving up on a line.
const MAX_NESTING: usize = 128;

/// A file or block body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Body {
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Attribute(Attribute),
    Block(Block),
}

/// `name = expr`.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribute {
    pub name: String,
    pub expr: Expr,
    /// From the name to the end of the expression.
    pub span: Span,
}

/// `type "label" label { body }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub ty: String,
    /// Labels with quotes removed and escapes applied.
    pub labels: Vec<String>,
    pub body: Body,
    /// From the type to the closing brace.
    pub span: Span,
    /// Byte offset of the opening brace.
    pub open_brace: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// A numeric literal's text.
    Number(String),
    Bool(bool),
    Null,
    /// A quoted string or heredoc; a plain string is a template of one literal part.
    Template(Vec<Part>),
    Tuple(Vec<Expr>),
    /// Keys are expressions: a bare identifier key is a [`ExprKind::Variable`].
    Object(Vec<(Expr, Expr)>),
    /// A bare identifier: `var`, `each`, `aws_s3_bucket`, an iterator.
    Variable(String),
    Traversal(Box<Expr>, Vec<Step>),
    Call {
        name: String,
        args: Vec<Expr>,
    },
    Conditional(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `!` or `-`.
    Unary(char, Box<Expr>),
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    Parens(Box<Expr>),
    /// A `for` expression; its result is never statically known here.
    For,
}

/// One step after a traversal's base.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// `.name`
    Attr(String, Span),
    /// `[expr]`
    Index(Expr, Span),
    /// `.0`, the legacy index form.
    LegacyIndex(u64, Span),
    /// `[*]` or `.*`
    Splat(Span),
}

impl Step {
    pub fn span(&self) -> Span {
        match self {
            Step::Attr(_, s) | Step::Index(_, s) | Step::LegacyIndex(_, s) | Step::Splat(s) => *s,
        }
    }
}

/// A piece of a template.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Literal(String),
    Interpolation(Expr),
    /// A whole `%{ if }…%{ endif }` or `%{ for }…%{ endfor }` construct.
    Directive,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    Or,
    And,
    Eq,
    NotEq,
    Less,
    LessEq,
    Greater,
    GreaterEq,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
}

impl BinaryOp {
    /// Binding strength, higher binds tighter (HCL's table).
    fn precedence(self) -> u8 {
        match self {
            BinaryOp::Or => 1,
            BinaryOp::And => 2,
            BinaryOp::Eq | BinaryOp::NotEq => 3,
            BinaryOp::Less | BinaryOp::LessEq | BinaryOp::Greater | BinaryOp::GreaterEq => 4,
            BinaryOp::Add | BinaryOp::Sub => 5,
            BinaryOp::Mul | BinaryOp::Div | BinaryOp::Mod => 6,
        }
    }
}

/// A parsed file: its body and the syntax errors skipped over.
#[derive(Debug, Default)]
pub struct File {
    pub body: Body,
    pub errors: Vec<Span>,
}

pub fn parse(src: &str) -> File {
    let mut p = Parser {
        src,
        b: src.as_bytes(),
        pos: 0,
        end: src.len(),
        brackets: 0,
        nesting: 0,
        errors: Vec::new(),
    };
    // A byte-order mark is not part of the first identifier.
    if src.starts_with('\u{feff}') {
        p.pos = 3;
    }
    let body = p.body(false);
    File {
        body,
        errors: p.errors,
    }
}

/// Where parsing stopped and why; the message is for tests and debugging, the span is what
/// users see.
#[derive(Debug)]
struct SyntaxError {
    at: usize,
}

type Parsed<T> = Result<T, SyntaxError>;

struct Parser<'s> {
    src: &'s str,
    b: &'s [u8],
    pos: usize,
    /// Where input ends for the construct being read (a heredoc's content ends early).
    end: usize,
    /// Open `(`, `[` and `{` of expressions: inside them newlines are blanks.
    brackets: usize,
    nesting: usize,
    errors: Vec<Span>,
}

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 0x80
}

fn is_ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'-' || c >= 0x80
}

impl<'s> Parser<'s> {
    fn peek(&self) -> Option<u8> {
        (self.pos < self.end).then(|| self.b[self.pos])
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        let i = self.pos + ahead;
        (i < self.end).then(|| self.b[i])
    }

    fn starts_with(&self, s: &str) -> bool {
        self.b[self.pos..self.end].starts_with(s.as_bytes())
    }

    fn error<T>(&self) -> Parsed<T> {
        Err(SyntaxError { at: self.pos })
    }

    fn expect(&mut self, c: u8) -> Parsed<()> {
        if self.peek() == Some(c) {
            self.pos += 1;
            Ok(())
        } else {
            self.error()
        }
    }

    /// Spaces and comments; newlines too when `newlines`, or inside brackets.
    fn skip_blanks(&mut self, newlines: bool) {
        let newlines = newlines || self.brackets > 0;
        while let Some(c) = self.peek() {
            match c {
                b' ' | b'\t' | b'\r' => self.pos += 1,
                b'\n' if newlines => self.pos += 1,
                b'#' => self.skip_line_comment(),
                b'/' if self.peek_at(1) == Some(b'/') => self.skip_line_comment(),
                b'/' if self.peek_at(1) == Some(b'*') => {
                    let rest = &self.src[self.pos + 2..self.end];
                    self.pos = match rest.find("*/") {
                        Some(i) => self.pos + 2 + i + 2,
                        None => self.end,
                    };
                }
                _ => break,
            }
        }
    }

    fn skip_line_comment(&mut self) {
        while let Some(c) = self.peek() {
            if c == b'\n' {
                break;
            }
            self.pos += 1;
        }
    }

    fn skip_to_line_end(&mut self) {
        while let Some(c) = self.peek() {
            self.pos += 1;
            if c == b'\n' {
                break;
            }
        }
    }

    fn ident(&mut self) -> Parsed<&'s str> {
        let start = self.pos;
        match self.peek() {
            Some(c) if is_ident_start(c) => self.pos += 1,
            _ => return self.error(),
        }
        while self.peek().is_some_and(is_ident_char) {
            self.pos += 1;
        }
        // Multi-byte characters are consumed whole, so this slice is on char boundaries.
        Ok(&self.src[start..self.pos])
    }

    fn enter(&mut self) -> Parsed<()> {
        if self.nesting >= MAX_NESTING {
            return self.error();
        }
        self.nesting += 1;
        Ok(())
    }

    fn leave(&mut self) {
        self.nesting -= 1;
    }

    // ---- bodies -------------------------------------------------------------------------

    /// Items up to the end of input or, in a block, to its closing brace (not consumed).
    fn body(&mut self, in_block: bool) -> Body {
        let mut items = Vec::new();
        loop {
            self.skip_blanks(true);
            match self.peek() {
                None => break,
                Some(b'}') if in_block => break,
                _ => {}
            }
            let start = self.pos;
            let brackets = self.brackets;
            let nesting = self.nesting;
            match self.item() {
                Ok(item) => items.push(item),
                Err(err) => {
                    self.brackets = brackets;
                    self.nesting = nesting;
                    self.pos = err.at.clamp(start, self.end);
                    let at = self.pos;
                    self.skip_to_line_end();
                    let end = at + self.src.get(at..self.pos).map_or(0, |s| s.trim_end().len());
                    self.errors.push(Span::new(at, end));
                }
            }
        }
        Body { items }
    }

    fn item(&mut self) -> Parsed<Item> {
        let start = self.pos;
        let name = self.ident()?.to_string();
        self.skip_blanks(false);
        if self.peek() == Some(b'=') && self.peek_at(1) != Some(b'=') {
            self.pos += 1;
            self.skip_blanks(false);
            let expr = self.expr()?;
            let span = Span::new(start, expr.span.end);
            return Ok(Item::Attribute(Attribute { name, expr, span }));
        }
        let mut labels = Vec::new();
        loop {
            self.skip_blanks(false);
            match self.peek() {
                Some(b'{') => break,
                Some(b'"') => {
                    let parts = self.quoted()?;
                    labels.push(
                        parts
                            .into_iter()
                            .filter_map(|p| match p {
                                Part::Literal(s) => Some(s),
                                _ => None,
                            })
                            .collect(),
                    );
                }
                Some(c) if is_ident_start(c) => labels.push(self.ident()?.to_string()),
                _ => return self.error(),
            }
        }
        let open_brace = self.pos;
        self.pos += 1;
        self.enter()?;
        let body = self.body(true);
        self.leave();
        self.expect(b'}')?;
        Ok(Item::Block(Block {
            ty: name,
            labels,
            body,
            span: Span::new(start, self.pos),
            open_brace,
        }))
    }

    // ---- expressions --------------------------------------------------------------------

    fn expr(&mut self) -> Parsed<Expr> {
        self.enter()?;
        let e = self.conditional();
        self.leave();
        e
    }

    fn conditional(&mut self) -> Parsed<Expr> {
        let cond = self.binary(0)?;
        self.skip_blanks(false);
        if self.peek() != Some(b'?') {
            return Ok(cond);
        }
        self.pos += 1;
        self.skip_blanks(false);
        let then = self.expr()?;
        self.skip_blanks(false);
        self.expect(b':')?;
        self.skip_blanks(false);
        let otherwise = self.expr()?;
        let span = Span::new(cond.span.start, otherwise.span.end);
        Ok(Expr {
            kind: ExprKind::Conditional(Box::new(cond), Box::new(then), Box::new(otherwise)),
            span,
        })
    }

    fn binary_op(&self) -> Option<(BinaryOp, usize)> {
        let c = self.peek()?;
        let next = self.peek_at(1);
        Some(match (c, next) {
            (b'|', Some(b'|')) => (BinaryOp::Or, 2),
            (b'&', Some(b'&')) => (BinaryOp::And, 2),
            (b'=', Some(b'=')) => (BinaryOp::Eq, 2),
            (b'!', Some(b'=')) => (BinaryOp::NotEq, 2),
            (b'<', Some(b'=')) => (BinaryOp::LessEq, 2),
            (b'>', Some(b'=')) => (BinaryOp::GreaterEq, 2),
            (b'<', _) => (BinaryOp::Less, 1),
            (b'>', _) => (BinaryOp::Greater, 1),
            (b'+', _) => (BinaryOp::Add, 1),
            (b'-', _) => (BinaryOp::Sub, 1),
            (b'*', _) => (BinaryOp::Mul, 1),
            (b'/', _) => (BinaryOp::Div, 1),
            (b'%', _) => (BinaryOp::Mod, 1),
            _ => return None,
        })
    }

    /// Precedence climbing over operators binding at least `min`.
    fn binary(&mut self, min: u8) -> Parsed<Expr> {
        let mut left = self.unary()?;
        loop {
            self.skip_blanks(false);
            let Some((op, len)) = self.binary_op() else {
                break;
            };
            if op.precedence() < min {
                break;
            }
            self.pos += len;
            self.skip_blanks(false);
            self.enter()?;
            let right = self.binary(op.precedence() + 1);
            self.leave();
            let right = right?;
            let span = Span::new(left.span.start, right.span.end);
            left = Expr {
                kind: ExprKind::Binary(op, Box::new(left), Box::new(right)),
                span,
            };
        }
        Ok(left)
    }

    fn unary(&mut self) -> Parsed<Expr> {
        let start = self.pos;
        let op = match self.peek() {
            Some(b'!') => '!',
            Some(b'-') => '-',
            _ => return self.postfix(),
        };
        self.pos += 1;
        self.skip_blanks(false);
        self.enter()?;
        let operand = self.unary();
        self.leave();
        let operand = operand?;
        let span = Span::new(start, operand.span.end);
        Ok(Expr {
            kind: ExprKind::Unary(op, Box::new(operand)),
            span,
        })
    }

    fn postfix(&mut self) -> Parsed<Expr> {
        let base = self.primary()?;
        let mut steps = Vec::new();
        loop {
            let before = self.pos;
            if self.brackets > 0 {
                self.skip_blanks(false);
            }
            let start = self.pos;
            match (self.peek(), self.peek_at(1)) {
                (Some(b'.'), Some(b'*')) => {
                    self.pos += 2;
                    steps.push(Step::Splat(Span::new(start, self.pos)));
                }
                (Some(b'.'), Some(c)) if c.is_ascii_digit() => {
                    self.pos += 1;
                    let digits = self.pos;
                    while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                        self.pos += 1;
                    }
                    let n = self.src[digits..self.pos].parse().unwrap_or(u64::MAX);
                    steps.push(Step::LegacyIndex(n, Span::new(start, self.pos)));
                }
                (Some(b'.'), Some(c)) if is_ident_start(c) => {
                    self.pos += 1;
                    let name = self.ident()?.to_string();
                    steps.push(Step::Attr(name, Span::new(start, self.pos)));
                }
                (Some(b'['), _) => {
                    self.pos += 1;
                    self.brackets += 1;
                    self.skip_blanks(false);
                    if self.peek() == Some(b'*') {
                        self.pos += 1;
                        self.skip_blanks(false);
                        self.expect(b']')?;
                        self.brackets -= 1;
                        steps.push(Step::Splat(Span::new(start, self.pos)));
                        continue;
                    }
                    let index = self.expr()?;
                    self.skip_blanks(false);
                    self.expect(b']')?;
                    self.brackets -= 1;
                    steps.push(Step::Index(index, Span::new(start, self.pos)));
                }
                _ => {
                    self.pos = before;
                    break;
                }
            }
        }
        if steps.is_empty() {
            return Ok(base);
        }
        let end = steps.last().map(|s| s.span().end).unwrap_or(base.span.end);
        let span = Span::new(base.span.start, end);
        Ok(Expr {
            kind: ExprKind::Traversal(Box::new(base), steps),
            span,
        })
    }

    fn primary(&mut self) -> Parsed<Expr> {
        let start = self.pos;
        let kind = match self.peek() {
            Some(c) if c.is_ascii_digit() => ExprKind::Number(self.number().to_string()),
            Some(b'"') => ExprKind::Template(self.quoted()?),
            Some(b'<') if self.starts_with("<<") => ExprKind::Template(self.heredoc()?),
            Some(b'[') => self.bracketed(b']', |p| p.tuple())?,
            Some(b'{') => self.bracketed(b'}', |p| p.object())?,
            Some(b'(') => self.bracketed(b')', |p| {
                let inner = p.expr()?;
                Ok(ExprKind::Parens(Box::new(inner)))
            })?,
            Some(c) if is_ident_start(c) => {
                let name = self.ident()?;
                if self.starts_with("::") || self.peek() == Some(b'(') {
                    self.call(start)?
                } else {
                    match name {
                        "true" => ExprKind::Bool(true),
                        "false" => ExprKind::Bool(false),
                        "null" => ExprKind::Null,
                        _ => ExprKind::Variable(name.to_string()),
                    }
                }
            }
            _ => return self.error(),
        };
        Ok(Expr {
            kind,
            span: Span::new(start, self.pos),
        })
    }

    fn number(&mut self) -> &'s str {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        if self.peek() == Some(b'.') && self.peek_at(1).is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.pos += 1;
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            let save = self.pos;
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    self.pos += 1;
                }
            } else {
                self.pos = save;
            }
        }
        &self.src[start..self.pos]
    }

    /// `open … close` around `inner`, with newlines as blanks inside.
    fn bracketed<T>(&mut self, close: u8, inner: impl FnOnce(&mut Self) -> Parsed<T>) -> Parsed<T> {
        self.enter()?;
        self.pos += 1;
        self.brackets += 1;
        self.skip_blanks(true);
        let kind = inner(self)?;
        self.skip_blanks(true);
        self.expect(close)?;
        self.brackets -= 1;
        self.leave();
        Ok(kind)
    }

    fn at_keyword(&self, word: &str) -> bool {
        self.starts_with(word)
            && !self
                .peek_at(word.len())
                .is_some_and(|c| is_ident_char(c) || c == b'(' || c == b'.')
    }

    fn tuple(&mut self) -> Parsed<ExprKind> {
        if self.at_keyword("for") {
            return self.for_expr(b']');
        }
        let mut items = Vec::new();
        loop {
            self.skip_blanks(true);
            if matches!(self.peek(), Some(b']') | None) {
                break;
            }
            items.push(self.expr()?);
            self.skip_blanks(true);
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => break,
                _ => return self.error(),
            }
        }
        Ok(ExprKind::Tuple(items))
    }

    fn object(&mut self) -> Parsed<ExprKind> {
        if self.at_keyword("for") {
            return self.for_expr(b'}');
        }
        let mut entries = Vec::new();
        loop {
            self.skip_blanks(true);
            if matches!(self.peek(), Some(b'}') | None) {
                break;
            }
            let key = self.expr()?;
            self.skip_blanks(true);
            match (self.peek(), self.peek_at(1)) {
                (Some(b'='), next) if next != Some(b'=') && next != Some(b'>') => self.pos += 1,
                (Some(b':'), _) => self.pos += 1,
                _ => return self.error(),
            }
            self.skip_blanks(true);
            let value = self.expr()?;
            entries.push((key, value));
            self.skip_blanks(true);
            if self.peek() == Some(b',') {
                self.pos += 1;
            }
        }
        Ok(ExprKind::Object(entries))
    }

    /// `for k, v in coll : expr [=> expr [...]] [if cond]`, read to check its syntax.
    fn for_expr(&mut self, close: u8) -> Parsed<ExprKind> {
        self.pos += "for".len();
        self.skip_blanks(true);
        self.for_header()?;
        self.skip_blanks(true);
        self.expect(b':')?;
        self.skip_blanks(true);
        self.expr()?;
        self.skip_blanks(true);
        if self.starts_with("=>") {
            self.pos += 2;
            self.skip_blanks(true);
            self.expr()?;
            self.skip_blanks(true);
            if self.starts_with("...") {
                self.pos += 3;
                self.skip_blanks(true);
            }
        }
        if self.at_keyword("if") {
            self.pos += 2;
            self.skip_blanks(true);
            self.expr()?;
            self.skip_blanks(true);
        }
        if self.peek() != Some(close) {
            return self.error();
        }
        Ok(ExprKind::For)
    }

    /// `k, v in coll` (or `v in coll`) after a `for`, in expressions and template directives.
    fn for_header(&mut self) -> Parsed<()> {
        self.ident()?;
        self.skip_blanks(true);
        if self.peek() == Some(b',') {
            self.pos += 1;
            self.skip_blanks(true);
            self.ident()?;
            self.skip_blanks(true);
        }
        if !self.at_keyword("in") {
            return self.error();
        }
        self.pos += 2;
        self.skip_blanks(true);
        self.expr()?;
        Ok(())
    }

    /// A function call; `start` is at its name, already read up to `(` or `::`.
    fn call(&mut self, start: usize) -> Parsed<ExprKind> {
        // Provider functions: `provider::aws::arn_parse(...)`.
        while self.starts_with("::") {
            self.pos += 2;
            self.ident()?;
        }
        let name = self.src[start..self.pos].to_string();
        let args = match self.peek() {
            Some(b'(') => self.bracketed(b')', |p| {
                let mut args = Vec::new();
                loop {
                    p.skip_blanks(true);
                    if matches!(p.peek(), Some(b')') | None) {
                        break;
                    }
                    args.push(p.expr()?);
                    p.skip_blanks(true);
                    if p.starts_with("...") {
                        p.pos += 3;
                        p.skip_blanks(true);
                    }
                    match p.peek() {
                        Some(b',') => p.pos += 1,
                        Some(b')') => break,
                        _ => return p.error(),
                    }
                }
                Ok(args)
            })?,
            _ => return self.error(),
        };
        Ok(ExprKind::Call { name, args })
    }

    // ---- templates ----------------------------------------------------------------------

    /// A quoted template, from its opening quote past its closing one.
    fn quoted(&mut self) -> Parsed<Vec<Part>> {
        self.pos += 1;
        let parts = self.template(Some(b'"'))?;
        self.expect(b'"')?;
        Ok(parts)
    }

    /// `<<EOF` or `<<-EOF`, a newline, lines, and a line holding only the marker.
    fn heredoc(&mut self) -> Parsed<Vec<Part>> {
        self.pos += 2;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let marker = self.ident()?;
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r')) {
            self.pos += 1;
        }
        self.expect(b'\n')?;
        let content_start = self.pos;
        // The content ends at the first line that is the marker alone.
        let mut line_start = content_start;
        let (content_end, after) = loop {
            if line_start >= self.end {
                return self.error();
            }
            let line_end = self.src[line_start..self.end]
                .find('\n')
                .map(|i| line_start + i)
                .unwrap_or(self.end);
            if self.src[line_start..line_end].trim() == marker {
                let marker_end = line_start
                    + self.src[line_start..line_end].find(marker).unwrap_or(0)
                    + marker.len();
                break (line_start, marker_end);
            }
            line_start = line_end + 1;
        };
        let outer_end = self.end;
        self.end = content_end;
        let parts = self.template(None);
        self.end = outer_end;
        let parts = parts?;
        self.pos = after;
        Ok(parts)
    }

    /// Template parts up to `close` (a quote) or the end of input (a heredoc's content).
    /// Quoted templates read backslash escapes; both read `$${` and `%%{` as literal text.
    fn template(&mut self, close: Option<u8>) -> Parsed<Vec<Part>> {
        self.enter()?;
        // Directives nest; each part remembers the depth it was read at.
        let mut raw: Vec<(Part, i32)> = Vec::new();
        let mut depth = 0i32;
        let mut lit = String::new();
        let mut lit_from = self.pos;
        let quoted = close.is_some();
        loop {
            let Some(c) = self.peek() else {
                if quoted {
                    return self.error();
                }
                break;
            };
            if Some(c) == close {
                break;
            }
            match c {
                b'\n' if quoted => return self.error(),
                b'\\' if quoted => {
                    lit.push_str(&self.src[lit_from..self.pos]);
                    self.pos += 1;
                    self.escape(&mut lit)?;
                    lit_from = self.pos;
                }
                b'$' | b'%' if self.peek_at(1) == Some(c) && self.peek_at(2) == Some(b'{') => {
                    lit.push_str(&self.src[lit_from..self.pos]);
                    lit.push(c as char);
                    lit.push('{');
                    self.pos += 3;
                    lit_from = self.pos;
                }
                b'$' | b'%' if self.peek_at(1) == Some(b'{') => {
                    lit.push_str(&self.src[lit_from..self.pos]);
                    if !lit.is_empty() {
                        raw.push((Part::Literal(std::mem::take(&mut lit)), depth));
                    }
                    self.pos += 2;
                    if self.peek() == Some(b'~') {
                        self.pos += 1;
                    }
                    self.brackets += 1;
                    self.skip_blanks(true);
                    if c == b'$' {
                        let e = self.expr()?;
                        raw.push((Part::Interpolation(e), depth));
                    } else {
                        let word = self.ident()?;
                        self.skip_blanks(true);
                        match word {
                            "if" => {
                                self.expr()?;
                                depth += 1;
                            }
                            "for" => {
                                self.for_header()?;
                                depth += 1;
                            }
                            "else" => {}
                            "endif" | "endfor" => depth -= 1,
                            _ => return self.error(),
                        }
                        raw.push((Part::Directive, depth));
                    }
                    self.skip_blanks(true);
                    if self.peek() == Some(b'~') {
                        self.pos += 1;
                    }
                    self.expect(b'}')?;
                    self.brackets -= 1;
                    lit_from = self.pos;
                }
                _ => self.pos += 1,
            }
        }
        lit.push_str(&self.src[lit_from..self.pos]);
        if !lit.is_empty() {
            raw.push((Part::Literal(lit), depth));
        }
        self.leave();
        Ok(collapse_directives(raw))
    }

    /// The escape after a backslash in a quoted template.
    fn escape(&mut self, out: &mut String) -> Parsed<()> {
        let Some(c) = self.peek() else {
            return self.error();
        };
        self.pos += 1;
        match c {
            b'n' => out.push('\n'),
            b't' => out.push('\t'),
            b'r' => out.push('\r'),
            b'u' | b'U' => {
                let len = if c == b'u' { 4 } else { 8 };
                let hex = self.src.get(self.pos..self.pos + len).unwrap_or("");
                match u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
                    Some(ch) if hex.len() == len => {
                        out.push(ch);
                        self.pos += len;
                    }
                    _ => out.push(c as char),
                }
            }
            _ => {
                // Any other escaped character stands for itself (`\"`, `\\`); step back
                // over a multi-byte character so it is copied whole.
                self.pos -= 1;
                let ch = self.src[self.pos..].chars().next().unwrap_or('\\');
                out.push(ch);
                self.pos += ch.len_utf8();
            }
        }
        Ok(())
    }
}

/// Turns each outermost run of directive parts (from `%{ if }` or `%{ for }` to its end) into
/// one [`Part::Directive`]: what it produces depends on values not known here.
fn collapse_directives(raw: Vec<(Part, i32)>) -> Vec<Part> {
    let mut out: Vec<Part> = Vec::new();
    let mut inside = false;
    for (part, depth) in raw {
        let directive = matches!(part, Part::Directive);
        if inside || (directive && depth > 0) {
            if !inside {
                out.push(Part::Directive);
            }
            inside = depth > 0;
            continue;
        }
        if directive {
            // A stray `%{ else }` or end marker at depth 0.
            out.push(Part::Directive);
            continue;
        }
        match (out.last_mut(), part) {
            (Some(Part::Literal(prev)), Part::Literal(next)) => prev.push_str(&next),
            (_, part) => out.push(part),
        }
    }
    out
}

impl Expr {
    /// The text of a plain string literal (no interpolation or directive).
    pub fn literal_str(&self) -> Option<Cow<'_, str>> {
        match &self.kind {
            ExprKind::Template(parts) => match parts.as_slice() {
                [] => Some(Cow::Borrowed("")),
                [Part::Literal(s)] => Some(Cow::Borrowed(s)),
                _ => None,
            },
            _ => None,
        }
    }
}

impl Body {
    pub fn attributes(&self) -> impl Iterator<Item = &Attribute> {
        self.items.iter().filter_map(|i| match i {
            Item::Attribute(a) => Some(a),
            Item::Block(_) => None,
        })
    }

    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.items.iter().filter_map(|i| match i {
            Item::Block(b) => Some(b),
            Item::Attribute(_) => None,
        })
    }

    pub fn attribute(&self, name: &str) -> Option<&Attribute> {
        self.attributes().find(|a| a.name == name)
    }
}

#[cfg(test)]
mod tests;
