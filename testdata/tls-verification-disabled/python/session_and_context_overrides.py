import os
import ssl

import aiohttp
import requests
import urllib3
from ssl import CERT_NONE as NO_CHECKS


def session_with_override():
    s = requests.Session()
    # expect: tls-verification-disabled
    s.verify = False
    # expect: tls-verification-disabled
    s.get("https://api.example.com/items", verify=False)
    # ok: tls-verification-disabled -- a CA bundle path keeps verification on
    s.get("https://api.example.com/items", verify="/etc/ssl/certs/ca.pem")
    return s


def with_block():
    with requests.Session() as session:
        # expect: tls-verification-disabled
        session.post("https://api.example.com/x", json={"verify": False}, verify=False)
        # ok: tls-verification-disabled -- `verify` is a key of the JSON body, not an option
        session.post("https://api.example.com/x", json={"verify": False})


def contexts(host):
    ctx = ssl.create_default_context()
    # expect: tls-verification-disabled
    ctx.check_hostname = False
    # expect: tls-verification-disabled
    ctx.verify_mode = NO_CHECKS
    # ok: tls-verification-disabled -- CERT_REQUIRED is the safe mode
    ctx.verify_mode = ssl.CERT_REQUIRED
    # expect: tls-verification-disabled
    unverified = ssl._create_unverified_context()
    return ctx, unverified


# expect: tls-verification-disabled
ssl._create_default_https_context = ssl._create_unverified_context

# expect: tls-verification-disabled
os.environ["PYTHONHTTPSVERIFY"] = "0"
# ok: tls-verification-disabled -- 1 keeps verification on
os.environ["PYTHONHTTPSVERIFY"] = "1"

# expect: tls-verification-disabled
pool = urllib3.PoolManager(cert_reqs="CERT_NONE")
# expect: tls-verification-disabled
pool2 = urllib3.PoolManager(cert_reqs=ssl.CERT_NONE, assert_hostname="api.example.com")
# expect: tls-verification-disabled
pool3 = urllib3.HTTPSConnectionPool("api.example.com", assert_hostname=False)
# ok: tls-verification-disabled -- verification required
pool4 = urllib3.PoolManager(cert_reqs="CERT_REQUIRED", ca_certs="/etc/ssl/certs/ca.pem")


async def fetch(url):
    # expect: tls-verification-disabled
    connector = aiohttp.TCPConnector(ssl=False)
    async with aiohttp.ClientSession(connector=connector) as session:
        # expect: tls-verification-disabled
        async with session.get(url, verify_ssl=False) as resp:
            return await resp.text()
