package seal

import (
	"crypto/aes"
	"crypto/des"
	"crypto/rc4"

	"golang.org/x/crypto/blowfish"
)

func blocks(key []byte) {
	// expect: weak-cipher-algorithm
	des.NewCipher(key)
	// expect: weak-cipher-algorithm
	des.NewTripleDESCipher(key)
	// expect: weak-cipher-algorithm
	rc4.NewCipher(key)
	// expect: weak-cipher-algorithm
	blowfish.NewCipher(key)
	// ok: weak-cipher-algorithm -- AES
	aes.NewCipher(key)
	// ok: weak-cipher-algorithm -- a constant, not a cipher
	_ = des.BlockSize
}
