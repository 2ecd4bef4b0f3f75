import { createCipheriv, randomBytes } from 'crypto';

const ZERO_IV = Buffer.alloc(16, 0);

export function encryptExport(csv: string): Buffer {
  const key = Buffer.from(process.env.EXPORT_KEY_B64 ?? '', 'base64');
  // expect: static-iv
  const cipher = createCipheriv('aes-256-cbc', key, ZERO_IV);
  return Buffer.concat([cipher.update(csv, 'utf8'), cipher.final()]);
}

export function encryptExportSafely(csv: string, key: Buffer): Buffer {
  const iv = randomBytes(16);
  // ok: static-iv -- random IV
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([iv, cipher.update(csv, 'utf8'), cipher.final()]);
}
