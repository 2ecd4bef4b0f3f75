#!/bin/sh
# Back up etcd.

# expect: tls-verification-disabled
etcdctl --endpoints=https://etcd-0.example.com:2379 --insecure-skip-tls-verify snapshot save /backup/etcd.db

# ok: tls-verification-disabled -- the cluster CA
etcdctl --endpoints=https://etcd-0.example.com:2379 --cacert=/etc/etcd/ca.pem snapshot save /backup/etcd.db
