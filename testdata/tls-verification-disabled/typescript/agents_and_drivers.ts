import fetch from 'node-fetch';
import { Agent as HttpsAgent } from 'https';
import { Agent } from 'undici';
import mongoose from 'mongoose';
import Redis from 'ioredis';
import type { ConnectionOptions } from 'tls';

// expect: tls-verification-disabled
const agent = new HttpsAgent({ keepAlive: true, rejectUnauthorized: false });

export async function items(): Promise<unknown> {
  return (await fetch('https://vendor.example.com/items', { agent })).json();
}

// expect: tls-verification-disabled
const dispatcher = new Agent({ connect: { rejectUnauthorized: false } });

export async function connectMongo(): Promise<void> {
  await mongoose.connect(process.env.MONGO_URL as string, {
    tls: true,
    // expect: tls-verification-disabled
    tlsAllowInvalidCertificates: true,
  });
}

// expect: tls-verification-disabled
export const cache = new Redis(process.env.REDIS_URL as string, { tls: { rejectUnauthorized: false } });

const opts: ConnectionOptions = {
  // expect: tls-verification-disabled
  checkServerIdentity() {},
};

// ok: tls-verification-disabled -- verification on with a CA
const good = new HttpsAgent({ ca: process.env.CA_PEM, rejectUnauthorized: true });

// ok: tls-verification-disabled -- tlsAllowInvalidCertificates explicitly false
mongoose.connect(process.env.MONGO_URL as string, { tls: true, tlsAllowInvalidCertificates: false });
