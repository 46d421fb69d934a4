// Tenant administration: create a tenant with its first API key and webhook signing secret, rotate and revoke
// keys. The key and the secret are returned once, to be shown to the admin; only a hash of the key is stored.
import { generateApiKey } from '../crypto/apiKeys.ts';
import { generateWebhookSecret } from '../crypto/webhookSignatures.ts';
import type { Store } from '../store/store.ts';
import type { Tenant } from '../store/repositories/tenants.ts';
import { newTenantId } from '../store/repositories/tenants.ts';

export interface NewTenant {
  tenant: Tenant;
  apiKey: string;
  keyId: string;
  webhookSecret: string;
}

export const TENANT_NAME_MAX = 200;

export class TenantAdminError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TenantAdminError';
  }
}

export async function createTenant(store: Store, input: { name: string }): Promise<NewTenant> {
  const name = input.name.trim();
  if (name.length === 0) throw new TenantAdminError('the tenant name must not be empty');
  if (name.length > TENANT_NAME_MAX) {
    throw new TenantAdminError(`the tenant name must be at most ${TENANT_NAME_MAX} characters`);
  }
  if (/[\u0000-\u001f\u007f]/.test(name))
    throw new TenantAdminError('the tenant name must not contain control characters');
  const key = generateApiKey();
  const webhookSecret = generateWebhookSecret();
  const tenant: Tenant = { id: newTenantId(), name, createdAt: store.clock() };
  await store.transaction(async (trx) => {
    await trx.tenants.insert(tenant);
    await trx.apiKeys.insert({ keyId: key.keyId, tenantId: tenant.id, secretHash: key.secretHash });
    await trx.webhookSecrets.insert(tenant.id, webhookSecret);
  });
  return { tenant, apiKey: key.key, keyId: key.keyId, webhookSecret };
}

async function requireTenant(store: Pick<Store, 'tenants'>, tenantId: string): Promise<Tenant> {
  const tenant = await store.tenants.get(tenantId);
  if (!tenant) throw new TenantAdminError(`no tenant with id ${tenantId}`);
  return tenant;
}

/**
 * Issues a new API key. The tenant's other keys keep working for `graceSeconds` (0: they stop at once), so a
 * platform can switch keys without a failed push.
 */
export async function rotateApiKey(
  store: Store,
  input: { tenantId: string; graceSeconds: number }
): Promise<{ apiKey: string; keyId: string; oldKeysExpireAt: number; oldKeyIds: string[] }> {
  const key = generateApiKey();
  return store.transaction(async (trx) => {
    await requireTenant(trx, input.tenantId);
    await trx.apiKeys.insert({ keyId: key.keyId, tenantId: input.tenantId, secretHash: key.secretHash });
    const oldKeysExpireAt = store.clock() + input.graceSeconds * 1000;
    const oldKeyIds = await trx.apiKeys.expireOthers(input.tenantId, key.keyId, oldKeysExpireAt);
    return { apiKey: key.key, keyId: key.keyId, oldKeysExpireAt, oldKeyIds };
  });
}

export async function revokeApiKey(store: Store, input: { tenantId: string; keyId: string }): Promise<void> {
  await requireTenant(store, input.tenantId);
  if (!(await store.apiKeys.revoke(input.tenantId, input.keyId))) {
    throw new TenantAdminError(`tenant ${input.tenantId} has no active key with id ${input.keyId}`);
  }
}

/** Issues a new webhook signing secret; the old ones keep verifying for `graceSeconds`. */
export async function rotateWebhookSecret(
  store: Store,
  input: { tenantId: string; graceSeconds: number }
): Promise<{ webhookSecret: string; oldSecretsExpireAt: number }> {
  const webhookSecret = generateWebhookSecret();
  return store.transaction(async (trx) => {
    await requireTenant(trx, input.tenantId);
    const secretId = await trx.webhookSecrets.insert(input.tenantId, webhookSecret);
    const oldSecretsExpireAt = store.clock() + input.graceSeconds * 1000;
    await trx.webhookSecrets.expireOthers(input.tenantId, secretId, oldSecretsExpireAt);
    return { webhookSecret, oldSecretsExpireAt };
  });
}

export interface TenantListing extends Tenant {
  activeKeyIds: string[];
  salesforceOrgId?: string;
}

export async function listTenants(store: Store): Promise<TenantListing[]> {
  const tenants = await store.tenants.list();
  const connected = await store.salesforceConnections.listConnectedTenantIds();
  const now = store.clock();
  const listings: TenantListing[] = [];
  for (const tenant of tenants) {
    const keys = await store.apiKeys.listForTenant(tenant.id);
    const orgId = connected.get(tenant.id);
    listings.push({
      ...tenant,
      activeKeyIds: keys
        .filter((k) => k.revokedAt === null && (k.expiresAt === null || k.expiresAt > now))
        .map((k) => k.keyId),
      ...(orgId ? { salesforceOrgId: orgId } : {})
    });
  }
  return listings;
}
