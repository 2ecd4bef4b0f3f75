import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

class Feed {
    SSLSocket open(String host) throws Exception {
        SSLSocketFactory factory = (SSLSocketFactory) SSLSocketFactory.getDefault();
        // expect: tls-verification-disabled
        SSLSocket socket = (SSLSocket) factory.createSocket(host, 443);
        return socket;
    }

    SSLSocket unconnected() throws Exception {
        SSLSocketFactory factory = (SSLSocketFactory) SSLSocketFactory.getDefault();
        // ok: tls-verification-disabled -- no peer yet: connected (and checked) elsewhere
        return (SSLSocket) factory.createSocket();
    }
}
