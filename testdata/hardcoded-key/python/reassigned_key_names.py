import os

from Crypto.Cipher import AES

# A module-level name bound to two literal keys is unknown to the Python front-end today:
# blocked on the front-end restructure (values through reassigned names).
key = b"legacy-aes-key-2019-rotated"[:16]
# todo-expect: hardcoded-key
legacy = AES.new(key, AES.MODE_CBC, os.urandom(16))

key = b"0123456789abcdef"
# todo-expect: hardcoded-key
current = AES.new(key, AES.MODE_GCM)
