FROM alpine:3.20
# expect: weak-key-size
RUN openssl genrsa -out partner-signing.key 1024
# ok: weak-key-size -- 4096 bits
RUN openssl genrsa -out signing.key 4096
# expect: weak-key-size
RUN ssh-keygen -t rsa -b 1024 -f deploy_key -N ""
# ok: weak-key-size -- ed25519 has a fixed size
RUN ssh-keygen -t ed25519 -f deploy_key -N ""
