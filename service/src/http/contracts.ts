// The API's typed contracts: what each route takes and answers. Handlers and tests are typed from these, and
// service/openapi.yaml documents the same shapes (the OpenAPI test checks responses against it).
import type { ActivityError, SalesforceRecordRef } from '../store/repositories/activities.ts';
import type { SalesforceEnvironment } from '../store/repositories/salesforceConnections.ts';
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

/** 201 answer of POST /v1/salesforce/connect-links. */
export interface ConnectLinkResponse {
  /** Open it in a browser to connect the org; it works once. */
  url: string;
  expiresAt: string;
}

interface ConnectionDetails {
  orgId: string;
  userId: string;
  instanceUrl: string;
  environment: SalesforceEnvironment;
  loginHost: string;
  connectedAt: string;
  /**
   * When the refresh token was last used (the connect, or a refresh). The worker uses a token idle for a week, so
   * it never reaches the 30-day idle expiry an External Client App may set; a much older date means no worker ran.
   */
  refreshTokenUsedAt: string;
  /** The org's API usage as Salesforce last reported it. */
  apiUsage?: { used: number; limit: number; at: string };
  /** Work for the tenant is held back until this time (its API budget is spent, or it was not connected). */
  pausedUntil?: string;
  pauseReason?: string;
}

/** 200 answer of GET /v1/salesforce/connection: never a secret. */
export type ConnectionStatusResponse =
  | ({ status: 'connected' } & ConnectionDetails)
  | ({ status: 'error'; error: { code: string; message: string; at: string } } & ConnectionDetails)
  | { status: 'not_connected'; pausedUntil?: string; pauseReason?: string };

/** 200 answer of DELETE /v1/salesforce/connection. */
export interface DisconnectResponse {
  status: 'not_connected';
  /** Whether Salesforce confirmed the revocation (false: it was already dead there, or unreachable). */
  revokedAtSalesforce: boolean;
}
