import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

class Keys {
    void rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        // expect: weak-key-size
        g.initialize(1024);
    }

    void ec() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        // ok: weak-key-size -- a 256-bit curve
        g.initialize(256);
        // expect: weak-key-size
        g.initialize(new ECGenParameterSpec("secp192r1"));
    }
}
