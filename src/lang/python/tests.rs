use super::*;
use crate::classify::FileKind;
use crate::facts::Value;
use crate::lang::testing::{arg_value, assigns, call, has_entry, lowered, survives_nesting};

fn facts(code: &str) -> Facts {
    lowered(FileKind::Python, "t.py", code)
}

/// The one-pass argument contexts equal the walk up the parents they replace.
#[test]
fn precomputed_argument_contexts_equal_the_parent_walk() {
    let code = "import hashlib\nx = f(a, g(b))\ndef set_password(self, raw):\n    self.pw = hashlib.md5(raw.encode()).hexdigest()\n    y = [h(1) for _ in k(2)]\n    def inner():\n        return m(3)\n    z = lambda: q(4)\nclass C:\n    a = b(5)\n    def meth(self):\n        c = d(e(6), key=r(7))\nw = {'k': s(8)}\nu: int = t(9)\nv += p(10)\n";
    let tree = flat::parse("python", || tree_sitter_python::LANGUAGE.into(), code).unwrap();
    let root = tree.root();
    let mut l = Lowerer::new(code);
    l.bind(root);
    l.contexts(root);
    let fast = std::mem::take(&mut l.arg_context);
    assert!(fast.len() >= 10, "{}", fast.len());
    let mut stack = vec![root];
    let mut seen = 0;
    while let Some(n) = stack.pop() {
        if n.kind() == "argument_list" {
            assert_eq!(fast[&n.id()], l.context_text(n), "{}", l.text(n));
            seen += 1;
        }
        stack.extend(n.named_children());
    }
    assert_eq!(seen, fast.len());
}

#[test]
fn aliases_and_instances_resolve() {
    let f = facts("import requests as r\nfrom ssl import CERT_NONE as N\ns = r.Session()\ns.get(u, verify=False)\nx = N\n");
    let c = call(&f, "requests.Session().get");
    assert_eq!(
        c.arg(Some("verify"), None).unwrap().value,
        Value::Bool(false)
    );
    assert!(assigns(&f, "x", &Value::Name("ssl.CERT_NONE".into())));
}

#[test]
fn constants_flow_into_calls() {
    let f = facts("import requests\nHOST = 'api.example.com'\nURL = 'http://' + HOST + '/v1'\nKW = {'verify': False}\ndef f():\n    requests.post(URL, **KW)\n");
    let c = call(&f, "requests.post");
    assert_eq!(
        c.arg(None, Some(0)).unwrap().value,
        Value::Str("http://api.example.com/v1".into())
    );
    assert_eq!(
        c.arg(Some("verify"), None).unwrap().value,
        Value::Bool(false)
    );
}

#[test]
fn reassigned_names_take_the_reaching_binding_in_module_code_only() {
    // Straight-line module code: the latest binding before the use.
    let f = facts("import requests\nv = False\nv = True\nrequests.get(u, verify=v)\n");
    let verify = |f: &Facts| {
        call(f, "requests.get")
            .arg(Some("verify"), None)
            .unwrap()
            .value
            .clone()
    };
    assert_eq!(verify(&f), Value::Bool(true));
    // Inside a function, or with a binding under an `if`, either may reach the use.
    let f =
        facts("import requests\nv = False\nv = True\ndef g():\n    requests.get(u, verify=v)\n");
    assert_eq!(verify(&f), Value::Unknown);
    let f = facts("import requests\nv = False\nif x:\n    v = True\nrequests.get(u, verify=v)\n");
    assert_eq!(verify(&f), Value::Unknown);
}

#[test]
fn bytes_expressions_evaluate() {
    let f = facts("from Crypto.Cipher import AES\nIV = b'\\x00' * 16\nAES.new(k, AES.MODE_CBC, iv=IV)\nAES.new(k, AES.MODE_CBC, bytes(16))\n");
    let calls: Vec<_> = f
        .calls
        .iter()
        .filter(|c| c.callee == "Crypto.Cipher.AES.new")
        .collect();
    assert_eq!(
        calls[0].arg(Some("iv"), None).unwrap().value,
        Value::Bytes(vec![0; 16])
    );
    assert_eq!(
        calls[1].arg(None, Some(2)).unwrap().value,
        Value::Bytes(vec![0; 16])
    );
    assert_eq!(
        calls[0].arg(None, Some(1)).unwrap().value,
        Value::Name("Crypto.Cipher.AES.MODE_CBC".into())
    );
}

#[test]
fn fstrings_keep_known_parts() {
    let f = facts("import requests\ndef g(host):\n    requests.get(f'http://{host}/x')\n");
    // The host is a parameter: unknown, marked in the text.
    let url = Value::Partial("http://\u{FFFD}/x".into());
    assert_eq!(arg_value(&f, "requests.get", 0), &url);
}

#[test]
fn environment_writes_are_env_facts() {
    let f = facts("import os\nos.environ['PYTHONHTTPSVERIFY'] = '0'\n");
    assert_eq!(f.envs[0].name, "PYTHONHTTPSVERIFY");
    assert_eq!(f.envs[0].value, Value::Str("0".into()));
}

#[test]
fn self_attributes_keep_their_type() {
    let f = facts("import requests\nclass C:\n    def __init__(self):\n        self.s = requests.Session()\n    def go(self):\n        self.s.get(u, verify=False)\n");
    call(&f, "requests.Session().get");
}

#[test]
fn nested_dict_entries_have_paths() {
    let f = facts("D = {'default': {'OPTIONS': {'sslmode': 'disable'}}}\n");
    let disable = Value::Str("disable".into());
    assert!(has_entry(&f, "default.OPTIONS.sslmode", &disable));
}

#[test]
fn deep_nesting_does_not_overflow() {
    let cases = [["x = ", "(", ")", "\n"], ["f(", "[", "]", ")\n"]];
    survives_nesting(FileKind::Python, "t.py", 5000, &cases);
}

/// Regression: 15,000 comment lines took 27 s in tree-sitter-python's scanner.
#[test]
fn long_comment_runs_are_blanked_for_the_parse_keeping_offsets() {
    let code = format!("{}x = 1  # kept\n", "  # c é\n".repeat(20));
    let blanked = super::blank_comment_runs(&code);
    assert_eq!(blanked.len(), code.len());
    assert!(!blanked[..code.find('x').unwrap()].contains('#'));
    assert!(blanked.ends_with("x = 1  # kept\n"));
    let short = "# one\n# two\nx = 1\n";
    assert_eq!(super::blank_comment_runs(short), short);
}
