"""Values that reach `verify=` through a `global` initialiser and through every call site."""
import requests

VERIFY_TLS = None
STRICT = True


def configure():
    global VERIFY_TLS
    VERIFY_TLS = False


def configure_strict(flag):
    global STRICT
    STRICT = flag


def fetch(url):
    # expect: tls-verification-disabled
    return requests.get(url, verify=VERIFY_TLS)


def fetch_strict(url):
    # ok: tls-verification-disabled -- STRICT is True or whatever a caller passes: unknown
    return requests.get(url, verify=STRICT)


def connect(url, verify):
    # expect: tls-verification-disabled
    return requests.get(url, verify=verify)


def connect_checked(url, verify):
    # ok: tls-verification-disabled -- one call site passes a value nobody knows
    return requests.get(url, verify=verify)


def main(options):
    connect("https://a.example.com", False)
    connect("https://b.example.com", verify=False)
    connect_checked("https://a.example.com", False)
    connect_checked("https://b.example.com", options.verify)
