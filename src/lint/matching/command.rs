//! `command = [...]`: shell commands, tested on their flags and words.

use super::value_matches;
use crate::facts::{Command, Facts, Span, Value};
use crate::lint::catalog::{Condition, Pattern, ValueTest};
use crate::lint::Hit;

pub fn matches(p: &Pattern, facts: &Facts, hits: &mut Vec<Hit>) {
    for c in facts
        .commands
        .iter()
        .filter(|c| p.command.iter().any(|n| n == &c.program))
    {
        hits.extend(match_command(p, c));
    }
}

/// Does a command word carry one of `flags`? `--opt=value` carries `--opt`, and a cluster of
/// short options (`-fsSLk`) carries each of its letters.
fn has_flag(flags: &[String], word: &str) -> bool {
    flags.iter().any(|f| {
        if word == f
            || word
                .strip_prefix(f.as_str())
                .is_some_and(|r| r.starts_with('='))
        {
            return true;
        }
        let short = f.len() == 2 && f.starts_with('-') && f.as_bytes()[1].is_ascii_alphabetic();
        // `word` must start with `-` before it is sliced at byte 1 (fuzzing found `éfsS`).
        short
            && word.len() > 2
            && word.starts_with('-')
            && !word.starts_with("--")
            && word[1..].bytes().all(|b| b.is_ascii_alphabetic())
            && word[1..].contains(&f[1..])
    })
}

/// The value a command passes for `arg` (a flag: `--opt=value`, `--opt value`, or `true` for a
/// bare flag) or at position `pos` among its words. `None` when absent.
fn command_value(c: &Command, arg: Option<&str>, pos: Option<usize>) -> Option<(Value, Span)> {
    if let Some(flag) = arg {
        for (i, w) in c.args.iter().enumerate() {
            if let Some(v) = w.text.strip_prefix(flag).and_then(|r| r.strip_prefix('=')) {
                return Some((word_value(v), w.span));
            }
            if w.text == flag {
                return Some(match c.args.get(i + 1) {
                    Some(next) if !next.text.starts_with('-') => {
                        (word_value(&next.text), next.span)
                    }
                    _ => (Value::Bool(true), w.span),
                });
            }
        }
        return None;
    }
    let w = c.args.get(pos?)?;
    Some((word_value(&w.text), w.span))
}

/// A word as a value: a number when it is one, else a string.
fn word_value(text: &str) -> Value {
    match text.parse::<i64>() {
        Ok(i) => Value::Int(i),
        Err(_) => Value::Str(text.to_string()),
    }
}

/// Tests `test` on a command: on the flag or position given, else on every word until one
/// passes. Returns where it passed.
fn command_test(
    c: &Command,
    arg: Option<&str>,
    pos: Option<usize>,
    test: Option<&ValueTest>,
) -> Option<Span> {
    if arg.is_some() || pos.is_some() {
        return match command_value(c, arg, pos) {
            Some((v, span)) => value_matches(test, Some(&v), "").then_some(span),
            None => value_matches(test, None, "").then_some(c.span),
        };
    }
    c.args
        .iter()
        .find(|w| value_matches(test, Some(&word_value(&w.text)), &w.text))
        .map(|w| w.span)
}

fn match_command(p: &Pattern, c: &Command) -> Option<Hit> {
    let holds =
        |cond: &Condition| command_test(c, cond.arg.as_deref(), cond.pos, Some(&cond.is)).is_some();
    if !p.when.iter().all(holds) || p.unless.iter().any(holds) {
        return None;
    }
    let mut span = c.span;
    if !p.flags.is_empty() {
        span = c.args.iter().find(|w| has_flag(&p.flags, &w.text))?.span;
    }
    if p.is.is_some() || p.arg.is_some() || p.pos.is_some() {
        span = command_test(c, p.arg.as_deref(), p.pos, p.is.as_ref())?;
    }
    Some(Hit::at(span))
}
