//! Inline scripts, lowered by the JavaScript front-end. All scripts of one language are
//! lowered together over a copy of the page in which everything else is blanked out: offsets
//! stay the page's own (no mapping back), and names one script defines are seen by the next,
//! as a browser runs them in one global scope.

use crate::classify::FileKind;
use crate::facts::{Facts, Resource, Span};
use crate::lang::flat::Node;
use crate::lang::{javascript, ts, LowerError};
use crate::source::SourceFile;

/// The body of an inline script and the language it is written in.
pub struct Inline {
    body: Span,
    typescript: bool,
}

/// The body of the `<script>` element whose start tag is `tag`, when it is a script the
/// page runs: no `type`, or a JavaScript one (`module`, `text/javascript`); not data blocks
/// (`application/ld+json`) or client-side templates (`text/x-template`).
pub fn inline(tag: Node, element: &Resource) -> Option<Inline> {
    if element.kind != "script" || tag.kind() != "start_tag" {
        return None;
    }
    let attr = |name: &str| {
        element
            .body
            .get(name)
            .and_then(|n| n.scalar())
            .and_then(|v| v.as_text())
            .map(|t| t.trim().to_ascii_lowercase())
    };
    let runs = match attr("type").as_deref() {
        None | Some("") => true,
        Some(t) => JAVASCRIPT_TYPES.contains(&t),
    };
    let typescript = matches!(attr("lang").as_deref(), Some("ts" | "typescript" | "tsx"));
    let body = tag
        .parent()?
        .named_children()
        .find(|c| c.kind() == "raw_text")?;
    runs.then(|| Inline {
        body: ts::span(body),
        typescript,
    })
}

/// The `type`s under which a browser (or Babel in the browser) runs a script.
const JAVASCRIPT_TYPES: &[&str] = &[
    "module",
    "text/javascript",
    "application/javascript",
    "text/ecmascript",
    "application/ecmascript",
    "application/x-javascript",
    "text/x-javascript",
    "text/babel",
    "text/jsx",
];

/// Lowers the scripts into `facts`. `page` is the page as parsed (template markup blanked).
pub fn lower(
    src: &SourceFile,
    page: &str,
    scripts: &[Inline],
    facts: &mut Facts,
) -> Result<(), LowerError> {
    for typescript in [false, true] {
        let bodies: Vec<Span> = scripts
            .iter()
            .filter(|s| s.typescript == typescript)
            .map(|s| s.body)
            .collect();
        if bodies.is_empty() {
            continue;
        }
        let kind = if typescript {
            FileKind::TypeScript
        } else {
            FileKind::JavaScript
        };
        let text = only(page, &bodies);
        let script = SourceFile::new(src.path.clone(), src.display.clone(), kind, text);
        facts.append(javascript::lower(&script)?);
    }
    Ok(())
}

/// `page` with everything outside `bodies` blanked (newlines kept), and a `;` where each body
/// ends (the `<` of its `</script>`), so one script's last statement cannot run on into the
/// next's.
fn only(page: &str, bodies: &[Span]) -> String {
    let src = page.as_bytes();
    let mut out: Vec<u8> = src
        .iter()
        .map(|&b| if b == b'\n' { b'\n' } else { b' ' })
        .collect();
    for b in bodies {
        out[b.start..b.end].copy_from_slice(&src[b.start..b.end]);
        if let Some(after) = out.get_mut(b.end) {
            *after = b';';
        }
    }
    // The bodies are whole characters (between `>` and `<`); the rest is ASCII.
    String::from_utf8(out).unwrap_or_default()
}
