import crypt
import hashlib

from Crypto.Hash import MD5, SHA256
from cryptography.hazmat.primitives import hashes


def register(account, pw_text):
    digest = hashlib.md5(pw_text.encode()).hexdigest()
    # expect: weak-password-hash
    account.setPassword(digest)


def migrate(account, secret):
    h = SHA256.new()
    h.update(secret.encode())
    # expect: weak-password-hash
    account.set_password_hash(h.hexdigest())


def import_legacy(row, plain):
    hasher = hashes.Hash(hashes.SHA1())
    hasher.update(plain.encode())
    # expect: weak-password-hash
    row.password_hash = hasher.finalize()


def reset(account, password):
    # expect: weak-password-hash
    account.setPassword(hashlib.sha1(password.encode()).hexdigest())


def salted(account, pw_text, salt):
    # ok: weak-password-hash -- salted digests are judged by the hash patterns, not the setter
    account.setPassword(hashlib.sha256(salt + pw_text.encode()).hexdigest())


def fingerprint(account, pw_text):
    h = MD5.new()
    h.update(pw_text.encode())
    # ok: weak-password-hash -- the digest goes to a field that is not the password
    account.set_avatar_seed(h.hexdigest())


# expect: weak-password-hash
legacy = crypt.crypt("hunter2", crypt.METHOD_CRYPT)
# expect: weak-password-hash
md5_crypt = crypt.crypt("hunter2", salt=crypt.METHOD_MD5)
# expect: weak-password-hash
des_crypt = crypt.crypt("hunter2", "ab")
# expect: weak-password-hash
weak_salt = crypt.mksalt(crypt.METHOD_MD5)
# ok: weak-password-hash -- SHA-512 crypt is salted and iterated
strong = crypt.crypt("hunter2", crypt.mksalt(crypt.METHOD_SHA512))
# ok: weak-password-hash -- no salt means the strongest method available
default = crypt.crypt("hunter2")
# ok: weak-password-hash -- checking against a stored hash, whose prefix picks the method
ok = crypt.crypt("hunter2", stored_hash)
