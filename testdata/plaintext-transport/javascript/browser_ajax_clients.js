/* global $, jQuery */

// expect: plaintext-transport
$.ajax({ url: 'http://api.partner.example.com/v1/cart', method: 'POST', data: cart });
// expect: plaintext-transport
$.getJSON('http://api.partner.example.com/v1/prices', render);
// expect: plaintext-transport
jQuery.post('http://api.partner.example.com/v1/cart', cart);
// ok: plaintext-transport -- https
$.ajax({ url: 'https://api.partner.example.com/v1/cart', method: 'POST', data: cart });
// ok: plaintext-transport -- a relative URL goes to the page's own origin
$.get('/v1/prices', render);

const xhr = new XMLHttpRequest();
// expect: plaintext-transport
xhr.open('GET', 'http://api.partner.example.com/v1/stock');
const local = new XMLHttpRequest();
// ok: plaintext-transport -- loopback development server
local.open('GET', 'http://localhost:3000/v1/stock');
