//! Diesel's `table!` macro: `users (id) { id -> Int4, ssn -> Varchar, }` declares a table's
//! columns and their SQL types, so it becomes a record as a struct does (base `diesel.table`,
//! each column a field typed as written, its `#[...]` attributes as annotations).

use proc_macro2::{Delimiter, TokenStream, TokenTree};

use super::Lowerer;
use crate::facts::{Field, Record};

impl Lowerer<'_> {
    /// A `table!` (or `diesel::table!`) invocation: one record per table it declares.
    pub(super) fn diesel_tables(&mut self, mac: &syn::Macro) -> bool {
        let is_table = mac.path.segments.last().is_some_and(|s| s.ident == "table");
        if !is_table {
            return false;
        }
        let tokens: Vec<TokenTree> = mac.tokens.clone().into_iter().collect();
        let mut name = None;
        for t in &tokens {
            match t {
                TokenTree::Ident(i) => name = Some(i.to_string()),
                TokenTree::Group(g) if g.delimiter() == Delimiter::Brace => {
                    if let Some(table) = name.take() {
                        let fields = self.diesel_columns(g.stream());
                        let span = self
                            .lines
                            .between(syn::spanned::Spanned::span(&mac.path), g.span_close());
                        self.facts.records.push(Record {
                            name: table,
                            bases: vec!["diesel.table".into()],
                            fields,
                            span,
                        });
                    }
                }
                _ => {}
            }
        }
        true
    }

    /// `#[sql_name = "x"] col -> Nullable<Text>,` entries.
    fn diesel_columns(&self, body: TokenStream) -> Vec<Field> {
        let tokens: Vec<TokenTree> = body.into_iter().collect();
        let mut fields = Vec::new();
        for entry in tokens.split(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == ',')) {
            let mut annotations = Vec::new();
            let mut rest = entry;
            while let [TokenTree::Punct(p), TokenTree::Group(g), tail @ ..] = rest {
                if p.as_char() != '#' {
                    break;
                }
                annotations.push(format!("#{g}"));
                rest = tail;
            }
            let [TokenTree::Ident(column), TokenTree::Punct(dash), TokenTree::Punct(gt), ty @ ..] =
                rest
            else {
                continue;
            };
            let (Some(last), '-', '>') = (ty.last(), dash.as_char(), gt.as_char()) else {
                continue;
            };
            let ty: String = ty.iter().map(|t| t.to_string()).collect();
            fields.push(Field {
                name: column.to_string(),
                ty,
                annotations,
                span: self.lines.between(column.span(), last.span()),
            });
        }
        fields
    }
}
