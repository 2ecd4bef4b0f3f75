from typing import Optional

from sqlalchemy import BigInteger, Column, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, declarative_base, mapped_column
from sqlalchemy_utils import EncryptedType, StringEncryptedType
from sqlalchemy_utils.types.encrypted.encrypted_type import AesEngine

Base = declarative_base()


class Payment(Base):
    __tablename__ = "payments"
    id = Column(Integer, primary_key=True)
    # expect: sensitive-data-unencrypted
    pan = Column(String(19), nullable=False)
    # expect: sensitive-data-unencrypted
    cvc = Column("cvc", String(4))
    # ok: sensitive-data-unencrypted -- sqlalchemy-utils encrypts it
    iban = Column(StringEncryptedType(String, "key", AesEngine, "pkcs5"))
    # ok: sensitive-data-unencrypted -- sqlalchemy-utils encrypts it
    account_number = Column(EncryptedType(String, "key"))
    # ok: sensitive-data-unencrypted -- ciphertext bytes
    pan_encrypted = Column(LargeBinary)
    # ok: sensitive-data-unencrypted -- a foreign key
    account_id = Column(BigInteger, ForeignKey("accounts.id"))
    # ok: sensitive-data-unencrypted -- the card fingerprint
    card_fingerprint = Column(String(64))


class ModernBase(DeclarativeBase):
    pass


class Patient(ModernBase):
    __tablename__ = "patients"
    id: Mapped[int] = mapped_column(primary_key=True)
    # expect: sensitive-data-unencrypted
    social_security_number: Mapped[str] = mapped_column(String(11))
    # expect: sensitive-data-unencrypted
    diagnosis: Mapped[Optional[str]] = mapped_column()
    # expect: sensitive-data-unencrypted
    nationalId = mapped_column(Text)
    # ok: sensitive-data-unencrypted -- encrypted by its type
    tax_id: Mapped[str] = mapped_column(StringEncryptedType(String, "key", AesEngine))
    # ok: sensitive-data-unencrypted -- a date
    ssn_verified_at = mapped_column(String(32))
    # ok: sensitive-data-unencrypted -- an expansion flag, not a PAN
    expand = mapped_column(Integer)
