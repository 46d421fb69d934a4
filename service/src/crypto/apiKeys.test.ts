import { apiKeySecretMatches, generateApiKey, hashApiKeySecret, parseApiKey } from './apiKeys.ts';

describe('API keys', () => {
  it('are swb_<16 hex key id>_<43-character secret>, and only the secret’s SHA-256 is kept', () => {
    const generated = generateApiKey();
    expect(generated.key).toMatch(/^swb_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const parsed = parseApiKey(generated.key);
    expect(parsed?.keyId).toBe(generated.keyId);
    expect(generated.secretHash).toBe(hashApiKeySecret(parsed?.secret as string));
    expect(generated.secretHash).not.toContain(parsed?.secret as string);
  });

  it('keep underscores and dashes inside the secret (base64url) as part of it', () => {
    const secret = `_a-${'b'.repeat(38)}_c`;
    expect(parseApiKey(`swb_${'0'.repeat(16)}_${secret}`)).toEqual({ keyId: '0'.repeat(16), secret });
  });

  it('match only their own secret', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(apiKeySecretMatches(parseApiKey(a.key)?.secret as string, a.secretHash)).toBe(true);
    expect(apiKeySecretMatches(parseApiKey(b.key)?.secret as string, a.secretHash)).toBe(false);
    expect(apiKeySecretMatches('anything', 'not-a-hash')).toBe(false);
  });

  it('reject strings that are not shaped like a key', () => {
    for (const presented of [
      '',
      'swb_',
      'Bearer x',
      `swb_${'g'.repeat(16)}_${'a'.repeat(43)}`,
      `swb_${'a'.repeat(16)}_short`
    ]) {
      expect(parseApiKey(presented)).toBeUndefined();
    }
  });
});
