use super::*;
use crate::classify::FileKind;
use crate::facts::Value;
use crate::lang::testing::{arg_value, call, lowered};

fn facts(code: &str) -> Facts {
    lowered(FileKind::Java, "T.java", code)
}

#[test]
fn constants_fold_through_fields_helpers_and_private_parameters() {
    let f = facts(
        "import javax.crypto.Cipher;\nclass A {\n  private static final String MODE = \"ECB\";\n  private final byte[] key;\n  A() { this.key = \"0123456789abcdef\".getBytes(); }\n  String alg() { return \"AES/\" + MODE + \"/PKCS5Padding\"; }\n  void f() throws Exception { Cipher.getInstance(alg()); use(\"DES\"); new K(key); }\n  private void use(String a) throws Exception { Cipher.getInstance(a); }\n}\n",
    );
    let algs: Vec<_> = f
        .calls
        .iter()
        .filter(|c| c.callee == "javax.crypto.Cipher.getInstance")
        .map(|c| c.args[0].value.clone())
        .collect();
    assert_eq!(
        algs,
        vec![
            Value::Str("AES/ECB/PKCS5Padding".into()),
            Value::Str("DES".into())
        ]
    );
    assert_eq!(
        arg_value(&f, "K", 0),
        &Value::Bytes(b"0123456789abcdef".to_vec())
    );
}

#[test]
fn arrays_filled_in_place_are_not_constant() {
    let f = facts(
        "class A { void f() { byte[] iv = new byte[16]; new java.security.SecureRandom().nextBytes(iv); new Iv(iv); byte[] z = new byte[4]; new Iv(z); } }",
    );
    let ivs: Vec<_> = f.calls.iter().filter(|c| c.callee == "Iv").collect();
    assert_eq!(ivs[0].args[0].value, Value::Unknown);
    assert_eq!(ivs[1].args[0].value, Value::Bytes(vec![0; 4]));
}

#[test]
fn instance_calls_are_named_after_their_factory() {
    let f = facts(
        "import java.security.MessageDigest;\nclass A { void f(String p) throws Exception { MessageDigest md = MessageDigest.getInstance(\"MD5\"); md.update(p.getBytes()); } }",
    );
    call(&f, "java.security.MessageDigest.getInstance().update");
    call(&f, "String.getBytes");
}

#[test]
fn methods_and_lambdas_are_functions_with_their_interfaces() {
    let f = facts(
        "class T implements javax.net.ssl.X509TrustManager { public void checkServerTrusted(X509Certificate[] c, String s) {} HostnameVerifier hv = (h, s) -> true; }",
    );
    let m = f
        .functions
        .iter()
        .find(|x| x.name == "T.checkServerTrusted")
        .unwrap();
    assert_eq!(
        m.implements,
        vec!["javax.net.ssl.X509TrustManager".to_string()]
    );
    assert_eq!(m.returns, vec![Value::Null]);
    let l = f.functions.iter().find(|x| x.name == "<lambda>").unwrap();
    assert_eq!(l.returns, vec![Value::Bool(true)]);
}
