import { generateKeyPair } from 'crypto';

const BITS = 1024;

// expect: weak-key-size
generateKeyPair('rsa', { modulusLength: BITS }, (err, pub, priv) => {});

// expect: weak-key-size
generateKeyPair('ec', { namedCurve: 'secp160r1' }, (err, pub, priv) => {});

// ok: weak-key-size -- 4096 bits
generateKeyPair('rsa', { modulusLength: 4096 }, (err, pub, priv) => {});
