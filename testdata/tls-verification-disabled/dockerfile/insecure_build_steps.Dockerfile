FROM python:3.12-slim

ENV NODE_ENV=production \
# expect: tls-verification-disabled
    NODE_TLS_REJECT_UNAUTHORIZED=0

# ok: tls-verification-disabled -- an extra CA keeps verification on
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/corp-ca.pem

RUN apt-get update \
    # curl -k in a comment inside a continuation is removed by Docker
    && apt-get install -y curl \
# expect: tls-verification-disabled
    && curl -k -o /tmp/agent.deb https://downloads.example.com/agent.deb

# expect: tls-verification-disabled
RUN pip install --no-cache-dir --trusted-host pypi.corp.example.com -r requirements.txt

# expect: tls-verification-disabled
RUN ["wget", "--no-check-certificate", "https://models.example.com/model.onnx"]

# expect: tls-verification-disabled
HEALTHCHECK --interval=30s CMD curl --insecure https://localhost:8443/healthz || exit 1

# ok: tls-verification-disabled -- verified download pinned to https
RUN curl -fsSL --proto '=https' --tlsv1.2 -o /usr/local/bin/tini https://github.com/krallin/tini/releases/download/v0.19.0/tini-amd64
