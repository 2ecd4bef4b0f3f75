import io.grpc.ManagedChannelBuilder;
import java.net.Socket;
import java.net.URL;

class Feeds {
    void open() throws Exception {
        // expect: plaintext-transport
        new URL("http://feeds.example.com/prices");
        // ok: plaintext-transport -- loopback
        new URL("http://localhost:8080/health");
        // expect: plaintext-transport
        new Socket("mail.example.com", 25);
        // ok: plaintext-transport -- loopback peer
        new Socket("127.0.0.1", 9000);
        // expect: plaintext-transport
        ManagedChannelBuilder.forAddress("api.example.com", 443).usePlaintext().build();
        // ok: plaintext-transport -- loopback target
        ManagedChannelBuilder.forAddress("localhost", 50051).usePlaintext().build();
    }
}
