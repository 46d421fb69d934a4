// Prometheus metrics. One registry per service instance (tests run several side by side). Labels never carry
// tenant ids, org ids or anything a person typed: only routes, methods, statuses and outcomes.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const INBOX_STATUSES = ['queued', 'processing', 'retrying', 'logged', 'skipped', 'failed'] as const;

export interface Metrics {
  readonly registry: Registry;
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route'>;
  readonly pushItems: Counter<'outcome'>;
  readonly authFailures: Counter<'code'>;
  readonly inboxItems: Gauge<'status'>;
  readonly salesforceCalls: Counter<'operation' | 'outcome'>;
  readonly salesforceTokenRefreshes: Counter<'outcome'>;
  readonly oauthConnects: Counter<'outcome'>;
  readonly tenantPauses: Counter<'reason'>;
  readonly workerItems: Counter<'outcome'>;
  readonly workerBatchDuration: Histogram;
}

export interface MetricsOptions {
  /** Read at a scrape for the inbox depth gauge; a failure leaves the previous values in place. */
  countInboxByStatus?: () => Promise<Record<string, number>>;
  /**
   * How long one count serves later scrapes (0: count at every scrape). The count is a GROUP BY over the whole
   * inbox, so several scrapers (or a scraper gone wild) share one count per period instead of one each.
   */
  inboxCountMaxAgeMs?: number;
  clock?: () => number;
  /** Process metrics (CPU, memory, event loop); off in tests to keep scrapes small. */
  processMetrics?: boolean;
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'switchboard_' });
  const countInbox = options.countInboxByStatus;
  const maxAgeMs = options.inboxCountMaxAgeMs ?? 0;
  const clock = options.clock ?? Date.now;
  let lastCount: { at: number; counts: Promise<Record<string, number>> } | undefined;
  // Concurrent scrapes share the count in flight; a failed count is not kept, so the next scrape tries again.
  const inboxCounts = (count: () => Promise<Record<string, number>>) => {
    const now = clock();
    if (!lastCount || now - lastCount.at >= maxAgeMs) {
      const counts = count();
      const entry = { at: now, counts };
      lastCount = entry;
      counts.catch(() => {
        if (lastCount === entry) lastCount = undefined;
      });
    }
    return lastCount.counts;
  };
  return {
    registry,
    httpRequests: new Counter({
      name: 'switchboard_http_requests_total',
      help: 'HTTP requests answered, by method, route template and status code.',
      labelNames: ['method', 'route', 'status'],
      registers: [registry]
    }),
    httpDuration: new Histogram({
      name: 'switchboard_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method and route template.',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry]
    }),
    pushItems: new Counter({
      name: 'switchboard_push_items_total',
      help: 'Activities received by POST /v1/activities, by outcome (queued, updated, duplicate, rejected).',
      labelNames: ['outcome'],
      registers: [registry]
    }),
    authFailures: new Counter({
      name: 'switchboard_auth_failures_total',
      help: 'Requests refused for their credentials, by error code.',
      labelNames: ['code'],
      registers: [registry]
    }),
    inboxItems: new Gauge({
      name: 'switchboard_inbox_items',
      help: 'Activities in the inbox, by status (read from the store at a scrape, at most once per few seconds).',
      labelNames: ['status'],
      registers: [registry],
      async collect() {
        if (!countInbox) return;
        try {
          const counts = await inboxCounts(countInbox);
          for (const status of INBOX_STATUSES) this.set({ status }, counts[status] ?? 0);
        } catch {
          // The store being down shows in /readyz; the scrape still answers with the last known values.
        }
      }
    }),
    salesforceCalls: new Counter({
      name: 'switchboard_salesforce_api_calls_total',
      help: 'Salesforce API calls made, by operation (query, search, upsert, …) and outcome (ok or the error code).',
      labelNames: ['operation', 'outcome'],
      registers: [registry]
    }),
    salesforceTokenRefreshes: new Counter({
      name: 'switchboard_salesforce_token_refreshes_total',
      help: 'Access-token refreshes, by outcome: refreshed, adopted (another replica had refreshed), failed, error.',
      labelNames: ['outcome'],
      registers: [registry]
    }),
    oauthConnects: new Counter({
      name: 'switchboard_oauth_connects_total',
      help: 'OAuth connect attempts, by outcome: started, connected, refused (bad state, denied consent, …), failed.',
      labelNames: ['outcome'],
      registers: [registry]
    }),
    tenantPauses: new Counter({
      name: 'switchboard_tenant_pauses_total',
      help: 'Times a tenant was paused, by reason: api_budget, request_limit, not_connected, connection_error.',
      labelNames: ['reason'],
      registers: [registry]
    }),
    workerItems: new Counter({
      name: 'switchboard_worker_items_total',
      help: 'Activities the worker finished with, by outcome: logged, skipped, retrying, failed, stale, released.',
      labelNames: ['outcome'],
      registers: [registry]
    }),
    workerBatchDuration: new Histogram({
      name: 'switchboard_worker_batch_duration_seconds',
      help: 'Time from claiming a micro-batch to completing it.',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry]
    })
  };
}
