"""Keys that come out of helper functions and methods defined in the same file."""
import os

from Crypto.Cipher import AES


def load_key():
    return b"0123456789abcdef0123456789abcdef"


def fresh_key():
    return os.urandom(32)


def key_for(tenant):
    if tenant == "eu":
        return b"eu-tenant-key-0123456789abcdef!!"
    return b"us-tenant-key-0123456789abcdef!!"


def encrypt(data):
    # expect: hardcoded-key
    return AES.new(load_key(), AES.MODE_GCM).encrypt_and_digest(data)


def encrypt_fresh(data):
    # ok: hardcoded-key -- the helper returns random bytes
    return AES.new(fresh_key(), AES.MODE_GCM).encrypt_and_digest(data)


def encrypt_tenant(data, tenant):
    # ok: hardcoded-key -- the helper's returns disagree, so its value is not one constant
    return AES.new(key_for(tenant), AES.MODE_GCM).encrypt_and_digest(data)


class Vault:
    def _key(self):
        return b"vault-master-key-0123456789abcd!"

    def seal(self, data):
        # expect: hardcoded-key
        return AES.new(self._key(), AES.MODE_GCM).encrypt_and_digest(data)
