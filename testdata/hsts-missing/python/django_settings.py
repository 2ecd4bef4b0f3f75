import os

DEBUG = False
# ok: hsts-missing -- DESCRIPTION-like names unrelated to HSTS stay quiet
SECURE_CONTENT_TYPE_NOSNIFF = True
# expect: hsts-missing
SECURE_HSTS_SECONDS = 3600
# expect: hsts-missing
SECURE_HSTS_INCLUDE_SUBDOMAINS = False
# expect: hsts-missing
SECURE_SSL_REDIRECT = False


class Production:
    # ok: hsts-missing -- two years
    SECURE_HSTS_SECONDS = 63072000
    # ok: hsts-missing
    SECURE_SSL_REDIRECT = True
