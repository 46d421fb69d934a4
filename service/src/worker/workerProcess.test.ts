// The worker as its own process (service/src/worker/main.ts): killed with SIGKILL in the middle of a batch and
// restarted, and two of them sharing a PostgreSQL store. Whatever happens, every accepted activity ends as exactly
// one Task (counted by External Activity ID in the org).
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleCall } from '../activities/samples.ts';
import { externalActivityId } from '../activities/externalActivityId.ts';
import type { TestApp, TestTenant } from '../testing/testApp.ts';
import { EMULATOR_CLIENT, startTestApp } from '../testing/testApp.ts';
import { TEST_ENGINES } from '../testing/stores.ts';
import type { TestEngine } from '../testing/stores.ts';
import type { RunningOrg } from '../testing/salesforceOrg.ts';
import { adminConnection, connectTenant, eventually, recordsOf, startTestOrg } from '../testing/salesforceOrg.ts';

const WORKER_MAIN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'main.ts');
// Run from an empty directory, so a developer's .env cannot change what the worker sees.
const cwd = mkdtempSync(path.join(os.tmpdir(), 'switchboard-worker-'));

interface WorkerProcess {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  /** The activity ids this process reported as logged. */
  logged: () => string[];
  exited: Promise<number | null>;
}

function spawnWorker(app: TestApp, org: RunningOrg, env: Record<string, string> = {}): WorkerProcess {
  const store = app.config.store;
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', WORKER_MAIN], {
    cwd,
    env: {
      PATH: process.env.PATH,
      TOKEN_ENCRYPTION_KEY: app.encryptionKey,
      ...(store.kind === 'sqlite'
        ? { SQLITE_PATH: store.path }
        : { DATABASE_URL: store.url, ...(store.schema ? { DATABASE_SCHEMA: store.schema } : {}) }),
      PUBLIC_BASE_URL: app.baseUrl,
      SALESFORCE_CLIENT_ID: EMULATOR_CLIENT.id,
      SALESFORCE_CLIENT_SECRET: EMULATOR_CLIENT.secret,
      SALESFORCE_LOGIN_URL_PRODUCTION: org.baseUrl,
      WORKER_BATCH_SIZE: '10',
      WORKER_BATCH_WAIT_MS: '20',
      WORKER_POLL_INTERVAL_MS: '20',
      WORKER_RETRY_BASE_MS: '50',
      WORKER_RETRY_MAX_MS: '200',
      WORKER_LEASE_MS: '5000',
      LOG_LEVEL: 'info',
      ...env
    }
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    logged: () =>
      output
        .split('\n')
        .filter((line) => line.includes('"msg":"batch written"'))
        .flatMap((line) => (JSON.parse(line) as { logged?: string[] }).logged ?? []),
    exited
  };
}

function calls(prefix: string, count: number) {
  return Array.from({ length: count }, (_, i) => ({ ...sampleCall, id: `${prefix}-${String(i).padStart(3, '0')}` }));
}

async function stop(worker: WorkerProcess): Promise<number | null> {
  if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGTERM');
  return worker.exited;
}

afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe.each(TEST_ENGINES)('the worker process on $name', (engine: TestEngine) => {
  let org: RunningOrg;
  let app: TestApp;
  let tenant: TestTenant;
  const workers: WorkerProcess[] = [];

  beforeEach(async () => {
    org = await startTestOrg();
    app = await startTestApp(engine, { salesforce: { loginUrl: org.baseUrl }, realTime: true });
    tenant = await app.createTenant();
    await connectTenant(app, org, tenant);
  });
  afterEach(async () => {
    for (const worker of workers.splice(0)) {
      if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
      await worker.exited;
    }
    await app.close();
    await org.close();
  });

  const tasksFor = (tenantId: string, ids: string[]) => {
    const wanted = new Set(ids.map((id) => externalActivityId(tenantId, id)));
    return recordsOf(org, 'Task').filter((t) => wanted.has(String(t['External_Activity_Id__c'])));
  };

  async function statuses(key: string, ids: string[]) {
    return Promise.all(
      ids.map(
        async (id) =>
          (await app.request('GET', `/v1/activities/${id}`, { headers: { authorization: `Bearer ${key}` } })).body as {
            status: string;
            attempts: number;
          }
      )
    );
  }

  it('when the worker is SIGKILLed in the middle of a batch and restarted, then every activity ends logged exactly once', async () => {
    const batch = calls('crash', 25);
    expect((await app.push(tenant.apiKey, { activities: batch })).status).toBe(202);
    // Slow answers hold the first batch in the middle of its work long enough to kill the worker there.
    org.control.updateSettings({ latencyMs: 1500 });

    const first = spawnWorker(app, org);
    workers.push(first);
    const claimedAtCrash = await eventually(
      async () => {
        const all = await statuses(
          tenant.apiKey,
          batch.map((c) => c.id)
        );
        const processing = batch.filter((_c, i) => all[i]?.status === 'processing').map((c) => c.id);
        return processing.length > 0 ? processing : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 20, what: 'the first batch to be claimed' }
    );
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    expect(first.logged()).toEqual([]);
    expect(claimedAtCrash).toHaveLength(10);

    // Salesforce may still commit a write whose client died: model that for half of the claimed batch, so the
    // restarted worker meets Tasks it never recorded (and must update them, without the create-only TaskSubtype).
    const landed = claimedAtCrash.slice(0, 5);
    const admin = await adminConnection(org);
    const written = await admin.sobject('Task').upsert(
      landed.map((id) => ({
        External_Activity_Id__c: externalActivityId(tenant.tenantId, id),
        Subject: 'written by the worker that died',
        Status: 'Completed',
        TaskSubtype: 'Call'
      })),
      'External_Activity_Id__c'
    );
    expect(written.map((r) => r.success)).toEqual(landed.map(() => true));

    org.control.updateSettings({ latencyMs: 0 });
    const second = spawnWorker(app, org);
    workers.push(second);
    const final = await eventually(
      async () => {
        const all = await statuses(
          tenant.apiKey,
          batch.map((c) => c.id)
        );
        return all.every((s) => s.status === 'logged') ? all : undefined;
      },
      { timeoutMs: 30_000, what: 'every activity to be logged after the restart' }
    );
    expect(await stop(second)).toBe(0);

    const tasks = tasksFor(
      tenant.tenantId,
      batch.map((c) => c.id)
    );
    expect(tasks).toHaveLength(batch.length);
    expect(new Set(tasks.map((t) => t['External_Activity_Id__c'])).size).toBe(batch.length);
    // The claimed batch came back after its lease expired; the crashed attempt counts.
    const attemptsById = new Map(batch.map((c, i) => [c.id, (final[i] as { attempts: number }).attempts]));
    expect(claimedAtCrash.map((id) => attemptsById.get(id))).toEqual(claimedAtCrash.map(() => 2));
    const landedTasks = tasksFor(tenant.tenantId, landed);
    expect(landedTasks.map((t) => [t['Subject'], t['TaskSubtype']])).toEqual(
      landed.map(() => ['Inbound call from Dana Reyes', 'Call'])
    );
    expect(second.output()).toContain('"msg":"worker stopped"');
  }, 90_000);

  if (engine.name === 'PostgreSQL') {
    it('when two worker processes share the store, then nothing is logged twice', async () => {
      const tenants = [tenant, await app.createTenant(), await app.createTenant()];
      for (const t of tenants.slice(1)) await connectTenant(app, org, t);
      const pushed = new Map<string, string[]>();
      for (const [i, t] of tenants.entries()) {
        const batch = calls(`pair-${i}`, 40);
        pushed.set(
          t.tenantId,
          batch.map((c) => c.id)
        );
        expect((await app.push(t.apiKey, { activities: batch })).status).toBe(202);
      }
      const a = spawnWorker(app, org, { WORKER_BATCH_SIZE: '5' });
      const b = spawnWorker(app, org, { WORKER_BATCH_SIZE: '5' });
      workers.push(a, b);

      for (const t of tenants) {
        await eventually(
          async () => {
            const all = await statuses(t.apiKey, pushed.get(t.tenantId) ?? []);
            return all.every((s) => s.status === 'logged') ? true : undefined;
          },
          { timeoutMs: 60_000, what: `tenant ${t.tenantId} to be logged` }
        );
      }
      expect(await stop(a)).toBe(0);
      expect(await stop(b)).toBe(0);

      for (const t of tenants) {
        const ids = pushed.get(t.tenantId) ?? [];
        const tasks = tasksFor(t.tenantId, ids);
        expect(tasks).toHaveLength(ids.length);
      }
      const byA = a.logged();
      const byB = b.logged();
      expect(byA.filter((id) => byB.includes(id))).toEqual([]);
      expect(byA.length + byB.length).toBe(120);
      // Both took part: the work was shared, not merely serialised through one of them.
      expect(byA.length).toBeGreaterThan(0);
      expect(byB.length).toBeGreaterThan(0);
    }, 120_000);
  }
});
