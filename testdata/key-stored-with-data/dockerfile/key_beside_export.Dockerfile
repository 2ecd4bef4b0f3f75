FROM alpine:3.20
# expect: key-stored-with-data
RUN openssl rand -hex 32 > /backups/export.key
RUN openssl enc -aes-256-cbc -pbkdf2 -in export.csv -out /backups/export.csv.enc -pass file:/backups/export.key
