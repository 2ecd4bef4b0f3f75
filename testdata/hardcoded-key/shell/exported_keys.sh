#!/usr/bin/env bash
# expect: hardcoded-key
export SESSION_ENCRYPTION_KEY=8934d151e19db2d7d416c8ca2d867dda875fab5e1a2166d6b37f46e5112327c0
# ok: hardcoded-key -- read from the secret store at run time
export FIELD_AES_KEY="$(vault kv get -field=key secret/app/field)"
# ok: hardcoded-key -- a placeholder, not key material
export DATA_KEY=changeme
