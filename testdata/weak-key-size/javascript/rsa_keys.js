const crypto = require('crypto');
const forge = require('node-forge');

// expect: weak-key-size
const { publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });

// expect: weak-key-size
const ecdh = crypto.createECDH('secp192k1');

// expect: weak-key-size
forge.pki.rsa.generateKeyPair({ bits: 512, e: 0x10001 });

// ok: weak-key-size -- 3072 bits
crypto.generateKeyPairSync('rsa', { modulusLength: 3072 });

// ok: weak-key-size -- P-256
crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
