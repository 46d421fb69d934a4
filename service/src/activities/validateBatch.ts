// Validates a push body: the envelope `{ "activities": [...] }` as a whole, then each activity on its own, so one
// bad item never sinks the others. Paths are reported from the body's root (`activities[3].from.phone`).
import { z } from 'zod';
import type { FieldError } from '../validation/issues.ts';
import { formatPath, limitErrors, toFieldErrors } from '../validation/issues.ts';
import { activityContentHash } from './contentHash.ts';
import type { Activity } from './schemas.ts';
import { ACTIVITY_TYPES, activitySchemas } from './schemas.ts';

export const MAX_ACTIVITIES_PER_PUSH = 500;
/** Errors reported for one activity (or for the envelope); the rest are counted, not listed. */
export const MAX_ERRORS_PER_ITEM = 20;

const envelope = z.strictObject({
  activities: z.array(z.unknown()).min(1, 'must contain at least one activity')
});

export type ItemValidation =
  | { index: number; ok: true; activity: Activity; contentHash: string }
  | { index: number; ok: false; id: string | null; errors: FieldError[] };

export type BatchValidation =
  | { ok: true; items: ItemValidation[] }
  | { ok: false; reason: 'invalid_body'; errors: FieldError[] }
  | { ok: false; reason: 'too_many_items'; count: number };

export function validateActivityBatch(body: unknown): BatchValidation {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return {
      ok: false,
      reason: 'invalid_body',
      errors: [{ path: '', message: 'must be a JSON object with an activities array' }]
    };
  }
  const parsed = envelope.safeParse(body, { reportInput: true });
  if (!parsed.success) {
    return {
      ok: false,
      reason: 'invalid_body',
      errors: limitErrors(toFieldErrors(parsed.error.issues), MAX_ERRORS_PER_ITEM, '')
    };
  }
  const { activities } = parsed.data;
  if (activities.length > MAX_ACTIVITIES_PER_PUSH) {
    return { ok: false, reason: 'too_many_items', count: activities.length };
  }
  return { ok: true, items: activities.map((raw, index) => validateActivity(raw, index)) };
}

function validateActivity(raw: unknown, index: number): ItemValidation {
  const at = ['activities', index];
  const id =
    typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
      ? (raw as { id: string }).id
      : null;
  const reject = (errors: FieldError[]): ItemValidation => ({
    index,
    ok: false,
    id: id !== null && id.length <= 255 ? id : null,
    errors: limitErrors(errors, MAX_ERRORS_PER_ITEM, formatPath(at))
  });

  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return reject([{ path: formatPath(at), message: 'must be an object' }]);
  }
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !(ACTIVITY_TYPES as readonly string[]).includes(type)) {
    return reject([
      {
        path: formatPath([...at, 'type']),
        message: type === undefined ? 'is required' : `must be one of: ${ACTIVITY_TYPES.join(', ')}`
      }
    ]);
  }
  const schema = activitySchemas[type as keyof typeof activitySchemas];
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return reject(toFieldErrors(parsed.error.issues, at));
  return { index, ok: true, activity: parsed.data, contentHash: activityContentHash(parsed.data) };
}
