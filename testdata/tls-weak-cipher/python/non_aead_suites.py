import ssl

context = ssl.create_default_context()
LEGACY = "DHE-RSA-AES128-SHA:DHE-RSA-AES256-SHA:ECDHE-ECDSA-AES128-GCM-SHA256"
# expect: tls-weak-cipher
context.set_ciphers(LEGACY)

server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
# ok: tls-weak-cipher -- AEAD suites only
server.set_ciphers("ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305")
# ok: tls-weak-cipher -- aliases are left to the library's definition
server.set_ciphers("ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL")
