// The inbox worker: finds tenants with due work, claims a micro-batch per tenant through the inbox (which leases the
// tenant, so one org is written by one worker at a time), hands it to the writer, and completes each item.
//
// - A batch goes when it is full (WORKER_BATCH_SIZE) or when its oldest item has waited WORKER_BATCH_WAIT_MS.
// - A tenant without a working connection, or whose API budget is spent, is paused before anything is claimed, so
//   waiting never costs an item an attempt.
// - Transient failures are retried with exponential backoff and jitter; after WORKER_MAX_ATTEMPTS an item is
//   dead-lettered (failed), replayable with `npm run admin -- replay`. Nothing is retried forever.
// - stop() lets the current batches finish (up to the shutdown timeout), then releases what is still held.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Config } from '../config/config.ts';
import type { Logger } from '../logging/logger.ts';
import type { Metrics } from '../metrics/metrics.ts';
import {
  ApiBudgetExhaustedError,
  SalesforceConnectionBrokenError,
  SalesforceNotConnectedError
} from '../salesforce/errors.ts';
import type { SalesforceAccess } from '../salesforce/salesforceAccess.ts';
import type { BackgroundTask } from '../service.ts';
import type { Claim, ItemOutcome } from '../store/inbox.ts';
import type { Store } from '../store/store.ts';
import { retryDelayMs } from './backoff.ts';
import type { ActivityWriter, PauseKind } from './writer.ts';

/** How long a tenant without a usable connection waits before the worker looks again (a connect lifts it). */
export const NOT_CONNECTED_PAUSE_MS = 60_000;
const API_CALL_PRUNE_INTERVAL_MS = 60 * 60_000;
/**
 * A refresh token unused for this long is used once (a refresh), so a quiet tenant's token never reaches the
 * 30-day idle expiry an External Client App may set; checked hourly, a few tenants per pass.
 */
export const REFRESH_TOKEN_KEEPALIVE_MS = 7 * 24 * 3_600_000;
const KEEPALIVE_INTERVAL_MS = 60 * 60_000;
const KEEPALIVE_TENANTS_PER_PASS = 20;

export interface InboxWorkerOptions {
  config: Config;
  store: Store;
  logger: Logger;
  metrics: Metrics;
  access: SalesforceAccess;
  writer: ActivityWriter;
  workerId?: string;
  random?: () => number;
}

export function newWorkerId(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

export function startInboxWorker(options: InboxWorkerOptions): BackgroundTask {
  const { config, store, metrics, access, writer } = options;
  const settings = config.worker;
  const workerId = options.workerId ?? newWorkerId();
  const random = options.random ?? Math.random;
  const log = options.logger.child({ component: 'worker', workerId });
  const inFlight = new Map<string, Promise<void>>();
  const activeClaims = new Set<Claim>();
  let stopping = false;
  let wake: (() => void) | undefined;
  let lastPrune = 0;
  let lastKeepAlive = 0;

  const sleepUnlessWoken = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wake = undefined;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      };
    });

  async function pause(tenantId: string, until: number, kind: PauseKind, reason: string): Promise<void> {
    await store.inbox.pauseTenant(tenantId, until, `${kind}: ${reason}`.slice(0, 500));
    metrics.tenantPauses.inc({ reason: kind });
    log.warn({ tenantId, kind, until: new Date(until).toISOString() }, 'tenant paused');
  }

  async function processTenant(tenantId: string): Promise<void> {
    let org;
    try {
      org = await access.open(tenantId);
    } catch (error) {
      const now = store.clock();
      if (error instanceof ApiBudgetExhaustedError) {
        await pause(
          tenantId,
          error.resumeAt,
          error.reason === 'budget' ? 'api_budget' : 'request_limit',
          error.message
        );
      } else if (error instanceof SalesforceNotConnectedError) {
        await pause(tenantId, now + NOT_CONNECTED_PAUSE_MS, 'not_connected', error.message);
      } else if (error instanceof SalesforceConnectionBrokenError) {
        await pause(tenantId, now + NOT_CONNECTED_PAUSE_MS, 'connection_error', error.message);
      } else {
        throw error;
      }
      return;
    }

    const started = process.hrtime.bigint();
    const claimed = await store.inbox.claimBatch({
      tenantId,
      workerId,
      maxItems: settings.batchSize,
      leaseMs: settings.leaseMs,
      maxAttempts: settings.maxAttempts
    });
    if ('deadLettered' in claimed && claimed.deadLettered.length > 0) {
      metrics.workerItems.inc({ outcome: 'failed' }, claimed.deadLettered.length);
      log.warn({ tenantId, activityIds: claimed.deadLettered }, 'dead-lettered items whose worker never finished');
    }
    if (claimed.status !== 'claimed') {
      await org.close();
      return;
    }
    const claim = claimed.claim;
    activeClaims.add(claim);
    const renewal = setInterval(
      () => {
        store.inbox
          .renewLease(claim, settings.leaseMs)
          .catch((err: unknown) => log.warn({ err }, 'lease renewal failed'));
      },
      Math.max(1_000, Math.floor(settings.leaseMs / 3))
    );
    renewal.unref();
    const batchLog = log.child({ tenantId, claimId: claim.claimId });
    let pauseRequest: { until: number; reason: string; kind: PauseKind } | undefined;
    try {
      const outcomes: ItemOutcome[] = [];
      try {
        const result = await writer.write(claim.items, { tenantId, org, log: batchLog });
        pauseRequest = result.pause;
        const now = store.clock();
        for (const item of claim.items) {
          const outcome = result.outcomes.get(item.activityId);
          if (!outcome) continue;
          const base = { activityId: item.activityId, version: item.version };
          if (outcome.status !== 'transient') {
            outcomes.push({ ...base, ...outcome });
          } else if (item.attempt >= settings.maxAttempts) {
            outcomes.push({
              ...base,
              status: 'failed',
              error: {
                ...outcome.error,
                message: `${outcome.error.message} (gave up after ${item.attempt} attempts)`.slice(0, 1100)
              }
            });
          } else {
            const delay = retryDelayMs(item.attempt, settings.retryBaseMs, settings.retryMaxMs, random);
            outcomes.push({ ...base, status: 'retrying', nextAttemptAt: now + delay, error: outcome.error });
          }
        }
      } catch (error) {
        // A bug, not Salesforce: count the attempt so a poisonous item ends in the dead letters, not in a loop.
        batchLog.error({ err: error }, 'the writer failed unexpectedly');
        const now = store.clock();
        for (const item of claim.items) {
          const failure = { code: 'internal_error', message: 'the worker failed while writing this batch' };
          outcomes.push(
            item.attempt >= settings.maxAttempts
              ? { activityId: item.activityId, version: item.version, status: 'failed', error: failure }
              : {
                  activityId: item.activityId,
                  version: item.version,
                  status: 'retrying',
                  nextAttemptAt: now + retryDelayMs(item.attempt, settings.retryBaseMs, settings.retryMaxMs, random),
                  error: failure
                }
          );
        }
      }

      const completion = await store.inbox.complete(claim, outcomes);
      const byStatus: Record<string, string[]> = {};
      for (const outcome of outcomes) {
        if (!completion.applied.includes(outcome.activityId)) continue;
        (byStatus[outcome.status] ??= []).push(outcome.activityId);
      }
      for (const [status, ids] of Object.entries(byStatus)) metrics.workerItems.inc({ outcome: status }, ids.length);
      if (completion.stale.length > 0) metrics.workerItems.inc({ outcome: 'stale' }, completion.stale.length);
      batchLog.info(
        {
          items: claim.items.length,
          ...byStatus,
          ...(completion.stale.length > 0 ? { stale: completion.stale } : {}),
          apiCalls: org.callsMade
        },
        'batch written'
      );
    } finally {
      clearInterval(renewal);
      // The batch's API usage is recorded before the pause it may have led to, so readers never see a pause
      // with the usage of an earlier batch; both before the lease goes, so no other worker starts in between.
      await org.close().catch((err: unknown) => batchLog.warn({ err }, 'recording the API usage failed'));
      if (pauseRequest) await pause(tenantId, pauseRequest.until, pauseRequest.kind, pauseRequest.reason);
      // Items without a result were never attempted (the batch stopped for the budget or a broken connection).
      const { requeued } = await store.inbox.releaseLease(claim, { notAttempted: true });
      if (requeued.length > 0) metrics.workerItems.inc({ outcome: 'released' }, requeued.length);
      activeClaims.delete(claim);
      metrics.workerBatchDuration.observe(Number(process.hrtime.bigint() - started) / 1e9);
    }
  }

  /** Refreshes tokens that have idled for a week (each under its tenant's refresh lock, so replicas agree). */
  async function keepRefreshTokensAlive(now: number): Promise<void> {
    const usedBefore = now - REFRESH_TOKEN_KEEPALIVE_MS;
    const idle = await store.salesforceConnections.listIdleRefreshTokens(usedBefore, KEEPALIVE_TENANTS_PER_PASS);
    for (const tenantId of idle) {
      if (stopping) return;
      try {
        await access.keepAlive(tenantId, usedBefore);
      } catch (error) {
        // A refused token has marked the connection (the admin sees "reconnect"); anything else is tried next pass.
        if (!(error instanceof SalesforceConnectionBrokenError)) {
          log.warn({ tenantId, err: error }, 'keeping an idle refresh token alive failed');
        }
      }
    }
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      let wait = settings.pollIntervalMs;
      try {
        const now = store.clock();
        if (now - lastPrune > API_CALL_PRUNE_INTERVAL_MS) {
          lastPrune = now;
          await store.salesforceApiCalls.prune();
        }
        if (now - lastKeepAlive > KEEPALIVE_INTERVAL_MS) {
          lastKeepAlive = now;
          await keepRefreshTokensAlive(now);
        }
        const tenants = await store.inbox.findTenantsWithDueWork({ limit: settings.concurrency * 4 });
        for (const tenant of tenants) {
          if (stopping || inFlight.size >= settings.concurrency) break;
          if (inFlight.has(tenant.tenantId)) continue;
          const waited = store.clock() - tenant.oldestDueAt;
          if (tenant.dueCount < settings.batchSize && waited < settings.batchWaitMs) {
            wait = Math.min(wait, settings.batchWaitMs - waited);
            continue;
          }
          const run = processTenant(tenant.tenantId)
            .catch((error: unknown) => log.error({ err: error, tenantId: tenant.tenantId }, 'batch failed'))
            .finally(() => {
              inFlight.delete(tenant.tenantId);
              wake?.();
            });
          inFlight.set(tenant.tenantId, run);
        }
      } catch (error) {
        log.error({ err: error }, 'looking for due work failed');
      }
      if (!stopping) await sleepUnlessWoken(Math.max(5, wait));
    }
  }

  log.info(
    { batchSize: settings.batchSize, batchWaitMs: settings.batchWaitMs, concurrency: settings.concurrency },
    'worker started'
  );
  const running = loop();

  return {
    name: 'inbox-worker',
    async stop() {
      stopping = true;
      wake?.();
      await running;
      const finished = Promise.allSettled([...inFlight.values()]).then(() => 'finished' as const);
      const timeout = new Promise<'timeout'>((resolve) =>
        setTimeout(() => resolve('timeout'), config.http.shutdownTimeoutMs).unref()
      );
      if ((await Promise.race([finished, timeout])) === 'timeout') {
        // Still writing: give the items back now; a late completion of these claims is ignored (stale).
        for (const claim of activeClaims) {
          await store.inbox.releaseLease(claim).catch((err: unknown) => log.warn({ err }, 'release failed'));
        }
        log.warn({ claims: activeClaims.size }, 'stopped with batches in flight; their items were released');
      }
      log.info('worker stopped');
    }
  };
}
