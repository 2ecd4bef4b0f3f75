package client

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"database/sql"
	"flag"
	"net/http"

	"github.com/go-sql-driver/mysql"

	tlsconf "crypto/tls"
)

var insecureFlag = flag.Bool("insecure", false, "skip verification")

const skipVerify = !false

type Settings struct{ Insecure bool }

func clients(s Settings) []*http.Client {
	tr := &http.Transport{
		// expect: tls-verification-disabled
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
	}
	// expect: tls-verification-disabled
	aliased := tlsconf.Config{InsecureSkipVerify: skipVerify}
	_ = aliased

	cfg := &tls.Config{}
	// expect: tls-verification-disabled
	cfg.InsecureSkipVerify = true

	// ok: tls-verification-disabled -- bound to a command-line flag, off by default
	flagged := &tls.Config{InsecureSkipVerify: *insecureFlag}
	// ok: tls-verification-disabled -- bound to a configuration field
	configured := &tls.Config{InsecureSkipVerify: s.Insecure}
	// ok: tls-verification-disabled -- verification stays on
	strict := &tls.Config{InsecureSkipVerify: false, MinVersion: tls.VersionTLS12}
	_, _, _ = flagged, configured, strict
	// ok: tls-verification-disabled -- Go runs VerifyPeerCertificate after its own verification, which stays on
	extra := &tls.Config{VerifyPeerCertificate: func(raw [][]byte, chains [][]*x509.Certificate) error { return nil }}
	// ok: tls-verification-disabled -- a callback that checks the pinned certificate
	pinned := &tls.Config{VerifyPeerCertificate: func(raw [][]byte, chains [][]*x509.Certificate) error {
		if len(raw) == 0 || !pin(raw[0]) {
			return errors.New("certificate not pinned")
		}
		return nil
	}}
	_, _ = extra, pinned

	return []*http.Client{{Transport: tr}, {Transport: &http.Transport{TLSClientConfig: cfg}}}
}

func databases() {
	// expect: tls-verification-disabled
	sql.Open("mysql", "app:pw@tcp(db.example.com:3306)/shop?tls=skip-verify")
	// ok: tls-verification-disabled -- the server certificate is verified
	sql.Open("mysql", "app:pw@tcp(db.example.com:3306)/shop?tls=true")
}

func loosen(cfg *tls.Config, opts struct{ Insecure bool }) {
	// expect: tls-verification-disabled
	cfg.InsecureSkipVerify = true
	// ok: tls-verification-disabled -- an option the caller sets
	cfg.InsecureSkipVerify = opts.Insecure
}

func mysqlConfigs() []*mysql.Config {
	return []*mysql.Config{
		// expect: tls-verification-disabled
		{Addr: "db.example.com:3306", TLSConfig: "skip-verify"},
		// ok: tls-verification-disabled -- the certificate is verified
		{Addr: "db.example.com:3306", TLSConfig: "true"},
	}
}
