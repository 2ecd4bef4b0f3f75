package server

import "crypto/tls"

func configs() []*tls.Config {
	var lowMax uint16 = tls.VersionTLS10
	cfg := &tls.Config{}
	// expect: tls-outdated-protocol
	cfg.MinVersion = tls.VersionTLS11
	return []*tls.Config{
		// expect: tls-outdated-protocol
		{MinVersion: tls.VersionTLS10},
		// expect: tls-outdated-protocol
		&tls.Config{MinVersion: 0x0301},
		// expect: tls-outdated-protocol
		&tls.Config{MaxVersion: lowMax},
		// ok: tls-outdated-protocol -- TLS 1.2 and later
		&tls.Config{MinVersion: tls.VersionTLS12},
		// ok: tls-outdated-protocol -- zero is Go's default (TLS 1.2 for clients and servers)
		&tls.Config{MinVersion: 0, MaxVersion: 0},
		cfg,
	}
}
