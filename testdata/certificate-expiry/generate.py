"""Writes the certificates the certificate-expiry and weak-key-size fixtures embed, into the
directory named on the command line (`python3 generate.py /tmp/certs`). The fixtures judge
them as of 2026-12-01, the date tests/fixtures.rs scans with.

Needs the `cryptography` package. Keys are new on every run, so re-running changes the bytes
and the fixtures that embed them must be refreshed by hand.
"""

import datetime
import pathlib
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

OUT = pathlib.Path(sys.argv[1])


def cert(cn, not_after, bits=2048, ca=False, curve=None):
    if curve is not None:
        key = ec.generate_private_key(curve)
    else:
        key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    end = datetime.datetime.fromisoformat(not_after).replace(tzinfo=datetime.timezone.utc)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(end - datetime.timedelta(days=365))
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    return builder.sign(key, hashes.SHA256())


def write(name, certificate, der=False):
    encoding = serialization.Encoding.DER if der else serialization.Encoding.PEM
    (OUT / name).write_bytes(certificate.public_bytes(encoding))


OUT.mkdir(exist_ok=True)
write("expired.pem", cert("legacy.example.com", "2024-03-01"))
write("expiring.pem", cert("api.example.com", "2026-12-15"))
write("valid.pem", cert("www.example.com", "2028-01-01"))
write("outside_window.pem", cert("shop.example.com", "2027-01-15"))
write("ca.pem", cert("Example Root CA", "2045-01-01", bits=4096, ca=True))
write("expired_intermediate.pem", cert("Example Intermediate CA", "2026-11-20", ca=True))
write("expired.der", cert("device.example.com", "2025-06-30"), der=True)
write("valid.der", cert("device2.example.com", "2029-06-30"), der=True)
write("rsa1024.pem", cert("old-vpn.example.com", "2029-01-01", bits=1024))
write("ec256.pem", cert("edge.example.com", "2029-01-01", curve=ec.SECP256R1()))
