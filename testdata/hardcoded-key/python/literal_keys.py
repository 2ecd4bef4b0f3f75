import base64
import os

from Crypto.Cipher import AES
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305

# expect: hardcoded-key
_FERNET = Fernet(b"Qf2Yf7tV4oocRGTYWbL6gj0HkcxR68wFsDVTpE6H4kQ=")
# ok: hardcoded-key -- generated at run time
_FRESH = Fernet(Fernet.generate_key())
# ok: hardcoded-key -- read from the environment
_FROM_ENV = Fernet(os.environ["FERNET_KEY"])

HEX_KEY = bytes.fromhex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")
B64_KEY = base64.b64decode("q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=")


def encrypt(data):
    # expect: hardcoded-key
    aes = AESGCM(HEX_KEY)
    # expect: hardcoded-key
    chacha = ChaCha20Poly1305(B64_KEY)
    # expect: hardcoded-key
    legacy = AES.new(b"sixteen byte key", AES.MODE_GCM)
    return aes, chacha, legacy


def from_file(path):
    with open(path, "rb") as fh:
        key = fh.read()
    # ok: hardcoded-key -- read from a file at run time
    return AESGCM(key)
