FROM debian:12
# expect: plaintext-transport
ARG MIRROR=http://mirror.example.com/tools
# expect: plaintext-transport
ADD http://downloads.example.com/agent/agent.tar.gz /opt/
# expect: plaintext-transport
ADD --chown=1000:1000 ${MIRROR}/jq /usr/local/bin/jq
# ok: plaintext-transport -- https
ADD https://downloads.example.com/agent/agent.tar.gz /opt/
# expect: plaintext-transport
RUN curl -fsSL -o /tmp/helm.tgz http://get.example.com/helm.tgz
# ok: plaintext-transport -- loopback health check
HEALTHCHECK CMD curl -fsS http://localhost:8000/healthz || exit 1
