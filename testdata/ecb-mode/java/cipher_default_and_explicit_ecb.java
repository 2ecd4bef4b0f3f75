import javax.crypto.Cipher;

class Vault {
    private static final String MODE = "ECB";

    void seal() throws Exception {
        // expect: ecb-mode
        Cipher.getInstance("AES");
        // expect: ecb-mode
        Cipher.getInstance("AES/" + MODE + "/PKCS5Padding");
        // ok: ecb-mode -- an authenticated mode
        Cipher.getInstance("AES/GCM/NoPadding");
        // ok: ecb-mode -- RSA has no block chaining
        Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
    }
}
