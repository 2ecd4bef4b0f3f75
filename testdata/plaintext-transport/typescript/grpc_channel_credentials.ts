import { ChannelCredentials, credentials, Server, ServerCredentials } from '@grpc/grpc-js';
import { OrdersClient } from './generated/orders_grpc_pb';

// expect: plaintext-transport
const orders = new OrdersClient('orders.prod.example.com:50051', ChannelCredentials.createInsecure());

// ok: plaintext-transport -- TLS channel credentials
const secure = new OrdersClient('orders.prod.example.com:443', ChannelCredentials.createSsl());

// ok: plaintext-transport -- TLS from the credentials namespace
const alsoSecure = new OrdersClient('orders.prod.example.com:443', credentials.createSsl());



// ok: plaintext-transport -- a loopback sidecar never leaves the machine
const sidecar = new OrdersClient('localhost:50051', ChannelCredentials.createInsecure());

const server = new Server();
// expect: plaintext-transport
server.bindAsync('0.0.0.0:50051', ServerCredentials.createInsecure(), () => server.start());
// ok: plaintext-transport -- bound to loopback only
server.bindAsync('127.0.0.1:50052', ServerCredentials.createInsecure(), () => server.start());
export { orders, secure, alsoSecure, sidecar, server };
