// `npm run org` as a process: it prints its base URL and client id, answers, takes every setting as a flag,
// refuses bad flags with a clear message and a non-zero exit, and with --data writes the org back on SIGTERM.
// `npm run org -- control …` drives a running org: every control-surface operation has a command.
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection, OAuth2 } from 'jsforce';
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  CLIENT_ID,
  CLIENT_SECRET,
  eventually,
  failureOf,
  fixtureForceApp,
  startTestOrg
} from './support.ts';
import type { TestOrg } from './support.ts';

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/cli.ts');

function run(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NODE_OPTIONS: '' } });
}

function exitOf(
  child: ChildProcessWithoutNullStreams
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

function baseUrlOf(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no base URL printed; output so far: ${out}`)), 30_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
}

describe('npm run org', () => {
  const fixture = fixtureForceApp();
  afterAll(() => fixture.remove());

  it('prints its base URL and the client id, and serves the API', async () => {
    const child = run(['--port', '0', '--force-app', fixture.dir]);
    const done = exitOf(child);
    try {
      const baseUrl = await baseUrlOf(child);
      const versions = await fetch(`${baseUrl}/services/data`);
      expect(versions.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    const { code, stdout } = await done;
    expect(code).toBe(0);
    expect(stdout).toContain('OAuth client id:        switchboard-local');
    expect(stdout).not.toContain('switchboard-local-secret');
  });

  it.each([
    [['--port', 'eighty'], "--port must be a whole number from 0 to 65535, got 'eighty'"],
    [['--unavailable-rate', '3'], '--unavailable-rate must be a number from 0 to 1'],
    [['--frobnicate'], "Unknown option '--frobnicate'"]
  ])('refuses %j with a clear message and a non-zero exit', async (args, message) => {
    const { code, stderr } = await exitOf(run(args));
    expect(code).not.toBe(0);
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage: npm run org');
  });

  it('with --data, writes the org to the file on SIGTERM', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'org-cli-data-'));
    const dataFile = path.join(dir, 'org.json');
    try {
      const child = run(['--port', '0', '--force-app', fixture.dir, '--data', dataFile]);
      const done = exitOf(child);
      await baseUrlOf(child);
      child.kill('SIGTERM');
      const { code } = await done;
      expect(code).toBe(0);
      expect(existsSync(dataFile)).toBe(true);
      const saved = JSON.parse(readFileSync(dataFile, 'utf8')) as Record<string, unknown[]>;
      expect(saved['User']?.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

async function loginTo(baseUrl: string): Promise<Connection> {
  const oauth2 = new OAuth2({
    loginUrl: baseUrl,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: 'http://127.0.0.1:3000/oauth/salesforce/callback'
  });
  const conn = new Connection({ oauth2, version: '62.0' });
  await conn.login(ADMIN_USERNAME, ADMIN_PASSWORD);
  return conn;
}

describe('npm run org with every setting given as a flag', () => {
  const fixture = fixtureForceApp();
  afterAll(() => fixture.remove());

  it('starts the org with them: namespace, API limit, token lifetime, faults, latency, search lag, rotation, instance', async () => {
    const child = run([
      '--port',
      '0',
      '--force-app',
      fixture.dir,
      '--namespace',
      'swb',
      '--api-limit',
      '500',
      '--token-ttl',
      '600',
      '--unavailable-rate',
      '1',
      '--row-lock-rate',
      '1',
      '--latency',
      '20',
      '--search-lag',
      '30',
      '--no-refresh-token-rotation',
      '--instance',
      'Zz',
      '--seed',
      '7',
      '--callback',
      'http://127.0.0.1:9/cb'
    ]);
    const done = exitOf(child);
    try {
      const baseUrl = await baseUrlOf(child);
      const status = (await (await fetch(`${baseUrl}/__org`)).json()) as {
        settings: Record<string, unknown>;
        callbackUrls: string[];
      };
      expect(status.settings).toEqual({
        accessTokenTtlSeconds: 600,
        apiDailyLimit: 500,
        refreshTokenRotation: false,
        searchLagSeconds: 30,
        latencyMs: 20,
        serviceUnavailableRate: 1,
        rowLockRate: 1
      });
      expect(status.callbackUrls).toContain('http://127.0.0.1:9/cb');

      // The seeded connected app logs in (OAuth calls are never 503'd); every API call is, at a rate of 1.
      const conn = await loginTo(baseUrl);
      const unavailable = await fetch(`${baseUrl}/services/data/v62.0/limits`, {
        headers: { authorization: `Bearer ${conn.accessToken}` }
      });
      expect(unavailable.status).toBe(503);
      expect(unavailable.headers.get('sforce-limit-info')).toMatch(/^api-usage=\d+\/500$/);

      await fetch(`${baseUrl}/__org/settings`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ serviceUnavailableRate: 0 })
      });
      const lead = await conn.sobject('Lead').describe();
      expect(lead.fields.map((f) => f.name)).toContain('swb__Ext_Id__c');
      const locked = await failureOf(() => conn.sobject('Account').create({ Name: 'Locked' }));
      expect(locked.errorCode).toBe('UNABLE_TO_LOCK_ROW');
      const orgId = (await conn.query<{ Id: string }>('SELECT Id FROM Organization')).records[0]!.Id;
      expect(orgId.slice(3, 5)).toBe('Zz');
    } finally {
      child.kill('SIGTERM');
    }
    expect((await done).code).toBe(0);
  });
});

describe('npm run org -- control', () => {
  let org: TestOrg;
  let conn: Connection;
  let dir: string;

  beforeAll(async () => {
    org = await startTestOrg();
    conn = await org.login();
    dir = mkdtempSync(path.join(tmpdir(), 'org-control-'));
  });
  afterAll(async () => {
    await org.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const control = (...args: string[]) => exitOf(run(['control', ...args, '--url', org.baseUrl]));
  const limitsStatus = async (): Promise<number> =>
    (await org.raw('/services/data/v62.0/limits', { token: conn.accessToken! })).status;

  it('status prints the org as JSON', async () => {
    const { code, stdout } = await control('status');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ organizationId: org.org.organizationId, clientId: CLIENT_ID });
  });

  it('settings shows and changes settings (503 share, row-lock share, latency, search lag)', async () => {
    const changed = await control('settings', 'serviceUnavailableRate=1', 'latencyMs=5', 'searchLagSeconds=12');
    expect(changed.code).toBe(0);
    expect(JSON.parse(changed.stdout)).toMatchObject({ serviceUnavailableRate: 1, latencyMs: 5, searchLagSeconds: 12 });
    expect(await limitsStatus()).toBe(503);
    await control('settings', 'serviceUnavailableRate=0', 'rowLockRate=1', 'latencyMs=0', 'searchLagSeconds=0');
    expect((await failureOf(() => conn.sobject('Account').create({ Name: 'Locked' }))).errorCode).toBe(
      'UNABLE_TO_LOCK_ROW'
    );
    await control('settings', 'rowLockRate=0');
    const bad = await control('settings', 'rowLockRate=lots');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('rowLockRate must be a number from 0 to 1');
  });

  it('expire-sessions ends every access token now', async () => {
    const token = (await org.login()).accessToken!;
    expect((await control('expire-sessions')).code).toBe(0);
    expect((await org.raw('/services/data/v62.0/limits', { token })).status).toBe(401);
    conn = await org.login();
  });

  it('exhaust spends the API allowance until a time; reset-usage gives it back', async () => {
    expect((await control('exhaust', '--seconds', '3600')).code).toBe(0);
    expect(await limitsStatus()).toBe(403);
    expect((await control('reset-usage')).code).toBe(0);
    expect(await limitsStatus()).toBe(200);
    const until = new Date(Date.now() + 60_000).toISOString();
    expect((await control('exhaust', '--until', until)).code).toBe(0);
    expect(await limitsStatus()).toBe(403);
    await control('reset-usage');
  });

  it('fault queues exact failures; clear-faults drops them', async () => {
    expect((await control('fault', 'serviceUnavailable', '--count', '1', '--path', '/limits')).code).toBe(0);
    expect(await limitsStatus()).toBe(503);
    expect(await limitsStatus()).toBe(200);
    await control('fault', 'requestLimit', '--count', '5');
    expect((await control('clear-faults')).code).toBe(0);
    expect(await limitsStatus()).toBe(200);
  });

  it('hold stops matching requests until release; holds and in-flight show them; clear-holds disarms', async () => {
    const armed = await control('hold', '--method', 'GET', '--path', '/limits', '--count', '1');
    expect(armed.code).toBe(0);
    expect(JSON.parse(armed.stdout)).toMatchObject({ method: 'GET', path: '/limits', remaining: 1 });
    const answered = limitsStatus();
    await eventually(() => org.control.holds().held[0], 'the call to be held');
    const holds = JSON.parse((await control('holds')).stdout) as { armed: unknown[]; held: unknown[] };
    expect(holds).toEqual({ armed: [], held: [expect.objectContaining({ method: 'GET', stage: 'held' })] });
    const inFlight = JSON.parse((await control('in-flight')).stdout) as unknown[];
    expect(inFlight).toEqual([expect.objectContaining({ path: '/services/data/v62.0/limits', clientGone: false })]);
    expect(JSON.parse((await control('release')).stdout)).toEqual({ released: 1 });
    expect(await answered).toBe(200);

    await control('hold', '--path', '/nowhere');
    expect(JSON.parse((await control('clear-holds')).stdout)).toEqual({ released: 0, disarmed: 1 });
    const bad = await control('hold', '--records', '0');
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringContaining('--records only applies to rowLock faults')]);
  });

  it('add-validation-rule and remove-validation-rule install and remove a rule (inline JSON or a file)', async () => {
    const rule = {
      name: 'Needs_Phone',
      object: 'Lead',
      condition: 'Phone = null',
      errorMessage: 'A phone, please.',
      errorField: 'Phone'
    };
    const file = path.join(dir, 'rule.json');
    writeFileSync(file, JSON.stringify(rule));
    expect((await control('add-validation-rule', file)).code).toBe(0);
    const listed = await control('validation-rules');
    expect((JSON.parse(listed.stdout) as Array<{ name: string }>).map((r) => r.name)).toEqual(['Needs_Phone']);
    const refused = await failureOf(() => conn.sobject('Lead').create({ LastName: 'X', Company: 'Y' }));
    expect([refused.errorCode, refused.message]).toEqual(['FIELD_CUSTOM_VALIDATION_EXCEPTION', 'A phone, please.']);
    expect((await control('remove-validation-rule', 'Needs_Phone')).code).toBe(0);
    expect((await conn.sobject('Lead').create({ LastName: 'X', Company: 'Y' })).success).toBe(true);
    const inline = await control('add-validation-rule', JSON.stringify({ ...rule, name: 'Inline' }));
    expect(inline.code).toBe(0);
    await control('remove-validation-rule', 'Inline');
    const missing = await control('remove-validation-rule', 'Nobody');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no validation rule named 'Nobody'");
  });

  it('export writes every record to a file; reset goes back to the seed', async () => {
    const created = await conn.sobject('Account').create({ Name: 'Exported Co' });
    const file = path.join(dir, 'export.json');
    expect((await control('export', file)).code).toBe(0);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Array<{ Id: string }>>;
    expect(exported['Account']?.some((a) => a.Id === created.id)).toBe(true);
    expect((await control('reset')).code).toBe(0);
    expect((await conn.query("SELECT Id FROM Account WHERE Name = 'Exported Co'")).totalSize).toBe(0);
  });

  it('save is refused for an org started without --data', async () => {
    const { code, stderr } = await control('save');
    expect(code).toBe(1);
    expect(stderr).toContain('started without --data');
  });

  it('an unknown command, a bad option or no emulator at the address is a clear error and a non-zero exit', async () => {
    const unknown = await control('frobnicate');
    expect([unknown.code, unknown.stderr]).toEqual([
      1,
      expect.stringContaining("unknown control command 'frobnicate'")
    ]);
    const badCount = await control('fault', 'rowLock', '--count', 'many');
    expect(badCount.stderr).toContain("--count must be a whole number, got 'many'");
    const nobody = await exitOf(run(['control', 'status', '--url', 'http://127.0.0.1:9']));
    expect([nobody.code, nobody.stderr]).toEqual([
      1,
      expect.stringContaining('no emulator answered at http://127.0.0.1:9')
    ]);
  });
});
