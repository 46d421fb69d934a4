// connect_tokens: proof that whoever opens an OAuth start URL may connect that tenant's org. A tenant (with its API
// key) or an admin (CLI) asks for a connect link; the token in it is stored only as a hash, works once and expires.
import { createHash } from 'node:crypto';
import type { StoreContext } from '../context.ts';

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export function createConnectTokenRepository(ctx: StoreContext) {
  return {
    /** Stores the token's hash; returns when it expires. */
    async insert(tenantId: string, token: string, ttlMs: number): Promise<number> {
      const now = ctx.clock();
      const expiresAt = now + ttlMs;
      await ctx.db
        .insertInto('connect_tokens')
        .values({ token_hash: hashToken(token), tenant_id: tenantId, created_at: now, expires_at: expiresAt })
        .execute();
      return expiresAt;
    },

    /**
     * Uses the token up when it is live and belongs to `tenantId`; true when it did. A token presented for another
     * tenant is not consumed (it proves nothing about that tenant and stays its owner's).
     */
    async consume(tenantId: string, token: string): Promise<boolean> {
      const result = await ctx.db
        .deleteFrom('connect_tokens')
        .where('token_hash', '=', hashToken(token))
        .where('tenant_id', '=', tenantId)
        .where('expires_at', '>', ctx.clock())
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    async pruneExpired(): Promise<number> {
      const result = await ctx.db
        .deleteFrom('connect_tokens')
        .where('expires_at', '<=', ctx.clock())
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    }
  };
}

export type ConnectTokenRepository = ReturnType<typeof createConnectTokenRepository>;
