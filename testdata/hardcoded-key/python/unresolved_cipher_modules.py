from Cryptodome import Random

from .compat import cipher_module, key_from_vault

iv = Random.new().read(16)


def seal(data):
    # expect: hardcoded-key
    cipher = cipher_module.new(b"0123456789abcdef", cipher_module.MODE_CBC, iv)
    return cipher.encrypt(data)


def seal_from_vault(data):
    # ok: hardcoded-key -- the key comes from a vault at run time
    cipher = cipher_module.new(key_from_vault(), cipher_module.MODE_CBC, iv)
    return cipher.encrypt(data)


def session(name):
    # ok: hardcoded-key -- a `new` without a cipher mode is not a cipher constructor
    return cipher_module.new(b"session-template", name)
