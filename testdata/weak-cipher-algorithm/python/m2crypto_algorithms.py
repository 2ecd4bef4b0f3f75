"""M2Crypto's EVP ciphers are named by OpenSSL algorithm strings."""
import os

from M2Crypto import EVP


def legacy(key, data):
    # expect: weak-cipher-algorithm
    cipher = EVP.Cipher(alg="des_ede3_cbc", key=key, iv=os.urandom(8), op=1)
    return cipher.update(data) + cipher.final()


def stream(key, data):
    # expect: weak-cipher-algorithm
    return EVP.Cipher("rc4", key, b"", 1).update(data)


def modern(key, data):
    # ok: weak-cipher-algorithm -- AES-256 in CBC mode; "description" style names do not count
    cipher = EVP.Cipher(alg="aes_256_cbc", key=key, iv=os.urandom(16), op=1)
    return cipher.update(data) + cipher.final()
