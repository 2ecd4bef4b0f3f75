"""Slow password hashes are slow only by their work factor."""
import hashlib

import bcrypt
from Crypto.Protocol.KDF import PBKDF2, scrypt
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

ITERATIONS = 1000


def derive(password, salt):
    # expect: weak-password-hash
    return hashlib.pbkdf2_hmac("sha256", password, salt, ITERATIONS)


def derive_strong(password, salt):
    # ok: weak-password-hash -- 600,000 iterations, OWASP's advice
    return hashlib.pbkdf2_hmac("sha256", password, salt, 600_000)


def derive_unknown(password, salt, rounds):
    # ok: weak-password-hash -- the iteration count is not known here
    return hashlib.pbkdf2_hmac("sha256", password, salt, rounds)


def kdf(salt):
    # expect: weak-password-hash
    return PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=10000)


def kdf_strong(salt):
    # ok: weak-password-hash -- enough iterations
    return PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=480000)


def legacy(password, salt):
    # expect: weak-password-hash
    return PBKDF2(password, salt, 32)


def legacy_counted(password, salt):
    # ok: weak-password-hash -- the count is set high
    return PBKDF2(password, salt, 32, count=1_000_000)


def quick_salt():
    # expect: weak-password-hash
    return bcrypt.gensalt(rounds=4)


def default_salt():
    # ok: weak-password-hash -- bcrypt's default cost is 12
    return bcrypt.gensalt()


def memory_hard(password, salt):
    # expect: weak-password-hash
    return hashlib.scrypt(password, salt=salt, n=1024, r=8, p=1)


def memory_hard_ok(password, salt):
    # ok: weak-password-hash -- N = 2^17
    return hashlib.scrypt(password, salt=salt, n=2**17, r=8, p=1)


def memory_hard_cryptography(salt):
    # expect: weak-password-hash
    return Scrypt(salt=salt, length=32, n=2**10, r=8, p=1)


def memory_hard_pycryptodome(password, salt):
    # ok: weak-password-hash -- N = 2^20
    return scrypt(password, salt, 32, N=2**20, r=8, p=1)
