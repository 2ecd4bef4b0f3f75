#!/usr/bin/env bash
set -euo pipefail
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
DEST=/var/backups/mysql

# expect: unencrypted-backup
pg_dump --format=custom "$ORDERS_DATABASE_URL" \
  | aws s3 cp - "s3://acme-db-backups/orders/orders-${STAMP}.dump"

# expect: unencrypted-backup
mysqldump --single-transaction crm > "$DEST/crm-${STAMP}.sql"

# expect: unencrypted-backup
pg_dump -Fc -f "/var/backups/billing-${STAMP}.dump" billing

# expect: unencrypted-backup
pg_dumpall | gzip > "/var/backups/cluster-${STAMP}.sql.gz"

# ok: unencrypted-backup -- encrypted with gpg in the pipeline
pg_dump --format=custom "$BILLING_DATABASE_URL" \
  | gpg --batch --encrypt --recipient "$BACKUP_GPG_RECIPIENT" --output "/var/backups/billing.dump.gpg"

# ok: unencrypted-backup -- uploaded with SSE-KMS
mysqldump crm | aws s3 cp - "s3://acme-db-backups/crm/crm.sql" --sse aws:kms --sse-kms-key-id "$KMS_KEY_ARN"

# ok: unencrypted-backup -- a copy between databases, nothing is stored
pg_dump "$SOURCE_URL" | psql "$TARGET_URL"

# ok: unencrypted-backup -- a release tarball is not a backup
tar -czf "dist/app.tar.gz" -C build .

# expect: unencrypted-backup
tar -czf - /srv/uploads | aws s3 cp - "s3://acme-cold-archive/uploads.tar.gz"

# ok: unencrypted-backup -- encrypted before upload
tar -czf - /srv/uploads | openssl enc -aes-256-cbc -pbkdf2 -pass env:ARCHIVE_PASS | aws s3 cp - "s3://acme-cold-archive/uploads.tar.gz.enc"
