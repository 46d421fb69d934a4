// webhook_receipts: the webhook-ids already accepted per tenant, so a captured signed request cannot be replayed.
// A receipt only needs to outlive the timestamp tolerance: an older request fails the timestamp check anyway.
import type { StoreContext } from '../context.ts';
import { WEBHOOK_TOLERANCE_SECONDS } from '../../crypto/webhookSignatures.ts';

const RETENTION_MS = 2 * WEBHOOK_TOLERANCE_SECONDS * 1000;

export function createWebhookReceiptRepository(ctx: StoreContext) {
  return {
    /** Records the id; false when this tenant already used it (a replay). Call inside the intake transaction. */
    async record(tenantId: string, webhookId: string): Promise<boolean> {
      const now = ctx.clock();
      const inserted = await ctx.db
        .insertInto('webhook_receipts')
        .values({ tenant_id: tenantId, webhook_id: webhookId, received_at: now })
        .onConflict((oc) => oc.columns(['tenant_id', 'webhook_id']).doNothing())
        .returning('webhook_id')
        .executeTakeFirst();
      return inserted !== undefined;
    },

    /** Forgets receipts older than twice the tolerance window. */
    async prune(): Promise<number> {
      const result = await ctx.db
        .deleteFrom('webhook_receipts')
        .where('received_at', '<', ctx.clock() - RETENTION_MS)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    }
  };
}

export type WebhookReceiptRepository = ReturnType<typeof createWebhookReceiptRepository>;
