import os

from Crypto.Cipher import AES, ARC4, DES, DES3, Blowfish
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

KEY = os.urandom(24)
DESCRIPTION = "DES was retired in 2005"


def legacy(data):
    # expect: weak-cipher-algorithm
    des = DES.new(KEY[:8], DES.MODE_CBC, iv=os.urandom(8))
    # expect: weak-cipher-algorithm
    tdes = DES3.new(KEY, DES3.MODE_CBC, iv=os.urandom(8))
    # expect: weak-cipher-algorithm
    rc4 = ARC4.new(KEY)
    # expect: weak-cipher-algorithm
    bf = Blowfish.new(KEY, Blowfish.MODE_CBC, iv=os.urandom(8))
    return des, tdes, rc4, bf


def with_cryptography():
    # expect: weak-cipher-algorithm
    return Cipher(algorithms.TripleDES(KEY), modes.CBC(os.urandom(8)))


def modern(data):
    # ok: weak-cipher-algorithm -- AES
    return AES.new(KEY[:16], AES.MODE_GCM).encrypt_and_digest(data)
