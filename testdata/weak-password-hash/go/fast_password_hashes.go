package accounts

import (
	"crypto/md5"
	"crypto/sha256"
	"fmt"
	"io"

	"golang.org/x/crypto/bcrypt"
	"golang.org/x/crypto/pbkdf2"
	"golang.org/x/crypto/scrypt"
)

type User struct{ PasswordHash [16]byte }

func (u *User) SetPassword(h [16]byte) { u.PasswordHash = h }

func store(u *User, password string, body []byte, salt []byte) {
	// expect: weak-password-hash
	md5.Sum([]byte(password))
	// expect: weak-password-hash
	sha256.Sum256([]byte(password))
	data := []byte(password)
	// expect: weak-password-hash
	u.SetPassword(md5.Sum(data))
	h := md5.New()
	io.WriteString(h, password)
	// ok: weak-password-hash -- not a password sink
	fmt.Println(h.Sum(nil))

	// ok: weak-password-hash -- an ETag of the response body
	etag := fmt.Sprintf("%x", md5.Sum(body))
	_ = etag

	// expect: weak-password-hash
	bcrypt.GenerateFromPassword([]byte(password), 4)
	// ok: weak-password-hash -- the default cost
	bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	// expect: weak-password-hash
	pbkdf2.Key([]byte(password), salt, 1000, 32, sha256.New)
	// ok: weak-password-hash -- 600000 iterations
	pbkdf2.Key([]byte(password), salt, 600000, 32, sha256.New)
	// expect: weak-password-hash
	scrypt.Key([]byte(password), salt, 1024, 8, 1, 32)
	// ok: weak-password-hash -- N = 2^15
	scrypt.Key([]byte(password), salt, 1<<15, 8, 1, 32)
}
