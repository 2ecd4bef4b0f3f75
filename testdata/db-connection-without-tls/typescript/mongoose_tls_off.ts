import mongoose from 'mongoose';

export async function connect(): Promise<void> {
  // expect: db-connection-without-tls
  await mongoose.connect(process.env.MONGO_URL as string, {
    tls: false,
    maxPoolSize: 20,
  });
}

export async function connectSecure(): Promise<void> {
  // ok: db-connection-without-tls -- TLS with a CA
  await mongoose.connect(process.env.MONGO_URL as string, { tls: true, tlsCAFile: '/etc/ssl/mongo-ca.pem' });
}

export async function connectLocal(): Promise<void> {
  // ok: db-connection-without-tls -- loopback
  await mongoose.connect('mongodb://127.0.0.1:27017/test', { tls: false });
}
