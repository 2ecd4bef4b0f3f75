// Values that reach rejectUnauthorized through a default parameter and through call sites.
const https = require("https");
const axios = require("axios");

function download(url, insecure = true) {
  // expect: tls-verification-disabled
  const agent = new https.Agent({ rejectUnauthorized: !insecure });
  return axios.get(url, { httpsAgent: agent });
}

function upload(url, strict = true) {
  // ok: tls-verification-disabled -- the default keeps verification on and no caller passes false
  const agent = new https.Agent({ rejectUnauthorized: strict });
  return axios.post(url, {}, { httpsAgent: agent });
}

const connect = (url, reject) => {
  // expect: tls-verification-disabled
  const agent = new https.Agent({ rejectUnauthorized: reject });
  return axios.get(url, { httpsAgent: agent });
};

function connectChecked(url, reject) {
  // ok: tls-verification-disabled -- one caller passes a value nobody knows
  const agent = new https.Agent({ rejectUnauthorized: reject });
  return axios.get(url, { httpsAgent: agent });
}

function main(options) {
  upload("https://files.example.com/in");
  connect("https://a.example.com", false);
  connect("https://b.example.com", false);
  connectChecked("https://a.example.com", false);
  connectChecked("https://b.example.com", options.reject);
}

module.exports = { download, main };
