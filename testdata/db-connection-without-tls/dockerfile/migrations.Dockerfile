FROM alpine:3.20
# expect: db-connection-without-tls
RUN mysql --ssl-mode=DISABLED -h db.example.com -u app -e "select 1"
# ok: db-connection-without-tls -- TLS required
RUN mysql --ssl-mode=REQUIRED -h db.example.com -u app -e "select 1"
# expect: db-connection-without-tls
RUN psql "postgresql://app@db.example.com/orders?sslmode=disable" -c "select 1"
# ok: db-connection-without-tls -- verify-full
RUN psql "postgresql://app@db.example.com/orders?sslmode=verify-full" -c "select 1"
