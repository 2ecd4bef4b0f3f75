import { createServer } from 'tls';

const CIPHERS = ['ECDHE-RSA-AES128-GCM-SHA256', 'DES-CBC3-SHA'].join(':');

createServer(
  {
    // expect: tls-weak-cipher
    ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA',
  },
  (s) => s.end(),
);

// ok: tls-weak-cipher -- TLS 1.3 and ECDHE AEAD suites only
createServer({ ciphers: 'TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES256-GCM-SHA384' }, (s) => s.end());
