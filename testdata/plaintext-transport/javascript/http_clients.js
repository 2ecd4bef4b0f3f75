const axios = require('axios');
const http = require('http');
const WebSocket = require('ws');
const nodemailer = require('nodemailer');
const { io } = require('socket.io-client');

const HOST = 'rates.partner.example.com';

// expect: plaintext-transport
axios.get(`http://${HOST}/v1/fuel`, { timeout: 4000 });

// expect: plaintext-transport
fetch('http://api.example.com/orders');

// expect: plaintext-transport
http.get('http://metrics.example.net/push');

// expect: plaintext-transport
const socket = new WebSocket('ws://feed.example.com/stream');

// expect: plaintext-transport
const client = io('http://chat.example.com');

// expect: plaintext-transport
const api = axios.create({ baseURL: 'http://orders.example.com' });

// expect: plaintext-transport
const transporter = nodemailer.createTransport({
  host: 'smtp.relay.example.com',
  port: 25,
  ignoreTLS: true,
});

// ok: plaintext-transport -- loopback
fetch('http://localhost:8080/health');

// ok: plaintext-transport -- loopback IPv4
const local = new WebSocket('ws://127.0.0.1:8081');

// ok: plaintext-transport -- TLS
axios.get('https://rates.partner.example.com/v1/fuel');

// ok: plaintext-transport -- host unknown
fetch(`http://${process.env.API_HOST}/x`);

// ok: plaintext-transport -- local relay
nodemailer.createTransport({ host: 'localhost', port: 25, ignoreTLS: true });

// ok: plaintext-transport -- an XML namespace, not a request
document.createElementNS('http://www.w3.org/2000/svg', 'svg');
