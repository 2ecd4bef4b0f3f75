FROM alpine:3.20
# expect: unencrypted-backup
RUN mysqldump --single-transaction crm > /var/backups/crm.sql
# ok: unencrypted-backup -- encrypted with gpg in the pipeline
RUN pg_dump --format=custom billing | gpg --batch --encrypt --recipient "$BACKUP_GPG_RECIPIENT" --output /var/backups/billing.dump.gpg
