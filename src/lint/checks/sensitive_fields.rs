//! Regulated data (card numbers, national ids, bank accounts, diagnoses) in a stored field
//! declared as plain text or a number, and card verification codes stored at all. Which
//! names say what, which types are plain, binary or encrypting, per file kind: all of it is
//! the pattern's `params`; this file only splits names into words and reads the record.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use super::RegexParam;
use crate::facts::{Call, Field, Record, Value};
use crate::lint::{CheckCtx, Hit};

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SensitiveParams {
    /// What a field can hold, and the names that say so.
    data: Vec<DataKind>,
    /// Words in a name that say the field holds something about the data, not the data
    /// (`card_last4`, `ssn_verified`, `account_type`, `pan_token`).
    not_data: Vec<String>,
    /// Words in a name that say the field holds the data in a protected form (`ssn_hash`,
    /// `pan_encrypted`): enough for everything but what may not be stored at all.
    protected: Vec<String>,
    /// By file kind (`sql`, `python`, ...): how that kind spells field types.
    types: BTreeMap<String, Types>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct DataKind {
    /// Named in the message: "a card number".
    what: String,
    /// Phrases of words (`card number`): a name matches when some run of its words, joined,
    /// spells the phrase joined (`card_number`, `cardNumber`, `cardnumber`).
    names: Vec<String>,
    /// Phrases that count only in a record that also has a field of `names` (a routing
    /// number is public until it sits beside an account number).
    #[serde(default)]
    beside: Vec<String>,
    /// Must not be stored at all, encrypted or not.
    #[serde(default)]
    never_stored: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Types {
    /// A record is stored when a base or one of the field's annotations matches (a TypeORM
    /// `@Entity`, a gorm tag); without it every record of the kind is.
    stored: Option<RegexParam>,
    /// A record is not stored when a base or the field's type matches: a form or a
    /// serializer holds a value for one request.
    transient: Option<RegexParam>,
    /// The field's type, constructor, annotation or a type its constructor is given says
    /// plain text or a number.
    plain: RegexParam,
    /// ... says bytes: ciphertext, unless the name says otherwise.
    binary: Option<RegexParam>,
    /// ... says the value is encrypted on its way in (a type, wrapper, transformer,
    /// converter, or a call that assigns or registers the column encrypted).
    encrypting: RegexParam,
    /// Where the type a constructor is given says the storage only under a column
    /// constructor (SQLAlchemy's `Column(String)`, where a bare `String` is as likely a
    /// GraphQL or typing name): without it, every constructor's argument types count
    /// against `plain` and `binary`.
    column: Option<ColumnTypes>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ColumnTypes {
    /// The column constructors (`Column`, `mapped_column`).
    callee: RegexParam,
    /// Argument types that say plain text or a number.
    plain: RegexParam,
    /// Argument types that say bytes.
    binary: RegexParam,
}

/// How a field's declaration stores its value.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Storage {
    Encrypted,
    Binary,
    Plain,
    /// A boolean, a date, a relation, or nothing the params name.
    Other,
}

pub fn sensitive_field(ctx: &CheckCtx) -> Vec<Hit> {
    let params: &SensitiveParams = ctx.params();
    let Some(types) = params.types.get(ctx.file.src.kind.name()) else {
        return Vec::new();
    };
    let facts = &ctx.file.facts;
    let encrypted_elsewhere = encrypted_by_calls(&facts.calls, &facts.assigns, types);
    let mut hits = Vec::new();
    for record in &facts.records {
        for field in &record.fields {
            let words = name_words(&field.name);
            let Some(kind) = params.data_of(&words, record) else {
                continue;
            };
            if !is_stored(record, field, types) {
                continue;
            }
            let mut storage = storage_of(field, &facts.calls, types);
            if encrypted_elsewhere.contains(&field.name.to_ascii_lowercase()) {
                storage = Storage::Encrypted;
            }
            let named_protected = params.has_word(&words, &params.protected);
            let message = if kind.never_stored {
                (storage != Storage::Other).then(|| {
                    format!(
                        "`{}` stores {}, which must not be kept after authorisation, \
                         encrypted or not (PCI DSS 3.3.1)",
                        field.name, kind.what
                    )
                })
            } else {
                (storage == Storage::Plain && !named_protected).then(|| {
                    format!(
                        "`{}` holds {} as plain text, with no field-level encryption",
                        field.name, kind.what
                    )
                })
            };
            hits.extend(message.map(|m| Hit::with(field.span, m)));
        }
    }
    hits
}

impl SensitiveParams {
    /// What the field named `words` holds, when its name says regulated data.
    fn data_of(&self, words: &[String], record: &Record) -> Option<&DataKind> {
        self.data.iter().find(|kind| {
            self.names_data(words, &kind.names)
                || (self.names_data(words, &kind.beside)
                    && record
                        .fields
                        .iter()
                        .any(|f| self.names_data(&name_words(&f.name), &kind.names)))
        })
    }

    /// Some phrase is in the name, and no word outside it says the field is about the data
    /// rather than the data.
    fn names_data(&self, words: &[String], phrases: &[String]) -> bool {
        phrases.iter().any(|phrase| {
            let Some((from, to)) = find_phrase(words, phrase) else {
                return false;
            };
            let outside = words[..from].iter().chain(&words[to..]);
            !outside.into_iter().any(|w| self.not_data.contains(w))
        })
    }

    fn has_word(&self, words: &[String], list: &[String]) -> bool {
        words.iter().any(|w| list.contains(w))
    }
}

/// The words of a name, lower-cased: split at `_`, `-`, `.`, spaces, a capital after a small
/// letter, the last capital of a run before a small letter (`SSNNumber`: `ssn`, `number`),
/// and between letters and digits (`card_last4`: `card`, `last`, `4`).
/// A field name as the phrase the `names` params spell (`memberNumber` → `member number`).
pub fn name_phrase(name: &str) -> String {
    name_words(name).join(" ")
}

pub fn name_words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut words = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            continue;
        }
        if let Some(&prev) = i.checked_sub(1).and_then(|p| chars.get(p)) {
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            let boundary = (c.is_uppercase() && (prev.is_lowercase() || prev.is_ascii_digit()))
                || (c.is_uppercase() && prev.is_uppercase() && next_lower)
                || (c.is_ascii_digit() != prev.is_ascii_digit() && prev.is_alphanumeric());
            if boundary && !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
        }
        current.extend(c.to_lowercase());
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// The words `from..to` of `words` that, joined, spell `phrase` joined.
fn find_phrase(words: &[String], phrase: &str) -> Option<(usize, usize)> {
    let wanted: String = phrase.split_whitespace().collect();
    for from in 0..words.len() {
        let mut joined = String::new();
        for (to, w) in words.iter().enumerate().skip(from) {
            joined.push_str(w);
            if joined == wanted {
                return Some((from, to + 1));
            }
            if !wanted.starts_with(&joined) {
                break;
            }
        }
    }
    None
}

fn is_stored(record: &Record, field: &Field, types: &Types) -> bool {
    if let Some(transient) = &types.transient {
        let mut said = record.bases.iter().chain(std::iter::once(&field.ty));
        if said.any(|t| transient.is_match(t)) {
            return false;
        }
    }
    let Some(stored) = &types.stored else {
        return true;
    };
    record
        .bases
        .iter()
        .chain(&field.annotations)
        .any(|t| stored.is_match(t))
}

/// What the field's declaration says about how its value is stored: its type, its
/// annotations, and the types its constructor call is given (`Column(String)`,
/// `encrypt(models.CharField())`).
fn storage_of(field: &Field, calls: &[Call], types: &Types) -> Storage {
    let mut declared: Vec<&str> = vec![field.ty.as_str()];
    declared.extend(field.annotations.iter().map(String::as_str));
    let constructor = calls.iter().find(|c| {
        c.callee == field.ty && field.span.start <= c.span.start && c.span.end <= field.span.end
    });
    let mut given: Vec<&str> = Vec::new();
    if let Some(call) = constructor {
        for arg in &call.args {
            names_in(&arg.value, &mut given);
        }
    }
    let any = |re: &RegexParam, said: &[&str]| said.iter().any(|s| re.is_match(s));
    if any(&types.encrypting, &declared) || any(&types.encrypting, &given) {
        return Storage::Encrypted;
    }
    // The regexes the given types are read with: the column constructor's own, or the
    // declared ones (no constructor is special).
    let (plain_given, binary_given) = match &types.column {
        Some(column) if column.callee.is_match(&field.ty) => {
            (Some(&column.plain), Some(&column.binary))
        }
        Some(_) => (None, None),
        None => (Some(&types.plain), types.binary.as_ref()),
    };
    let binary = types.binary.as_ref().is_some_and(|b| any(b, &declared))
        || binary_given.is_some_and(|b| any(b, &given));
    let plain = any(&types.plain, &declared) || plain_given.is_some_and(|p| any(p, &given));
    if binary {
        Storage::Binary
    } else if plain {
        Storage::Plain
    } else {
        Storage::Other
    }
}

/// Qualified names and callees inside a value (`EncryptedType(String, key)`: both).
fn names_in<'v>(value: &'v Value, out: &mut Vec<&'v str>) {
    match value {
        Value::Name(n) => out.push(n),
        Value::Call(c) => {
            out.push(&c.callee);
            for a in &c.args {
                names_in(&a.value, out);
            }
        }
        Value::List(items) => items.iter().for_each(|v| names_in(v, out)),
        Value::Map(entries) => entries.iter().for_each(|(_, v)| names_in(v, out)),
        _ => {}
    }
}

/// Fields encrypted by code outside their declaration: a column assigned an encrypting call
/// (a Postgres trigger's `NEW.ssn := pgp_sym_encrypt(...)`), or a field named in a call that
/// registers encryption (`schema.plugin(fieldEncryption, { fields: ['ssn'] })`).
fn encrypted_by_calls(
    calls: &[Call],
    assigns: &[crate::facts::Assign],
    types: &Types,
) -> BTreeSet<String> {
    let encrypting = |v: &Value| {
        let mut names = Vec::new();
        names_in(v, &mut names);
        names.iter().any(|n| types.encrypting.is_match(n))
    };
    let mut out = BTreeSet::new();
    for a in assigns.iter().filter(|a| encrypting(&a.value)) {
        let column = a.target.rsplit('.').next().unwrap_or(&a.target);
        out.insert(column.to_ascii_lowercase());
    }
    for call in calls {
        let registers = types.encrypting.is_match(&call.callee)
            || call
                .args
                .iter()
                .any(|a| encrypting(&a.value) || types.encrypting.is_match(&a.text));
        if !registers {
            continue;
        }
        for arg in &call.args {
            strings_in(&arg.value, &mut out);
        }
    }
    out
}

fn strings_in(value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Str(s) => {
            out.insert(s.to_ascii_lowercase());
        }
        Value::List(items) => items.iter().for_each(|v| strings_in(v, out)),
        Value::Map(entries) => entries.iter().for_each(|(_, v)| strings_in(v, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(name: &str) -> Vec<String> {
        name_words(name)
    }

    #[test]
    fn names_split_at_underscores_case_changes_and_digits() {
        assert_eq!(words("card_number"), ["card", "number"]);
        assert_eq!(words("cardNumber"), ["card", "number"]);
        assert_eq!(words("SSNNumber"), ["ssn", "number"]);
        assert_eq!(words("card_last4"), ["card", "last", "4"]);
        assert_eq!(words("cvv2"), ["cvv", "2"]);
        assert_eq!(words("PAN"), ["pan"]);
        assert_eq!(words("customerSSN"), ["customer", "ssn"]);
    }

    #[test]
    fn a_phrase_matches_whole_words_joined_or_apart() {
        let at = |name: &str, phrase: &str| find_phrase(&words(name), phrase);
        assert_eq!(at("card_number", "card number"), Some((0, 2)));
        assert_eq!(at("cardnumber", "card number"), Some((0, 1)));
        assert_eq!(at("credit_card_number", "card number"), Some((1, 3)));
        assert_eq!(at("pan", "pan"), Some((0, 1)));
        for no in ["pancake", "span", "expand", "company", "panel_id"] {
            assert_eq!(at(no, "pan"), None, "{no}");
        }
    }
}
