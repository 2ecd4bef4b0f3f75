import java.util.Properties;
import javax.crypto.Cipher;

class Settings {
    Cipher cipher(Properties props) throws Exception {
        // The fallback is what runs wherever the setting is not configured.
        String algorithm = props.getProperty("cipher", "AES/ECB/PKCS5Padding");
        // expect: ecb-mode
        return Cipher.getInstance(algorithm);
    }

    Cipher configured(Properties props) throws Exception {
        String algorithm = props.getProperty("cipher");
        // ok: ecb-mode -- no fallback: the algorithm is whatever is configured
        return Cipher.getInstance(algorithm);
    }
}
