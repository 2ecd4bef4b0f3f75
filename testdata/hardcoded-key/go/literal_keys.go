package seal

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"

	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/crypto/nacl/secretbox"
)

const sealKey = "0f4e2a91c7d8b3e65a19f0c2d4b7e8a1"

func keys(claims jwt.MapClaims) {
	// expect: hardcoded-key
	aes.NewCipher([]byte("k3Y9vQ2mX7pL4sT8"))
	// expect: hardcoded-key
	aes.NewCipher([]byte(sealKey))
	raw, _ := hex.DecodeString("00112233445566778899aabbccddeeff")
	// expect: hardcoded-key
	aes.NewCipher(raw)
	// expect: hardcoded-key
	hmac.New(sha256.New, []byte("webhook-signing-secret"))
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	// expect: hardcoded-key
	token.SignedString([]byte("secret"))

	// ok: hardcoded-key -- read from the environment
	aes.NewCipher([]byte(os.Getenv("SEAL_KEY")))
	env, _ := hex.DecodeString(os.Getenv("MAC_KEY"))
	// ok: hardcoded-key -- decoded from the environment
	hmac.New(sha256.New, env)
}

func unwrapped(kek cipher.Block, wrapped []byte) {
	key := make([]byte, 16)
	kek.Decrypt(key, wrapped)
	// ok: hardcoded-key -- the buffer was filled by decrypting a wrapped key
	aes.NewCipher(key)
}

func fromParam(key [32]byte) {
	// ok: hardcoded-key -- a parameter
	aes.NewCipher(key[:])
}

func boxed(msg []byte, load func() []byte) []byte {
	var nonce [24]byte
	io.ReadFull(rand.Reader, nonce[:])
	var zero [32]byte
	// expect: hardcoded-key
	out := secretbox.Seal(nil, msg, &nonce, &zero)
	var loaded [32]byte
	copy(loaded[:], load())
	var next [24]byte
	io.ReadFull(rand.Reader, next[:])
	// ok: hardcoded-key -- loaded at run time
	return secretbox.Seal(out, msg, &next, &loaded)
}
