import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestStore } from '../../testing/stores.ts';
import { TEST_DATABASE_URL, TEST_ENGINES, openTestStore } from '../../testing/stores.ts';

const postgres = TEST_ENGINES.find((engine) => engine.name === 'PostgreSQL');
if (!postgres) throw new Error('the PostgreSQL test engine is missing');

async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('the PostgreSQL store’s introspection', () => {
  let t: TestStore;
  const otherSchema = `other_${randomBytes(6).toString('hex')}`;
  beforeEach(async () => {
    t = await openTestStore(postgres);
    await withClient((client) =>
      client.query(
        `create schema ${otherSchema};
         create table ${otherSchema}.activities (elsewhere int);
         create table ${otherSchema}.kysely_migration (name text)`
      )
    );
  });
  afterEach(async () => {
    await withClient((client) => client.query(`drop schema if exists ${otherSchema} cascade`));
    await t.close();
  });

  it('lists the tables of the store’s own schema only, with their columns', async () => {
    const ownSchema = t.config.kind === 'postgres' ? t.config.schema : undefined;
    const tables = await t.store.db.introspection.getTables({ withInternalKyselyTables: true });
    expect(new Set(tables.map((table) => table.schema))).toEqual(new Set([ownSchema]));
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining(['activities', 'tenants', 'kysely_migration', 'kysely_migration_lock'])
    );
    const activities = tables.find((table) => table.name === 'activities');
    expect(activities?.columns.map((column) => column.name)).not.toContain('elsewhere');
    expect(activities?.columns.find((column) => column.name === 'activity_id')).toMatchObject({
      dataType: 'text',
      isNullable: false
    });
  });

  it('when other schemas are created and dropped all the while, every migrate() of a new store succeeds', async () => {
    // kysely's own introspector calls has_schema_privilege() on every schema by name and fails with "schema … does
    // not exist" when one is dropped during its scan; most of these runs failed with it.
    let stop = false;
    const churn = withClient(async (client) => {
      while (!stop) {
        const schema = `churn_${randomBytes(6).toString('hex')}`;
        await client.query(`create schema ${schema}; create table ${schema}.t (id int)`);
        await client.query(`drop schema ${schema} cascade`);
      }
    });
    const failures: string[] = [];
    try {
      for (let run = 0; run < 20; run++) {
        const store = await openTestStore(postgres).catch((error: unknown) => {
          failures.push(String(error));
          return undefined;
        });
        await store?.close();
      }
    } finally {
      stop = true;
      await churn;
    }
    expect(failures).toEqual([]);
  });
});
