import os

import paramiko
import requests
import pycurl
from tornado.httpclient import HTTPRequest

# expect: tls-verification-disabled
os.environ["CURL_CA_BUNDLE"] = ""
# ok: tls-verification-disabled -- pointing at a bundle keeps verification on
os.environ["REQUESTS_CA_BUNDLE"] = "/etc/ssl/certs/internal-ca.pem"

# expect: tls-verification-disabled
req = HTTPRequest("https://api.example.com", validate_cert=False)
# ok: tls-verification-disabled
req2 = HTTPRequest("https://api.example.com", validate_cert=True)

c = pycurl.Curl()
# expect: tls-verification-disabled
c.setopt(pycurl.SSL_VERIFYPEER, 0)
# ok: tls-verification-disabled -- verifying the host is the default and safe
c.setopt(pycurl.SSL_VERIFYHOST, 2)
# ok: tls-verification-disabled -- an unrelated option set to 0
c.setopt(pycurl.VERBOSE, 0)

ssh = paramiko.SSHClient()
# expect: tls-verification-disabled
ssh.set_missing_host_key_policy(paramiko.AutoAddPolicy())
# ok: tls-verification-disabled -- unknown host keys are rejected
ssh.set_missing_host_key_policy(paramiko.RejectPolicy())


def verify_flag_negated(url):
    # expect: tls-verification-disabled
    return requests.get(url, verify=not True)
