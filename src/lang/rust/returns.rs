//! What a function can return: every way out of its body, for lints about verifiers that
//! accept everything (`fn verify(..) -> bool { true }`).

use syn::{Block, Expr, Stmt};

use super::*;
use crate::facts::Value;

impl<'s> Lowerer<'s> {
    /// The value of every way out of a block: its tail (each branch of a tail `if`/`match`),
    /// each `return`, and `Unknown` for each `?` (an early error return).
    pub(super) fn returns_of_block(&mut self, b: &Block, unit: bool) -> Vec<Value> {
        let mut out = Vec::new();
        let mut exits = Vec::new();
        for s in &b.stmts {
            collect_exits_stmt(s, &mut exits, 0);
        }
        for x in exits {
            match x {
                Some(e) => {
                    let v = self.eval(e, 0);
                    out.push(v);
                }
                None => out.push(Value::Unknown),
            }
        }
        match b.stmts.last() {
            Some(Stmt::Expr(tail, None)) => self.tail_values(tail, &mut out, 0),
            _ if unit => out.push(Value::Null),
            _ => {}
        }
        out
    }

    pub(super) fn returns_of_expr(&mut self, e: &Expr) -> Vec<Value> {
        match e {
            Expr::Block(b) => self.returns_of_block(&b.block, false),
            _ => {
                let mut out = Vec::new();
                let mut exits = Vec::new();
                collect_exits(e, &mut exits, 0);
                for x in exits {
                    let v = x.map(|e| self.eval(e, 0)).unwrap_or(Value::Unknown);
                    out.push(v);
                }
                self.tail_values(e, &mut out, 0);
                out
            }
        }
    }

    pub(super) fn tail_values(&mut self, e: &Expr, out: &mut Vec<Value>, depth: usize) {
        if depth > 16 {
            out.push(Value::Unknown);
            return;
        }
        match e {
            Expr::If(i) => {
                match i.then_branch.stmts.last() {
                    Some(Stmt::Expr(t, None)) => self.tail_values(t, out, depth + 1),
                    _ => out.push(Value::Null),
                }
                match &i.else_branch {
                    Some((_, els)) => self.tail_values(els, out, depth + 1),
                    None => out.push(Value::Null),
                }
            }
            Expr::Match(m) => {
                for arm in &m.arms {
                    self.tail_values(&arm.body, out, depth + 1);
                }
            }
            Expr::Block(b) => match b.block.stmts.last() {
                Some(Stmt::Expr(t, None)) => self.tail_values(t, out, depth + 1),
                _ => out.push(Value::Null),
            },
            Expr::Paren(p) => self.tail_values(&p.expr, out, depth + 1),
            Expr::Return(_) | Expr::Macro(_) if is_diverging(e) => {}
            _ => {
                let v = self.eval(e, 0);
                out.push(v);
            }
        }
    }
}

/// `return`, `panic!()`, `unreachable!()` and the like: no value comes out of them (a
/// `return`'s value was already collected).
pub(super) fn is_diverging(e: &Expr) -> bool {
    match e {
        Expr::Return(_) => true,
        Expr::Macro(m) => m.mac.path.segments.last().is_some_and(|s| {
            matches!(
                s.ident.to_string().as_str(),
                "panic" | "unreachable" | "todo" | "unimplemented"
            )
        }),
        _ => false,
    }
}

/// `return` expressions (`Some(value)`) and `?` operators (`None`) of a statement, not
/// looking into nested closures or items.
pub(super) fn collect_exits_stmt<'e>(s: &'e Stmt, out: &mut Vec<Option<&'e Expr>>, depth: usize) {
    match s {
        Stmt::Local(l) => {
            if let Some(init) = &l.init {
                collect_exits(&init.expr, out, depth + 1);
                if let Some((_, d)) = &init.diverge {
                    collect_exits(d, out, depth + 1);
                }
            }
        }
        Stmt::Expr(e, _) => collect_exits(e, out, depth + 1),
        Stmt::Item(_) | Stmt::Macro(_) => {}
    }
}

pub(super) fn collect_exits<'e>(e: &'e Expr, out: &mut Vec<Option<&'e Expr>>, depth: usize) {
    if depth > MAX_WALK_DEPTH {
        out.push(None);
        return;
    }
    let d = depth + 1;
    match e {
        Expr::Return(r) => match &r.expr {
            Some(x) => {
                out.push(Some(x));
                collect_exits(x, out, d);
            }
            None => out.push(None),
        },
        Expr::Try(t) => {
            out.push(None);
            collect_exits(&t.expr, out, d);
        }
        Expr::Closure(_) | Expr::Async(_) => {}
        Expr::Block(b) => b
            .block
            .stmts
            .iter()
            .for_each(|s| collect_exits_stmt(s, out, d)),
        Expr::Unsafe(b) => b
            .block
            .stmts
            .iter()
            .for_each(|s| collect_exits_stmt(s, out, d)),
        Expr::Loop(l) => l
            .body
            .stmts
            .iter()
            .for_each(|s| collect_exits_stmt(s, out, d)),
        Expr::While(w) => {
            collect_exits(&w.cond, out, d);
            w.body
                .stmts
                .iter()
                .for_each(|s| collect_exits_stmt(s, out, d));
        }
        Expr::ForLoop(f) => {
            collect_exits(&f.expr, out, d);
            f.body
                .stmts
                .iter()
                .for_each(|s| collect_exits_stmt(s, out, d));
        }
        Expr::If(i) => {
            collect_exits(&i.cond, out, d);
            i.then_branch
                .stmts
                .iter()
                .for_each(|s| collect_exits_stmt(s, out, d));
            if let Some((_, els)) = &i.else_branch {
                collect_exits(els, out, d);
            }
        }
        Expr::Match(m) => {
            collect_exits(&m.expr, out, d);
            for arm in &m.arms {
                collect_exits(&arm.body, out, d);
            }
        }
        Expr::Call(c) => {
            collect_exits(&c.func, out, d);
            c.args.iter().for_each(|a| collect_exits(a, out, d));
        }
        Expr::MethodCall(m) => {
            collect_exits(&m.receiver, out, d);
            m.args.iter().for_each(|a| collect_exits(a, out, d));
        }
        Expr::Binary(b) => {
            collect_exits(&b.left, out, d);
            collect_exits(&b.right, out, d);
        }
        Expr::Unary(u) => collect_exits(&u.expr, out, d),
        Expr::Paren(p) => collect_exits(&p.expr, out, d),
        Expr::Reference(r) => collect_exits(&r.expr, out, d),
        Expr::Await(a) => collect_exits(&a.base, out, d),
        Expr::Field(f) => collect_exits(&f.base, out, d),
        Expr::Let(l) => collect_exits(&l.expr, out, d),
        Expr::Assign(a) => collect_exits(&a.right, out, d),
        Expr::Tuple(t) => t.elems.iter().for_each(|x| collect_exits(x, out, d)),
        Expr::Array(a) => a.elems.iter().for_each(|x| collect_exits(x, out, d)),
        Expr::Struct(s) => s.fields.iter().for_each(|f| collect_exits(&f.expr, out, d)),
        _ => {}
    }
}
