# Protected fields spelled only as an `_enc` suffix or a camelCase `enc` prefix: the prefilter
# must let this file through (an earlier word list, which needed the prefix and an underscore,
# skipped it).
from dataclasses import dataclass


@dataclass
class Token:
    payload_enc: bytes
    # expect: key-stored-with-data
    aes_key: bytes


@dataclass
class Session:
    encBlob: bytes
    # expect: key-stored-with-data
    aesKey: bytes


@dataclass
class Codec:
    encoding: str
    # ok: key-stored-with-data -- `encoding` is not protected data
    aes_key: bytes
