"""Constant IVs handed to M2Crypto and bound through tuple assignment."""
import os

from Crypto.Cipher import AES
from M2Crypto import EVP


def m2_encrypt(key, data):
    # expect: static-iv
    cipher = EVP.Cipher(alg="aes_128_cbc", key=key, iv=b"0000000000000000", op=1)
    return cipher.update(data) + cipher.final()


def m2_ecb(key, data):
    # expect: ecb-mode
    # ok: static-iv -- ECB ignores the IV: one root cause, reported as ecb-mode
    cipher = EVP.Cipher(alg="aes_128_ecb", key=key, iv=b"0000000000000000", op=1)
    return cipher.update(data)


def tuple_bound(key, data):
    iv, nonce = b"\x01" * 16, os.urandom(12)
    # expect: static-iv
    return AES.new(key, AES.MODE_CBC, iv).encrypt(data)


def random_iv(key, data):
    iv, tag = os.urandom(16), None
    # ok: static-iv -- a random IV
    return AES.new(key, AES.MODE_CBC, iv).encrypt(data)
