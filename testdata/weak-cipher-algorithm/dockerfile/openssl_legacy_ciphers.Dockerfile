FROM alpine:3.20
# expect: weak-cipher-algorithm
RUN openssl enc -des-ede3-cbc -salt -pbkdf2 -in export.csv -out export.csv.enc -pass env:PARTNER_PASS
# ok: weak-cipher-algorithm -- AES-256 in CBC with PBKDF2
RUN openssl enc -aes-256-cbc -salt -pbkdf2 -in export.csv -out export.csv.enc -pass env:PARTNER_PASS
