// Keys that come out of helpers, constructor fields and class fields of the same file.
const crypto = require("crypto");

function sessionKey() {
  return "0123456789abcdef0123456789abcdef";
}
const freshKey = () => crypto.randomBytes(32);

function seal(data) {
  const iv = crypto.randomBytes(12);
  // expect: hardcoded-key
  const cipher = crypto.createCipheriv("aes-256-gcm", sessionKey(), iv);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

function sealFresh(data) {
  const iv = crypto.randomBytes(12);
  // ok: hardcoded-key -- the helper returns random bytes
  const cipher = crypto.createCipheriv("aes-256-gcm", freshKey(), iv);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

class Vault {
  constructor() {
    this.key = "vault-master-key-0123456789abcd!";
  }

  seal(data) {
    const iv = crypto.randomBytes(12);
    // expect: hardcoded-key
    const cipher = crypto.createCipheriv("aes-256-gcm", this.key, iv);
    return Buffer.concat([cipher.update(data), cipher.final()]);
  }
}

class Box {
  key = "box-default-key-0123456789abcdef";

  seal(data) {
    const iv = crypto.randomBytes(12);
    // ok: hardcoded-key -- a subclass below sets its own key, so this.key is not one value
    const cipher = crypto.createCipheriv("aes-256-gcm", this.key, iv);
    return Buffer.concat([cipher.update(data), cipher.final()]);
  }
}

class EnvBox extends Box {
  key = process.env.BOX_KEY;
}

module.exports = { seal, sealFresh, Vault, EnvBox };
