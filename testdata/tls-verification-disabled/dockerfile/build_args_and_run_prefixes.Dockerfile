FROM node:20-bookworm

# expect: tls-verification-disabled
ARG GIT_SSL_NO_VERIFY 1
# expect: tls-verification-disabled
ARG npm_config_strict_ssl    false
# ok: tls-verification-disabled -- a build argument declared without a default sets nothing
ARG GIT_SSL_NO_VERIFY
# ok: tls-verification-disabled -- strict-ssl stays on
ARG NPM_CONFIG_STRICT_SSL true

WORKDIR /app
# expect: tls-verification-disabled
RUN GIT_SSL_NO_VERIFY=true git clone https://git.corp.example.com/web/app.git .
# expect: tls-verification-disabled
RUN CI=1 npm_config_strict_ssl=false npm ci --omit=dev
RUN BUILD_ID=42\
# expect: tls-verification-disabled
    NPM_CONFIG_STRICT_SSL="false" \
    npm run build
# expect: tls-verification-disabled
RUN GIT_SSL_NO_VERIFY="1" NOTE='can\'t' git submodule update --init
# ok: tls-verification-disabled -- strict-ssl stays on for the install
RUN npm_config_strict_ssl=true npm ci
# ok: tls-verification-disabled -- an assignment after the program is an argument, not the environment
RUN echo GIT_SSL_NO_VERIFY=1 >> /tmp/notes.txt

# expect: tls-verification-disabled
RUN dnf-config-manager --save --setopt=corp-mirror.sslverify=false
# ok: tls-verification-disabled -- sslverify stays on
RUN dnf-config-manager --save --setopt=corp-mirror.sslverify=1

# expect: tls-verification-disabled
RUN echo "sslverify=false" >> /etc/yum.conf
# ok: tls-verification-disabled -- verification stays on
RUN echo "sslverify=1" >> /etc/yum.conf
