// A name bound more than once: the binding before the use in the same block reaches it.
const axios = require("axios");

function sync(records) {
  endpoint = "http://sync.partner.example.com/v1";
  // expect: plaintext-transport
  return axios.post(endpoint, records);
}

function syncSecure(records) {
  endpoint = "https://sync.partner.example.com/v1";
  // ok: plaintext-transport -- this block assigned an https URL just before
  return axios.post(endpoint, records);
}

function syncMaybe(records, secure) {
  target = "http://sync.partner.example.com/v1";
  if (secure) {
    target = "https://sync.partner.example.com/v1";
  }
  // ok: plaintext-transport -- a nested block may have changed it: unknown
  return axios.post(target, records);
}
