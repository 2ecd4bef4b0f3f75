from django.db import models
from django_cryptography.fields import encrypt
from fernet_fields import EncryptedCharField


class Customer(models.Model):
    # expect: sensitive-data-unencrypted
    ssn = models.CharField(max_length=11)
    # expect: sensitive-data-unencrypted
    passport_no = models.CharField(max_length=20, blank=True)
    # expect: sensitive-data-unencrypted
    tax_id = models.CharField(max_length=20)
    # ok: sensitive-data-unencrypted -- django-cryptography encrypts the field
    national_id = encrypt(models.CharField(max_length=32))
    # ok: sensitive-data-unencrypted -- django-fernet-fields encrypts it
    iban = EncryptedCharField(max_length=34)
    # ok: sensitive-data-unencrypted -- a flag, not the number
    has_ssn = models.BooleanField(default=False)
    # ok: sensitive-data-unencrypted -- the expiry is not the passport number
    passport_expiry = models.DateField(null=True)
    # ok: sensitive-data-unencrypted -- a keyed hash for lookups
    ssn_hash = models.CharField(max_length=64)
    # ok: sensitive-data-unencrypted -- a company is not a PAN
    company = models.CharField(max_length=100)


class Card(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
    # expect: sensitive-data-unencrypted
    card_number = models.CharField(max_length=19)
    # expect: sensitive-data-unencrypted
    cvv = models.CharField(max_length=4)
    # ok: sensitive-data-unencrypted -- the last four digits
    card_last4 = models.CharField(max_length=4)
    # ok: sensitive-data-unencrypted -- the processor's token
    card_token = models.CharField(max_length=64)
    # ok: sensitive-data-unencrypted -- the processor's reference
    payment_method_id = models.CharField(max_length=64)


class Visit(models.Model):
    # expect: sensitive-data-unencrypted
    diagnosis = models.TextField()
    # ok: sensitive-data-unencrypted -- a relation to a code table
    diagnosis_code = models.ForeignKey("DiagnosisCode", on_delete=models.PROTECT)
    # ok: sensitive-data-unencrypted -- a description of the visit
    description = models.TextField()


class Account(models.Model):
    # expect: sensitive-data-unencrypted
    account_number = models.CharField(max_length=17)
    # expect: sensitive-data-unencrypted
    routing_number = models.CharField(max_length=9)
    # ok: sensitive-data-unencrypted -- the kind of account
    account_type = models.CharField(max_length=16)
    # ok: sensitive-data-unencrypted -- a rate, not a tax id
    tax_rate = models.DecimalField(max_digits=5, decimal_places=2)
