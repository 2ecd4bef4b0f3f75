"""Docstrings and comments mention http://legacy.example.com without sending anything."""
import ftplib
import http.client
import smtplib
import telnetlib
import xml.etree.ElementTree as ET
from ftplib import FTP_TLS

import redis
import requests
from requests import post as send

API_HOST = "api.partner.example.com"
API = "http://" + API_HOST + "/v2"
SVG_NS = "http://www.w3.org/2000/svg"

# http://comment.example.com is not transport


def calls(session: requests.Session, region):
    # expect: plaintext-transport
    send(API + "/orders", json={})
    # expect: plaintext-transport
    requests.get(f"http://status.{region}.example.com/health")
    # ok: plaintext-transport -- loopback never leaves the machine
    requests.get("http://localhost:8000/health")
    # ok: plaintext-transport -- loopback range
    requests.get("http://127.0.0.1:8000/health")
    # expect: plaintext-transport
    requests.get("http://127.0.0.1.nip.example/health")
    # ok: plaintext-transport -- HTTPS
    requests.get("https://api.partner.example.com/v2")
    # ok: plaintext-transport -- the whole host is unknown (often a test server)
    requests.get(f"http://{region}/x")
    # expect: plaintext-transport
    requests.request("POST", "http://upload.example.com/files")
    # ok: plaintext-transport -- an XML namespace is an identifier, not an endpoint
    ET.register_namespace("svg", SVG_NS)


# expect: plaintext-transport
cache = redis.Redis.from_url("redis://cache.prod.example.com:6379/0")
# ok: plaintext-transport -- rediss:// is TLS
cache_tls = redis.Redis.from_url("rediss://cache.prod.example.com:6380/0")
# ok: plaintext-transport -- loopback
cache_local = redis.from_url("redis://localhost:6379/1")

# expect: plaintext-transport
ftp = ftplib.FTP("ftp.partner.example.com")
# ok: plaintext-transport -- FTP over TLS
ftps = FTP_TLS("ftps.partner.example.com")
# expect: plaintext-transport
term = telnetlib.Telnet("switch01.example.net", 23)


def send_mail(user, password):
    # expect: plaintext-transport
    server = smtplib.SMTP("smtp.example.com", 587)
    server.login(user, password)
    server.quit()
