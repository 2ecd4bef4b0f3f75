package sync

import (
	"crypto/tls"
	"time"

	"github.com/go-ldap/ldap/v3"
	"github.com/jlaffaye/ftp"
	amqp "github.com/rabbitmq/amqp091-go"
	"github.com/redis/go-redis/v9"
)

func connect(cfg *tls.Config) {
	// expect: plaintext-transport
	ftp.Dial("files.example.com:21", ftp.DialWithTimeout(5*time.Second))
	// ok: plaintext-transport -- explicit FTPS
	ftp.Dial("files.example.com:21", ftp.DialWithTimeout(5*time.Second), ftp.DialWithExplicitTLS(cfg))
	// ok: plaintext-transport -- loopback
	ftp.Dial("127.0.0.1:2121")
	// expect: plaintext-transport
	ldap.DialURL("ldap://directory.example.com:389")
	// ok: plaintext-transport -- LDAPS
	ldap.DialURL("ldaps://directory.example.com:636")
	// expect: plaintext-transport
	amqp.Dial("amqp://guest:guest@queue.example.com:5672/")
	// ok: plaintext-transport -- AMQPS
	amqp.Dial("amqps://guest:guest@queue.example.com:5671/")
	// expect: plaintext-transport
	redis.ParseURL("redis://cache.example.com:6379/0")
	// ok: plaintext-transport -- rediss is TLS
	redis.ParseURL("rediss://cache.example.com:6380/0")
}
