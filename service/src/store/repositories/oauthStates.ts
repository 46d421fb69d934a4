// oauth_states: pending OAuth connect attempts. The `state` sent through the browser is stored only as a hash;
// the PKCE verifier is sealed. A state is consumed once (deleted as it is read) and expires.
import { createHash } from 'node:crypto';
import type { StoreContext } from '../context.ts';
import type { SalesforceEnvironment } from './salesforceConnections.ts';

const hashState = (state: string) => createHash('sha256').update(state, 'utf8').digest('hex');
const verifierContext = (stateHash: string) => `oauth_state:${stateHash}:code_verifier`;

export interface PendingOauthState {
  tenantId: string;
  codeVerifier: string;
  environment: SalesforceEnvironment;
  loginHost: string;
}

export function createOauthStateRepository(ctx: StoreContext) {
  return {
    async insert(state: string, pending: PendingOauthState, ttlMs: number): Promise<void> {
      const stateHash = hashState(state);
      const now = ctx.clock();
      await ctx.db
        .insertInto('oauth_states')
        .values({
          state_hash: stateHash,
          tenant_id: pending.tenantId,
          code_verifier_ciphertext: ctx.cipher.encrypt(pending.codeVerifier, verifierContext(stateHash)),
          environment: pending.environment,
          login_host: pending.loginHost,
          created_at: now,
          expires_at: now + ttlMs
        })
        .execute();
    },

    /** Returns and deletes the pending attempt; undefined when unknown, already used or expired. */
    async consume(state: string): Promise<PendingOauthState | undefined> {
      const stateHash = hashState(state);
      const row = await ctx.db
        .deleteFrom('oauth_states')
        .where('state_hash', '=', stateHash)
        .returningAll()
        .executeTakeFirst();
      if (!row || row.expires_at <= ctx.clock()) return undefined;
      return {
        tenantId: row.tenant_id,
        codeVerifier: ctx.cipher.decrypt(row.code_verifier_ciphertext, verifierContext(stateHash)),
        environment: row.environment as SalesforceEnvironment,
        loginHost: row.login_host
      };
    },

    async pruneExpired(): Promise<number> {
      const result = await ctx.db.deleteFrom('oauth_states').where('expires_at', '<=', ctx.clock()).executeTakeFirst();
      return Number(result.numDeletedRows);
    }
  };
}

export type OauthStateRepository = ReturnType<typeof createOauthStateRepository>;
