const express = require('express');
const helmet = require('helmet');

const app = express();

// expect: hsts-missing
app.use(helmet({ hsts: false }));

// expect: hsts-missing
app.use(helmet({ hsts: { maxAge: 60 * 60 * 24 } }));

// expect: hsts-missing
app.use(helmet.hsts({ maxAge: 31536000, includeSubDomains: false }));

app.get('/', (req, res) => {
  // expect: hsts-missing
  res.setHeader('Strict-Transport-Security', 'max-age=300');
  res.send('ok');
});

// ok: hsts-missing -- two years with subdomains
app.use(helmet({ hsts: { maxAge: 63072000, includeSubDomains: true, preload: true } }));

// ok: hsts-missing -- default helmet enables HSTS
app.use(helmet());

// ok: hsts-missing -- a year, computed
app.use(helmet.hsts({ maxAge: 365 * 24 * 60 * 60 }));

// ok: hsts-missing -- another header
app.use((req, res, next) => { res.setHeader('Cache-Control', 'max-age=300'); next(); });
