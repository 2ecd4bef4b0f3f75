//! Template markup inside a page (`{{ url }}`, `{% if %}`, `<%= path %>`): opaque text whose
//! value is unknown. Parsing sees it blanked out, so a tag inside an attribute or between
//! elements cannot derail the HTML grammar; attribute values read it as [`UNKNOWN_PART`].

use std::borrow::Cow;

use crate::classify::FileKind;
use crate::facts::{Span, UNKNOWN_PART};

/// The opening and closing delimiters of the template language of `kind`.
fn delimiters(kind: FileKind) -> &'static [(&'static str, &'static str)] {
    match kind {
        // `.html` pages are Django/Jinja templates as often as not (and Angular or
        // Handlebars ones, which share `{{ }}`).
        FileKind::Html | FileKind::Jinja => &[("{{", "}}"), ("{%", "%}"), ("{#", "#}")],
        FileKind::Erb => &[("<%", "%>")],
        FileKind::Vue => &[("{{", "}}")],
        // Svelte's `{expr}` has no closing delimiter of its own; a URL built from it keeps
        // the braces as text, whose scheme is still read.
        _ => &[],
    }
}

/// The spans of template markup in `text`, in order. An opener without its closer is text.
pub fn spans(kind: FileKind, text: &str) -> Vec<Span> {
    let delims = delimiters(kind);
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let next = delims
            .iter()
            .filter_map(|(open, close)| {
                text[at..]
                    .find(open)
                    .map(|i| (at + i, at + i + open.len(), *close))
            })
            .min_by_key(|(start, _, _)| *start);
        let Some((start, body, close)) = next else {
            break;
        };
        let Some(mut end) = text[body..].find(close).map(|i| body + i + close.len()) else {
            break;
        };
        // Django's `{% comment %} ... {% endcomment %}` comments out the markup between.
        if close == "%}" && text[body..end - close.len()].trim().starts_with("comment") {
            if let Some(i) = text[end..].find("endcomment") {
                let after = end + i;
                end = text[after..]
                    .find(close)
                    .map_or(text.len(), |j| after + j + close.len());
            }
        }
        out.push(Span::new(start, end));
        at = end;
    }
    out
}

/// `text` with every span replaced by spaces (newlines kept, so lines do not move).
pub fn blanked<'t>(text: &'t str, spans: &[Span]) -> Cow<'t, str> {
    if spans.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut bytes = text.as_bytes().to_vec();
    for s in spans {
        for b in &mut bytes[s.start..s.end] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    // Whole characters were replaced by ASCII: still UTF-8.
    Cow::Owned(String::from_utf8(bytes).unwrap_or_default())
}

/// The text of `range` with each piece of template markup in it read as [`UNKNOWN_PART`].
pub fn read(text: &str, range: Span, spans: &[Span]) -> (String, bool) {
    let mut out = String::new();
    let mut at = range.start;
    let mut unknown = false;
    let first = spans.partition_point(|s| s.end <= range.start);
    for s in spans[first..].iter().take_while(|s| s.start < range.end) {
        out.push_str(text.get(at..s.start.max(at)).unwrap_or(""));
        out.push(UNKNOWN_PART);
        unknown = true;
        at = s.end.min(range.end);
    }
    out.push_str(text.get(at..range.end).unwrap_or(""));
    (out, unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_blanked_for_parsing_and_unknown_when_read() {
        let text = r#"<script src="http://{{ cdn }}/app.js">{% if x %}"#;
        let spans = spans(FileKind::Jinja, text);
        assert_eq!(spans.len(), 2);
        let blank = blanked(text, &spans);
        assert_eq!(blank.len(), text.len());
        assert!(!blank.contains("cdn") && !blank.contains("if x"));
        let value = Span::new(13, 36);
        assert_eq!(
            read(text, value, &spans),
            ("http://\u{FFFD}/app.js".to_string(), true)
        );
    }

    #[test]
    fn a_django_comment_block_is_markup() {
        let text = "a{% comment %}<script src=\"http://x\">{% endcomment %}b";
        assert_eq!(
            spans(FileKind::Html, text),
            vec![Span::new(1, text.len() - 1)]
        );
    }

    #[test]
    fn an_unclosed_opener_is_text() {
        assert!(spans(FileKind::Erb, "<% if x").is_empty());
        assert!(spans(FileKind::Svelte, "{#if x}{/if}").is_empty());
    }
}
