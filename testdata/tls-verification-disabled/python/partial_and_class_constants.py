import functools

import requests


class Config:
    VERIFY_TLS = False
    CA_BUNDLE = "/etc/ssl/certs/ca.pem"


# expect: tls-verification-disabled
insecure_get = functools.partial(requests.get, verify=False)
# ok: tls-verification-disabled -- the bound value keeps verification on
safe_get = functools.partial(requests.get, verify=True)


def fetch(url):
    # expect: tls-verification-disabled
    return requests.get(url, verify=Config.VERIFY_TLS)


def fetch_with_bundle(url):
    # ok: tls-verification-disabled -- a CA bundle
    return requests.get(url, verify=Config.CA_BUNDLE)
