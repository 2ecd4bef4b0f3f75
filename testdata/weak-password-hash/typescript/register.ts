import { createHash, scryptSync, randomBytes } from 'crypto';

export function registerUser(email: string, password: string): string {
  // expect: weak-password-hash
  return createHash('sha1').update(password).digest('hex');
}

export function registerWell(email: string, password: string): string {
  const salt = randomBytes(16);
  // ok: weak-password-hash -- scrypt
  return scryptSync(password, salt, 64).toString('hex');
}
