package server

import "crypto/tls"

func configs() []*tls.Config {
	return []*tls.Config{
		// expect: tls-weak-cipher
		&tls.Config{CipherSuites: []uint16{tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, tls.TLS_RSA_WITH_RC4_128_SHA}},
		// expect: tls-weak-cipher
		&tls.Config{CipherSuites: []uint16{tls.TLS_RSA_WITH_AES_128_GCM_SHA256}},
		// ok: tls-weak-cipher -- ECDHE with AEAD ciphers only
		&tls.Config{CipherSuites: []uint16{tls.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, tls.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256}},
		// expect: tls-weak-cipher
		&tls.Config{CipherSuites: []uint16{tls.TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA}},
		// ok: tls-weak-cipher -- suites picked at run time
		&tls.Config{CipherSuites: insecureIDs()},
	}
}

func insecureIDs() []uint16 {
	var ids []uint16
	// ok: tls-weak-cipher -- listing the insecure suites is not configuring them
	for _, s := range tls.InsecureCipherSuites() {
		ids = append(ids, s.ID)
	}
	return ids
}
