// The seam between the worker and the logging rules: the worker claims a micro-batch of one tenant and hands it to
// an ActivityWriter, which says what became of each item. Retry timing and dead-lettering stay with the worker.
import type { Logger } from '../logging/logger.ts';
import type { TenantOrg } from '../salesforce/salesforceAccess.ts';
import type { ClaimedActivity } from '../store/inbox.ts';
import type { ActivityError, SalesforceRecordRef } from '../store/repositories/activities.ts';

export type WriteOutcome =
  | { status: 'logged'; records: SalesforceRecordRef[] }
  /** Deliberately not written: `rule` names the logging rule that decided so. */
  | { status: 'skipped'; rule: string; reason?: string }
  /** Worth trying again later (503, row lock, network): the worker schedules the retry or dead-letters it. */
  | { status: 'transient'; error: ActivityError }
  /** Salesforce refused the record itself (validation rule, bad value): retrying cannot help. */
  | { status: 'failed'; error: ActivityError };

export interface WriteContext {
  tenantId: string;
  org: TenantOrg;
  log: Logger;
}

export interface WriteResult {
  /** Keyed by activity id. An item without an outcome was not attempted and goes back to the queue. */
  outcomes: Map<string, WriteOutcome>;
  /** The tenant must wait: its API budget is spent, or its connection broke mid-batch. */
  pause?: { until: number; reason: string; kind: PauseKind };
}

export type PauseKind = 'api_budget' | 'request_limit' | 'connection_error' | 'not_connected';

export interface ActivityWriter {
  write(items: ClaimedActivity[], context: WriteContext): Promise<WriteResult>;
}
