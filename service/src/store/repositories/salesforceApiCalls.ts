// salesforce_api_calls: how many Salesforce API calls the service made for each tenant, per minute. The API budget
// sums the last 24 hours (Salesforce's allowance is a rolling 24-hour window) and, when the budget is spent, reads
// when enough old calls leave the window for work to resume. One row per tenant and minute keeps it small.
import type { StoreContext } from '../context.ts';

export const MINUTE_MS = 60_000;
export const API_WINDOW_MS = 24 * 60 * MINUTE_MS;

export interface MinuteCount {
  minuteStart: number;
  calls: number;
}

export function createSalesforceApiCallRepository(ctx: StoreContext) {
  return {
    async record(tenantId: string, calls: number): Promise<void> {
      if (calls <= 0) return;
      const minuteStart = Math.floor(ctx.clock() / MINUTE_MS) * MINUTE_MS;
      await ctx.db
        .insertInto('salesforce_api_calls')
        .values({ tenant_id: tenantId, minute_start: minuteStart, calls })
        .onConflict((oc) =>
          oc.columns(['tenant_id', 'minute_start']).doUpdateSet((eb) => ({
            calls: eb('salesforce_api_calls.calls', '+', calls)
          }))
        )
        .execute();
    },

    /** The tenant's calls in the rolling window ending now, oldest minute first. */
    async inWindow(tenantId: string): Promise<MinuteCount[]> {
      const since = ctx.clock() - API_WINDOW_MS;
      const rows = await ctx.db
        .selectFrom('salesforce_api_calls')
        .select(['minute_start', 'calls'])
        .where('tenant_id', '=', tenantId)
        .where('minute_start', '>', since - MINUTE_MS)
        .orderBy('minute_start')
        .execute();
      // A minute counts while any part of it is inside the window.
      return rows
        .filter((row) => row.minute_start + MINUTE_MS > since)
        .map((row) => ({ minuteStart: row.minute_start, calls: row.calls }));
    },

    /** Forgets minutes that left the window. */
    async prune(): Promise<number> {
      const result = await ctx.db
        .deleteFrom('salesforce_api_calls')
        .where('minute_start', '<=', ctx.clock() - API_WINDOW_MS - MINUTE_MS)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    }
  };
}

export type SalesforceApiCallRepository = ReturnType<typeof createSalesforceApiCallRepository>;
