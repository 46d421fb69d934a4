// The worker as its own process (service/src/worker/main.ts): killed with SIGKILL while its Task upsert is in the
// org's hands and restarted, and two of them sharing a PostgreSQL store. Whatever happens, every accepted activity
// ends as exactly one Task (counted by External Activity ID in the org).
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
import { connectTenant, eventually, recordsOf, startTestOrg } from '../testing/salesforceOrg.ts';

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
            salesforceRecords?: Array<{ object: string; id: string }>;
          }
      )
    );
  }

  it('when the worker is SIGKILLed while its Task upsert is in flight and restarted, then the write it never saw answered lands, and every activity ends logged exactly once', async () => {
    const batch = calls('crash', 25);
    expect((await app.push(tenant.apiKey, { activities: batch })).status).toBe(202);
    // The org stops the first batch's Task upsert (the collections PATCH) once it has the whole request, so the
    // worker can be killed at exactly that point: its write is in the org's hands, its answer not yet sent.
    org.control.holdRequests({ method: 'PATCH', path: '/composite/sobjects/Task', count: 1 });

    const first = spawnWorker(app, org);
    workers.push(first);
    const upsert = await eventually(() => org.control.holds().held[0], {
      timeoutMs: 20_000,
      intervalMs: 10,
      what: "the first batch's Task upsert to reach the org"
    });
    const atCrash = await statuses(
      tenant.apiKey,
      batch.map((c) => c.id)
    );
    const claimedAtCrash = batch.filter((_c, i) => atCrash[i]?.status === 'processing').map((c) => c.id);
    expect(claimedAtCrash).toHaveLength(10);

    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    expect(first.logged()).toEqual([]);

    // As Salesforce does, the org processes the request whose client died: the dead worker's own write lands.
    await eventually(
      () => org.control.inFlightRequests().find((request) => request.id === upsert.id && request.clientGone),
      { what: "the org to see the dead worker's connection close" }
    );
    expect(tasksFor(tenant.tenantId, claimedAtCrash)).toEqual([]);
    expect(org.control.releaseHeldRequests()).toEqual({ released: 1 });
    const landedWrite = await eventually(() => org.control.requests().find((entry) => entry.id === upsert.id), {
      what: "the dead worker's upsert to be processed"
    });
    expect(landedWrite).toMatchObject({ method: 'PATCH', status: 200, counted: true, clientGone: true });
    const landed = tasksFor(tenant.tenantId, claimedAtCrash);
    expect(landed.map((t) => t['External_Activity_Id__c']).sort()).toEqual(
      claimedAtCrash.map((id) => externalActivityId(tenant.tenantId, id)).sort()
    );
    expect(landed.map((t) => t['TaskSubtype'])).toEqual(claimedAtCrash.map(() => 'Call'));

    // The restarted worker meets Tasks it never recorded as logged: it must update them (without TaskSubtype, which
    // only a create may set) rather than create them again.
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
    const byId = new Map(batch.map((c, i) => [c.id, final[i]!]));
    expect(claimedAtCrash.map((id) => byId.get(id)?.attempts)).toEqual(claimedAtCrash.map(() => 2));
    // The landed Tasks are the ones recorded as logged, updated in place after the restart, TaskSubtype kept.
    const landedIds = new Map(landed.map((t) => [t['External_Activity_Id__c'], t['Id']]));
    expect(claimedAtCrash.map((id) => byId.get(id)?.salesforceRecords)).toEqual(
      claimedAtCrash.map((id) => [{ object: 'Task', id: landedIds.get(externalActivityId(tenant.tenantId, id)) }])
    );
    const landedAfter = tasksFor(tenant.tenantId, claimedAtCrash);
    expect(
      landedAfter.filter((t) => Date.parse(String(t['LastModifiedDate'])) > Date.parse(String(t['CreatedDate'])))
    ).toHaveLength(claimedAtCrash.length);
    expect(landedAfter.map((t) => [t['Subject'], t['TaskSubtype']])).toEqual(
      claimedAtCrash.map(() => ['Inbound call from Dana Reyes', 'Call'])
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
