FROM alpine:3.20
# expect: tls-outdated-protocol
RUN curl --tlsv1.0 https://legacy.example.com/
# ok: tls-outdated-protocol -- --tlsv1.2 sets a TLS 1.2 minimum
RUN curl --tlsv1.2 https://api.example.com/
