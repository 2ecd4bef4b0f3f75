"""M2Crypto names the mode in its algorithm string; modes also travel through dicts and tuples."""
import os

from Crypto.Cipher import AES
from M2Crypto import EVP

CONFIG = {"mode": AES.MODE_ECB, "label": "ECB rates"}
MODES = (AES.MODE_ECB, AES.MODE_GCM)


def m2_encrypt(key, data):
    # expect: ecb-mode
    cipher = EVP.Cipher(alg="aes_128_ecb", key=key, iv=b"\0" * 16, op=1)
    return cipher.update(data) + cipher.final()


def m2_encrypt_cbc(key, data):
    # ok: ecb-mode -- CBC with a random IV
    cipher = EVP.Cipher("aes_256_cbc", key, os.urandom(16), 1)
    return cipher.update(data) + cipher.final()


def from_config(key, data):
    # expect: ecb-mode
    return AES.new(key, CONFIG["mode"]).encrypt(data)


def from_tuple(key, data):
    # expect: ecb-mode
    return AES.new(key, MODES[0]).encrypt(data)


def from_tuple_gcm(key, data):
    # ok: ecb-mode -- the second entry is GCM
    return AES.new(key, MODES[-1]).encrypt_and_digest(data)


def unpacked(data):
    key, mode = os.urandom(16), AES.MODE_ECB
    # expect: ecb-mode
    return AES.new(key, mode).encrypt(data)
