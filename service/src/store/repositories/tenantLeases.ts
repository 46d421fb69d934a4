// tenant_leases: at most one claim (one batch of one worker) writes to a tenant's org at a time, and a tenant
// whose Salesforce API allowance is spent is paused. A lease that is not renewed expires, so a crashed worker
// never holds a tenant for longer than the lease time.
import type { StoreContext } from '../context.ts';

export type LeaseAcquisition =
  | { acquired: true; expiresAt: number }
  | { acquired: false; reason: 'busy'; holderWorkerId: string | null; expiresAt: number | null }
  | { acquired: false; reason: 'paused'; until: number; pauseReason: string | null };

export interface TenantPause {
  until: number;
  reason: string | null;
}

export function createTenantLeaseRepository(ctx: StoreContext) {
  return {
    /** Takes the tenant for `claimId` unless another claim holds an unexpired lease or the tenant is paused. */
    async acquire(tenantId: string, claimId: string, workerId: string, leaseMs: number): Promise<LeaseAcquisition> {
      const now = ctx.clock();
      const expiresAt = now + leaseMs;
      const taken = await ctx.db
        .insertInto('tenant_leases')
        .values({
          tenant_id: tenantId,
          holder: claimId,
          worker_id: workerId,
          lease_expires_at: expiresAt,
          paused_until: null,
          pause_reason: null
        })
        .onConflict((oc) =>
          oc
            .column('tenant_id')
            .doUpdateSet({ holder: claimId, worker_id: workerId, lease_expires_at: expiresAt })
            .where((eb) =>
              eb.and([
                eb.or([eb('tenant_leases.holder', 'is', null), eb('tenant_leases.lease_expires_at', '<=', now)]),
                eb.or([eb('tenant_leases.paused_until', 'is', null), eb('tenant_leases.paused_until', '<=', now)])
              ])
            )
        )
        .returning('tenant_id')
        .executeTakeFirst();
      if (taken) return { acquired: true, expiresAt };

      const row = await ctx.db
        .selectFrom('tenant_leases')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .executeTakeFirstOrThrow();
      if (row.paused_until !== null && row.paused_until > now) {
        return { acquired: false, reason: 'paused', until: row.paused_until, pauseReason: row.pause_reason };
      }
      return { acquired: false, reason: 'busy', holderWorkerId: row.worker_id, expiresAt: row.lease_expires_at };
    },

    /** Extends the lease while `claimId` still holds it; false when another claim has taken the tenant. */
    async renew(tenantId: string, claimId: string, leaseMs: number): Promise<number | undefined> {
      const expiresAt = ctx.clock() + leaseMs;
      const result = await ctx.db
        .updateTable('tenant_leases')
        .set({ lease_expires_at: expiresAt })
        .where('tenant_id', '=', tenantId)
        .where('holder', '=', claimId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1 ? expiresAt : undefined;
    },

    async release(tenantId: string, claimId: string): Promise<boolean> {
      const result = await ctx.db
        .updateTable('tenant_leases')
        .set({ holder: null, worker_id: null, lease_expires_at: null })
        .where('tenant_id', '=', tenantId)
        .where('holder', '=', claimId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** No claims for the tenant before `until` (a later pause wins over an earlier one). */
    async pause(tenantId: string, until: number, reason: string): Promise<void> {
      await ctx.db
        .insertInto('tenant_leases')
        .values({
          tenant_id: tenantId,
          holder: null,
          worker_id: null,
          lease_expires_at: null,
          paused_until: until,
          pause_reason: reason
        })
        .onConflict((oc) =>
          oc
            .column('tenant_id')
            .doUpdateSet({ paused_until: until, pause_reason: reason })
            .where((eb) =>
              eb.or([eb('tenant_leases.paused_until', 'is', null), eb('tenant_leases.paused_until', '<', until)])
            )
        )
        .execute();
    },

    /** Lifts a pause at once (the tenant reconnected its org); true when one was in force. */
    async resume(tenantId: string): Promise<boolean> {
      const result = await ctx.db
        .updateTable('tenant_leases')
        .set({ paused_until: null, pause_reason: null })
        .where('tenant_id', '=', tenantId)
        .where('paused_until', '>', ctx.clock())
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async getPause(tenantId: string): Promise<TenantPause | undefined> {
      const row = await ctx.db
        .selectFrom('tenant_leases')
        .select(['paused_until', 'pause_reason'])
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst();
      if (!row || row.paused_until === null || row.paused_until <= ctx.clock()) return undefined;
      return { until: row.paused_until, reason: row.pause_reason };
    }
  };
}

export type TenantLeaseRepository = ReturnType<typeof createTenantLeaseRepository>;
