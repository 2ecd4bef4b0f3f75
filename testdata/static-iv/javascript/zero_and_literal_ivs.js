const crypto = require('crypto');

const IV = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');

function seal(key, data) {
  // expect: static-iv
  const c = crypto.createCipheriv('aes-256-cbc', key, IV);
  return c.update(data);
}

function sealZero(key, data) {
  // expect: static-iv
  const c = crypto.createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  return c.update(data);
}

function sealPassword(password, data) {
  // expect: static-iv
  const c = crypto.createCipher('aes-256-cbc', password);
  return c.update(data);
}

async function subtleSeal(key, data) {
  // expect: static-iv
  return crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, key, data);
}

function sealRandom(key, data) {
  // ok: static-iv -- fresh random IV
  const c = crypto.createCipheriv('aes-256-cbc', key, crypto.randomBytes(16));
  return c.update(data);
}

function sealEcb(key, data) {
  // ok: static-iv -- ECB takes no IV (a separate finding)
  // expect: ecb-mode
  const c = crypto.createCipheriv('aes-128-ecb', key, null);
  return c.update(data);
}
