import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.NullCipher;

class Legacy {
    void run() throws Exception {
        // expect: weak-cipher-algorithm
        Cipher.getInstance("RC4");
        // expect: weak-cipher-algorithm
        KeyGenerator.getInstance("DESede");
        // expect: weak-cipher-algorithm
        Cipher c = new NullCipher();
        // ok: weak-cipher-algorithm -- AES-GCM
        Cipher.getInstance("AES/GCM/NoPadding");
    }
}
