import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

// A written-in key stays written-in when it is padded to size in straight-line code or
// handed to a method of this file that only reads it.
class Keys {
    void padded() {
        byte[] key = "kd93jf84hs72md01".getBytes();
        key = Arrays.copyOf(key, 16);
        // expect: hardcoded-key
        new SecretKeySpec(key, "AES");
    }

    void replaced() {
        byte[] key = "kd93jf84hs72md01".getBytes();
        key = new byte[16];
        new SecureRandom().nextBytes(key);
        // ok: hardcoded-key -- the literal was replaced by random bytes before the use
        new SecretKeySpec(key, "AES");
    }

    void branch(boolean fresh, byte[] vault) {
        byte[] key = "kd93jf84hs72md01".getBytes();
        if (fresh)
            key = vault;
        // ok: hardcoded-key -- on one path the key comes from the vault: not known
        new SecretKeySpec(key, "AES");
    }

    void pbe(byte[] salt) {
        // expect: hardcoded-key
        new PBEKeySpec("s3cr3t".toCharArray(), salt, 310000, 256);
        // ok: hardcoded-key -- the password is read at run time
        new PBEKeySpec(System.console().readPassword(), salt, 310000, 256);
    }

    static void main(String[] args) {
        byte[] iv = "0102030405060708".getBytes();
        new Keys().encrypt(iv);
    }

    void encrypt(byte[] iv) {
        // expect: static-iv
        new IvParameterSpec(iv);
    }
}
