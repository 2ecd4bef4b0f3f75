"""A cipher mode set as a class attribute and read through `self`."""
import os

from Crypto.Cipher import AES


class LegacyBox:
    mode = AES.MODE_ECB

    def __init__(self):
        self.key = os.urandom(16)

    def seal(self, data):
        # expect: ecb-mode
        return AES.new(self.key, self.mode).encrypt(data)


class Box:
    mode = AES.MODE_ECB

    def __init__(self):
        self.key = os.urandom(16)

    def seal(self, data):
        # ok: ecb-mode -- a subclass below overrides the mode, so self.mode is not one value
        return AES.new(self.key, self.mode).encrypt_and_digest(data)


class GcmBox(Box):
    mode = AES.MODE_GCM
