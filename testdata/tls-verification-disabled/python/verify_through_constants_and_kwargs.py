import httpx
import requests as http

INSECURE = {"verify": False, "timeout": 5}
SAFE = {"verify": True, "timeout": 5}


def call_with_kwargs(url):
    # expect: tls-verification-disabled
    return http.get(url, **INSECURE)


def call_with_safe_kwargs(url):
    # ok: tls-verification-disabled -- verify=True
    return http.get(url, **SAFE)


def call_with_context(ctx):
    # ok: tls-verification-disabled -- an SSLContext object verifies by default
    return httpx.Client(verify=ctx)


def reassigned(url, flag):
    verify = False
    if flag:
        verify = True
    # ok: tls-verification-disabled -- the value is not a constant
    return http.get(url, verify=verify)


# expect: tls-verification-disabled
client = httpx.AsyncClient(base_url="https://api.example.com", verify=False)
