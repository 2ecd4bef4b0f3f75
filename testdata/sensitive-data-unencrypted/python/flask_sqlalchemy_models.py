# Flask-SQLAlchemy in an application package: `db` comes from the app, and its column types
# are reached through it.
from sqlalchemy.orm import Mapped

from app import db


class Account(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    # expect: sensitive-data-unencrypted
    iban = db.Column(db.String(34), nullable=False)
    # expect: sensitive-data-unencrypted
    passport_number: Mapped[str]
    # ok: sensitive-data-unencrypted -- a relation, not a column of text
    account_owner = db.relationship("User")
    # ok: sensitive-data-unencrypted -- the column type is not given to a column constructor
    tax_number = db.String(16)
