const http = require('http');

// Known gap: the URL is spread over an options object (hostname + protocol), not written as one.
// todo-expect: plaintext-transport
http.request({ hostname: 'api.partner.example.com', protocol: 'http:', path: '/v1/orders' });
