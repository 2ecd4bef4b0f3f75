FROM node:20-alpine
WORKDIR /app
# expect: hardcoded-key
ENV SESSION_ENCRYPTION_KEY=8934d151e19db2d7d416c8ca2d867dda875fab5e1a2166d6b37f46e5112327c0
# ok: hardcoded-key -- the value comes from the build, not the file
ARG DATA_ENCRYPTION_KEY
# ok: hardcoded-key -- a placeholder, not key material
ENV FIELD_AES_KEY=changeme
# ok: hardcoded-key -- a reference to where the key lives
ENV APP_ENCRYPTION_KEY=${APP_ENCRYPTION_KEY_FROM_VAULT}
# expect: hardcoded-key
COPY certs/server.key /etc/ssl/private/server.key
# expect: hardcoded-key
COPY --chown=node:node deploy/id_ed25519 /home/node/.ssh/
# ok: hardcoded-key -- a certificate is public
COPY certs/corp-root-ca.crt /usr/local/share/ca-certificates/
# ok: hardcoded-key -- only the destination mentions keys
COPY config/ /etc/app/keys/
USER node
CMD ["node", "dist/server.js"]
