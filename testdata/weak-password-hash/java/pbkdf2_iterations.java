import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

class Vault {
    private static final int ROUNDS = 4096;
    private static final int STRONG_ROUNDS = 310000;

    byte[] derive(char[] password, byte[] salt) throws Exception {
        SecretKeyFactory f = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        // expect: weak-password-hash
        byte[] a = f.generateSecret(new PBEKeySpec(password, salt, 1000, 256)).getEncoded();
        // expect: weak-password-hash
        byte[] b = f.generateSecret(new PBEKeySpec(password, salt, ROUNDS, 256)).getEncoded();
        // ok: weak-password-hash -- 310,000 iterations is above the floor
        byte[] c = f.generateSecret(new PBEKeySpec(password, salt, STRONG_ROUNDS, 256)).getEncoded();
        // ok: weak-password-hash -- a spec without a count is a PBE key, not a derivation
        PBEKeySpec plain = new PBEKeySpec(password);
        return c;
    }
}
