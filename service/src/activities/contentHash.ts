// The identity of an activity's content: SHA-256 over its canonical JSON (object keys sorted at every level,
// array order kept). Two pushes with the same content but a different key order are the same content, and so are
// two that write the same instant differently ("10:30:00+01:00" and "09:30:00.000Z").
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}

/** Every date-time field of the activity schemas is named …At (startedAt, sentAt, comments[].createdAt …). */
export const INSTANT_FIELD = /At$/;

/** A copy with each date-time field as the UTC instant it names, to the millisecond. */
export function withNormalisedInstants(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withNormalisedInstants);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, v]) => {
      if (INSTANT_FIELD.test(key) && typeof v === 'string') {
        const ms = Date.parse(v);
        return [key, Number.isNaN(ms) ? v : new Date(ms).toISOString()];
      }
      return [key, withNormalisedInstants(v)];
    })
  );
}

/**
 * The content hash of a validated activity: the same moment in another offset is not an update. The payload
 * itself is stored as pushed (the offset says which local day the call was on).
 */
export function activityContentHash(activity: unknown): string {
  return contentHash(withNormalisedInstants(activity));
}
