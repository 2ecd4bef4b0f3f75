import java.security.MessageDigest;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;

class Users {
    byte[] hash(String password, byte[] file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        // expect: weak-password-hash
        md.update(password.getBytes());
        // ok: weak-password-hash -- a checksum of a file
        MessageDigest.getInstance("SHA-256").digest(file);
        // expect: weak-password-hash
        NoOpPasswordEncoder.getInstance();
        // ok: weak-password-hash -- bcrypt
        new BCryptPasswordEncoder().encode(password);
        return md.digest();
    }
}
