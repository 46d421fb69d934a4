// The worker's side of the inbox. A worker asks which tenants have due work, claims a micro-batch of one tenant
// (taking that tenant's lease, so one org is written by one worker at a time), writes it to Salesforce, then
// completes each item and releases the lease. Every completion is guarded by the claim and the version it was
// claimed at: an item re-pushed mid-flight stays queued with its new version instead of being overwritten.
//
// Item states: queued → processing → logged | skipped | retrying (→ processing again when due) | failed.
// A crashed worker's lease and claimed items become claimable again when the lease expires.
import { randomBytes } from 'node:crypto';
import type { StoreContext } from './context.ts';
import { inTransaction, parseJson } from './context.ts';
import type { ActivityError, ActivityRecord, SalesforceRecordRef } from './repositories/activities.ts';
import { toActivityRecord } from './repositories/activities.ts';
import { createTenantLeaseRepository } from './repositories/tenantLeases.ts';
import type { TenantPause } from './repositories/tenantLeases.ts';

export interface ClaimedActivity {
  activityId: string;
  type: string;
  /** The version this claim covers; pass it back when completing. */
  version: number;
  /** 1 on the first claim of this version; compare with the configured maximum before retrying. */
  attempt: number;
  payload: unknown;
  /** Records an earlier version was logged as: late data (summary, recording) merges into them. */
  salesforceRecords?: SalesforceRecordRef[];
  receivedAt: number;
  updatedAt: number;
}

export interface Claim {
  claimId: string;
  tenantId: string;
  workerId: string;
  leaseExpiresAt: number;
  items: ClaimedActivity[];
}

export type ClaimResult =
  | { status: 'claimed'; claim: Claim; deadLettered: string[] }
  /** Nothing was due; the lease was not kept. Items may still have been dead-lettered. */
  | { status: 'empty'; deadLettered: string[] }
  | { status: 'busy'; holderWorkerId: string | null; leaseExpiresAt: number | null }
  | { status: 'paused'; until: number; reason: string | null };

export interface ClaimRequest {
  tenantId: string;
  workerId: string;
  maxItems: number;
  leaseMs: number;
  /**
   * Items whose claim expired (their worker stopped) after this many attempts are dead-lettered instead of
   * claimed again, so an activity that crashes workers cannot loop forever.
   */
  maxAttempts?: number;
}

export type ItemOutcome = { activityId: string; version: number } & (
  | { status: 'logged'; records: SalesforceRecordRef[] }
  | { status: 'skipped'; rule: string; reason?: string }
  | { status: 'retrying'; nextAttemptAt: number; error: ActivityError }
  | { status: 'failed'; error: ActivityError }
);

export interface CompletionResult {
  applied: string[];
  /** Items no longer held by this claim at this version (re-pushed, or reclaimed after the lease expired). */
  stale: string[];
}

export interface TenantWithDueWork {
  tenantId: string;
  dueCount: number;
  oldestDueAt: number;
}

export type ReplaySelection = { activityIds: string[] } | { allFailed: true };

const ATTEMPTS_EXHAUSTED = (attempts: number): ActivityError => ({
  code: 'attempts_exhausted',
  message: `processing stopped without a result ${attempts} times (worker crash or timeout); replay it once the cause is fixed`
});

export function createInbox(ctx: StoreContext) {
  const leases = createTenantLeaseRepository(ctx);

  return {
    /** Tenants with items due now that are neither leased by a live claim nor paused, oldest work first. */
    async findTenantsWithDueWork(options: { limit: number }): Promise<TenantWithDueWork[]> {
      const now = ctx.clock();
      const rows = await ctx.db
        .selectFrom('activities as a')
        .leftJoin('tenant_leases as l', 'l.tenant_id', 'a.tenant_id')
        .select((eb) => [
          'a.tenant_id',
          eb.fn.countAll<number>().as('due_count'),
          eb.fn.min<number>('a.due_at').as('oldest_due_at')
        ])
        .where('a.due_at', '<=', now)
        .where((eb) =>
          eb.or([
            eb('l.tenant_id', 'is', null),
            eb.and([
              eb.or([eb('l.holder', 'is', null), eb('l.lease_expires_at', '<=', now)]),
              eb.or([eb('l.paused_until', 'is', null), eb('l.paused_until', '<=', now)])
            ])
          ])
        )
        .groupBy('a.tenant_id')
        .orderBy('oldest_due_at')
        .limit(options.limit)
        .execute();
      return rows.map((row) => ({
        tenantId: row.tenant_id,
        dueCount: Number(row.due_count),
        oldestDueAt: Number(row.oldest_due_at)
      }));
    },

    /**
     * Takes the tenant's lease and up to `maxItems` due items (queued; retrying whose time has come; processing
     * whose claim expired). On PostgreSQL the rows are read FOR UPDATE SKIP LOCKED, so replicas never wait on or
     * double-claim each other's rows.
     */
    async claimBatch(request: ClaimRequest): Promise<ClaimResult> {
      return inTransaction(ctx, async (trx) => {
        const now = trx.clock();
        const claimId = `clm_${randomBytes(12).toString('hex')}`;
        const lease = await createTenantLeaseRepository(trx).acquire(
          request.tenantId,
          claimId,
          request.workerId,
          request.leaseMs
        );
        if (!lease.acquired) {
          return lease.reason === 'paused'
            ? { status: 'paused', until: lease.until, reason: lease.pauseReason }
            : { status: 'busy', holderWorkerId: lease.holderWorkerId, leaseExpiresAt: lease.expiresAt };
        }

        const due = await trx.db
          .selectFrom('activities')
          .select([
            'activity_id',
            'type',
            'version',
            'status',
            'attempts',
            'payload',
            'salesforce_records',
            'received_at',
            'updated_at'
          ])
          .where('tenant_id', '=', request.tenantId)
          .where('due_at', '<=', now)
          .orderBy('due_at')
          .orderBy('activity_id')
          .limit(request.maxItems)
          .$if(trx.engine === 'postgres', (qb) => qb.forUpdate().skipLocked())
          .execute();

        const exhausted = due.filter(
          (row) =>
            request.maxAttempts !== undefined && row.status === 'processing' && row.attempts >= request.maxAttempts
        );
        for (const row of exhausted) {
          await trx.db
            .updateTable('activities')
            .set({
              status: 'failed',
              due_at: null,
              claim_id: null,
              last_error: JSON.stringify(ATTEMPTS_EXHAUSTED(row.attempts)),
              processed_at: now
            })
            .where('tenant_id', '=', request.tenantId)
            .where('activity_id', '=', row.activity_id)
            .execute();
        }
        const deadLettered = exhausted.map((row) => row.activity_id);
        const claimable = due.filter((row) => !deadLettered.includes(row.activity_id));

        if (claimable.length === 0) {
          await createTenantLeaseRepository(trx).release(request.tenantId, claimId);
          return { status: 'empty', deadLettered };
        }

        await trx.db
          .updateTable('activities')
          .set((eb) => ({
            status: 'processing',
            claim_id: claimId,
            due_at: lease.expiresAt,
            attempts: eb('attempts', '+', 1)
          }))
          .where('tenant_id', '=', request.tenantId)
          .where(
            'activity_id',
            'in',
            claimable.map((row) => row.activity_id)
          )
          .execute();

        const items = claimable.map((row): ClaimedActivity => {
          const salesforceRecords = parseJson<SalesforceRecordRef[]>(row.salesforce_records);
          return {
            activityId: row.activity_id,
            type: row.type,
            version: row.version,
            attempt: row.attempts + 1,
            payload: JSON.parse(row.payload) as unknown,
            ...(salesforceRecords ? { salesforceRecords } : {}),
            receivedAt: row.received_at,
            updatedAt: row.updated_at
          };
        });
        return {
          status: 'claimed',
          claim: {
            claimId,
            tenantId: request.tenantId,
            workerId: request.workerId,
            leaseExpiresAt: lease.expiresAt,
            items
          },
          deadLettered
        };
      });
    },

    /** Records each item's result, in one transaction; only items this claim still holds at that version change. */
    async complete(claim: Claim, outcomes: ItemOutcome[]): Promise<CompletionResult> {
      return inTransaction(ctx, async (trx) => {
        const now = trx.clock();
        const result: CompletionResult = { applied: [], stale: [] };
        for (const outcome of outcomes) {
          const changes = (() => {
            const done = { claim_id: null, processed_at: now };
            switch (outcome.status) {
              case 'logged':
                return {
                  ...done,
                  status: 'logged' as const,
                  due_at: null,
                  salesforce_records: JSON.stringify(outcome.records),
                  last_error: null,
                  skip_rule: null,
                  skip_reason: null
                };
              case 'skipped':
                return {
                  ...done,
                  status: 'skipped' as const,
                  due_at: null,
                  skip_rule: outcome.rule,
                  skip_reason: outcome.reason ?? null,
                  last_error: null
                };
              case 'retrying':
                return {
                  ...done,
                  status: 'retrying' as const,
                  due_at: outcome.nextAttemptAt,
                  last_error: JSON.stringify(outcome.error)
                };
              case 'failed':
                return { ...done, status: 'failed' as const, due_at: null, last_error: JSON.stringify(outcome.error) };
            }
          })();
          const updated = await trx.db
            .updateTable('activities')
            .set(changes)
            .where('tenant_id', '=', claim.tenantId)
            .where('activity_id', '=', outcome.activityId)
            .where('version', '=', outcome.version)
            .where('claim_id', '=', claim.claimId)
            .where('status', '=', 'processing')
            .executeTakeFirst();
          (Number(updated.numUpdatedRows) === 1 ? result.applied : result.stale).push(outcome.activityId);
        }
        return result;
      });
    },

    /** Extends the lease and the claimed items' hold; false when the claim has lost the tenant. */
    async renewLease(claim: Claim, leaseMs: number): Promise<boolean> {
      return inTransaction(ctx, async (trx) => {
        const expiresAt = await createTenantLeaseRepository(trx).renew(claim.tenantId, claim.claimId, leaseMs);
        if (expiresAt === undefined) return false;
        await trx.db
          .updateTable('activities')
          .set({ due_at: expiresAt })
          .where('tenant_id', '=', claim.tenantId)
          .where('claim_id', '=', claim.claimId)
          .where('status', '=', 'processing')
          .execute();
        claim.leaseExpiresAt = expiresAt;
        return true;
      });
    },

    /**
     * Frees the tenant; items of this claim left without a result go back to the queue. Their attempt counts,
     * unless `notAttempted` says the worker never tried to write them (it paused before it could).
     */
    async releaseLease(claim: Claim, options: { notAttempted?: boolean } = {}): Promise<{ requeued: string[] }> {
      return inTransaction(ctx, async (trx) => {
        const requeued = await trx.db
          .updateTable('activities')
          .set((eb) => ({
            status: 'queued',
            due_at: trx.clock(),
            claim_id: null,
            ...(options.notAttempted ? { attempts: eb('attempts', '-', 1) } : {})
          }))
          .where('tenant_id', '=', claim.tenantId)
          .where('claim_id', '=', claim.claimId)
          .where('status', '=', 'processing')
          .returning('activity_id')
          .execute();
        await createTenantLeaseRepository(trx).release(claim.tenantId, claim.claimId);
        return { requeued: requeued.map((row) => row.activity_id) };
      });
    },

    /** Stops claims for the tenant until `until` (e.g. its daily API allowance resets). */
    async pauseTenant(tenantId: string, until: number, reason: string): Promise<void> {
      await leases.pause(tenantId, until, reason);
    },

    async getPause(tenantId: string): Promise<TenantPause | undefined> {
      return leases.getPause(tenantId);
    },

    /** Lifts a tenant's pause at once (its org was reconnected). */
    async resumeTenant(tenantId: string): Promise<boolean> {
      return leases.resume(tenantId);
    },

    /** Dead letters of a tenant, most recently failed first. */
    async listFailed(tenantId: string, options: { limit: number }): Promise<ActivityRecord[]> {
      const rows = await ctx.db
        .selectFrom('activities')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('status', '=', 'failed')
        .orderBy('processed_at', 'desc')
        .orderBy('activity_id')
        .limit(options.limit)
        .execute();
      return rows.map(toActivityRecord);
    },

    /** Puts dead letters back in the queue with fresh attempts. Ids that are not failed are reported, not touched. */
    async replay(tenantId: string, selection: ReplaySelection): Promise<{ replayed: string[]; notFailed: string[] }> {
      if ('activityIds' in selection && selection.activityIds.length === 0) return { replayed: [], notFailed: [] };
      return inTransaction(ctx, async (trx) => {
        const rows = await trx.db
          .updateTable('activities')
          .set({ status: 'queued', attempts: 0, due_at: trx.clock(), claim_id: null, last_error: null })
          .where('tenant_id', '=', tenantId)
          .where('status', '=', 'failed')
          .$if('activityIds' in selection, (qb) =>
            qb.where('activity_id', 'in', 'activityIds' in selection ? selection.activityIds : [])
          )
          .returning('activity_id')
          .execute();
        const replayed = rows.map((row) => row.activity_id).sort();
        const notFailed =
          'activityIds' in selection ? selection.activityIds.filter((id) => !replayed.includes(id)) : [];
        return { replayed, notFailed };
      });
    }
  };
}

export type Inbox = ReturnType<typeof createInbox>;
