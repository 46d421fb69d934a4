// The first schema. Column types are chosen to mean the same on SQLite and PostgreSQL (text, integer, bigint).
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const initialSchema: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('tenants')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('api_keys')
      .addColumn('key_id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('secret_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint')
      .addColumn('revoked_at', 'bigint')
      .execute();
    await db.schema.createIndex('api_keys_tenant').on('api_keys').column('tenant_id').execute();

    await db.schema
      .createTable('webhook_secrets')
      .addColumn('secret_id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('secret_ciphertext', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint')
      .addColumn('revoked_at', 'bigint')
      .execute();
    await db.schema.createIndex('webhook_secrets_tenant').on('webhook_secrets').column('tenant_id').execute();

    await db.schema
      .createTable('webhook_receipts')
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('webhook_id', 'text', (c) => c.notNull())
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('webhook_receipts_pk', ['tenant_id', 'webhook_id'])
      .execute();
    await db.schema.createIndex('webhook_receipts_received').on('webhook_receipts').column('received_at').execute();

    await db.schema
      .createTable('activities')
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('activity_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('due_at', 'bigint')
      .addColumn('claim_id', 'text')
      .addColumn('last_error', 'text')
      .addColumn('skip_rule', 'text')
      .addColumn('skip_reason', 'text')
      .addColumn('salesforce_records', 'text')
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('processed_at', 'bigint')
      .addPrimaryKeyConstraint('activities_pk', ['tenant_id', 'activity_id'])
      .execute();
    // The worker's two questions: which tenants have due work, and what is due for this tenant.
    await db.schema.createIndex('activities_due').on('activities').column('due_at').execute();
    await db.schema.createIndex('activities_tenant_due').on('activities').columns(['tenant_id', 'due_at']).execute();
    await db.schema.createIndex('activities_tenant_status').on('activities').columns(['tenant_id', 'status']).execute();

    await db.schema
      .createTable('tenant_leases')
      .addColumn('tenant_id', 'text', (c) => c.primaryKey().references('tenants.id').onDelete('cascade'))
      .addColumn('holder', 'text')
      .addColumn('worker_id', 'text')
      .addColumn('lease_expires_at', 'bigint')
      .addColumn('paused_until', 'bigint')
      .addColumn('pause_reason', 'text')
      .execute();

    await db.schema
      .createTable('salesforce_connections')
      .addColumn('tenant_id', 'text', (c) => c.primaryKey().references('tenants.id').onDelete('cascade'))
      .addColumn('instance_url', 'text', (c) => c.notNull())
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('environment', 'text', (c) => c.notNull())
      .addColumn('login_host', 'text', (c) => c.notNull())
      .addColumn('refresh_token_ciphertext', 'text', (c) => c.notNull())
      .addColumn('connected_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('oauth_states')
      .addColumn('state_hash', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('code_verifier_ciphertext', 'text', (c) => c.notNull())
      .addColumn('environment', 'text', (c) => c.notNull())
      .addColumn('login_host', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of [
      'oauth_states',
      'salesforce_connections',
      'tenant_leases',
      'activities',
      'webhook_receipts',
      'webhook_secrets',
      'api_keys',
      'tenants'
    ]) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  }
};
