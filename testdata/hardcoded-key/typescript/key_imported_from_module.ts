import { createCipheriv } from 'crypto';
import { SEAL_KEY } from './keys';

export function seal(iv: Buffer, data: string): Buffer {
  // Known gap: constants are resolved within one file; SEAL_KEY is a literal in ./keys.ts.
  // todo-expect: hardcoded-key
  return createCipheriv('aes-256-gcm', SEAL_KEY, iv).update(data);
}
