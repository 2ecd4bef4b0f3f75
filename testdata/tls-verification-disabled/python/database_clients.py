import ssl

import ldap3
import redis
from pymongo import MongoClient

# expect: tls-verification-disabled
cache = redis.Redis(host="cache.example.com", ssl=True, ssl_cert_reqs=None)
# expect: tls-verification-disabled
cache2 = redis.Redis.from_url("rediss://cache.example.com:6380", ssl_cert_reqs="none")
# ok: tls-verification-disabled -- required is the safe setting
cache3 = redis.Redis(host="cache.example.com", ssl=True, ssl_cert_reqs="required")

mongo = MongoClient(
    "mongodb+srv://cluster0.example.net",
    tls=True,
    # expect: tls-verification-disabled
    tlsAllowInvalidCertificates=True,
)
# ok: tls-verification-disabled -- a CA file keeps verification on
mongo2 = MongoClient("mongodb+srv://cluster0.example.net", tls=True, tlsCAFile="/etc/ssl/mongo-ca.pem")

# expect: tls-verification-disabled
tls = ldap3.Tls(validate=ssl.CERT_NONE)
# ok: tls-verification-disabled
tls2 = ldap3.Tls(validate=ssl.CERT_REQUIRED, ca_certs_file="/etc/ssl/ldap-ca.pem")
