//! Small value helpers shared by the code front-ends: name compaction, string concatenation
//! with unknown parts, hex and base64 decoding of constant key material.

use crate::facts::{Value, UNKNOWN_PART};

/// `a . b` written with spaces or line breaks becomes `a.b`.
pub fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// `a + b` where either side is a string. `ints_as_text`: the language turns a number into its
/// digits when added to a string (JavaScript); otherwise (Python) the result is not known.
pub fn concat(a: Value, b: Value, ints_as_text: bool) -> Value {
    let piece = |v: &Value| -> (String, bool) {
        match v {
            Value::Str(s) => (s.clone(), false),
            Value::Partial(s) => (s.clone(), true),
            Value::Int(i) => (i.to_string(), !ints_as_text),
            _ => (UNKNOWN_PART.to_string(), true),
        }
    };
    let (sa, pa) = piece(&a);
    let (sb, pb) = piece(&b);
    if pa || pb {
        Value::Partial(sa + &sb)
    } else {
        Value::Str(sa + &sb)
    }
}
