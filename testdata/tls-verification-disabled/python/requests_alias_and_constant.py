import requests as r
from httpx import Client

VERIFY = False
CA_BUNDLE = "/etc/ssl/certs/internal-ca.pem"

# expect: tls-verification-disabled
r.get("https://api.example.com/v1/orders", verify=False)

# expect: tls-verification-disabled
r.post("https://api.example.com/v1/orders", json={}, verify=VERIFY)

# ok: tls-verification-disabled -- a CA bundle keeps verification on
r.get("https://internal.example.com/health", verify=CA_BUNDLE)

# expect: tls-verification-disabled
client = Client(verify=False)
