import http.client
import imaplib
import poplib

import grpc

# expect: plaintext-transport
channel = grpc.insecure_channel("orders.prod.example.com:50051")
# ok: plaintext-transport -- loopback sidecar
local = grpc.insecure_channel("localhost:50051")
# ok: plaintext-transport -- TLS channel
secure = grpc.secure_channel("orders.prod.example.com:443", grpc.ssl_channel_credentials())

# expect: plaintext-transport
conn = http.client.HTTPConnection("api.example.com", 80)
# ok: plaintext-transport -- HTTPS
conn_tls = http.client.HTTPSConnection("api.example.com")


def read_mail(user, password):
    # expect: plaintext-transport
    box = imaplib.IMAP4("imap.example.com")
    box.login(user, password)
    return box


def read_pop(user, password):
    # ok: plaintext-transport -- POP3_SSL is TLS from the first byte
    pop = poplib.POP3_SSL("pop.example.com")
    pop.user(user)
    pop.pass_(password)
    return pop
