import java.security.cert.X509Certificate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.X509TrustManager;
import org.apache.http.conn.ssl.NoopHostnameVerifier;

class TrustAll implements X509TrustManager {
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}
    // expect: tls-verification-disabled
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}
    public X509Certificate[] getAcceptedIssuers() { return null; }
}

class Delegating implements X509TrustManager {
    private final X509TrustManager inner;
    Delegating(X509TrustManager inner) { this.inner = inner; }
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}
    // ok: tls-verification-disabled -- delegates to the default trust manager
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws Exception { inner.checkServerTrusted(chain, authType); }
    public X509Certificate[] getAcceptedIssuers() { return inner.getAcceptedIssuers(); }
}

class Client {
    void open(HttpsURLConnection c, HttpsURLConnection d) {
        // expect: tls-verification-disabled
        c.setHostnameVerifier((host, session) -> true);
        // ok: tls-verification-disabled -- the default verifier
        d.setHostnameVerifier(HttpsURLConnection.getDefaultHostnameVerifier());
        // expect: tls-verification-disabled
        HostnameVerifier any = (h, s) -> true;
        // expect: tls-verification-disabled
        new NoopHostnameVerifier();
    }
}
