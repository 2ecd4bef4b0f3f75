//! Value tests (`is = {...}`), shared by every subject.

use crate::facts::Value;
use crate::lint::catalog::ValueTest;
use crate::lint::glob;
use crate::lint::predicates::{self, Subject};

/// Does the value (None: the argument is absent) pass the test? No test: any present value.
pub fn value_matches(test: Option<&ValueTest>, value: Option<&Value>, text: &str) -> bool {
    let Some(t) = test else {
        return true;
    };
    let Some(v) = value else {
        return t.absent == Some(true);
    };
    if t.absent == Some(true) {
        return false;
    }
    if t.coerce {
        return coerced_matches(t, v, text);
    }
    if !t.equals.is_empty() && !t.equals.iter().any(|e| equals(e, v, t.nocase)) {
        return false;
    }
    if !t.name.is_empty() && !matches!(v, Value::Name(n) if glob::any(&t.name, n)) {
        return false;
    }
    if !t.call.is_empty() && !matches!(v, Value::Call(c) if glob::any(&t.call, &c.callee)) {
        return false;
    }
    if t.regex.is_some() {
        // A list of strings (Java's `new String[]{"TLSv1", ..}`) passes when one of them does.
        let texts: Vec<&str> = match v {
            Value::List(items) => items.iter().filter_map(Value::as_text).collect(),
            _ => v.as_text().into_iter().collect(),
        };
        if !texts
            .iter()
            .any(|s| t.compiled_regex().is_some_and(|re| re.is_match(s)))
        {
            return false;
        }
    }
    if let Some(b) = t.below {
        if !matches!(v, Value::Int(i) if *i < b) {
            return false;
        }
    }
    if let Some(c) = &t.check {
        if !predicates::test(c, &Subject { value: v, text }, t) {
            return false;
        }
    }
    true
}

fn equals(expected: &toml::Value, v: &Value, nocase: bool) -> bool {
    match (expected, v) {
        (toml::Value::Boolean(a), Value::Bool(b)) => a == b,
        (toml::Value::Integer(a), Value::Int(b)) => a == b,
        (toml::Value::String(a), Value::Str(b)) => {
            if nocase {
                a.eq_ignore_ascii_case(b.trim())
            } else {
                a == b
            }
        }
        (toml::Value::String(a), Value::Name(n)) => n == a || n.ends_with(&format!(".{a}")),
        _ => false,
    }
}

/// A resource attribute's value tested as its provider reads it: a scalar list passes when
/// one element does, booleans and numbers equal their spellings as strings, strings compare
/// without case and surrounding space, and a number may be written as seconds (`"600s"`).
fn coerced_matches(t: &ValueTest, v: &Value, text: &str) -> bool {
    if let Value::List(items) = v {
        return items.iter().any(|i| coerced_matches(t, i, text));
    }
    if !t.equals.is_empty() {
        let Some(have) = canonical(v) else {
            return false;
        };
        if !t
            .equals
            .iter()
            .any(|e| canonical_toml(e).as_deref() == Some(&have))
        {
            return false;
        }
    }
    let number = || number_of(v);
    if t.below
        .is_some_and(|b| !number().is_some_and(|x| x < b as f64))
    {
        return false;
    }
    if t.above
        .is_some_and(|a| !number().is_some_and(|x| x > a as f64))
    {
        return false;
    }
    if t.regex.is_some() {
        let Some(s) = v.as_str() else { return false };
        if !t.compiled_regex().is_some_and(|re| re.is_match(s)) {
            return false;
        }
    }
    if !t.name.is_empty() || !t.call.is_empty() {
        return false;
    }
    if let Some(c) = &t.check {
        if !predicates::test(c, &Subject { value: v, text }, t) {
            return false;
        }
    }
    true
}

/// A known scalar as the text a provider coerces it to, lower-cased.
pub fn canonical(v: &Value) -> Option<String> {
    match v {
        Value::Bool(b) => Some(b.to_string()),
        Value::Int(i) => Some(i.to_string()),
        Value::Float(f) => Some(f.to_string()),
        Value::Str(s) => Some(s.trim().to_ascii_lowercase()),
        _ => None,
    }
}

/// An expected value from a lint file, as [`canonical`] spells a value.
pub fn canonical_toml(v: &toml::Value) -> Option<String> {
    match v {
        toml::Value::Boolean(b) => Some(b.to_string()),
        toml::Value::Integer(i) => Some(i.to_string()),
        toml::Value::Float(f) => Some(f.to_string()),
        toml::Value::String(s) => Some(s.trim().to_ascii_lowercase()),
        _ => None,
    }
}

/// A number, a numeric string, or a duration in seconds (`"7776000s"`).
fn number_of(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Float(f) => Some(*f),
        Value::Str(s) => s.trim().trim_end_matches('s').parse().ok(),
        _ => None,
    }
}
