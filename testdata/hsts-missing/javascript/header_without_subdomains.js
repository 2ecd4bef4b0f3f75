// Known gap: a hand-set header with a long max-age but no includeSubDomains.
app.use((req, res, next) => {
  // todo-expect: hsts-missing
  res.setHeader('Strict-Transport-Security', 'max-age=31536000');
  next();
});
