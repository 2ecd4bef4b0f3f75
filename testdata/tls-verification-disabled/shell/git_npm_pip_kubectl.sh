#!/bin/sh
# expect: tls-verification-disabled
git -c http.sslVerify=false clone https://git.corp.example.com/ops/config.git

# expect: tls-verification-disabled
git config --global http.sslVerify false

# expect: tls-verification-disabled
git config --global http.https://git.corp.example.com/.sslVerify false

# ok: tls-verification-disabled -- verification explicitly on
git config --global http.sslVerify true

# ok: tls-verification-disabled -- pointing git at a CA bundle
git config --global http.sslCAInfo /etc/ssl/certs/corp-ca.pem

# expect: tls-verification-disabled
npm config set strict-ssl false

# expect: tls-verification-disabled
yarn config set strict-ssl false

# expect: tls-verification-disabled
npm install --strict-ssl=false

# ok: tls-verification-disabled -- strict-ssl stays on
npm config set strict-ssl true

# expect: tls-verification-disabled
pip install --trusted-host pypi.corp.example.com -r requirements.txt

# expect: tls-verification-disabled
python3 -m pip install --trusted-host=pypi.corp.example.com requests

# ok: tls-verification-disabled -- a private index over https with its CA
pip install --index-url https://pypi.corp.example.com/simple --cert /etc/ssl/corp-ca.pem requests

# expect: tls-verification-disabled
helm repo add internal https://charts.corp.example.com --insecure-skip-tls-verify

# expect: tls-verification-disabled
kubectl --insecure-skip-tls-verify get pods

# ok: tls-verification-disabled -- explicitly false
kubectl --insecure-skip-tls-verify=false get pods

# expect: tls-verification-disabled
export NODE_TLS_REJECT_UNAUTHORIZED=0

# ok: tls-verification-disabled -- 1 keeps verification on
export NODE_TLS_REJECT_UNAUTHORIZED=1

# expect: tls-verification-disabled
GIT_SSL_NO_VERIFY=true git pull

# expect: tls-verification-disabled
env PYTHONHTTPSVERIFY=0 python3 sync.py

# expect: tls-verification-disabled
export PIP_TRUSTED_HOST=pypi.corp.example.com

# ok: tls-verification-disabled -- an extra CA for Node, verification stays on
export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/corp-ca.pem

# expect: tls-verification-disabled
npm config set strict-ssl=false

# expect: tls-verification-disabled
pip config set global.trusted-host pypi.corp.example.com

# ok: tls-verification-disabled -- an index URL, not a trusted host
pip config set global.index-url https://pypi.corp.example.com/simple

# expect: tls-verification-disabled
yum-config-manager --save --setopt=corp-repo.sslverify=false

# ok: tls-verification-disabled -- sslverify stays on
dnf config-manager --save --setopt=corp-repo.sslverify=1

# expect: tls-verification-disabled
export GOINSECURE=git.corp.example.com
