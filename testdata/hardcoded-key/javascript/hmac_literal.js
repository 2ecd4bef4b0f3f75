const crypto = require('crypto');

function sign(body) {
  // expect: hardcoded-key
  return crypto.createHmac('sha256', 'wh_live_8f3b2c1d9e7a6f5b').update(body).digest('hex');
}

function signEnv(body) {
  // ok: hardcoded-key -- secret from the environment
  return crypto.createHmac('sha256', process.env.WEBHOOK_SECRET).update(body).digest('hex');
}
