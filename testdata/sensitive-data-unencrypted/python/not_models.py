from dataclasses import dataclass


@dataclass
class SignupForm:
    # ok: sensitive-data-unencrypted -- a form in memory, not a stored field
    ssn: str
    # ok: sensitive-data-unencrypted -- a form in memory, not a stored field
    card_number: str = ""


def lookup(ssn):
    # ok: sensitive-data-unencrypted -- a dict built at run time, not a declared field
    return {"ssn": ssn, "card_number": None}
