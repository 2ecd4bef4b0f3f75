const crypto = require('crypto');

function encrypt(key, text) {
  // expect: static-iv
  const cipher = crypto.createCipheriv('aes-256-cbc', key, '');
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

function encryptStream(key, text) {
  // ok: static-iv -- RC4 takes no IV (a weak cipher, reported as such)
  // expect: weak-cipher-algorithm
  const cipher = crypto.createCipheriv('rc4', key, '');
  return cipher.update(text, 'utf8', 'hex');
}
