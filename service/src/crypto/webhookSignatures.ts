// Standard Webhooks (https://www.standardwebhooks.com) signing: HMAC-SHA256 over `<id>.<timestamp>.<raw body>`
// with the base64-decoded `whsec_` secret, sent as `v1,<base64>`; several space-separated signatures may be sent
// (key rotation). The raw bytes are signed, never a re-serialised body.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;
const SECRET_PREFIX = 'whsec_';
const SIGNATURE_VERSION = 'v1';
// Ids and timestamps must not contain '.', or `<id>.<timestamp>.<body>` would be ambiguous.
const WEBHOOK_ID_SHAPE = /^[\x21-\x2d\x2f-\x7e]{1,255}$/;
const TIMESTAMP_SHAPE = /^\d{1,12}$/;

export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  if (key.length < 16) throw new Error('a webhook secret must hold at least 16 bytes');
  return key;
}

export function signWebhook(input: { secret: string; id: string; timestamp: number | string; body: Buffer | string }) {
  const mac = createHmac('sha256', secretKey(input.secret))
    .update(`${input.id}.${input.timestamp}.`)
    .update(input.body)
    .digest('base64');
  return `${SIGNATURE_VERSION},${mac}`;
}

export type WebhookCheck =
  { ok: true } | { ok: false; code: 'invalid_signature' | 'stale_timestamp'; message: string; header?: string };

/** Checks the shape of the headers and the timestamp's freshness (±5 minutes); done before reading the body. */
export function checkWebhookHeaders(input: { id: string; timestamp: string; nowMs: number }): WebhookCheck {
  if (!WEBHOOK_ID_SHAPE.test(input.id)) {
    return {
      ok: false,
      code: 'invalid_signature',
      header: 'webhook-id',
      message: 'webhook-id must be 1 to 255 printable characters without spaces or dots'
    };
  }
  if (!TIMESTAMP_SHAPE.test(input.timestamp)) {
    return {
      ok: false,
      code: 'invalid_signature',
      header: 'webhook-timestamp',
      message: 'webhook-timestamp must be Unix time in seconds'
    };
  }
  const skew = Math.abs(Math.floor(input.nowMs / 1000) - Number(input.timestamp));
  if (skew > WEBHOOK_TOLERANCE_SECONDS) {
    return {
      ok: false,
      code: 'stale_timestamp',
      header: 'webhook-timestamp',
      message: `webhook-timestamp is ${skew} seconds away from the server's clock; at most ${WEBHOOK_TOLERANCE_SECONDS} are allowed`
    };
  }
  return { ok: true };
}

/** True when any `v1,` signature in the header matches any of the secrets (constant-time comparison). */
export function webhookSignatureMatches(input: {
  secrets: string[];
  id: string;
  timestamp: string;
  body: Buffer;
  signatureHeader: string;
}): boolean {
  const presented = input.signatureHeader
    .split(' ')
    .filter((part) => part.startsWith(`${SIGNATURE_VERSION},`))
    .map((part) => Buffer.from(part.slice(SIGNATURE_VERSION.length + 1), 'base64'));
  let matched = false;
  for (const secret of input.secrets) {
    const expected = Buffer.from(signWebhook({ ...input, secret }).slice(SIGNATURE_VERSION.length + 1), 'base64');
    for (const candidate of presented) {
      // timingSafeEqual throws on unequal lengths; a length mismatch is simply "no match".
      if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) matched = true;
    }
  }
  return matched;
}
