import javax.net.ssl.SSLSocket;

class Suites {
    void pick(SSLSocket s, SSLSocket t) {
        // expect: tls-weak-cipher
        s.setEnabledCipherSuites(new String[] {"SSL_RSA_WITH_RC4_128_SHA"});
        // ok: tls-weak-cipher -- AEAD suites only
        t.setEnabledCipherSuites(new String[] {"TLS_AES_128_GCM_SHA256"});
    }
}
