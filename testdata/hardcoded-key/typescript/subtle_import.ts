const RAW = new TextEncoder().encode('0123456789abcdef0123456789abcdef');

export async function importKey(): Promise<CryptoKey> {
  // expect: hardcoded-key
  return crypto.subtle.importKey('raw', RAW, 'AES-GCM', false, ['encrypt']);
}

export async function importJwk(jwk: JsonWebKey): Promise<CryptoKey> {
  // ok: hardcoded-key -- key passed in
  return crypto.subtle.importKey('jwk', jwk, 'AES-GCM', false, ['encrypt']);
}
