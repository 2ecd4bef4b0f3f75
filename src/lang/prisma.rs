//! Prisma schema front-end (`schema.prisma`): every `model` block becomes a
//! [`Record`](crate::facts::Record) whose fields carry their type as written (`String?`) and,
//! as annotations, their attributes (`@db.VarChar(19)`) and the `///` doc comments above them
//! (prisma-field-encryption's `/// @encrypted`). Enums, datasources and generators hold no
//! stored fields and are skipped.

use super::LowerError;
use crate::facts::{Facts, Field, Record, Span};
use crate::source::SourceFile;

pub fn lower(src: &SourceFile) -> Result<Facts, LowerError> {
    Ok(lower_text(&src.text))
}

fn lower_text(text: &str) -> Facts {
    let mut facts = Facts::default();
    let mut open: Option<Record> = None;
    let mut docs: Vec<String> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let indent = line.len() - line.trim_start().len();
        let t = line.trim();
        let span = Span::new(start + indent, start + indent + t.len());
        if let Some(record) = open.as_mut() {
            if t.starts_with('}') {
                record.span.end = span.end;
                facts.records.extend(open.take());
                docs.clear();
            } else if let Some(doc) = t.strip_prefix("///") {
                docs.push(doc.trim().to_string());
            } else if t.starts_with("//") {
                // A plain comment between a doc comment and its field leaves the doc in place.
            } else if t.is_empty() || t.starts_with("@@") {
                docs.clear();
            } else {
                let mut words = t.split_whitespace();
                if let (Some(name), Some(ty)) = (words.next(), words.next()) {
                    let mut annotations = std::mem::take(&mut docs);
                    let rest = t[t.find(ty).map_or(t.len(), |i| i + ty.len())..].trim();
                    if !rest.is_empty() {
                        annotations.push(rest.to_string());
                    }
                    record.fields.push(Field {
                        name: name.to_string(),
                        ty: ty.to_string(),
                        annotations,
                        span,
                    });
                }
            }
            continue;
        }
        let mut words = t.split_whitespace();
        if let (Some("model"), Some(name)) = (words.next(), words.next()) {
            if t.ends_with('{') {
                open = Some(Record {
                    name: name.to_string(),
                    bases: vec!["model".to_string()],
                    fields: Vec::new(),
                    span,
                });
            }
        }
        docs.clear();
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn models_fields_attributes_and_doc_comments() {
        let src = "datasource db {\n  provider = \"postgresql\"\n}\n\nmodel Card {\n  id Int @id\n  /// @encrypted\n  number String @db.VarChar(19)\n  last4 String?\n  @@index([last4])\n}\n\nenum Kind {\n  A\n}\n";
        let f = lower_text(src);
        assert_eq!(f.records.len(), 1);
        let r = &f.records[0];
        assert_eq!(r.name, "Card");
        let fields: Vec<_> = r
            .fields
            .iter()
            .map(|f| (f.name.as_str(), f.ty.as_str(), f.annotations.clone()))
            .collect();
        assert_eq!(
            fields,
            vec![
                ("id", "Int", vec!["@id".to_string()]),
                (
                    "number",
                    "String",
                    vec!["@encrypted".to_string(), "@db.VarChar(19)".to_string()]
                ),
                ("last4", "String?", vec![]),
            ]
        );
        assert!(src[r.span.start..r.span.end].starts_with("model Card {"));
        assert!(src[r.span.start..r.span.end].ends_with('}'));
    }
}
