const crypto = require('crypto');
const CryptoJS = require('crypto-js');

function encryptLegacy(data, key, iv) {
  // expect: weak-cipher-algorithm
  const c = crypto.createCipheriv('des-ede3-cbc', key, iv);
  return Buffer.concat([c.update(data), c.final()]);
}

// expect: weak-cipher-algorithm
const rc4 = crypto.createCipheriv('rc4', key, '');

// expect: weak-cipher-algorithm
const old = CryptoJS.TripleDES.encrypt(message, process.env.KEY);

// ok: weak-cipher-algorithm -- AES-GCM
crypto.createCipheriv('aes-256-gcm', key, iv);

// ok: weak-cipher-algorithm -- DESCRIPTION is not DES
const DESCRIPTION = 'des-ede3 support was removed';
