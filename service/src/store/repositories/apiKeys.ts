// api_keys: hashed tenant API keys. A key works while it is neither revoked nor past its expiry (set when the key
// was rotated with a grace period).
import type { StoreContext } from '../context.ts';

export interface ApiKeyRecord {
  keyId: string;
  tenantId: string;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
}

export interface ActiveApiKey {
  keyId: string;
  tenantId: string;
  secretHash: string;
}

export function createApiKeyRepository(ctx: StoreContext) {
  const toRecord = (row: {
    key_id: string;
    tenant_id: string;
    created_at: number;
    expires_at: number | null;
    revoked_at: number | null;
  }): ApiKeyRecord => ({
    keyId: row.key_id,
    tenantId: row.tenant_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at
  });

  return {
    async insert(key: { keyId: string; tenantId: string; secretHash: string }): Promise<void> {
      await ctx.db
        .insertInto('api_keys')
        .values({
          key_id: key.keyId,
          tenant_id: key.tenantId,
          secret_hash: key.secretHash,
          created_at: ctx.clock(),
          expires_at: null,
          revoked_at: null
        })
        .execute();
    },

    /** The key with this id if it may still be used now. */
    async findActive(keyId: string): Promise<ActiveApiKey | undefined> {
      const now = ctx.clock();
      const row = await ctx.db
        .selectFrom('api_keys')
        .select(['key_id', 'tenant_id', 'secret_hash'])
        .where('key_id', '=', keyId)
        .where('revoked_at', 'is', null)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
        .executeTakeFirst();
      return row && { keyId: row.key_id, tenantId: row.tenant_id, secretHash: row.secret_hash };
    },

    async listForTenant(tenantId: string): Promise<ApiKeyRecord[]> {
      const rows = await ctx.db
        .selectFrom('api_keys')
        .select(['key_id', 'tenant_id', 'created_at', 'expires_at', 'revoked_at'])
        .where('tenant_id', '=', tenantId)
        .orderBy('created_at')
        .orderBy('key_id')
        .execute();
      return rows.map(toRecord);
    },

    /** Makes every usable key of the tenant (but `keep`) stop working at `at`; returns their ids. */
    async expireOthers(tenantId: string, keep: string, at: number): Promise<string[]> {
      const now = ctx.clock();
      const rows = await ctx.db
        .updateTable('api_keys')
        .set({ expires_at: at })
        .where('tenant_id', '=', tenantId)
        .where('key_id', '!=', keep)
        .where('revoked_at', 'is', null)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]))
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
        .returning('key_id')
        .execute();
      return rows.map((row) => row.key_id);
    },

    /** Revokes one key of the tenant; false when the tenant has no such unrevoked key. */
    async revoke(tenantId: string, keyId: string): Promise<boolean> {
      const result = await ctx.db
        .updateTable('api_keys')
        .set({ revoked_at: ctx.clock() })
        .where('tenant_id', '=', tenantId)
        .where('key_id', '=', keyId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    }
  };
}

export type ApiKeyRepository = ReturnType<typeof createApiKeyRepository>;
