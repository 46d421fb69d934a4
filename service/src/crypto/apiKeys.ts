// Tenant API keys: `swb_<key id>_<secret>`. The key id (8 random bytes, hex) is public and finds the stored row;
// the secret (32 random bytes, base64url) is stored only as its SHA-256 and compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const KEY_SHAPE = /^swb_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface GeneratedApiKey {
  /** The full key, shown to the admin once and never stored. */
  key: string;
  keyId: string;
  secretHash: string;
}

export function generateApiKey(): GeneratedApiKey {
  const keyId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { key: `swb_${keyId}_${secret}`, keyId, secretHash: hashApiKeySecret(secret) };
}

/** Splits a presented key into its id and secret; undefined when it does not have the shape of one of our keys. */
export function parseApiKey(presented: string): { keyId: string; secret: string } | undefined {
  const match = KEY_SHAPE.exec(presented);
  return match ? { keyId: match[1] as string, secret: match[2] as string } : undefined;
}

export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time check of a presented secret against a stored hash (both hashes have the same length). */
export function apiKeySecretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashApiKeySecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
