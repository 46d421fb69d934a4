// The value written to a Task's External Activity ID: unique per tenant in an org, so two tenants (two platform
// accounts) connected to the same org can never upsert each other's records, and never longer than the field's
// 255 characters. The tenant id prefixes the platform's activity id; a combination that would be too long is
// replaced by a hash of it (stable, so re-pushes still find the same record).
import { createHash } from 'node:crypto';

export const EXTERNAL_ID_MAX = 255;

export function externalActivityId(tenantId: string, activityId: string): string {
  const plain = `${tenantId}:${activityId}`;
  if (plain.length <= EXTERNAL_ID_MAX) return plain;
  return `${tenantId}:sha256:${createHash('sha256').update(activityId, 'utf8').digest('hex')}`;
}
