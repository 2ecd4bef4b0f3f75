"""ECB (European Central Bank) rates and DESCRIPTION fields are not cipher modes."""
import os

from Crypto.Cipher import AES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

ECB_RATES_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml"
DESCRIPTION = "daily ECB reference rates"
KEY = os.urandom(32)


def encrypt(data):
    # expect: ecb-mode
    cipher = AES.new(KEY, AES.MODE_ECB)
    return cipher.encrypt(data)


def encrypt_cryptography(data):
    # expect: ecb-mode
    enc = Cipher(algorithms.AES(KEY), modes.ECB()).encryptor()
    return enc.update(data) + enc.finalize()


def encrypt_gcm(data):
    # ok: ecb-mode -- GCM with a random nonce
    cipher = AES.new(KEY, AES.MODE_GCM)
    return cipher.encrypt_and_digest(data)


def fetch_ecb_rates(session):
    # ok: ecb-mode -- the European Central Bank, not a cipher mode
    return session.get(ECB_RATES_URL)
