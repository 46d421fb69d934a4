// tenants: one platform account connected to one Salesforce org.
import { randomBytes } from 'node:crypto';
import type { StoreContext } from '../context.ts';

export interface Tenant {
  id: string;
  name: string;
  createdAt: number;
}

export class DuplicateTenantNameError extends Error {
  constructor(name: string) {
    super(`a tenant named "${name}" already exists`);
    this.name = 'DuplicateTenantNameError';
  }
}

export function newTenantId(): string {
  return `ten_${randomBytes(10).toString('hex')}`;
}

export function createTenantRepository(ctx: StoreContext) {
  return {
    async insert(tenant: Tenant): Promise<void> {
      const existing = await ctx.db
        .selectFrom('tenants')
        .select('id')
        .where('name', '=', tenant.name)
        .executeTakeFirst();
      if (existing) throw new DuplicateTenantNameError(tenant.name);
      await ctx.db
        .insertInto('tenants')
        .values({ id: tenant.id, name: tenant.name, created_at: tenant.createdAt })
        .execute();
    },

    async get(tenantId: string): Promise<Tenant | undefined> {
      const row = await ctx.db.selectFrom('tenants').selectAll().where('id', '=', tenantId).executeTakeFirst();
      return row && { id: row.id, name: row.name, createdAt: row.created_at };
    },

    async list(): Promise<Tenant[]> {
      const rows = await ctx.db.selectFrom('tenants').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at }));
    }
  };
}

export type TenantRepository = ReturnType<typeof createTenantRepository>;
