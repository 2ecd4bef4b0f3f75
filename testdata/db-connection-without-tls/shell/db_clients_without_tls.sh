#!/usr/bin/env bash
# expect: db-connection-without-tls
psql "host=reporting-db.prod.example.com dbname=reports user=exporter sslmode=disable" -c "select 1"
# ok: db-connection-without-tls -- TLS with verification
psql "host=reporting-db.prod.example.com dbname=reports sslmode=verify-full" -c "select 1"
# expect: db-connection-without-tls
mysql --host=crm-db.prod.example.com --ssl-mode=DISABLED crm < schema.sql
# ok: db-connection-without-tls -- TLS required
mysql --host=crm-db.prod.example.com --ssl-mode=VERIFY_IDENTITY crm < schema.sql
# expect: db-connection-without-tls
redis-cli -h cache.prod.example.com -p 6379 PING
# ok: db-connection-without-tls -- TLS on
redis-cli -h cache.prod.example.com -p 6380 --tls --cacert /etc/ssl/redis-ca.pem PING
# ok: db-connection-without-tls -- loopback
redis-cli -h 127.0.0.1 PING
# ok: db-connection-without-tls -- rediss:// is TLS
redis-cli -u rediss://cache.prod.example.com:6380 PING
# expect: db-connection-without-tls
export PGSSLMODE=disable
# expect: db-connection-without-tls
export DATABASE_URL="postgres://app@db.prod.example.com/app?sslmode=disable"
# expect: db-connection-without-tls
mysql --host=crm-db.prod.example.com --ssl=0 crm < schema.sql
# ok: db-connection-without-tls -- --ssl on
mysql --host=crm-db.prod.example.com --ssl=1 crm < schema.sql
