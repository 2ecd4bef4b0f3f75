import socket
import ssl

from OpenSSL import SSL

# expect: tls-outdated-protocol
legacy = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
# expect: tls-outdated-protocol
legacy11 = ssl.SSLContext(protocol=ssl.PROTOCOL_TLSv1_1)
# ok: tls-outdated-protocol -- PROTOCOL_TLS_CLIENT negotiates the best version
modern = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
# ok: tls-outdated-protocol -- PROTOCOL_TLS negotiates
negotiated = ssl.SSLContext(ssl.PROTOCOL_TLS)
# ok: tls-outdated-protocol -- SSLv23 is the old name of the negotiating method
old_name = ssl.SSLContext(ssl.PROTOCOL_SSLv23)

server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
# expect: tls-outdated-protocol
server.minimum_version = ssl.TLSVersion.TLSv1
# ok: tls-outdated-protocol -- TLS 1.2 contains "TLSv1" but is fine
modern.minimum_version = ssl.TLSVersion.TLSv1_2

sock = socket.create_connection(("pos.example.com", 443))
# expect: tls-outdated-protocol
wrapped = ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_SSLv3)

# expect: tls-outdated-protocol
pyopenssl_ctx = SSL.Context(SSL.TLSv1_METHOD)
# ok: tls-outdated-protocol -- TLS_METHOD negotiates
pyopenssl_ok = SSL.Context(SSL.TLS_METHOD)
