const { Curl } = require('node-libcurl');

const curl = new Curl();
// expect: tls-verification-disabled
curl.setOpt('SSL_VERIFYPEER', 0);
// expect: tls-verification-disabled
curl.setOpt(Curl.option.SSL_VERIFYHOST, false);

// ok: tls-verification-disabled -- verification on
curl.setOpt('SSL_VERIFYPEER', 1);

function configure(options) {
  // expect: tls-verification-disabled
  options.checkServerIdentity = () => undefined;
  // ok: tls-verification-disabled -- a real identity check
  options.checkServerIdentity = (host, cert) => tls.checkServerIdentity(host, cert);
}
