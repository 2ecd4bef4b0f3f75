package keys

import (
	"crypto/dsa"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
)

const bits = 1024

func generate() {
	// expect: weak-key-size
	rsa.GenerateKey(rand.Reader, bits)
	// ok: weak-key-size -- 2048 bits
	rsa.GenerateKey(rand.Reader, 2048)
	// expect: weak-key-size
	ecdsa.GenerateKey(elliptic.P224(), rand.Reader)
	// ok: weak-key-size -- P-256
	ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	var params dsa.Parameters
	// expect: weak-key-size
	dsa.GenerateParameters(&params, rand.Reader, dsa.L1024N160)
	// ok: weak-key-size -- 2048-bit DSA
	dsa.GenerateParameters(&params, rand.Reader, dsa.L2048N256)
}
