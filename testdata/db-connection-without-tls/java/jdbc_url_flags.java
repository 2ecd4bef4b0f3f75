import java.sql.DriverManager;

class Db {
    private static final String HOST = "jdbc:mysql://db.example.com/app";

    void open() throws Exception {
        // expect: db-connection-without-tls
        DriverManager.getConnection(HOST + "?useSSL=false");
        // ok: db-connection-without-tls -- identity verified
        DriverManager.getConnection(HOST + "?sslMode=VERIFY_IDENTITY");
        // expect: tls-verification-disabled
        DriverManager.getConnection("jdbc:sqlserver://db.example.com;encrypt=true;trustServerCertificate=true");
    }
}
