use crate::classify::FileKind;
use crate::facts::{Facts, Resource, Value};
use crate::lang::testing::{arg_value, lowered, survives_nesting};

fn element<'f>(f: &'f Facts, tag: &str) -> &'f Resource {
    f.resources
        .iter()
        .find(|r| r.kind == tag)
        .unwrap_or_else(|| panic!("no <{tag}> in {:?}", f.resources))
}

fn attr<'f>(r: &'f Resource, name: &str) -> &'f Value {
    r.body.get(name).and_then(|n| n.scalar()).unwrap()
}

#[test]
fn elements_carry_their_attributes() {
    let page = "<HTML><head>\n<LINK Rel=stylesheet href='http://cdn.example.com/a.css'>\n<script async src=\"/app.js\"></script></head><img src=x /></HTML>";
    let f = lowered(FileKind::Html, "index.html", page);
    let link = element(&f, "link");
    assert_eq!(attr(link, "rel"), &Value::Str("stylesheet".into()));
    let href = link.body.get("href").unwrap();
    assert_eq!(
        &page[href.span.start..href.span.end],
        "'http://cdn.example.com/a.css'"
    );
    assert_eq!(
        attr(element(&f, "script"), "async"),
        &Value::Str(String::new())
    );
    assert_eq!(attr(element(&f, "img"), "src"), &Value::Str("x".into()));
}

#[test]
fn template_markup_is_unknown() {
    let page = "{% block head %}<script src=\"http://{{ cdn }}/x.js\"></script>{% endblock %}\n<iframe src=\"{{ url }}\"></iframe>";
    let f = lowered(FileKind::Jinja, "base.html.j2", page);
    assert_eq!(
        attr(element(&f, "script"), "src"),
        &Value::Partial("http://\u{FFFD}/x.js".into())
    );
    assert_eq!(
        attr(element(&f, "iframe"), "src"),
        &Value::Partial("\u{FFFD}".into())
    );
    let f = lowered(
        FileKind::Erb,
        "show.html.erb",
        "<% if x %><form action=\"<%= url %>/go\"><% end %>",
    );
    assert_eq!(
        attr(element(&f, "form"), "action"),
        &Value::Partial("\u{FFFD}/go".into())
    );
}

#[test]
fn inline_scripts_are_lowered_at_their_offsets() {
    let page = "<p>hi</p><script>const api = 'http://api.example.com';</script>\n<script type=\"module\">fetch(api + '/x')</script><script type=\"application/ld+json\">{\"a\": fetch(1)}</script>";
    let f = lowered(FileKind::Html, "index.html", page);
    assert_eq!(f.calls.len(), 1, "{:?}", f.calls);
    assert_eq!(
        arg_value(&f, "fetch", 0),
        &Value::Str("http://api.example.com/x".into())
    );
    let at = f.calls[0].span.start;
    assert!(page[at..].starts_with("fetch("));
}

#[test]
fn vue_components_read_template_and_typescript_setup() {
    let sfc = "<template>\n  <iframe :src=\"u\" src=\"http://a.example.com\"></iframe>\n</template>\n<script setup lang=\"ts\">\nconst ws: WebSocket = new WebSocket('ws://a.example.com');\n</script>\n<style>a { color: red }</style>\n";
    let f = lowered(FileKind::Vue, "App.vue", sfc);
    element(&f, "iframe");
    assert_eq!(
        arg_value(&f, "WebSocket", 0),
        &Value::Str("ws://a.example.com".into())
    );
}

#[test]
fn broken_pages_do_not_panic() {
    for page in [
        "<script",
        "<a href=\"",
        "</div></p>",
        "<script>fetch(</script>",
        "{{",
        "<%",
        "\u{FEFF}<é a=é>",
    ] {
        for kind in [
            FileKind::Html,
            FileKind::Erb,
            FileKind::Vue,
            FileKind::Svelte,
        ] {
            let _ = lowered(kind, "p.html", page);
        }
    }
    survives_nesting(
        FileKind::Html,
        "p.html",
        5000,
        &[
            ["", "<div>", "</div>", ""],
            ["<script>", "(", ")", "</script>"],
        ],
    );
}
