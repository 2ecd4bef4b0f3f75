import ssl

from pyOpenSSL import SSL


# expect: tls-outdated-protocol
def open_ssl_socket(version=ssl.PROTOCOL_SSLv2):
    return version


# ok: tls-outdated-protocol -- TLS 1.2
def open_modern(version=ssl.PROTOCOL_TLSv1_2):
    return version


# expect: tls-outdated-protocol
herp_derp(ssl_version=ssl.PROTOCOL_TLSv1)
# expect: tls-outdated-protocol
SSL.Context(method=SSL.SSLv3_METHOD)
# ok: tls-outdated-protocol -- SSLv23 negotiates the highest version both sides support
SSL.Context(method=SSL.SSLv23_METHOD)
# ok: tls-outdated-protocol -- TLS 1.2 contains "TLSv1"
herp_derp(ssl_version=ssl.PROTOCOL_TLSv1_2)
