import java.util.Properties;
import javax.mail.Session;

class Mailer {
    Session session() {
        Properties props = new Properties();
        props.put("mail.smtp.host", "smtp.example.com");
        // expect: tls-verification-disabled
        props.put("mail.smtp.ssl.trust", "*");
        // ok: tls-verification-disabled -- only the named host is trusted
        props.put("mail.smtp.ssl.trust", "smtp.example.com");
        // expect: tls-verification-disabled
        props.setProperty("mail.smtp.ssl.checkserveridentity", "false");
        // expect: plaintext-transport
        props.put("mail.smtp.starttls.enable", "false");
        // ok: plaintext-transport -- STARTTLS on
        props.put("mail.smtp.starttls.enable", "true");
        return Session.getInstance(props);
    }
}
