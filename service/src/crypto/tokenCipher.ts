// Encryption at rest for secrets the service must read back (Salesforce tokens, webhook signing secrets).
// AES-256-GCM, a fresh 12-byte IV per value, the auth tag stored with it. The envelope names its format version
// and the key that sealed it, so a new key can be introduced while values sealed under the old one still open.
// Each value is bound to a context string (e.g. `tenant:ten_1:webhook_secret`) as additional authenticated data:
// a ciphertext copied onto another row or field does not decrypt.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const ENVELOPE_VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export class TokenDecryptionError extends Error {
  constructor(reason: string) {
    super(`cannot decrypt a stored secret: ${reason}`);
    this.name = 'TokenDecryptionError';
  }
}

/** Decodes a base64 key and checks that it is 32 bytes of something other than one repeated byte. */
export function parseEncryptionKey(base64: string): Buffer {
  const trimmed = base64.trim();
  if (!BASE64.test(trimmed)) throw new Error('must be base64 (of 32 random bytes)');
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`must decode to ${KEY_BYTES} bytes, not ${key.length}`);
  if (key.every((byte) => byte === key[0])) throw new Error('must be random bytes, not one repeated byte');
  return key;
}

/** A short public fingerprint of a key, written into each envelope so decryption picks the right key. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('switchboard-token-key:').update(key).digest('base64url').slice(0, 8);
}

export interface TokenCipher {
  readonly primaryKeyId: string;
  encrypt(plaintext: string, context: string): string;
  decrypt(envelope: string, context: string): string;
  /** True when the value was sealed with a key other than the current primary one. */
  needsReencryption(envelope: string): boolean;
}

export function createTokenCipher(keys: { primary: Buffer; previous?: Buffer[] }): TokenCipher {
  for (const key of [keys.primary, ...(keys.previous ?? [])]) {
    if (key.length !== KEY_BYTES) throw new Error(`token encryption keys must be ${KEY_BYTES} bytes`);
  }
  const primaryKeyId = keyIdOf(keys.primary);
  const byId = new Map<string, Buffer>([[primaryKeyId, keys.primary]]);
  for (const key of keys.previous ?? []) if (!byId.has(keyIdOf(key))) byId.set(keyIdOf(key), key);

  const aad = (keyId: string, context: string) => Buffer.from(`switchboard:${ENVELOPE_VERSION}:${keyId}:${context}`);

  return {
    primaryKeyId,
    encrypt(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keys.primary, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(aad(primaryKeyId, context));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [ENVELOPE_VERSION, primaryKeyId, iv, ciphertext, tag]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    decrypt(envelope, context) {
      const parts = envelope.split('.');
      if (parts.length !== 5) throw new TokenDecryptionError('not an encrypted envelope');
      const [version, keyId, iv, ciphertext, tag] = parts as [string, string, string, string, string];
      if (version !== ENVELOPE_VERSION) throw new TokenDecryptionError(`unknown envelope version ${version}`);
      const key = byId.get(keyId);
      if (!key) throw new TokenDecryptionError(`sealed with key ${keyId}, which is not configured`);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
          authTagLength: TAG_BYTES
        });
        decipher.setAAD(aad(keyId, context));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
          'utf8'
        );
      } catch {
        throw new TokenDecryptionError('authentication failed (wrong key, wrong context or altered data)');
      }
    },
    needsReencryption(envelope) {
      return envelope.split('.')[1] !== primaryKeyId;
    }
  };
}
