// The store: one kysely query layer over SQLite (node:sqlite, the embedded default) or PostgreSQL (DATABASE_URL),
// with one repository per table and the worker's inbox. Open it with openStore(); run migrate() before serving.
import { Kysely, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import type { StoreConfig } from '../config/config.ts';
import type { TokenCipher } from '../crypto/tokenCipher.ts';
import type { Clock, Engine, StoreContext } from './context.ts';
import { inTransaction } from './context.ts';
import { createInbox } from './inbox.ts';
import { migrationProvider, migrations } from './migrations/index.ts';
import { createActivityRepository } from './repositories/activities.ts';
import { createApiKeyRepository } from './repositories/apiKeys.ts';
import { createConnectTokenRepository } from './repositories/connectTokens.ts';
import { createOauthStateRepository } from './repositories/oauthStates.ts';
import { createSalesforceApiCallRepository } from './repositories/salesforceApiCalls.ts';
import { createSalesforceConnectionRepository } from './repositories/salesforceConnections.ts';
import { createTenantRepository } from './repositories/tenants.ts';
import { createWebhookReceiptRepository } from './repositories/webhookReceipts.ts';
import { createWebhookSecretRepository } from './repositories/webhookSecrets.ts';
import type { Database } from './schema.ts';
import { OwnSchemaPostgresDialect } from './postgres/ownSchemaDialect.ts';
import { NodeSqliteDatabase, NodeSqliteDialect } from './sqlite/nodeSqliteDialect.ts';

export interface Readiness {
  reachable: boolean;
  /** Migrations this code knows that the database has not run. */
  pendingMigrations: string[];
  error?: string;
}

function bindRepositories(ctx: StoreContext) {
  return {
    engine: ctx.engine,
    clock: ctx.clock,
    tenants: createTenantRepository(ctx),
    apiKeys: createApiKeyRepository(ctx),
    webhookSecrets: createWebhookSecretRepository(ctx),
    webhookReceipts: createWebhookReceiptRepository(ctx),
    activities: createActivityRepository(ctx),
    inbox: createInbox(ctx),
    salesforceConnections: createSalesforceConnectionRepository(ctx),
    oauthStates: createOauthStateRepository(ctx),
    connectTokens: createConnectTokenRepository(ctx),
    salesforceApiCalls: createSalesforceApiCallRepository(ctx)
  };
}

export type Repositories = ReturnType<typeof bindRepositories>;

export interface Store extends Repositories {
  readonly db: Kysely<Database>;
  /** Runs `work` in one transaction with every repository bound to it. */
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
  /** Applies pending migrations (idempotent; safe when several replicas start at once). Returns those applied. */
  migrate(): Promise<string[]>;
  readiness(): Promise<Readiness>;
  close(): Promise<void>;
}

export interface StoreOptions {
  config: StoreConfig;
  cipher: TokenCipher;
  clock?: Clock;
}

// BIGINT (oid 20) comes back from pg as a string by default; our BIGINTs are epoch milliseconds and counts,
// well inside Number's exact range.
const INT8_OID = 20;
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser
};

export async function openStore(options: StoreOptions): Promise<Store> {
  const { config, cipher } = options;
  const clock = options.clock ?? Date.now;
  let db: Kysely<Database>;
  let engine: Engine;
  let sqliteFile: NodeSqliteDatabase | undefined;
  if (config.kind === 'postgres') {
    engine = 'postgres';
    if (config.schema) await ensurePostgresSchema(config.url, config.schema);
    const pool = new pg.Pool({
      connectionString: config.url,
      types: pgTypes,
      max: 10,
      ...(config.schema ? { options: `-c search_path=${config.schema}` } : {})
    });
    // An idle client's connection dropping (server restart) must not crash the process; the pool replaces it.
    pool.on('error', () => {});
    db = new Kysely<Database>({ dialect: new OwnSchemaPostgresDialect({ pool }) });
  } else {
    engine = 'sqlite';
    sqliteFile = new NodeSqliteDatabase(config.path);
    db = new Kysely<Database>({ dialect: new NodeSqliteDialect(sqliteFile) });
  }

  const ctx: StoreContext = { db, engine, clock, cipher };
  // With a dedicated PostgreSQL schema, kysely must look for its migration table there and nowhere else.
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(config.kind === 'postgres' && config.schema ? { migrationTableSchema: config.schema } : {})
  });
  let closed = false;

  return {
    ...bindRepositories(ctx),
    db,
    transaction: (work) => inTransaction(ctx, (trx) => work(bindRepositories(trx))),
    async migrate() {
      const { error, results } = await migrator.migrateToLatest();
      if (error) throw error instanceof Error ? error : new Error(`migration failed: ${String(error)}`);
      return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    },
    async readiness() {
      if (closed) return { reachable: false, pendingMigrations: [], error: 'the store is closed' };
      try {
        await sql`select 1`.execute(db);
        const executed = new Set(
          (await migrator.getMigrations()).filter((m) => m.executedAt !== undefined).map((m) => m.name)
        );
        return { reachable: true, pendingMigrations: Object.keys(migrations).filter((name) => !executed.has(name)) };
      } catch (error) {
        return { reachable: false, pendingMigrations: [], error: (error as Error).message };
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      sqliteFile?.close();
    }
  };
}

async function ensurePostgresSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create schema if not exists ${pg.escapeIdentifier(schema)}`);
  } finally {
    await client.end();
  }
}
