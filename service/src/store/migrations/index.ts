// Every migration, in order. Append new ones with the next number; never edit one that has shipped.
import type { Migration, MigrationProvider } from 'kysely/migration';
import { initialSchema } from './0001_initial.ts';
import { salesforceSchema } from './0002_salesforce.ts';

export const migrations: Record<string, Migration> = {
  '0001_initial': initialSchema,
  '0002_salesforce': salesforceSchema
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  }
};
