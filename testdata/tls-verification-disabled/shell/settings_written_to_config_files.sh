#!/usr/bin/env bash
set -euo pipefail

# expect: tls-verification-disabled
echo "sslverify=0" >> /etc/yum.conf
# expect: tls-verification-disabled
printf '[main]\nsslverify=false\n' | sudo tee -a /etc/dnf/dnf.conf
# expect: tls-verification-disabled
sed -i 's/^sslverify=1/sslverify=0/' /etc/yum.repos.d/corp-mirror.repo
# expect: tls-verification-disabled
echo "strict-ssl=false" >> "$HOME/.npmrc"
# expect: tls-verification-disabled
printf '[global]\ntrusted-host = pypi.corp.example.com\n' > /etc/pip.conf
# expect: tls-verification-disabled
echo insecure >> ~/.curlrc

# ok: tls-verification-disabled -- turns verification back on
sed -i 's/sslverify=0/sslverify=1/' /etc/yum.repos.d/corp-mirror.repo
# ok: tls-verification-disabled -- strict-ssl stays on
echo "strict-ssl=true" >> "$HOME/.npmrc"
# ok: tls-verification-disabled -- not a config file any tool reads
echo "sslverify=0 was removed in 2023" >> /tmp/changelog.txt
