"""M2Crypto EVP ciphers take the key as their second argument."""
import os

from M2Crypto import EVP


def seal(data):
    # expect: hardcoded-key
    cipher = EVP.Cipher("aes_256_cbc", b"an-embedded-key-0123456789abcdef", os.urandom(16), 1)
    return cipher.update(data) + cipher.final()


def seal_with(key, data):
    # ok: hardcoded-key -- the key is a parameter
    cipher = EVP.Cipher(alg="aes_256_cbc", key=key, iv=os.urandom(16), op=1)
    return cipher.update(data) + cipher.final()
