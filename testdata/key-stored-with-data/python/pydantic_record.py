from pydantic import BaseModel


class SealedDocument(BaseModel):
    doc_id: str
    ciphertext: bytes
    # expect: key-stored-with-data
    key: bytes


class LookupTable(BaseModel):
    # ok: key-stored-with-data -- no encrypted field beside it
    key: str
    value: str


def cache_entry(key, value):
    # ok: key-stored-with-data -- in a dict, `key` is a lookup key
    return {"key": key, "encrypted": False, "value": value}
