#!/usr/bin/env bash
set -euo pipefail
DAY="$(date +%F)"
ARCHIVE="/var/tmp/uploads-${DAY}.tar.gz.enc"
ARCHIVE_PASS="$(openssl rand -hex 32)"
export ARCHIVE_PASS

tar -czf - -C /srv/uploads . \
  | openssl enc -aes-256-cbc -pbkdf2 -salt -pass env:ARCHIVE_PASS -out "$ARCHIVE"

aws s3 cp "$ARCHIVE" "s3://acme-cold-archive/uploads/" --sse aws:kms
# expect: key-stored-with-data
printf '%s' "$ARCHIVE_PASS" | aws s3 cp - "s3://acme-cold-archive/uploads/uploads-${DAY}.key" --sse aws:kms

# ok: key-stored-with-data -- the passphrase goes to a separate secrets bucket
printf '%s' "$ARCHIVE_PASS" | aws s3 cp - "s3://acme-archive-keys/uploads/uploads-${DAY}.key" --sse aws:kms

# expect: key-stored-with-data
openssl rand -hex 32 > /backups/export.key
openssl enc -aes-256-cbc -pbkdf2 -in export.csv -out /backups/export.csv.enc -pass file:/backups/export.key
