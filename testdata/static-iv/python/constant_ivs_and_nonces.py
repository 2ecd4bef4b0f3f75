import os

from Crypto.Cipher import AES
from Crypto.Random import get_random_bytes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

IV = b"\x00" * 16
NONCE = bytes(12)
KEY = os.urandom(32)


def cbc_with_constant(data):
    # expect: static-iv
    return AES.new(KEY, AES.MODE_CBC, iv=IV).encrypt(data)


def cbc_positional_zero(data):
    # expect: static-iv
    return AES.new(KEY, AES.MODE_CBC, bytes(16)).encrypt(data)


def cbc_random(data):
    # ok: static-iv -- a fresh IV per message
    return AES.new(KEY, AES.MODE_CBC, iv=get_random_bytes(16)).encrypt(data)


def cryptography_cbc(data):
    # expect: static-iv
    return Cipher(algorithms.AES(KEY), modes.CBC(b"0123456789abcdef")).encryptor()


def aead(data):
    aes = AESGCM(KEY)
    # expect: static-iv
    sealed = aes.encrypt(NONCE, data, None)
    nonce = os.urandom(12)
    # ok: static-iv -- random nonce
    sealed2 = aes.encrypt(nonce, data, None)
    return sealed, sealed2
