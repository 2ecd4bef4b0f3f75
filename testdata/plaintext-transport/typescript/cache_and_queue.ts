import Redis from 'ioredis';
import { createClient } from 'redis';
import amqp from 'amqplib';

// expect: plaintext-transport
export const cache = new Redis(`redis://:${process.env.REDIS_PASSWORD}@cache-01.prod.example.com:6379/2`);

// expect: plaintext-transport
export const client = createClient({ url: 'redis://sessions.prod.example.com:6379' });

export async function queue() {
  // expect: plaintext-transport
  return amqp.connect('amqp://broker.prod.example.com');
}

// ok: plaintext-transport -- TLS variant
export const secure = new Redis('rediss://cache.prod.example.com:6380');

// ok: plaintext-transport -- loopback
export const localQueue = new Redis('redis://localhost:6379/1');

// ok: plaintext-transport -- environment decides
export const fromEnv = new Redis(process.env.REDIS_URL ?? 'redis://cache.example.com:6379');
