const crypto = require('crypto');
const CryptoJS = require('crypto-js');
const bcrypt = require('bcrypt');

function store(user, password) {
  // expect: weak-password-hash
  user.hash = crypto.createHash('md5').update(password).digest('hex');
}

function check(user, password) {
  const h = crypto.createHash('sha256');
  // expect: weak-password-hash
  h.update(password);
  return h.digest('hex') === user.hash;
}

// expect: weak-password-hash
const legacy = CryptoJS.SHA1(req.body.password).toString();

async function storeWell(user, password) {
  // ok: weak-password-hash -- bcrypt
  user.hash = await bcrypt.hash(password, 12);
}

function etag(body) {
  // ok: weak-password-hash -- not a password
  return crypto.createHash('sha1').update(body).digest('hex');
}

function gravatar(email) {
  // ok: weak-password-hash -- an email hash for a Gravatar URL
  return crypto.createHash('md5').update(email.trim().toLowerCase()).digest('hex');
}
