import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

class CheckedFeed {
    SSLSocket open(String host) throws Exception {
        SSLSocketFactory factory = (SSLSocketFactory) SSLSocketFactory.getDefault();
        // ok: tls-verification-disabled -- endpoint identification is turned on below
        SSLSocket socket = (SSLSocket) factory.createSocket(host, 443);
        SSLParameters params = socket.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(params);
        return socket;
    }
}
