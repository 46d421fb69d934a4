import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createTokenCipher } from '../crypto/tokenCipher.ts';
import { hashApiKeySecret, parseApiKey } from '../crypto/apiKeys.ts';
import type { StoreConfig } from '../config/config.ts';
import type { Store } from '../store/store.ts';
import { openStore } from '../store/store.ts';
import { TEST_ENGINES } from '../testing/stores.ts';
import type { TestEngine } from '../testing/stores.ts';
import { USAGE, runCli } from './commands.ts';

const cliPath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli.ts');

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    }
  });
  return { stream, text: () => text };
}

describe.each(TEST_ENGINES)('npm run admin on $name', (engine: TestEngine) => {
  let env: NodeJS.ProcessEnv;
  let cleanup: () => Promise<void>;
  let store: Store;
  let storeConfig: StoreConfig;
  const key = randomBytes(32);

  beforeEach(async () => {
    const provisioned = await engine.provision();
    cleanup = provisioned.cleanup;
    const { config } = provisioned;
    storeConfig = config;
    env =
      config.kind === 'sqlite'
        ? { TOKEN_ENCRYPTION_KEY: key.toString('base64'), SQLITE_PATH: config.path }
        : { TOKEN_ENCRYPTION_KEY: key.toString('base64'), DATABASE_URL: config.url, DATABASE_SCHEMA: config.schema };
    store = await openStore({ config, cipher: createTokenCipher({ primary: key }) });
  });
  afterEach(async () => {
    await store.close();
    await cleanup();
  });

  async function admin(...argv: string[]) {
    const stdout = sink();
    const stderr = sink();
    const code = await runCli(argv, { env, stdout: stdout.stream, stderr: stderr.stream });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  }

  async function createTenant(name: string) {
    const result = await admin('tenant', 'create', '--name', name, '--json');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as {
      tenant: { id: string };
      apiKey: string;
      keyId: string;
      webhookSecret: string;
    };
  }

  it('when a tenant is created, then its API key and webhook secret are printed once and only the key’s hash is stored', async () => {
    const result = await admin('tenant', 'create', '--name', 'Acme Telecom');
    expect(result.code).toBe(0);
    const apiKey = /API key: +(swb_\S+)/.exec(result.stdout)?.[1] as string;
    const webhookSecret = /webhook signing secret: (whsec_\S+)/.exec(result.stdout)?.[1] as string;
    const tenantId = /\((ten_[0-9a-f]{20})\)/.exec(result.stdout)?.[1] as string;
    expect(result.stdout).toBe(
      [
        `Created tenant "Acme Telecom" (${tenantId}).`,
        'Store these now; they are not shown again:',
        `  API key:                ${apiKey}`,
        `  webhook signing secret: ${webhookSecret}`,
        ''
      ].join('\n')
    );

    await store.migrate();
    const parsed = parseApiKey(apiKey);
    expect(await store.apiKeys.findActive(parsed?.keyId as string)).toEqual({
      keyId: parsed?.keyId,
      tenantId,
      secretHash: hashApiKeySecret(parsed?.secret as string)
    });
    expect(await store.webhookSecrets.listActive(tenantId)).toEqual([webhookSecret]);
    const everything = JSON.stringify(await store.db.selectFrom('api_keys').selectAll().execute());
    expect(everything).not.toContain(parsed?.secret as string);
  });

  it('when tenants are listed, then each shows its id, name, active keys and connection', async () => {
    const a = await createTenant('Alpha');
    const result = await admin('tenant', 'list');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(`^${a.tenant.id}  Alpha  created \\S+  keys: ${a.keyId}  salesforce: not connected\\n$`)
    );
  });

  it('when a key is rotated with a grace period, then both keys work until the old one expires; revoking stops a key at once', async () => {
    const created = await createTenant('Acme');
    const rotated = await admin('tenant', 'rotate-key', '--tenant', created.tenant.id, '--grace-hours', '24', '--json');
    expect(rotated.code).toBe(0);
    const { apiKey, keyId, oldKeyIds } = JSON.parse(rotated.stdout) as {
      apiKey: string;
      keyId: string;
      oldKeyIds: string[];
    };
    expect(oldKeyIds).toEqual([created.keyId]);
    expect(parseApiKey(apiKey)?.keyId).toBe(keyId);
    expect(await store.apiKeys.findActive(created.keyId)).toBeDefined();

    const revoked = await admin('tenant', 'revoke-key', '--tenant', created.tenant.id, '--key-id', created.keyId);
    expect(revoked).toEqual({ code: 0, stdout: `Revoked key ${created.keyId} of ${created.tenant.id}.\n`, stderr: '' });
    expect(await store.apiKeys.findActive(created.keyId)).toBeUndefined();
    expect(await store.apiKeys.findActive(keyId)).toBeDefined();
  });

  it('when failed activities are replayed, then they are queued again and the others are reported', async () => {
    const created = await createTenant('Acme');
    const tenantId = created.tenant.id;
    await store.migrate();
    await store.activities.accept(tenantId, [
      { activityId: 'f1', type: 'call', payload: {}, contentHash: 'h1' },
      { activityId: 'ok', type: 'call', payload: {}, contentHash: 'h2' }
    ]);
    const claim = await store.inbox.claimBatch({ tenantId, workerId: 'w', maxItems: 10, leaseMs: 1000 });
    if (claim.status !== 'claimed') throw new Error('no claim');
    await store.inbox.complete(claim.claim, [
      { activityId: 'f1', version: 1, status: 'failed', error: { code: 'INVALID_FIELD', message: 'bad field' } },
      { activityId: 'ok', version: 1, status: 'logged', records: [] }
    ]);

    const listed = await admin('dead-letters', '--tenant', tenantId);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^f1  call  v1  attempts 1  failed \S+  INVALID_FIELD: bad field\n$/);

    const partly = await admin('replay', '--tenant', tenantId, '--activity', 'f1', '--activity', 'ok');
    expect(partly).toEqual({
      code: 1,
      stdout: 'Replayed 1 activity: f1.\n',
      stderr: 'not replayed (not failed, or unknown for this tenant): ok\n'
    });
    expect(await store.activities.get(tenantId, 'f1')).toMatchObject({ status: 'queued', attempts: 0 });
    expect(await admin('replay', '--tenant', tenantId, '--all-failed')).toEqual({
      code: 0,
      stdout: 'Replayed 0 activities.\n',
      stderr: ''
    });
  });

  it('when a connect link is asked for, then a single-use start URL for that tenant is printed, and bad choices are refused', async () => {
    const created = await createTenant('Acme');
    env = { ...env, PUBLIC_BASE_URL: 'https://switchboard.example.com' };
    const result = await admin(
      'connect-link',
      '--tenant',
      created.tenant.id,
      '--environment',
      'mydomain',
      '--host',
      'acme.my.salesforce.com',
      '--json'
    );
    expect(result.code).toBe(0);
    const { url, expiresAt } = JSON.parse(result.stdout) as { url: string; expiresAt: string };
    const link = new URL(url);
    expect(`${link.origin}${link.pathname}`).toBe('https://switchboard.example.com/oauth/salesforce/start');
    expect(Object.fromEntries(link.searchParams)).toEqual({
      tenant: created.tenant.id,
      connect_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      environment: 'mydomain',
      host: 'acme.my.salesforce.com'
    });
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now() + 14 * 60_000);
    const token = link.searchParams.get('connect_token') as string;
    expect(await store.connectTokens.consume(created.tenant.id, token)).toBe(true);
    expect(await store.connectTokens.consume(created.tenant.id, token)).toBe(false);

    expect(
      await admin(
        'connect-link',
        '--tenant',
        created.tenant.id,
        '--environment',
        'mydomain',
        '--host',
        'acme.lightning.force.com'
      )
    ).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'acme.lightning.force.com is a Lightning page host, not a login host: use acme.my.salesforce.com instead\n'
    });
    expect(await admin('connect-link', '--tenant', created.tenant.id, '--environment', 'staging')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--environment must be production, sandbox or mydomain')
    });
    expect(await admin('connect-link', '--tenant', 'ten_00000000000000000000')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'no tenant with id ten_00000000000000000000\n'
    });
  });

  it('when the input is wrong, then a clear message and a non-zero exit, without touching the database', async () => {
    expect(await admin('tenant', 'create')).toEqual({
      code: 2,
      stdout: '',
      stderr: `--name is required\n\n${USAGE}\n`
    });
    expect(await admin('tenant', 'create', '--name', 'A', '--colour', 'red')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Unknown option '--colour'")
    });
    expect(await admin('tenant', 'explode')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown command "tenant explode".')
    });
    expect(await admin('replay', '--tenant', 'ten_x')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('give either --activity <id> (one or more) or --all-failed')
    });
    expect(await admin('tenant', 'rotate-key', '--tenant', 'ten_x', '--grace-hours', 'soon')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--grace-hours must be a number of hours between 0 and 2160')
    });
    expect(await admin('tenant', 'create', '--name', '   ')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--name is required')
    });
    expect(await admin()).toEqual({ code: 2, stdout: '', stderr: `${USAGE}\n` });
    expect(await admin('--help')).toEqual({ code: 0, stdout: `${USAGE}\n`, stderr: '' });
    expect(await admin('help')).toEqual({ code: 0, stdout: `${USAGE}\n`, stderr: '' });
  });

  it('when the tenant is unknown or the name is taken, then exit 1 with the reason', async () => {
    await createTenant('Acme');
    expect(await admin('tenant', 'create', '--name', 'Acme')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'a tenant named "Acme" already exists\n'
    });
    expect(await admin('tenant', 'rotate-key', '--tenant', 'ten_00000000000000000000')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'no tenant with id ten_00000000000000000000\n'
    });
  });

  it('when the encryption key is rotated, then reencrypt reseals every token and secret under the new key, and the old key can go', async () => {
    const created = await createTenant('Acme');
    const tenantId = created.tenant.id;
    await store.salesforceConnections.save({
      tenantId,
      instanceUrl: 'https://acme.my.salesforce.com',
      orgId: '00D000000000001AAA',
      userId: '005000000000001AAA',
      environment: 'production',
      loginHost: 'https://login.salesforce.com',
      refreshToken: 'refresh-token-before-the-rotation',
      accessToken: 'access-token-before-the-rotation'
    });
    const newKey = randomBytes(32);
    const onlyNewKey = await openStore({ config: storeConfig, cipher: createTokenCipher({ primary: newKey }) });
    try {
      await expect(onlyNewKey.salesforceConnections.get(tenantId)).rejects.toThrow(/not configured/);

      env = {
        ...env,
        TOKEN_ENCRYPTION_KEY: newKey.toString('base64'),
        TOKEN_ENCRYPTION_KEYS_PREVIOUS: key.toString('base64')
      };
      expect(await admin('reencrypt')).toEqual({
        code: 0,
        stdout: 'Re-encrypted 1 Salesforce connection(s) and 1 webhook secret(s) under the current key.\n',
        stderr: ''
      });
      expect((await admin('reencrypt')).stdout).toBe(
        'Re-encrypted 0 Salesforce connection(s) and 0 webhook secret(s) under the current key.\n'
      );

      expect(await onlyNewKey.salesforceConnections.get(tenantId)).toMatchObject({
        refreshToken: 'refresh-token-before-the-rotation',
        accessToken: 'access-token-before-the-rotation'
      });
      expect(await onlyNewKey.webhookSecrets.listActive(tenantId)).toEqual([created.webhookSecret]);
      const raw = await onlyNewKey.db.selectFrom('salesforce_connections').selectAll().executeTakeFirstOrThrow();
      expect(raw.refresh_token_ciphertext).not.toContain('refresh-token-before-the-rotation');
    } finally {
      await onlyNewKey.close();
    }
  });

  it('when the encryption key is missing, then it refuses to run and says so', async () => {
    env = { ...env, TOKEN_ENCRYPTION_KEY: undefined };
    const result = await admin('tenant', 'list');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('TOKEN_ENCRYPTION_KEY is required');
  });
});

describe('the admin entry point', () => {
  it('runs as `node service/src/admin/cli.ts`, exiting 0 on success and 2 on a usage error', async () => {
    const [sqlite] = TEST_ENGINES;
    const { config, cleanup } = await (sqlite as TestEngine).provision();
    try {
      const env = {
        PATH: process.env.PATH,
        TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        SQLITE_PATH: config.kind === 'sqlite' ? config.path : ''
      };
      const run = (...args: string[]) =>
        spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', cliPath, ...args], {
          // An empty directory: a developer's .env in the repository must not change what the test sees.
          cwd: path.dirname(config.kind === 'sqlite' ? config.path : cliPath),
          env,
          encoding: 'utf8'
        });
      const created = run('tenant', 'create', '--name', 'Subprocess');
      expect({ status: created.status, stderr: created.stderr }).toEqual({ status: 0, stderr: '' });
      expect(created.stdout).toMatch(/API key: +swb_[0-9a-f]{16}_/);
      const bad = run('tenant', 'create');
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('--name is required');
    } finally {
      await cleanup();
    }
  });
});
