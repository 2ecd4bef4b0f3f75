const tls = require('tls');

// expect: tls-weak-cipher
tls.createServer({ ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:RC4-SHA' }, onSocket);

// expect: tls-weak-cipher
tls.DEFAULT_CIPHERS = 'DEFAULT:@SECLEVEL=0';

// ok: tls-weak-cipher -- weak suites excluded
tls.createServer({ ciphers: 'ECDHE+AESGCM:!aNULL:!MD5:!RC4:!3DES' }, onSocket);
