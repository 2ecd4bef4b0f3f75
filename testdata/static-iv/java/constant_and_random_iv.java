import java.security.SecureRandom;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;

class Sealer {
    private final byte[] iv = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    void seal() {
        // expect: static-iv
        new IvParameterSpec(iv);
        // expect: static-iv
        new GCMParameterSpec(128, new byte[12]);
        byte[] fresh = new byte[16];
        new SecureRandom().nextBytes(fresh);
        // ok: static-iv -- filled by SecureRandom
        new IvParameterSpec(fresh);
    }
}
