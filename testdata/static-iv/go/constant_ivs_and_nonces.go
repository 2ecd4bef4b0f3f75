package seal

import (
	"crypto/cipher"
	"crypto/rand"
	"io"
	"os"

	"golang.org/x/crypto/nacl/secretbox"
)

var fixedNonce = []byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}

func constant(block cipher.Block, gcm cipher.AEAD, n int) {
	// expect: static-iv
	cipher.NewCBCEncrypter(block, []byte("0123456789abcdef"))
	zero := make([]byte, n)
	// expect: static-iv
	cipher.NewCTR(block, zero)
	aead, _ := cipher.NewGCM(block)
	// expect: static-iv
	aead.Seal(nil, fixedNonce, []byte("data"), nil)
	iv := make([]byte, 16)
	iv[0] = 1
	// expect: static-iv
	cipher.NewOFB(block, iv)
	// expect: static-iv
	gcm.Seal(nil, []byte("unique nonce"), []byte("data"), nil)
}

func random(block cipher.Block) error {
	iv := make([]byte, 16)
	if _, err := io.ReadFull(rand.Reader, iv); err != nil {
		return err
	}
	// ok: static-iv -- filled from crypto/rand
	cipher.NewCFBEncrypter(block, iv)
	nonce := make([]byte, 12)
	rand.Read(nonce)
	aead, _ := cipher.NewGCM(block)
	// ok: static-iv -- filled from crypto/rand
	aead.Seal(nil, nonce, []byte("data"), nil)
	buf := make([]byte, 32)
	part := buf[:16]
	rand.Read(part)
	// ok: static-iv -- a slice of it was filled
	cipher.NewCTR(block, buf)
	stored, err := os.ReadFile("iv.bin")
	if err != nil {
		return err
	}
	// ok: static-iv -- read at run time
	cipher.NewCBCDecrypter(block, stored)
	return nil
}

func opened(aead cipher.AEAD, data []byte) ([]byte, error) {
	nonce, body := data[:12], data[12:]
	// ok: static-iv -- the nonce travels with the ciphertext
	return aead.Open(nil, nonce, body, nil)
}

func boxed(msg []byte, load func() []byte) []byte {
	var key [32]byte
	copy(key[:], load())
	var nonce [24]byte
	// expect: static-iv
	out := secretbox.Seal(nil, msg, &nonce, &key)
	var fresh [24]byte
	io.ReadFull(rand.Reader, fresh[:])
	// ok: static-iv -- a random nonce
	return secretbox.Seal(out, msg, &fresh, &key)
}

type sealer struct {
	gcm   cipher.AEAD
	nonce []byte
}

func (s *sealer) seal(p []byte) []byte {
	// expect: static-iv
	return s.gcm.Seal(nil, []byte("fixed nonce!"), p, nil)
}

func (s *sealer) sealWithField(p []byte) []byte {
	// ok: static-iv -- a field set elsewhere
	return s.gcm.Seal(nil, s.nonce, p, nil)
}
