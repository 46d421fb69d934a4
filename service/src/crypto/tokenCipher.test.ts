import { randomBytes } from 'node:crypto';
import { TokenDecryptionError, createTokenCipher, keyIdOf, parseEncryptionKey } from './tokenCipher.ts';

describe('the token cipher', () => {
  const key = randomBytes(32);
  const cipher = createTokenCipher({ primary: key });

  it('round-trips a value, with a fresh IV each time, and no plaintext in the envelope', () => {
    const a = cipher.encrypt('5Aep861-refresh-token', 'tenant:ten_1:refresh');
    const b = cipher.encrypt('5Aep861-refresh-token', 'tenant:ten_1:refresh');
    expect(a).not.toBe(b);
    expect(a).not.toContain('5Aep861');
    expect(a.split('.')).toEqual(['v1', keyIdOf(key), expect.any(String), expect.any(String), expect.any(String)]);
    expect(Buffer.from(a.split('.')[2] as string, 'base64url')).toHaveLength(12);
    expect(cipher.decrypt(a, 'tenant:ten_1:refresh')).toBe('5Aep861-refresh-token');
  });

  it('refuses to open a value under another context, another key, or after tampering', () => {
    const sealed = cipher.encrypt('secret', 'tenant:ten_1:refresh');
    expect(() => cipher.decrypt(sealed, 'tenant:ten_2:refresh')).toThrow(TokenDecryptionError);
    expect(() => createTokenCipher({ primary: randomBytes(32) }).decrypt(sealed, 'tenant:ten_1:refresh')).toThrow(
      /not configured/
    );
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3] as string, 'base64url');
    body[0] = (body[0] as number) ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'), 'tenant:ten_1:refresh')).toThrow(/authentication failed/);
    expect(() => cipher.decrypt('plain text', 'x')).toThrow(/not an encrypted envelope/);
  });

  it('opens values sealed under a previous key after rotation, and says they need re-encryption', () => {
    const oldCipher = createTokenCipher({ primary: key });
    const sealedOld = oldCipher.encrypt('token', 'ctx');
    const rotated = createTokenCipher({ primary: randomBytes(32), previous: [key] });
    expect(rotated.decrypt(sealedOld, 'ctx')).toBe('token');
    expect(rotated.needsReencryption(sealedOld)).toBe(true);
    const resealed = rotated.encrypt(rotated.decrypt(sealedOld, 'ctx'), 'ctx');
    expect(rotated.needsReencryption(resealed)).toBe(false);
  });

  it('accepts only base64 of 32 random bytes as a key', () => {
    expect(parseEncryptionKey(key.toString('base64'))).toEqual(key);
    expect(() => parseEncryptionKey(randomBytes(16).toString('base64'))).toThrow('must decode to 32 bytes, not 16');
    expect(() => parseEncryptionKey('not base64!')).toThrow('must be base64');
    expect(() => parseEncryptionKey(Buffer.alloc(32).toString('base64'))).toThrow('not one repeated byte');
  });
});
