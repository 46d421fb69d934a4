import { sql } from 'kysely';
import { generateApiKey } from '../crypto/apiKeys.ts';
import { openStore } from './store.ts';
import { DuplicateTenantNameError } from './repositories/tenants.ts';
import type { TestStore } from '../testing/stores.ts';
import { TEST_ENGINES, openTestStore } from '../testing/stores.ts';

describe.each(TEST_ENGINES)('store on $name', (engine) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(engine);
  });
  afterEach(async () => {
    await t.close();
  });

  const addTenant = async (id = 'ten_a', name = `Tenant ${id}`) => {
    await t.store.tenants.insert({ id, name, createdAt: t.clock() });
    return id;
  };

  describe('migrations', () => {
    it('runs them once: a second migrate() applies nothing and readiness reports none pending', async () => {
      expect(await t.store.migrate()).toEqual([]);
      expect(await t.store.readiness()).toEqual({ reachable: true, pendingMigrations: [] });
    });

    it('reports every migration as pending on an empty database', async () => {
      const { config, cleanup } = await engine.provision();
      const fresh = await openStore({ config, cipher: t.cipher, clock: t.clock });
      try {
        expect(await fresh.readiness()).toEqual({
          reachable: true,
          pendingMigrations: ['0001_initial', '0002_salesforce']
        });
        expect(await fresh.migrate()).toEqual(['0001_initial', '0002_salesforce']);
        expect(await fresh.readiness()).toEqual({ reachable: true, pendingMigrations: [] });
      } finally {
        await fresh.close();
        await cleanup();
      }
    });

    it('reports the store unreachable once it is closed', async () => {
      const other = await t.openAnother();
      await other.close();
      const readiness = await other.readiness();
      expect(readiness.reachable).toBe(false);
      expect(readiness.error).toEqual(expect.any(String));
    });
  });

  describe('tenants', () => {
    it('stores a tenant and lists tenants in creation order', async () => {
      await addTenant('ten_b', 'Beta');
      t.clock.advance(1000);
      await addTenant('ten_a', 'Alpha');
      expect(await t.store.tenants.get('ten_b')).toEqual({ id: 'ten_b', name: 'Beta', createdAt: t.clock() - 1000 });
      expect((await t.store.tenants.list()).map((tenant) => tenant.id)).toEqual(['ten_b', 'ten_a']);
      expect(await t.store.tenants.get('ten_missing')).toBeUndefined();
    });

    it('refuses a second tenant with the same name', async () => {
      await addTenant('ten_a', 'Acme');
      await expect(t.store.tenants.insert({ id: 'ten_b', name: 'Acme', createdAt: 0 })).rejects.toThrow(
        DuplicateTenantNameError
      );
    });
  });

  describe('API keys', () => {
    it('finds an active key by id with its hash, and never a revoked one', async () => {
      const tenantId = await addTenant();
      const key = generateApiKey();
      await t.store.apiKeys.insert({ keyId: key.keyId, tenantId, secretHash: key.secretHash });
      expect(await t.store.apiKeys.findActive(key.keyId)).toEqual({
        keyId: key.keyId,
        tenantId,
        secretHash: key.secretHash
      });

      expect(await t.store.apiKeys.revoke(tenantId, key.keyId)).toBe(true);
      expect(await t.store.apiKeys.findActive(key.keyId)).toBeUndefined();
      expect(await t.store.apiKeys.revoke(tenantId, key.keyId)).toBe(false);
    });

    it('lets an expired key (rotated with a grace period) work until the grace period ends', async () => {
      const tenantId = await addTenant();
      const oldKey = generateApiKey();
      const newKey = generateApiKey();
      await t.store.apiKeys.insert({ keyId: oldKey.keyId, tenantId, secretHash: oldKey.secretHash });
      await t.store.apiKeys.insert({ keyId: newKey.keyId, tenantId, secretHash: newKey.secretHash });
      expect(await t.store.apiKeys.expireOthers(tenantId, newKey.keyId, t.clock() + 60_000)).toEqual([oldKey.keyId]);

      t.clock.advance(59_999);
      expect(await t.store.apiKeys.findActive(oldKey.keyId)).toBeDefined();
      t.clock.advance(1);
      expect(await t.store.apiKeys.findActive(oldKey.keyId)).toBeUndefined();
      expect(await t.store.apiKeys.findActive(newKey.keyId)).toBeDefined();
    });

    it('does not revoke another tenant’s key', async () => {
      const a = await addTenant('ten_a');
      const b = await addTenant('ten_b');
      const key = generateApiKey();
      await t.store.apiKeys.insert({ keyId: key.keyId, tenantId: a, secretHash: key.secretHash });
      expect(await t.store.apiKeys.revoke(b, key.keyId)).toBe(false);
      expect(await t.store.apiKeys.findActive(key.keyId)).toBeDefined();
    });
  });

  describe('webhook secrets', () => {
    it('stores secrets encrypted and returns the active ones decrypted, newest first', async () => {
      const tenantId = await addTenant();
      const firstId = await t.store.webhookSecrets.insert(tenantId, 'whsec_Zmlyc3Qtc2VjcmV0LXZhbHVlLTEyMzQ=');
      t.clock.advance(1000);
      const secondId = await t.store.webhookSecrets.insert(tenantId, 'whsec_c2Vjb25kLXNlY3JldC12YWx1ZS0xMjM0');
      expect(await t.store.webhookSecrets.listActive(tenantId)).toEqual([
        'whsec_c2Vjb25kLXNlY3JldC12YWx1ZS0xMjM0',
        'whsec_Zmlyc3Qtc2VjcmV0LXZhbHVlLTEyMzQ='
      ]);

      const stored = await t.store.db.selectFrom('webhook_secrets').select('secret_ciphertext').execute();
      expect(stored.map((row) => row.secret_ciphertext).join(' ')).not.toContain('whsec_');

      await t.store.webhookSecrets.expireOthers(tenantId, secondId, t.clock() + 10);
      t.clock.advance(10);
      expect(await t.store.webhookSecrets.listActive(tenantId)).toEqual(['whsec_c2Vjb25kLXNlY3JldC12YWx1ZS0xMjM0']);
      expect((await t.store.webhookSecrets.listForTenant(tenantId)).map((s) => s.secretId)).toEqual([
        firstId,
        secondId
      ]);
    });
  });

  describe('webhook receipts', () => {
    it('accepts a webhook id once per tenant and forgets it after ten minutes', async () => {
      const a = await addTenant('ten_a');
      const b = await addTenant('ten_b');
      expect(await t.store.webhookReceipts.record(a, 'msg_1')).toBe(true);
      expect(await t.store.webhookReceipts.record(a, 'msg_1')).toBe(false);
      expect(await t.store.webhookReceipts.record(b, 'msg_1')).toBe(true);

      t.clock.advance(10 * 60_000 + 1);
      expect(await t.store.webhookReceipts.prune()).toBe(2);
      expect(await t.store.webhookReceipts.record(a, 'msg_1')).toBe(true);
    });
  });

  describe('Salesforce connections', () => {
    it('stores the refresh token encrypted, reads it back, persists a rotated one and deletes on disconnect', async () => {
      const tenantId = await addTenant();
      await t.store.salesforceConnections.save({
        tenantId,
        instanceUrl: 'https://acme.my.salesforce.com',
        orgId: '00D000000000001AAA',
        userId: '005000000000001AAA',
        environment: 'production',
        loginHost: 'https://login.salesforce.com',
        refreshToken: '5Aep861-first-refresh-token',
        accessToken: '00D000000000001!first-access-token'
      });
      const raw = await t.store.db.selectFrom('salesforce_connections').selectAll().executeTakeFirstOrThrow();
      expect(raw.refresh_token_ciphertext).not.toContain('5Aep861');
      expect(raw.access_token_ciphertext).not.toContain('first-access-token');

      t.clock.advance(1_000);
      expect(
        await t.store.salesforceConnections.updateTokens(tenantId, {
          refreshToken: '5Aep861-rotated',
          accessToken: '00D000000000001!second'
        })
      ).toBe(true);
      expect(await t.store.salesforceConnections.get(tenantId)).toEqual({
        tenantId,
        instanceUrl: 'https://acme.my.salesforce.com',
        orgId: '00D000000000001AAA',
        userId: '005000000000001AAA',
        environment: 'production',
        loginHost: 'https://login.salesforce.com',
        status: 'connected',
        refreshToken: '5Aep861-rotated',
        accessToken: '00D000000000001!second',
        connectedAt: t.clock() - 1_000,
        updatedAt: t.clock(),
        tokensRefreshedAt: t.clock()
      });

      expect(await t.store.salesforceConnections.delete(tenantId)).toBe(true);
      expect(await t.store.salesforceConnections.get(tenantId)).toBeUndefined();
      expect(await t.store.salesforceConnections.updateTokens(tenantId, { refreshToken: 'x' })).toBe(false);
    });

    it('marks a connection errored with the reason, shows it without secrets, and a reconnect clears it', async () => {
      const tenantId = await addTenant();
      const connection = {
        tenantId,
        instanceUrl: 'https://acme.my.salesforce.com',
        orgId: '00D000000000001AAA',
        userId: '005000000000001AAA',
        environment: 'production' as const,
        loginHost: 'https://login.salesforce.com',
        refreshToken: 'refresh-1'
      };
      await t.store.salesforceConnections.save(connection);
      await t.store.salesforceConnections.recordApiUsage(tenantId, { used: 10, limit: 15_000 });
      expect(
        await t.store.salesforceConnections.markError(tenantId, {
          code: 'refresh_token_rejected',
          message: 'reconnect'
        })
      ).toBe(true);

      const summary = await t.store.salesforceConnections.getSummary(tenantId);
      expect(summary).toEqual({
        tenantId,
        instanceUrl: 'https://acme.my.salesforce.com',
        orgId: '00D000000000001AAA',
        userId: '005000000000001AAA',
        environment: 'production',
        loginHost: 'https://login.salesforce.com',
        status: 'error',
        error: { code: 'refresh_token_rejected', message: 'reconnect', at: t.clock() },
        apiUsage: { used: 10, limit: 15_000, at: t.clock() },
        connectedAt: t.clock(),
        updatedAt: t.clock()
      });
      expect(JSON.stringify(summary)).not.toContain('refresh-1');

      await t.store.salesforceConnections.save({ ...connection, refreshToken: 'refresh-2' });
      expect((await t.store.salesforceConnections.get(tenantId))?.status).toBe('connected');
    });

    it('lets one holder at a time take the refresh lock, until it releases it or it expires', async () => {
      const tenantId = await addTenant();
      await t.store.salesforceConnections.save({
        tenantId,
        instanceUrl: 'https://acme.my.salesforce.com',
        orgId: '00D000000000001AAA',
        userId: '005000000000001AAA',
        environment: 'production',
        loginHost: 'https://login.salesforce.com',
        refreshToken: 'refresh-1'
      });
      const other = await t.openAnother();
      expect(await t.store.salesforceConnections.acquireRefreshLock(tenantId, 'replica-a', 30_000)).toBe(true);
      expect(await other.salesforceConnections.acquireRefreshLock(tenantId, 'replica-b', 30_000)).toBe(false);
      await t.store.salesforceConnections.releaseRefreshLock(tenantId, 'replica-a');
      expect(await other.salesforceConnections.acquireRefreshLock(tenantId, 'replica-b', 30_000)).toBe(true);
      t.clock.advance(30_000);
      expect(await t.store.salesforceConnections.acquireRefreshLock(tenantId, 'replica-a', 30_000)).toBe(true);
      expect(await t.store.salesforceConnections.acquireRefreshLock('ten_unknown', 'replica-a', 30_000)).toBe(false);
    });
  });

  describe('connect tokens', () => {
    it('uses a token once, for its own tenant only, and never after it expires', async () => {
      const a = await addTenant('ten_a');
      const b = await addTenant('ten_b');
      await t.store.connectTokens.insert(a, 'token-1', 60_000);
      await t.store.connectTokens.insert(a, 'token-2', 60_000);
      expect(await t.store.connectTokens.consume(b, 'token-1')).toBe(false);
      expect(await t.store.connectTokens.consume(a, 'token-1')).toBe(true);
      expect(await t.store.connectTokens.consume(a, 'token-1')).toBe(false);
      const raw = await t.store.db.selectFrom('connect_tokens').selectAll().execute();
      expect(JSON.stringify(raw)).not.toContain('token-2');
      t.clock.advance(60_000);
      expect(await t.store.connectTokens.consume(a, 'token-2')).toBe(false);
    });
  });

  describe('Salesforce API calls', () => {
    it('counts calls per minute over a rolling 24 hours and forgets older minutes', async () => {
      const tenantId = await addTenant();
      await t.store.salesforceApiCalls.record(tenantId, 2);
      await t.store.salesforceApiCalls.record(tenantId, 1);
      t.clock.advance(60_000);
      await t.store.salesforceApiCalls.record(tenantId, 4);
      const minute = Math.floor((t.clock() - 60_000) / 60_000) * 60_000;
      expect(await t.store.salesforceApiCalls.inWindow(tenantId)).toEqual([
        { minuteStart: minute, calls: 3 },
        { minuteStart: minute + 60_000, calls: 4 }
      ]);
      t.clock.advance(24 * 3_600_000);
      expect(await t.store.salesforceApiCalls.inWindow(tenantId)).toEqual([{ minuteStart: minute + 60_000, calls: 4 }]);
      expect(await t.store.salesforceApiCalls.prune()).toBe(1);
    });
  });

  describe('OAuth states', () => {
    it('hands a pending state back once, and never after it expires', async () => {
      const tenantId = await addTenant();
      const pending = {
        tenantId,
        codeVerifier: 'verifier-abc',
        environment: 'sandbox' as const,
        loginHost: 'https://test.salesforce.com'
      };
      await t.store.oauthStates.insert('state-1', pending, 60_000);
      await t.store.oauthStates.insert('state-2', pending, 60_000);
      expect(await t.store.oauthStates.consume('state-1')).toEqual(pending);
      expect(await t.store.oauthStates.consume('state-1')).toBeUndefined();

      t.clock.advance(60_000);
      expect(await t.store.oauthStates.consume('state-2')).toBeUndefined();
      expect(await t.store.oauthStates.consume('never-issued')).toBeUndefined();
    });
  });

  describe('transactions', () => {
    it('rolls every write back when the work throws', async () => {
      await expect(
        t.store.transaction(async (trx) => {
          await trx.tenants.insert({ id: 'ten_x', name: 'X', createdAt: 0 });
          throw new Error('boom');
        })
      ).rejects.toThrow('boom');
      expect(await t.store.tenants.get('ten_x')).toBeUndefined();
    });

    it('keeps data on disk across a reopen (a second store sees committed rows)', async () => {
      await addTenant('ten_a', 'Durable');
      const other = await t.openAnother();
      expect(await other.tenants.get('ten_a')).toEqual({ id: 'ten_a', name: 'Durable', createdAt: t.clock() });
    });
  });

  if (engine.name === 'SQLite') {
    it('opens SQLite in WAL mode with synchronous=FULL', async () => {
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(t.store.db);
      const synchronous = await sql<{ synchronous: number }>`pragma synchronous`.execute(t.store.db);
      expect(journal.rows).toEqual([{ journal_mode: 'wal' }]);
      expect(synchronous.rows).toEqual([{ synchronous: 2 }]);
    });
  }
});
