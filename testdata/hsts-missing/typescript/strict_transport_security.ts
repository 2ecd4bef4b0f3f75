import helmet from 'helmet';

// expect: hsts-missing
export const security = helmet({ strictTransportSecurity: false });

// ok: hsts-missing -- long max-age
export const strong = helmet({ strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true } });
