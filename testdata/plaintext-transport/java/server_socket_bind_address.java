import java.net.InetAddress;
import java.net.ServerSocket;

class Admin {
    void listen() throws Exception {
        byte[] loopback = {127, 0, 0, 1};
        // ok: plaintext-transport -- bound to the loopback address given as bytes
        ServerSocket local = new ServerSocket(8081, 10, InetAddress.getByAddress(loopback));
        // ok: plaintext-transport -- bound to localhost by name
        ServerSocket named = new ServerSocket(8082, 10, InetAddress.getByName("localhost"));
        byte[] any = {10, 0, 0, 5};
        // expect: plaintext-transport
        ServerSocket lan = new ServerSocket(8083, 10, InetAddress.getByAddress(any));
    }
}
