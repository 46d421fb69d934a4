// webhook_secrets: each tenant's Standard Webhooks signing secrets, sealed by the token cipher. Several can be
// active at once during a rotation; a signature made with any of them is accepted.
import { randomBytes } from 'node:crypto';
import type { StoreContext } from '../context.ts';

const context = (tenantId: string, secretId: string) => `tenant:${tenantId}:webhook_secret:${secretId}`;

export interface WebhookSecretRecord {
  secretId: string;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
}

export function createWebhookSecretRepository(ctx: StoreContext) {
  return {
    async insert(tenantId: string, secret: string): Promise<string> {
      const secretId = `whk_${randomBytes(8).toString('hex')}`;
      await ctx.db
        .insertInto('webhook_secrets')
        .values({
          secret_id: secretId,
          tenant_id: tenantId,
          secret_ciphertext: ctx.cipher.encrypt(secret, context(tenantId, secretId)),
          created_at: ctx.clock(),
          expires_at: null,
          revoked_at: null
        })
        .execute();
      return secretId;
    },

    /** The tenant's usable secrets, decrypted, newest first. */
    async listActive(tenantId: string): Promise<string[]> {
      const now = ctx.clock();
      const rows = await ctx.db
        .selectFrom('webhook_secrets')
        .select(['secret_id', 'secret_ciphertext'])
        .where('tenant_id', '=', tenantId)
        .where('revoked_at', 'is', null)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map((row) => ctx.cipher.decrypt(row.secret_ciphertext, context(tenantId, row.secret_id)));
    },

    async listForTenant(tenantId: string): Promise<WebhookSecretRecord[]> {
      const rows = await ctx.db
        .selectFrom('webhook_secrets')
        .select(['secret_id', 'created_at', 'expires_at', 'revoked_at'])
        .where('tenant_id', '=', tenantId)
        .orderBy('created_at')
        .execute();
      return rows.map((row) => ({
        secretId: row.secret_id,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        revokedAt: row.revoked_at
      }));
    },

    /** Re-encrypts, under the current primary key, every secret sealed with an older one; returns how many. */
    async reseal(): Promise<number> {
      const rows = await ctx.db
        .selectFrom('webhook_secrets')
        .select(['secret_id', 'tenant_id', 'secret_ciphertext'])
        .execute();
      let resealed = 0;
      for (const row of rows) {
        if (!ctx.cipher.needsReencryption(row.secret_ciphertext)) continue;
        const where = context(row.tenant_id, row.secret_id);
        const result = await ctx.db
          .updateTable('webhook_secrets')
          .set({ secret_ciphertext: ctx.cipher.encrypt(ctx.cipher.decrypt(row.secret_ciphertext, where), where) })
          .where('secret_id', '=', row.secret_id)
          .where('secret_ciphertext', '=', row.secret_ciphertext)
          .executeTakeFirst();
        resealed += Number(result.numUpdatedRows);
      }
      return resealed;
    },

    /** Makes every usable secret of the tenant (but `keep`) stop working at `at`. */
    async expireOthers(tenantId: string, keep: string, at: number): Promise<number> {
      const now = ctx.clock();
      const result = await ctx.db
        .updateTable('webhook_secrets')
        .set({ expires_at: at })
        .where('tenant_id', '=', tenantId)
        .where('secret_id', '!=', keep)
        .where('revoked_at', 'is', null)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    }
  };
}

export type WebhookSecretRepository = ReturnType<typeof createWebhookSecretRepository>;
