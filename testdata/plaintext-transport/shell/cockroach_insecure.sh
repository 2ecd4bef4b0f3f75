#!/bin/sh
# Start the CockroachDB nodes.

# expect: plaintext-transport
cockroach start --insecure --join=db-1.example.com,db-2.example.com --advertise-addr=db-1.example.com

# ok: plaintext-transport -- certificates, not --insecure
cockroach start --certs-dir=/certs --join=db-1.example.com,db-2.example.com

# ok: plaintext-transport -- a single dev node listening on loopback only
cockroach start-single-node --insecure --listen-addr=localhost:26257

# expect: plaintext-transport
cockroach sql --insecure --host=db-1.example.com

# ok: plaintext-transport -- a client of a local dev node
cockroach sql --insecure --host=localhost:26257
