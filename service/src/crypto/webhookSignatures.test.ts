import {
  checkWebhookHeaders,
  generateWebhookSecret,
  signWebhook,
  webhookSignatureMatches
} from './webhookSignatures.ts';

// The published Standard Webhooks test vector (the reference libraries verify the same values).
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: '1614265330',
  body: Buffer.from('{"test": 2432232314}'),
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE='
};

describe('Standard Webhooks signatures', () => {
  it('reproduce the published test vector', () => {
    expect(signWebhook(VECTOR)).toBe(VECTOR.signature);
    expect(webhookSignatureMatches({ ...VECTOR, secrets: [VECTOR.secret], signatureHeader: VECTOR.signature })).toBe(
      true
    );
  });

  it('accept any matching signature in a space-separated list, signed with any active secret', () => {
    const other = generateWebhookSecret();
    const header = `v1,bm9wZQ== v2,whatever ${VECTOR.signature}`;
    expect(webhookSignatureMatches({ ...VECTOR, secrets: [other, VECTOR.secret], signatureHeader: header })).toBe(true);
  });

  it('reject a body that differs by one byte, a wrong secret, a wrong-length or garbled signature', () => {
    const check = (overrides: Partial<{ body: Buffer; secrets: string[]; signatureHeader: string }>) =>
      webhookSignatureMatches({ ...VECTOR, secrets: [VECTOR.secret], signatureHeader: VECTOR.signature, ...overrides });
    expect(check({ body: Buffer.from('{"test":  2432232314}') })).toBe(false);
    expect(check({ secrets: [generateWebhookSecret()] })).toBe(false);
    expect(check({ signatureHeader: 'v1,AAAA' })).toBe(false);
    expect(check({ signatureHeader: 'v1,' + 'A'.repeat(44) })).toBe(false);
    expect(check({ signatureHeader: 'garbage' })).toBe(false);
    expect(check({ signatureHeader: '' })).toBe(false);
  });

  it('allow timestamps up to five minutes either side of now, and no further', () => {
    const now = 1_700_000_000_000;
    const at = (offsetSeconds: number) =>
      checkWebhookHeaders({ id: 'msg_1', timestamp: String(now / 1000 + offsetSeconds), nowMs: now });
    expect(at(-299)).toEqual({ ok: true });
    expect(at(299)).toEqual({ ok: true });
    expect(at(-300)).toEqual({ ok: true });
    expect(at(-301)).toMatchObject({ ok: false, code: 'stale_timestamp' });
    expect(at(301)).toMatchObject({ ok: false, code: 'stale_timestamp' });
  });

  it('reject malformed ids and timestamps by header name', () => {
    const now = 1_700_000_000_000;
    expect(checkWebhookHeaders({ id: 'msg.1', timestamp: '1700000000', nowMs: now })).toMatchObject({
      ok: false,
      code: 'invalid_signature',
      header: 'webhook-id'
    });
    expect(checkWebhookHeaders({ id: 'msg_1', timestamp: '1700000000.5', nowMs: now })).toMatchObject({
      ok: false,
      code: 'invalid_signature',
      header: 'webhook-timestamp'
    });
  });

  it('generate secrets as whsec_ + base64 of 32 random bytes', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
  });
});
