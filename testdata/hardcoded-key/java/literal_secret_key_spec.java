import javax.crypto.spec.SecretKeySpec;

class Tokens {
    private static final String KEY = "k3Y9vQ2mX7pL4sT8";

    SecretKeySpec key(byte[] fromVault) {
        // expect: hardcoded-key
        new SecretKeySpec(KEY.getBytes(), "AES");
        // ok: hardcoded-key -- the key comes from outside
        return new SecretKeySpec(fromVault, "AES");
    }
}
