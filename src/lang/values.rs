//! The value helpers of the code front-ends, in one place: name compaction, string
//! concatenation with unknown parts, byte strings from lists, hex and base64 decoding of
//! constant key material, and the escape sequences of Python and JavaScript string literals.
//! A helper lives here once it serves more than one language, or is one of those kinds.

use crate::facts::{Arg, Span, Value, UNKNOWN_PART};

/// `a . b` written with spaces or line breaks becomes `a.b`.
pub fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// At most the first `max` bytes of `text`, cut at a character boundary: argument texts feed
/// name heuristics (`password`, `salt`), and a megabyte-long argument must not be copied per
/// call (nor every nested argument's whole text, which is quadratic in the nesting).
pub fn capped(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
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

/// A string built from literal text and interpolated values (Python f-strings, JavaScript
/// template literals): partial once any interpolated value is not known.
#[derive(Default)]
pub struct Template {
    pub text: String,
    pub partial: bool,
}

impl Template {
    /// Appends an interpolated value. `keep_known_parts`: a partially known value contributes
    /// what is known of it (JavaScript); otherwise it counts as unknown (Python).
    pub fn interpolate(&mut self, value: Option<Value>, keep_known_parts: bool) {
        match value {
            Some(Value::Str(s)) => self.text.push_str(&s),
            Some(Value::Int(i)) => self.text.push_str(&i.to_string()),
            Some(Value::Partial(s)) if keep_known_parts => {
                self.text.push_str(&s);
                self.partial = true;
            }
            _ => {
                self.text.push(UNKNOWN_PART);
                self.partial = true;
            }
        }
    }

    pub fn finish(self) -> Value {
        if self.partial {
            Value::Partial(self.text)
        } else {
            Value::Str(self.text)
        }
    }
}

/// The name a callee or an object goes by, from its value: its qualified name, `callee()` for
/// an instance a call made, or its source text marked as unresolved (`?conn.opts`).
pub fn name_of(value: Value, text: &str) -> String {
    match value {
        Value::Name(n) => n,
        Value::Call(c) => format!("{}()", c.callee),
        _ => format!("?{}", compact(text)),
    }
}

/// `a op b` for the integer operators Python and JavaScript share (`+ - * ** <<`), without
/// overflow: `Unknown` where the result does not fit, or for any other operator. `max_shift`:
/// the largest left shift evaluated (62 for Python, 30 for JavaScript's 32-bit shifts).
pub fn int_arith(op: &str, a: i64, b: i64, max_shift: i64) -> Value {
    let result = match op {
        "+" => a.checked_add(b),
        "-" => a.checked_sub(b),
        "*" => a.checked_mul(b),
        "**" if (0..64).contains(&b) => a.checked_pow(b as u32),
        "<<" if (0..=max_shift).contains(&b) => a.checked_shl(b as u32),
        _ => None,
    };
    result.map(Value::Int).unwrap_or(Value::Unknown)
}

/// An argument passed by position: `index` is `None` after a spread (`*args`, `...xs`), where
/// positions are no longer known.
pub fn positional(
    index: Option<usize>,
    value: Value,
    span: Span,
    origin: Option<Span>,
    text: String,
) -> Arg {
    Arg {
        name: None,
        index,
        value,
        span,
        origin,
        text,
    }
}

/// The text a value contributes to a string built from it (`concat!`, `format!`), if any.
pub fn text_part(v: &Value) -> Option<String> {
    match v {
        Value::Str(s) | Value::Partial(s) => Some(s.clone()),
        Value::Int(i) => Some(i.to_string()),
        _ => None,
    }
}

/// A built string: partial when any of its parts was unknown.
pub fn str_or_partial(s: String) -> Value {
    if s.contains(UNKNOWN_PART) {
        Value::Partial(s)
    } else {
        Value::Str(s)
    }
}

/// The bytes of a list of integers that all fit in a byte (`bytes([1, 2])`,
/// `Buffer.from([1, 2])`, `[1u8, 2]`), or `None`.
pub fn bytes_of(items: &[Value]) -> Option<Vec<u8>> {
    items
        .iter()
        .map(|i| match i {
            Value::Int(b) => u8::try_from(*b).ok(),
            _ => None,
        })
        .collect()
}

/// Lower-case hex digits of `b`.
pub fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// The bytes of a hex string (white space between digits ignored), or `None` when it is
/// empty, odd or holds anything but hex digits.
pub fn decode_hex(s: &str) -> Option<Vec<u8>> {
    let digits: Vec<u32> = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_digit(16))
        .collect::<Option<_>>()?;
    if digits.is_empty() || digits.len() % 2 != 0 {
        return None;
    }
    Some(digits.chunks(2).map(|p| (p[0] * 16 + p[1]) as u8).collect())
}

/// The bytes of a base64 string, standard or URL-safe alphabet, padding optional, line
/// breaks and spaces ignored; `None` when it holds anything else or decodes to nothing.
pub fn decode_base64(s: &str) -> Option<Vec<u8>> {
    let out = base64_prefix(s.trim(), usize::MAX, true)?;
    (!out.is_empty()).then_some(out)
}

/// Decodes base64 until `max` bytes are out or the padding starts. `lenient`: the URL-safe
/// alphabet and line breaks and spaces between characters are taken too (constants written
/// in code); without it only the standard alphabet is (a PEM body with its white space
/// already removed).
pub fn base64_prefix(text: &str, max: usize, lenient: bool) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut acc = 0u32;
    let mut bits = 0;
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'-' if lenient => 62,
            b'_' if lenient => 63,
            b'=' => break,
            b'\n' | b'\r' | b' ' if lenient => continue,
            _ => return None,
        };
        acc = ((acc << 6) | u32::from(v)) & 0xffff;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            if out.len() >= max {
                break;
            }
        }
    }
    Some(out)
}

/// Decodes Python escape sequences into bytes (`\x00`, `\n`, `\\`, octal, `\u` as UTF-8).
pub fn unescape_python(s: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' || i + 1 >= b.len() {
            out.push(b[i]);
            i += 1;
            continue;
        }
        let c = b[i + 1];
        i += 2;
        match c {
            b'n' => out.push(b'\n'),
            b't' => out.push(b'\t'),
            b'r' => out.push(b'\r'),
            b'0'..=b'7' => {
                let mut v = (c - b'0') as u32;
                let mut n = 1;
                while n < 3 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                    v = v * 8 + (b[i] - b'0') as u32;
                    i += 1;
                    n += 1;
                }
                out.push(v as u8);
            }
            b'x' if i + 2 <= b.len() => {
                match u8::from_str_radix(s.get(i..i + 2).unwrap_or(""), 16) {
                    Ok(v) => out.push(v),
                    Err(_) => out.extend_from_slice(b"\\x"),
                }
                i += 2;
            }
            b'u' | b'U' => {
                let n = if c == b'u' { 4 } else { 8 };
                let code = s
                    .get(i..i + n)
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .and_then(char::from_u32);
                match code {
                    Some(ch) => {
                        let mut buf = [0; 4];
                        out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                        i += n;
                    }
                    None => out.extend_from_slice(&[b'\\', c]),
                }
            }
            b'\n' => {}
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'v' => out.push(11),
            other => {
                if !matches!(other, b'\\' | b'\'' | b'"') {
                    out.push(b'\\');
                }
                out.push(other);
            }
        }
    }
    out
}

/// Decodes JavaScript escape sequences (`\n`, `\x41`, `\u0041`, `\u{1F600}`, `\0`).
pub fn unescape_javascript(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(e) = chars.next() else {
            out.push('\\');
            break;
        };
        match e {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            'v' => out.push('\u{b}'),
            '0' => out.push('\0'),
            '\n' | '\r' => {}
            'x' => {
                let h: String = chars.by_ref().take(2).collect();
                match u32::from_str_radix(&h, 16).ok().and_then(char::from_u32) {
                    Some(ch) => out.push(ch),
                    None => out.push_str(&h),
                }
            }
            'u' => {
                let h: String = if chars.peek() == Some(&'{') {
                    chars.next();
                    chars.by_ref().take_while(|c| *c != '}').collect()
                } else {
                    chars.by_ref().take(4).collect()
                };
                match u32::from_str_radix(&h, 16).ok().and_then(char::from_u32) {
                    Some(ch) => out.push(ch),
                    None => out.push_str(&h),
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// Is `v` a value known in full, the same every time it is computed (a string, bytes, a
/// number, a boolean, null): what a default or a reassigned name may be resolved to.
pub fn is_constant(v: &Value) -> bool {
    matches!(
        v,
        Value::Str(_)
            | Value::Bytes(_)
            | Value::Int(_)
            | Value::Float(_)
            | Value::Bool(_)
            | Value::Null
    )
}

/// `v[start:end]` of a constant string or bytes with constant bounds (negative from the end,
/// clamped like Python's); `None` for anything else.
pub fn slice(v: &Value, start: Option<i64>, end: Option<i64>) -> Option<Value> {
    let len = match v {
        Value::Str(s) if s.is_ascii() => s.len(),
        Value::Bytes(b) => b.len(),
        _ => return None,
    } as i64;
    let clamp = |i: i64| if i < 0 { (len + i).max(0) } else { i.min(len) } as usize;
    let (a, b) = (clamp(start.unwrap_or(0)), clamp(end.unwrap_or(len)));
    let b = b.max(a);
    Some(match v {
        Value::Str(s) => Value::Str(s[a..b].to_string()),
        Value::Bytes(bytes) => Value::Bytes(bytes[a..b].to_vec()),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_takes_digits_and_white_space_only() {
        assert_eq!(decode_hex("00 ff\nA1"), Some(vec![0, 255, 0xa1]));
        assert_eq!(decode_hex("abc"), None);
        assert_eq!(decode_hex(""), None);
        assert_eq!(decode_hex("+f"), None);
        assert_eq!(hex(&[0, 255]), "00ff");
    }

    #[test]
    fn base64_takes_both_alphabets_in_code_and_stops_at_max() {
        assert_eq!(decode_base64("aGk=\n"), Some(b"hi".to_vec()));
        assert_eq!(decode_base64("-_8"), decode_base64("+/8"));
        assert_eq!(decode_base64("===="), None);
        assert_eq!(decode_base64("a!"), None);
        assert_eq!(base64_prefix("aGVsbG8=", 2, false), Some(b"he".to_vec()));
        assert_eq!(base64_prefix("-_8", 8, false), None);
    }
}
