import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;

// The algorithm reaches the factory through a public method's parameter, a constructor's
// parameter kept in a field, and a char array turned back into a string.
class Vault {
    private static final String LEGACY = "Blowfish";
    private static char[] chosen;

    public void seal(String algorithm) throws Exception {
        // expect: weak-cipher-algorithm
        Cipher.getInstance(algorithm);
    }

    static void choose() {
        chosen = LEGACY.toCharArray();
    }

    public void sealChosen() throws Exception {
        // expect: weak-cipher-algorithm
        KeyGenerator.getInstance(String.valueOf(chosen));
    }

    // ok: weak-cipher-algorithm -- no call in this file says which algorithm arrives
    public void open(String algorithm) throws Exception {
        Cipher.getInstance(algorithm);
    }

    public static void main(String[] args) throws Exception {
        Vault vault = new Vault();
        String algorithm = "DES/CBC/PKCS5Padding";
        vault.seal(algorithm);
        choose();
        new Vault().sealChosen();
        Sealer sealer = new Sealer("RC2/CBC/PKCS5Padding");
        sealer.run();
        Other other = new Other();
        other.open("DES");
    }
}

class Sealer {
    private final String algorithm;

    Sealer(String algorithm) {
        this.algorithm = algorithm;
    }

    void run() throws Exception {
        // expect: weak-cipher-algorithm
        Cipher.getInstance(algorithm);
    }
}

// Another class's method of the same name: its call sites do not feed Vault.open.
class Other {
    void open(String algorithm) {}
}
