use super::*;
use crate::classify::FileKind;
use crate::facts::Value;
use crate::lang::testing::{arg_value, call, lowered};

fn facts(code: &str) -> Facts {
    lowered(FileKind::Java, "T.java", code)
}

#[test]
fn dump() {
    let f = facts(r#"
import javax.crypto.Cipher;
import javax.crypto.spec.*;
import static java.lang.System.setProperty;
class A implements javax.net.ssl.X509TrustManager {
    private static final String MODE = "ECB";
    private final byte[] key;
    A() { this.key = "0123456789abcdef".getBytes(); }
    String alg() { return "AES/" + MODE + "/PKCS5Padding"; }
    void f(String password) throws Exception {
        Cipher c = Cipher.getInstance(alg());
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
        byte[] iv = {(byte) 0, 1, 2, (byte) 0xff};
        byte[] r = new byte[16];
        new java.security.SecureRandom().nextBytes(r);
        g(iv, r);
        use("DES");
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("MD5");
        md.update(password.getBytes());
        setProperty("https.protocols", "TLSv1");
    }
    private void use(String a) { Cipher.getInstance(a); }
    public void checkServerTrusted(X509Certificate[] c, String s) {}
    HostnameVerifier hv = (h, s) -> true;
}
"#);
    for c in &f.calls {
        println!("{} {:?}", c.callee, c.args.iter().map(|a| &a.value).collect::<Vec<_>>());
    }
    for x in &f.functions {
        println!("{} {:?} {:?}", x.name, x.implements, x.returns);
    }
    let _ = (arg_value, call, Value::Null);
}
