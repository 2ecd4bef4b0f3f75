"""Classes that hold regulated data for one request or one response: nothing is stored."""
from typing import Text

import graphene
import strawberry
from django import forms
from marshmallow import Schema, fields
from rest_framework import serializers
from wtforms import Form, StringField


class PaymentForm(forms.Form):
    # ok: sensitive-data-unencrypted -- a Django form field, not a model field
    card_number = forms.CharField(max_length=19)
    # ok: sensitive-data-unencrypted -- a Django form field, not a model field
    ssn = forms.CharField()


class PaymentSerializer(serializers.Serializer):
    # ok: sensitive-data-unencrypted -- a DRF serializer field
    card_number = serializers.CharField()


class SignupForm(Form):
    # ok: sensitive-data-unencrypted -- a WTForms field
    iban = StringField("IBAN")


class CustomerSchema(Schema):
    # ok: sensitive-data-unencrypted -- a marshmallow schema field
    tax_id = fields.String()


class Customer(graphene.ObjectType):
    # ok: sensitive-data-unencrypted -- a GraphQL type
    passport_number = graphene.String()


@strawberry.type
class Patient:
    # ok: sensitive-data-unencrypted -- a typing annotation, not a column type
    diagnosis: Text
