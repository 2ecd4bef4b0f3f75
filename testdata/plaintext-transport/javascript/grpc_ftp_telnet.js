const grpc = require('@grpc/grpc-js');
const Client = require('ftp');
const { Telnet } = require('telnet-client');

// expect: plaintext-transport
const channel = new OrdersClient('orders.internal.example.com:50051', grpc.credentials.createInsecure());

// ok: plaintext-transport -- TLS channel credentials
const secure = new OrdersClient('orders.example.com:443', grpc.credentials.createSsl());

const ftp = new Client();
// expect: plaintext-transport
ftp.connect({ host: 'files.partner.example.com', user: 'upload', password: process.env.FTP_PASS });

// ok: plaintext-transport -- explicit FTPS
ftp.connect({ host: 'files.partner.example.com', secure: true });

// expect: plaintext-transport
const telnet = new Telnet();
