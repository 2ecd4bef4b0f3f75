import os

import boto3
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.db import models
from sqlalchemy import Column, Integer, LargeBinary
from sqlalchemy.orm import declarative_base

Base = declarative_base()
s3 = boto3.client("s3")
BUCKET = "customer-exports"


class Patient(Base):
    __tablename__ = "patients"
    id = Column(Integer, primary_key=True)
    encrypted_record = Column(LargeBinary)
    # expect: key-stored-with-data
    encryption_key = Column(LargeBinary)


class Account(models.Model):
    iban_ciphertext = models.BinaryField()
    # ok: key-stored-with-data -- an ARN names a key kept in KMS
    kms_key_arn = models.CharField(max_length=2048)
    # ok: key-stored-with-data -- a KMS-wrapped data key (envelope encryption)
    encrypted_data_key = models.BinaryField()


def export(export_id, payload):
    key = AESGCM.generate_key(bit_length=256)
    nonce = os.urandom(12)
    blob = AESGCM(key).encrypt(nonce, payload, None)
    s3.put_object(Bucket=BUCKET, Key=f"exports/{export_id}.bin", Body=nonce + blob)
    # expect: key-stored-with-data
    s3.put_object(Bucket=BUCKET, Key=f"exports/{export_id}.key", Body=key)


def envelope(kms, payload):
    dk = kms.generate_data_key(KeyId="alias/exports", KeySpec="AES_256")
    nonce = os.urandom(12)
    ciphertext = AESGCM(dk["Plaintext"]).encrypt(nonce, payload, None)
    # ok: key-stored-with-data -- only the wrapped key is stored beside the data
    return {"wrapped_key": dk["CiphertextBlob"], "nonce": nonce, "ciphertext": ciphertext}


def bad_record(key, ciphertext):
    # expect: key-stored-with-data
    return {"ciphertext": ciphertext, "data_key": key}
