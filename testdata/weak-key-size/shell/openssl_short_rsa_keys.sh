#!/usr/bin/env bash
# expect: weak-key-size
openssl genrsa -out partner-signing.key 1024
# ok: weak-key-size -- 4096 bits
openssl genrsa -out signing.key 4096
# expect: weak-key-size
openssl req -x509 -newkey rsa:1024 -nodes -keyout dev.key -out dev.crt -days 365 -subj "/CN=dev"
# ok: weak-key-size -- 2048 bits
openssl req -x509 -newkey rsa:2048 -nodes -keyout dev.key -out dev.crt -days 365 -subj "/CN=dev"
# expect: weak-key-size
ssh-keygen -t rsa -b 1024 -f deploy_key -N ""
# ok: weak-key-size -- ed25519 has a fixed size
ssh-keygen -t ed25519 -f deploy_key -N ""
