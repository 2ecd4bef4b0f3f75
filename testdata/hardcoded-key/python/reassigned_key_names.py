import os

from Crypto.Cipher import AES

# A module-level name bound to two literal keys: in straight-line module code the latest
# binding before the use reaches it.
key = b"legacy-aes-key-2019-rotated"[:16]
# expect: hardcoded-key
legacy = AES.new(key, AES.MODE_CBC, os.urandom(16))

key = b"0123456789abcdef"
# expect: hardcoded-key
current = AES.new(key, AES.MODE_GCM)

if os.environ.get("ROTATE"):
    token = os.environ["AES_KEY"].encode()
else:
    token = b"fedcba9876543210"
# ok: hardcoded-key -- one binding is under an if: either may reach the use
rotating = AES.new(token, AES.MODE_GCM)

secret = b"0123456789abcdef"
secret = os.urandom(16)
# ok: hardcoded-key -- the latest binding is random
fresh = AES.new(secret, AES.MODE_GCM)


def rekey():
    # ok: hardcoded-key -- inside a function, which binding reaches the call is not known
    return AES.new(key, AES.MODE_GCM)
