// salesforce_connections: the org each tenant is connected to, with its refresh token sealed by the token cipher.
// Access tokens are not stored (they live in the connection's memory and are refreshed on demand).
import type { StoreContext } from '../context.ts';

const refreshTokenContext = (tenantId: string) => `tenant:${tenantId}:salesforce_refresh_token`;

export type SalesforceEnvironment = 'production' | 'sandbox' | 'mydomain';

export interface SalesforceConnection {
  tenantId: string;
  instanceUrl: string;
  orgId: string;
  userId: string;
  environment: SalesforceEnvironment;
  loginHost: string;
  refreshToken: string;
  connectedAt: number;
  updatedAt: number;
}

export function createSalesforceConnectionRepository(ctx: StoreContext) {
  return {
    /** Stores (or replaces, on reconnect) the tenant's connection. */
    async save(connection: Omit<SalesforceConnection, 'connectedAt' | 'updatedAt'>): Promise<void> {
      const now = ctx.clock();
      const values = {
        instance_url: connection.instanceUrl,
        org_id: connection.orgId,
        user_id: connection.userId,
        environment: connection.environment,
        login_host: connection.loginHost,
        refresh_token_ciphertext: ctx.cipher.encrypt(connection.refreshToken, refreshTokenContext(connection.tenantId)),
        updated_at: now
      };
      await ctx.db
        .insertInto('salesforce_connections')
        .values({ tenant_id: connection.tenantId, connected_at: now, ...values })
        .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ ...values, connected_at: now }))
        .execute();
    },

    async get(tenantId: string): Promise<SalesforceConnection | undefined> {
      const row = await ctx.db
        .selectFrom('salesforce_connections')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst();
      return (
        row && {
          tenantId: row.tenant_id,
          instanceUrl: row.instance_url,
          orgId: row.org_id,
          userId: row.user_id,
          environment: row.environment as SalesforceEnvironment,
          loginHost: row.login_host,
          refreshToken: ctx.cipher.decrypt(row.refresh_token_ciphertext, refreshTokenContext(row.tenant_id)),
          connectedAt: row.connected_at,
          updatedAt: row.updated_at
        }
      );
    },

    /** Persists a rotated refresh token (and a changed instance URL); false when the tenant is not connected. */
    async updateTokens(tenantId: string, update: { refreshToken: string; instanceUrl?: string }): Promise<boolean> {
      const result = await ctx.db
        .updateTable('salesforce_connections')
        .set({
          refresh_token_ciphertext: ctx.cipher.encrypt(update.refreshToken, refreshTokenContext(tenantId)),
          ...(update.instanceUrl ? { instance_url: update.instanceUrl } : {}),
          updated_at: ctx.clock()
        })
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async delete(tenantId: string): Promise<boolean> {
      const result = await ctx.db
        .deleteFrom('salesforce_connections')
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    /** Tenant ids with a connection, for listings. */
    async listConnectedTenantIds(): Promise<Map<string, string>> {
      const rows = await ctx.db.selectFrom('salesforce_connections').select(['tenant_id', 'org_id']).execute();
      return new Map(rows.map((row) => [row.tenant_id, row.org_id]));
    }
  };
}

export type SalesforceConnectionRepository = ReturnType<typeof createSalesforceConnectionRepository>;
