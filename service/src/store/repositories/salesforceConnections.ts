// salesforce_connections: the org each tenant is connected to, with its refresh and access tokens sealed by the
// token cipher, its state (connected, or errored with the reason), the API usage Salesforce last reported, and a
// refresh lock: with refresh-token rotation every refresh retires the previous token, so replicas take turns.
import type { StoreContext } from '../context.ts';

const refreshTokenContext = (tenantId: string) => `tenant:${tenantId}:salesforce_refresh_token`;
const accessTokenContext = (tenantId: string) => `tenant:${tenantId}:salesforce_access_token`;

export type SalesforceEnvironment = 'production' | 'sandbox' | 'mydomain';
export type SalesforceConnectionStatus = 'connected' | 'error';

export interface SalesforceConnectionError {
  code: string;
  message: string;
  at: number;
}

export interface ApiUsage {
  used: number;
  limit: number;
  at: number;
}

/** What may be shown about a connection: no secrets. */
export interface SalesforceConnectionSummary {
  tenantId: string;
  instanceUrl: string;
  orgId: string;
  userId: string;
  environment: SalesforceEnvironment;
  /** The login URL (origin) the connection was made through; refreshes and revocation go there. */
  loginHost: string;
  status: SalesforceConnectionStatus;
  error?: SalesforceConnectionError;
  apiUsage?: ApiUsage;
  connectedAt: number;
  updatedAt: number;
  /** When the tokens were last refreshed (undefined: never since the connect). */
  tokensRefreshedAt?: number;
}

/** When the refresh token was last used: its last refresh, or the connect that issued it. */
export function refreshTokenUsedAt(connection: { connectedAt: number; tokensRefreshedAt?: number }): number {
  return connection.tokensRefreshedAt ?? connection.connectedAt;
}

export interface SalesforceConnection extends SalesforceConnectionSummary {
  refreshToken: string;
  accessToken?: string;
}

export interface NewSalesforceConnection {
  tenantId: string;
  instanceUrl: string;
  orgId: string;
  userId: string;
  environment: SalesforceEnvironment;
  loginHost: string;
  refreshToken: string;
  accessToken?: string;
}

type Row = {
  tenant_id: string;
  instance_url: string;
  org_id: string;
  user_id: string;
  environment: string;
  login_host: string;
  status: string;
  error_code: string | null;
  error_message: string | null;
  error_at: number | null;
  api_used: number | null;
  api_limit: number | null;
  api_usage_at: number | null;
  connected_at: number;
  updated_at: number;
  tokens_refreshed_at: number | null;
};

function toSummary(row: Row): SalesforceConnectionSummary {
  return {
    tenantId: row.tenant_id,
    instanceUrl: row.instance_url,
    orgId: row.org_id,
    userId: row.user_id,
    environment: row.environment as SalesforceEnvironment,
    loginHost: row.login_host,
    status: row.status === 'error' ? 'error' : 'connected',
    ...(row.status === 'error' && row.error_code !== null
      ? { error: { code: row.error_code, message: row.error_message ?? '', at: row.error_at ?? row.updated_at } }
      : {}),
    ...(row.api_used !== null && row.api_limit !== null
      ? { apiUsage: { used: row.api_used, limit: row.api_limit, at: row.api_usage_at ?? row.updated_at } }
      : {}),
    connectedAt: row.connected_at,
    updatedAt: row.updated_at,
    ...(row.tokens_refreshed_at !== null ? { tokensRefreshedAt: row.tokens_refreshed_at } : {})
  };
}

const SUMMARY_COLUMNS = [
  'tenant_id',
  'instance_url',
  'org_id',
  'user_id',
  'environment',
  'login_host',
  'status',
  'error_code',
  'error_message',
  'error_at',
  'api_used',
  'api_limit',
  'api_usage_at',
  'connected_at',
  'updated_at',
  'tokens_refreshed_at'
] as const;

export function createSalesforceConnectionRepository(ctx: StoreContext) {
  return {
    /** Stores (or replaces, on reconnect) the tenant's connection; a reconnect clears any error. */
    async save(connection: NewSalesforceConnection): Promise<void> {
      const now = ctx.clock();
      const values = {
        instance_url: connection.instanceUrl,
        org_id: connection.orgId,
        user_id: connection.userId,
        environment: connection.environment,
        login_host: connection.loginHost,
        refresh_token_ciphertext: ctx.cipher.encrypt(connection.refreshToken, refreshTokenContext(connection.tenantId)),
        access_token_ciphertext:
          connection.accessToken === undefined
            ? null
            : ctx.cipher.encrypt(connection.accessToken, accessTokenContext(connection.tenantId)),
        status: 'connected',
        error_code: null,
        error_message: null,
        error_at: null,
        api_used: null,
        api_limit: null,
        api_usage_at: null,
        tokens_refreshed_at: null,
        refresh_lock_holder: null,
        refresh_lock_expires_at: null,
        updated_at: now
      };
      await ctx.db
        .insertInto('salesforce_connections')
        .values({ tenant_id: connection.tenantId, connected_at: now, ...values })
        .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ ...values, connected_at: now }))
        .execute();
    },

    /** The connection with its tokens decrypted (for the Salesforce access module only). */
    async get(tenantId: string): Promise<SalesforceConnection | undefined> {
      const row = await ctx.db
        .selectFrom('salesforce_connections')
        .select([...SUMMARY_COLUMNS, 'refresh_token_ciphertext', 'access_token_ciphertext'])
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        ...toSummary(row),
        refreshToken: ctx.cipher.decrypt(row.refresh_token_ciphertext, refreshTokenContext(row.tenant_id)),
        ...(row.access_token_ciphertext !== null
          ? { accessToken: ctx.cipher.decrypt(row.access_token_ciphertext, accessTokenContext(row.tenant_id)) }
          : {})
      };
    },

    /** The connection without its secrets (status pages, listings). */
    async getSummary(tenantId: string): Promise<SalesforceConnectionSummary | undefined> {
      const row = await ctx.db
        .selectFrom('salesforce_connections')
        .select([...SUMMARY_COLUMNS])
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst();
      return row && toSummary(row);
    },

    /**
     * Persists refreshed tokens (a rotated refresh token, the new access token, a changed instance URL) and marks
     * the connection connected again; false when the tenant is not connected.
     */
    async updateTokens(
      tenantId: string,
      update: { refreshToken: string; accessToken?: string; instanceUrl?: string }
    ): Promise<boolean> {
      const now = ctx.clock();
      const result = await ctx.db
        .updateTable('salesforce_connections')
        .set({
          refresh_token_ciphertext: ctx.cipher.encrypt(update.refreshToken, refreshTokenContext(tenantId)),
          ...(update.accessToken !== undefined
            ? { access_token_ciphertext: ctx.cipher.encrypt(update.accessToken, accessTokenContext(tenantId)) }
            : {}),
          ...(update.instanceUrl ? { instance_url: update.instanceUrl } : {}),
          status: 'connected',
          error_code: null,
          error_message: null,
          error_at: null,
          tokens_refreshed_at: now,
          updated_at: now
        })
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** The refresh token stopped working (revoked, expired, rotated out): the admin must reconnect. */
    async markError(tenantId: string, error: { code: string; message: string }): Promise<boolean> {
      const now = ctx.clock();
      const result = await ctx.db
        .updateTable('salesforce_connections')
        .set({ status: 'error', error_code: error.code, error_message: error.message, error_at: now, updated_at: now })
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async recordApiUsage(tenantId: string, usage: { used: number; limit: number }): Promise<void> {
      await ctx.db
        .updateTable('salesforce_connections')
        .set({ api_used: usage.used, api_limit: usage.limit, api_usage_at: ctx.clock() })
        .where('tenant_id', '=', tenantId)
        .execute();
    },

    /**
     * Takes the tenant's refresh lock for `holder` unless another holder has an unexpired one. False also when the
     * tenant is not connected.
     */
    async acquireRefreshLock(tenantId: string, holder: string, ttlMs: number): Promise<boolean> {
      const now = ctx.clock();
      const result = await ctx.db
        .updateTable('salesforce_connections')
        .set({ refresh_lock_holder: holder, refresh_lock_expires_at: now + ttlMs })
        .where('tenant_id', '=', tenantId)
        .where((eb) =>
          eb.or([
            eb('refresh_lock_holder', 'is', null),
            eb('refresh_lock_holder', '=', holder),
            eb('refresh_lock_expires_at', '<=', now)
          ])
        )
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async releaseRefreshLock(tenantId: string, holder: string): Promise<void> {
      await ctx.db
        .updateTable('salesforce_connections')
        .set({ refresh_lock_holder: null, refresh_lock_expires_at: null })
        .where('tenant_id', '=', tenantId)
        .where('refresh_lock_holder', '=', holder)
        .execute();
    },

    async delete(tenantId: string): Promise<boolean> {
      const result = await ctx.db
        .deleteFrom('salesforce_connections')
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    /**
     * Connected tenants whose refresh token was last used (connect or refresh) before `usedBefore`, longest idle
     * first. Across tenants on purpose: the worker keeps every tenant's token alive.
     */
    async listIdleRefreshTokens(usedBefore: number, limit: number): Promise<string[]> {
      const rows = await ctx.db
        .selectFrom('salesforce_connections')
        .select('tenant_id')
        .where('status', '=', 'connected')
        .where((eb) => eb(eb.fn.coalesce('tokens_refreshed_at', 'connected_at'), '<', usedBefore))
        .orderBy((eb) => eb.fn.coalesce('tokens_refreshed_at', 'connected_at'))
        .limit(limit)
        .execute();
      return rows.map((row) => row.tenant_id);
    },

    /**
     * Re-encrypts, under the current primary key, every token sealed with an older one (after a key rotation: then
     * the old key can leave TOKEN_ENCRYPTION_KEYS_PREVIOUS). A row whose tokens changed meanwhile (a refresh) is left
     * as the refresh wrote it. Returns the rows resealed.
     */
    async reseal(): Promise<number> {
      const rows = await ctx.db
        .selectFrom('salesforce_connections')
        .select(['tenant_id', 'refresh_token_ciphertext', 'access_token_ciphertext'])
        .execute();
      let resealed = 0;
      for (const row of rows) {
        const stale = (sealed: string | null) => sealed !== null && ctx.cipher.needsReencryption(sealed);
        if (!stale(row.refresh_token_ciphertext) && !stale(row.access_token_ciphertext)) continue;
        const reseal = (sealed: string, context: string) =>
          ctx.cipher.encrypt(ctx.cipher.decrypt(sealed, context), context);
        const result = await ctx.db
          .updateTable('salesforce_connections')
          .set({
            refresh_token_ciphertext: reseal(row.refresh_token_ciphertext, refreshTokenContext(row.tenant_id)),
            access_token_ciphertext:
              row.access_token_ciphertext === null
                ? null
                : reseal(row.access_token_ciphertext, accessTokenContext(row.tenant_id))
          })
          .where('tenant_id', '=', row.tenant_id)
          .where('refresh_token_ciphertext', '=', row.refresh_token_ciphertext)
          .executeTakeFirst();
        resealed += Number(result.numUpdatedRows);
      }
      return resealed;
    },

    /** Tenant ids with a connection, for listings. */
    async listConnectedTenantIds(): Promise<Map<string, string>> {
      const rows = await ctx.db.selectFrom('salesforce_connections').select(['tenant_id', 'org_id']).execute();
      return new Map(rows.map((row) => [row.tenant_id, row.org_id]));
    }
  };
}

export type SalesforceConnectionRepository = ReturnType<typeof createSalesforceConnectionRepository>;
