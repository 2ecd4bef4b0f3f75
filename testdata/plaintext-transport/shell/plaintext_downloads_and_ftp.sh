#!/usr/bin/env bash
REPORT=/tmp/report.csv
# expect: plaintext-transport
curl --fail -T "$REPORT" "ftp://ftp.partner.example.com/incoming/"
# expect: plaintext-transport
wget -q http://downloads.example.com/agent.tgz
# ok: plaintext-transport -- https
wget -q https://downloads.example.com/agent.tgz
# ok: plaintext-transport -- loopback push gateway
curl -fsS http://localhost:9091/metrics/job/sync --data-binary "ok 1"
# ok: plaintext-transport -- XML namespace, not an endpoint
echo '<svg xmlns="http://www.w3.org/2000/svg"/>' > icon.svg
# expect: plaintext-transport
telnet mail.example.com 25
# ok: plaintext-transport -- loopback
telnet localhost 25
