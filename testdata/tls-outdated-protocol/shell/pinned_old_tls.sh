#!/bin/sh
# expect: tls-outdated-protocol
openssl s_server -accept 8443 -cert server.pem -key server.key -tls1
# ok: tls-outdated-protocol -- TLS 1.2
openssl s_client -connect api.example.com:443 -tls1_2
# expect: tls-outdated-protocol
curl --tlsv1.0 https://legacy.example.com/
# ok: tls-outdated-protocol -- --tlsv1.2 sets a TLS 1.2 minimum
curl --tlsv1.2 https://api.example.com/
