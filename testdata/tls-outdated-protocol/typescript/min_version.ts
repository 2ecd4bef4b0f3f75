import { createServer } from 'tls';

const LEGACY = 'TLSv1.1';

createServer(
  {
    // expect: tls-outdated-protocol
    minVersion: LEGACY,
  },
  (socket) => socket.end(),
);

// ok: tls-outdated-protocol -- TLS 1.2 minimum
createServer({ minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3' }, (socket) => socket.end());

// ok: tls-outdated-protocol -- a semver, not a TLS version
const plugin = { name: 'x', minVersion: '1.0.0' };
