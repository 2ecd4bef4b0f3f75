import forge from 'node-forge';

export function wrap(key: string, data: string): string {
  // expect: ecb-mode
  const cipher = forge.cipher.createCipher('AES-ECB', key);
  cipher.start();
  cipher.update(forge.util.createBuffer(data));
  cipher.finish();
  return cipher.output.toHex();
}

export function wrapGcm(key: string, iv: string): void {
  // ok: ecb-mode -- GCM
  forge.cipher.createCipher('AES-GCM', key).start({ iv });
}
