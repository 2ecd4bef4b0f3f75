// Slow password hashes are slow only by their work factor.
const crypto = require("crypto");
const bcrypt = require("bcrypt");

const ROUNDS = 1000;

function derive(password, salt) {
  // expect: weak-password-hash
  return crypto.pbkdf2Sync(password, salt, ROUNDS, 32, "sha256");
}

function deriveStrong(password, salt, cb) {
  // ok: weak-password-hash -- 600,000 iterations
  crypto.pbkdf2(password, salt, 600000, 32, "sha256", cb);
}

async function store(password) {
  // expect: weak-password-hash
  return bcrypt.hash(password, 6);
}

async function storeStrong(password) {
  // ok: weak-password-hash -- cost 12
  return bcrypt.hash(password, 12);
}

async function storeWithSalt(password) {
  // ok: weak-password-hash -- a generated salt string, not a cost
  const salt = await bcrypt.genSalt();
  return bcrypt.hash(password, salt);
}
