const https = require('https');
const tls = require('tls');

https.createServer(
  {
    key: fs.readFileSync(process.env.TLS_KEY_PATH),
    // expect: tls-outdated-protocol
    secureProtocol: 'TLSv1_method',
  },
  app
);

// expect: tls-outdated-protocol
tls.DEFAULT_MIN_VERSION = 'TLSv1';

// expect: tls-outdated-protocol
tls.connect({ host: 'legacy.example.com', maxVersion: 'TLSv1.1' });

// ok: tls-outdated-protocol -- TLS 1.2 text contains TLSv1
tls.DEFAULT_MIN_VERSION = 'TLSv1.2';

// ok: tls-outdated-protocol -- the TLS 1.2 method
https.createServer({ secureProtocol: 'TLSv1_2_method' }, app);

// ok: tls-outdated-protocol -- negotiating method
https.createServer({ secureProtocol: 'TLS_method' }, app);
