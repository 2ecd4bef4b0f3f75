import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

class Tls {
    void set(SSLSocket s) throws Exception {
        // expect: tls-outdated-protocol
        SSLContext.getInstance("TLSv1");
        // ok: tls-outdated-protocol -- TLS 1.3
        SSLContext.getInstance("TLSv1.3");
        // expect: tls-outdated-protocol
        s.setEnabledProtocols(new String[] {"TLSv1.1", "TLSv1.2"});
        // expect: tls-outdated-protocol
        System.setProperty("https.protocols", "TLSv1,TLSv1.2");
    }
}
