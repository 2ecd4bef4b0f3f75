const crypto = require('crypto');
const CryptoJS = require('crypto-js');

const KEY = Buffer.from(process.env.TOKEN_KEY, 'hex');
const MODE = 'aes-256-ecb';

function encryptToken(plain) {
  // expect: ecb-mode
  const cipher = crypto.createCipheriv(MODE, KEY, null);
  return Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
}

function decryptToken(data) {
  // expect: ecb-mode
  const decipher = crypto.createDecipheriv('aes-256-ecb', KEY, null);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}

// expect: ecb-mode
const legacy = CryptoJS.AES.encrypt(text, process.env.K, { mode: CryptoJS.mode.ECB });

// ok: ecb-mode -- GCM with a random nonce
crypto.createCipheriv('aes-256-gcm', KEY, crypto.randomBytes(12));

// ok: ecb-mode -- European Central Bank rates, not a cipher mode
const ecbRates = require('./ecb-rates');
