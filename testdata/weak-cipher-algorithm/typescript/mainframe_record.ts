import { createCipheriv, randomBytes } from 'crypto';

// must match the mainframe batch import format
const ALGORITHM = 'des-ede3-cbc';

export function encryptRecord(record: object, key: Buffer): string {
  const iv = randomBytes(8);
  // expect: weak-cipher-algorithm
  const cipher = createCipheriv(ALGORITHM, key, iv);
  return Buffer.concat([cipher.update(JSON.stringify(record), 'utf8'), cipher.final()]).toString('base64');
}

export function encryptModern(record: object, key: Buffer): Buffer {
  // ok: weak-cipher-algorithm -- ChaCha20-Poly1305
  const cipher = createCipheriv('chacha20-poly1305', key, randomBytes(12), { authTagLength: 16 });
  return cipher.update(JSON.stringify(record));
}
