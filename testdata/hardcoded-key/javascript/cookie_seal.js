const crypto = require('crypto');
const CryptoJS = require('crypto-js');

const SECRET = Buffer.from('3f1a9c0d7b2e4f6a8c1d3e5f7a9b0c2d4e6f8a1b3c5d7e9f0a2b4c6d8e0f1a3b', 'hex');

function sealCookie(value) {
  const iv = crypto.randomBytes(16);
  // expect: hardcoded-key
  const cipher = crypto.createCipheriv('aes-256-cbc', 'k3Y9vQ2mX7pL4sT8wZ1cR6nB0dF5hJ2a', iv);
  return cipher.update(value, 'utf8', 'base64') + cipher.final('base64');
}

function sealConst(value, iv) {
  // expect: hardcoded-key
  return crypto.createCipheriv('aes-256-gcm', SECRET, iv).update(value);
}

// expect: hardcoded-key
const token = CryptoJS.AES.encrypt(payload, 'my-super-secret-passphrase').toString();

function sealEnv(value, iv) {
  // ok: hardcoded-key -- key from the environment
  return crypto.createCipheriv('aes-256-gcm', Buffer.from(process.env.COOKIE_KEY, 'base64'), iv).update(value);
}

function sealFallback(value, iv) {
  // ok: hardcoded-key -- environment with a fallback is not a constant
  const key = process.env.COOKIE_KEY ?? 'dev-only-key-0123456789abcdef012';
  return crypto.createCipheriv('aes-256-gcm', key, iv).update(value);
}
