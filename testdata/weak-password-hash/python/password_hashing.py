import hashlib

import bcrypt


def set_password(user, raw_password):
    # expect: weak-password-hash
    user.password_hash = hashlib.md5(raw_password.encode()).hexdigest()


def check_password(user, password):
    h = hashlib.sha256()
    # expect: weak-password-hash
    h.update(password.encode())
    return h.hexdigest() == user.password_hash


def salted_but_fast(password, salt):
    # ok: weak-password-hash -- salted SHA-256 is not "single unsalted SHA-2" (slow hashes are still better)
    return hashlib.sha256(salt + password.encode()).hexdigest()


def good(password):
    # ok: weak-password-hash -- bcrypt
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt())


def gravatar(email):
    # ok: weak-password-hash -- hashing an email for a Gravatar URL
    return hashlib.md5(email.strip().lower().encode()).hexdigest()


def etag(body):
    # ok: weak-password-hash -- an ETag
    return hashlib.sha1(body).hexdigest()


def cache_key(password_reset_token):
    # ok: weak-password-hash -- explicitly not for security
    return hashlib.md5(password_reset_token.encode(), usedforsecurity=False).hexdigest()


# expect: weak-password-hash
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]


def data_flow(request):
    pw = request.form["password"]
    # expect: weak-password-hash
    return hashlib.sha1(pw.encode()).hexdigest()


def salted_md5(password, salt):
    # expect: weak-password-hash
    return hashlib.md5((salt + password).encode()).hexdigest()


def via_new(password):
    # expect: weak-password-hash
    return hashlib.new("sha256", password.encode()).hexdigest()


def hash_password(raw):
    # expect: weak-password-hash
    return hashlib.sha1(raw.encode()).hexdigest()


def remember(user, raw):
    # expect: weak-password-hash
    user.password = hashlib.md5(raw.encode()).hexdigest()


def fingerprint(user, raw):
    # ok: weak-password-hash -- a checksum in a function about something else
    user.checksum = hashlib.sha256(raw).hexdigest()


def password_reset_token(user):
    # ok: weak-password-hash -- a reset token is not a stored password hash
    return hashlib.sha256(str(user.pk).encode()).hexdigest()
