//! Pages: HTML, and the templates and components that are mostly HTML (Jinja/Django, ERB,
//! Vue and Svelte single-file components), through tree-sitter-html. Each element becomes a
//! [`Resource`] of its tag name (lower-cased) whose body maps each attribute to its value;
//! template markup in a value makes that part unknown ([`template`]). Inline scripts are
//! lowered by the JavaScript front-end ([`scripts`]), so their calls are facts like any
//! other. What an element or a call means is the lints' business.

mod scripts;
mod template;
#[cfg(test)]
mod tests;

use super::flat::{self, Node};
use super::ts;
use super::LowerError;
use crate::facts::{Facts, Node as Attrs, NodeKind, Resource, Span, Value};
use crate::source::SourceFile;

pub fn lower(src: &SourceFile) -> Result<Facts, LowerError> {
    let markup = template::spans(src.kind, &src.text);
    let parsed = template::blanked(&src.text, &markup);
    let tree = flat::parse("html", || tree_sitter_html::LANGUAGE.into(), &parsed)?;
    let page = Page {
        text: &src.text,
        markup: &markup,
    };
    let mut facts = Facts::default();
    let mut inline = Vec::new();
    let mut stack = vec![tree.root()];
    while let Some(node) = stack.pop() {
        match node.kind() {
            "start_tag" | "self_closing_tag" => {
                if let Some(element) = page.element(node) {
                    if let Some(script) = scripts::inline(node, &element) {
                        inline.push(script);
                    }
                    facts.resources.push(element);
                }
            }
            // Text, comments and raw text hold no elements.
            "text" | "comment" | "raw_text" | "doctype" => continue,
            _ => {}
        }
        stack.extend(node.named_children());
    }
    // Document order, whatever order the walk visited them in.
    facts.resources.sort_by_key(|r| r.span);
    facts.recovered_errors = ts::error_spans(tree.root());
    scripts::lower(src, &parsed, &inline, &mut facts)?;
    Ok(facts)
}

/// The page's original text and where its template markup is.
struct Page<'p> {
    text: &'p str,
    markup: &'p [Span],
}

impl Page<'_> {
    /// A start tag as an element: its tag name and attributes.
    fn element(&self, tag: Node) -> Option<Resource> {
        let name = tag.named_children().find(|c| c.kind() == "tag_name")?;
        let kind = self.text.get(name.start_byte()..name.end_byte())?;
        let attrs = tag
            .named_children()
            .filter(|c| c.kind() == "attribute")
            .filter_map(|a| self.attribute(a))
            .collect();
        let span = ts::span(tag);
        Some(Resource {
            kind: kind.to_ascii_lowercase(),
            name: String::new(),
            body: Attrs {
                kind: NodeKind::Map(attrs),
                span,
            },
            span,
            header: span,
        })
    }

    /// `name="value"` as (lower-cased name, value); a bare `name` has the empty string.
    fn attribute(&self, attr: Node) -> Option<(String, Attrs)> {
        let name = attr
            .named_children()
            .find(|c| c.kind() == "attribute_name")?;
        let key = self.text.get(name.start_byte()..name.end_byte())?;
        let value_node = attr
            .named_children()
            .find(|c| matches!(c.kind(), "attribute_value" | "quoted_attribute_value"));
        let node = match value_node {
            Some(v) => {
                // The value inside its quotes (an empty `""` has no inner node).
                let inner = match v.kind() {
                    "attribute_value" => ts::span(v),
                    _ => v
                        .named_children()
                        .find(|c| c.kind() == "attribute_value")
                        .map(ts::span)
                        .unwrap_or_else(|| unquoted(ts::span(v))),
                };
                let (text, unknown) = template::read(self.text, inner, self.markup);
                let value = if unknown {
                    Value::Partial(text)
                } else {
                    Value::Str(text)
                };
                Attrs {
                    kind: NodeKind::Scalar(value),
                    span: ts::span(v),
                }
            }
            None => Attrs {
                kind: NodeKind::Scalar(Value::Str(String::new())),
                span: ts::span(attr),
            },
        };
        Some((key.to_ascii_lowercase(), node))
    }
}

/// A quoted value's span without its quotes (`""` gives an empty span).
fn unquoted(span: Span) -> Span {
    if span.end >= span.start + 2 {
        Span::new(span.start + 1, span.end - 1)
    } else {
        Span::new(span.start, span.start)
    }
}
