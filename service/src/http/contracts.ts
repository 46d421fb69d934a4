// The API's typed contracts: what each route takes and answers. Handlers and tests are typed from these, and
// service/openapi.yaml documents the same shapes (the OpenAPI test checks responses against it).
import type { ActivityError, SalesforceRecordRef } from '../store/repositories/activities.ts';
import type { ActivityStatus } from '../store/schema.ts';
import type { FieldError } from '../validation/issues.ts';

export type PushItemResult =
  | { index: number; id: string; status: 'queued' | 'updated' | 'duplicate'; version: number }
  | { index: number; id: string | null; status: 'rejected'; errors: FieldError[] };

/** 202 answer of POST /v1/activities. */
export interface PushActivitiesResponse {
  summary: { queued: number; updated: number; duplicate: number; rejected: number };
  results: PushItemResult[];
}

/** 200 answer of GET /v1/activities/{id}. */
export interface ActivityStatusResponse {
  id: string;
  type: string;
  status: ActivityStatus;
  version: number;
  attempts: number;
  receivedAt: string;
  updatedAt: string;
  processedAt: string | null;
  /** The Salesforce records the activity was logged as (kept when a later version is re-queued). */
  salesforceRecords?: SalesforceRecordRef[];
  /** skipped: the logging rule that skipped it. */
  skip?: { rule: string; reason?: string };
  /** retrying: when the next attempt is due. */
  nextAttemptAt?: string;
  /** retrying: the last failure; failed: Salesforce's error. */
  lastError?: ActivityError;
}

export interface HealthResponse {
  status: 'ok';
}

export interface ReadyResponse {
  status: 'ready';
  checks: { store: 'ok'; migrations: 'ok' };
}
