#!/usr/bin/env bash
EXPORT=exports/customers.csv
# expect: weak-cipher-algorithm
openssl enc -des-ede3-cbc -salt -pbkdf2 -in "$EXPORT" -out "$EXPORT.enc" -pass env:PARTNER_PASS
# expect: weak-cipher-algorithm
openssl enc -bf -in "$EXPORT" -out "$EXPORT.bf" -pass env:PARTNER_PASS
# expect: weak-cipher-algorithm
openssl rc4 -in "$EXPORT" -out "$EXPORT.rc4" -pass env:PARTNER_PASS
# ok: weak-cipher-algorithm -- AES-256-GCM... or CBC with PBKDF2 is fine here
openssl enc -aes-256-cbc -salt -pbkdf2 -in "$EXPORT" -out "$EXPORT.enc" -pass env:PARTNER_PASS
# ok: weak-cipher-algorithm -- -des on a dgst/req command is not encryption of data
openssl req -new -key server.key -out server.csr -subj "/CN=des.example.com"
