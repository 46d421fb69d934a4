// The Salesforce side: a connection's state (connected or errored, with why), its access token, the last API usage
// Salesforce reported and a per-tenant refresh lock (refreshes are serialised across replicas, since each one
// retires the previous refresh token); connect links; and the service's own API calls per tenant and minute, which
// the API budget sums over a rolling 24 hours.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

const CONNECTION_COLUMNS: Array<[string, 'text' | 'bigint']> = [
  ['access_token_ciphertext', 'text'],
  ['error_code', 'text'],
  ['error_message', 'text'],
  ['error_at', 'bigint'],
  ['api_used', 'bigint'],
  ['api_limit', 'bigint'],
  ['api_usage_at', 'bigint'],
  ['tokens_refreshed_at', 'bigint'],
  ['refresh_lock_holder', 'text'],
  ['refresh_lock_expires_at', 'bigint']
];

export const salesforceSchema: Migration = {
  async up(db: Kysely<unknown>) {
    // SQLite adds one column per ALTER TABLE.
    await db.schema
      .alterTable('salesforce_connections')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('connected'))
      .execute();
    for (const [name, type] of CONNECTION_COLUMNS) {
      await db.schema.alterTable('salesforce_connections').addColumn(name, type).execute();
    }

    await db.schema
      .createTable('connect_tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('connect_tokens_expires').on('connect_tokens').column('expires_at').execute();

    await db.schema
      .createTable('salesforce_api_calls')
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('minute_start', 'bigint', (c) => c.notNull())
      .addColumn('calls', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('salesforce_api_calls_pk', ['tenant_id', 'minute_start'])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('salesforce_api_calls').ifExists().execute();
    await db.schema.dropTable('connect_tokens').ifExists().execute();
    for (const [name] of [...CONNECTION_COLUMNS].reverse()) {
      await db.schema.alterTable('salesforce_connections').dropColumn(name).execute();
    }
    await db.schema.alterTable('salesforce_connections').dropColumn('status').execute();
  }
};
