#!/usr/bin/env bash
set -euo pipefail

# ok: tls-verification-disabled -- a comment that mentions curl -k is not a command
# curl -k https://downloads.example.com/tool.tgz

# expect: tls-verification-disabled
curl -k -o /tmp/tool.tgz https://downloads.example.com/tool.tgz

# expect: tls-verification-disabled
curl -fsSLk https://downloads.example.com/install.sh | sh

# expect: tls-verification-disabled
sudo -u deploy curl --insecure https://artifacts.example.com/app.tar.gz -o app.tar.gz

# ok: tls-verification-disabled -- a private CA bundle keeps verification on
curl --cacert /etc/ssl/certs/corp-ca.pem -fsSL https://artifacts.example.com/app.tar.gz

# ok: tls-verification-disabled -- -K reads a config file, it is not -k
curl -K ~/.curl-deploy.conf https://artifacts.example.com/

# expect: tls-verification-disabled
wget --no-check-certificate -q https://downloads.example.com/agent.tgz

# expect: tls-verification-disabled
bash -c 'wget --no-check-certificate https://downloads.example.com/agent.tgz'

# ok: tls-verification-disabled -- verification on (the default)
wget -q https://downloads.example.com/agent.tgz
