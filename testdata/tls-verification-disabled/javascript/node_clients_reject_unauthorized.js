const https = require('node:https');
const tls = require('tls');
const axios = require('axios');
const got = require('got');
const request = require('request');
const superagent = require('superagent');
const { Pool } = require('pg');

// expect: tls-verification-disabled
https.get('https://api.example.com', { rejectUnauthorized: false });

const insecure = {
  host: 'ledger.example.com',
  // expect: tls-verification-disabled
  rejectUnauthorized: false,
};
tls.connect(insecure);

const base = { timeout: 5000 };
// expect: tls-verification-disabled
const agent = new https.Agent({ ...base, rejectUnauthorized: !1 });
axios.create({ httpsAgent: agent });

// expect: tls-verification-disabled
got('https://x.example.com', { https: { rejectUnauthorized: false } });

// expect: tls-verification-disabled
request({ url: 'https://x.example.com', strictSSL: false });

// expect: tls-verification-disabled
superagent.get('https://x.example.com').disableTLSCerts();

// expect: tls-verification-disabled
const pool = new Pool({ ssl: { rejectUnauthorized: false } });

// expect: tls-verification-disabled
https.globalAgent.options.rejectUnauthorized = false;

// expect: tls-verification-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
// expect: tls-verification-disabled
process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = 0;

// expect: tls-verification-disabled
tls.connect({ host: 'h.example.com', checkServerIdentity: () => undefined });

// ok: tls-verification-disabled -- verification on, private CA given
https.get('https://api.example.com', { rejectUnauthorized: true, ca: caBundle });

// ok: tls-verification-disabled -- a server's rejectUnauthorized is about client certificates
tls.createServer({ requestCert: true, rejectUnauthorized: false }, onSocket);

// ok: tls-verification-disabled -- decided at run time
https.get('https://api.example.com', { rejectUnauthorized: process.env.NODE_ENV === 'production' });

// ok: tls-verification-disabled -- pinning check that returns an error on mismatch
tls.connect({ checkServerIdentity: (host, cert) => { if (cert.fingerprint256 !== PIN) return new Error('pin'); } });

// ok: tls-verification-disabled -- only adds a CA bundle
process.env.NODE_EXTRA_CA_CERTS = '/etc/ssl/internal-ca.pem';

// ok: tls-verification-disabled -- explicitly on
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';

// ok: tls-verification-disabled -- the server end of a socket: client certificates are optional, the server is not trusted blindly
const serverSide = new tls.TLSSocket(rawSocket, { isServer: true, secureContext, rejectUnauthorized: false });

// expect: tls-verification-disabled
const clientSide = new tls.TLSSocket(rawSocket, { rejectUnauthorized: false });
