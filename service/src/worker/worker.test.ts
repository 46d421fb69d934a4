// The inbox worker end to end: the real app (push API) and the worker in process, the real org emulator through
// jsforce. Each test asserts the API's answers, the stored state, what reached the org, and logs or metrics.
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { sampleDayOfCalls } from '../activities/sampleDay.ts';
import type { SampleCall } from '../activities/sampleDay.ts';
import { sampleCall, sampleMessage } from '../activities/samples.ts';
import { externalActivityId } from '../activities/externalActivityId.ts';
import { runCli } from '../admin/commands.ts';
import { tasksByExternalIds } from '../salesforce/queryText.ts';
import { salesforceSchema } from '../salesforce/schema.ts';
import type { TestApp, TestTenant } from '../testing/testApp.ts';
import { apiKeySecretOf, startTestApp } from '../testing/testApp.ts';
import { TEST_ENGINES } from '../testing/stores.ts';
import type { RunningOrg } from '../testing/salesforceOrg.ts';
import {
  adminConnection,
  connectTenant,
  eventually,
  recordsOf,
  startTestOrg,
  tasksOfTenant
} from '../testing/salesforceOrg.ts';

const FAST_WORKER = {
  WORKER_BATCH_WAIT_MS: '30',
  WORKER_POLL_INTERVAL_MS: '20',
  WORKER_RETRY_BASE_MS: '40',
  WORKER_RETRY_MAX_MS: '200',
  WORKER_MAX_ATTEMPTS: '4',
  WORKER_LEASE_MS: '5000',
  WORKER_LIMIT_PAUSE_MS: '1000'
};
const FINAL = new Set(['logged', 'skipped', 'failed']);

type ActivityBody = {
  id: string;
  status: string;
  salesforceRecords?: { object: string; id: string }[];
  skip?: { rule: string; reason?: string };
  lastError?: { code: string; message: string; fields?: string[] };
  attempts: number;
};

describe.each(TEST_ENGINES)('the inbox worker on $name', (engine) => {
  let org: RunningOrg;
  let app: TestApp;
  let tenant: TestTenant;
  const schema = salesforceSchema('');

  async function setUp(
    options: {
      env?: Record<string, string>;
      orgOptions?: Parameters<typeof startTestOrg>[0];
      /** A second org, reached through the "sandbox" login. */
      sandboxOrg?: RunningOrg;
    } = {}
  ) {
    org = await startTestOrg(options.orgOptions);
    app = await startTestApp(engine, {
      salesforce: {
        loginUrl: org.baseUrl,
        ...(options.sandboxOrg ? { sandboxLoginUrl: options.sandboxOrg.baseUrl } : {})
      },
      realTime: true,
      env: { ...FAST_WORKER, ...options.env }
    });
    tenant = await app.createTenant();
    await connectTenant(app, org, tenant);
  }
  afterEach(async () => {
    await app?.close();
    await org?.close();
  });

  async function status(id: string, key = tenant.apiKey) {
    return app.request('GET', `/v1/activities/${encodeURIComponent(id)}`, {
      headers: { authorization: `Bearer ${key}` }
    });
  }

  /** Waits until every id has a final status, and returns the bodies. */
  async function settled(ids: string[], key = tenant.apiKey, timeoutMs = 20_000): Promise<Map<string, ActivityBody>> {
    return eventually(
      async () => {
        const bodies = new Map<string, ActivityBody>();
        for (const id of ids) {
          const body = (await status(id, key)).body as ActivityBody;
          if (!FINAL.has(body.status)) return undefined;
          bodies.set(id, body);
        }
        return bodies;
      },
      { timeoutMs, what: `activities ${ids.join(', ')} to settle` }
    );
  }

  const taskOf = (activityId: string, tenantId = tenant.tenantId) =>
    recordsOf(org, 'Task').filter((t) => t['External_Activity_Id__c'] === externalActivityId(tenantId, activityId));

  function whoIdOf(name: string): string {
    const [first, last] = name.split(' ');
    const match = [...recordsOf(org, 'Contact'), ...recordsOf(org, 'Lead')].find(
      (r) => r['FirstName'] === first && r['LastName'] === last && r['IsConverted'] !== true
    );
    if (!match) throw new Error(`no seeded record named ${name}`);
    return String(match['Id']);
  }

  describe('logging calls', () => {
    beforeEach(() => setUp());

    it('when a day of calls is pushed, then each becomes a Task with its fields and WhoId matched by phone in any format, other types are skipped', async () => {
      const day: SampleCall[] = sampleDayOfCalls({ day: '2026-01-15', runId: 'day1' });
      await app.startWorker();
      org.control.clearRequests();
      const pushed = await app.push(tenant.apiKey, { activities: [...day.map((d) => d.call), sampleMessage] });
      expect(pushed.status).toBe(202);

      const bodies = await settled([...day.map((d) => d.call.id), sampleMessage.id]);
      for (const { call, expectedWho } of day) {
        const [task] = taskOf(call.id);
        expect(bodies.get(call.id)).toMatchObject({
          status: 'logged',
          salesforceRecords: [{ object: 'Task', id: task?.['Id'] }]
        });
        expect(task).toMatchObject({
          Status: 'Completed',
          TaskSubtype: 'Call',
          CallType: call.direction === 'inbound' ? 'Inbound' : 'Outbound',
          ActivityDate: '2026-01-15',
          Channel__c: call.status === 'voicemail' ? 'Voicemail' : 'Call',
          Direction__c: call.direction === 'inbound' ? 'Inbound' : 'Outbound',
          Provider__c: 'aircall',
          Occurred_At__c: expect.stringMatching(/^2026-01-15T/),
          WhoId: expectedWho ? whoIdOf(expectedWho) : null
        });
        expect(taskOf(call.id)).toHaveLength(1);
      }
      const [jane] = taskOf(day[0]!.call.id);
      expect(jane).toMatchObject({
        Subject: 'Inbound call from Jane Doe',
        CallDurationInSeconds: 441,
        Call_Outcome__c: 'Answered',
        Counterparty_Number__c: '+14155550142',
        Line_Number__c: '+14155550100',
        Recording_Url__c: day[0]!.call.recordingUrl,
        Topics__c: 'rollout; pricing'
      });
      expect(String(jane?.['Description'])).toContain(day[0]!.call.summary);
      expect(String(jane?.['Description'])).toContain(`Recording: ${day[0]!.call.recordingUrl}`);
      expect(taskOf(day[2]!.call.id)[0]).toMatchObject({
        Subject: 'Missed call from Priya Patel',
        Call_Outcome__c: 'Missed'
      });
      expect(taskOf(day[3]!.call.id)[0]).toMatchObject({
        Subject: 'Voicemail from Omar Haddad',
        CallDurationInSeconds: 0
      });

      expect(bodies.get(sampleMessage.id)).toMatchObject({
        status: 'skipped',
        skip: { rule: 'message_logging_not_available', reason: expect.stringContaining('later release') }
      });
      // One micro-batch: one batched phone search and one collections upsert.
      expect(
        org.control
          .requests({ counted: true })
          .map((r) => `${r.method} ${r.path.replace(/^\/services\/data\/v[\d.]+/, '')}`)
      ).toEqual(['GET /search', 'PATCH /composite/sobjects/Task/External_Activity_Id__c']);
      expect(await app.metricValue('switchboard_worker_items_total', { outcome: 'logged' })).toBe(day.length);
      expect(await app.metricValue('switchboard_worker_items_total', { outcome: 'skipped' })).toBe(1);
      expect(
        await app.metricValue('switchboard_salesforce_api_calls_total', { operation: 'upsert', outcome: 'ok' })
      ).toBe(1);
      const logText = app.logs.join('\n');
      expect(logText).toContain('"msg":"batch written"');
      const phones = day.flatMap(({ call }) => [call.from.phone, call.to.phone]).filter((p) => p !== undefined);
      expect(phones.filter((phone) => logText.includes(phone))).toEqual([]);
    });

    it('when calls trickle in, then the worker waits up to the batch wait for more and writes them together; a full batch goes at once', async () => {
      await app.close();
      await org.close();
      await setUp({ env: { WORKER_BATCH_SIZE: '3', WORKER_BATCH_WAIT_MS: '1500' } });
      await app.startWorker();
      const call = (id: string) => ({ ...sampleCall, id, from: { name: `Caller ${id}` }, to: { name: 'Sales' } });
      org.control.clearRequests();

      await app.push(tenant.apiKey, { activities: [call('t-1')] });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await app.push(tenant.apiKey, { activities: [call('t-2')] });
      const trickled = await settled(['t-1', 't-2']);
      const first = (await app.store.activities.get(tenant.tenantId, 't-1')) as {
        receivedAt: number;
        processedAt: number;
      };
      expect(first.processedAt - first.receivedAt).toBeGreaterThanOrEqual(1500);
      expect([...trickled.values()].map((b) => b.status)).toEqual(['logged', 'logged']);
      expect(org.control.requests({ method: 'PATCH' })).toHaveLength(1);

      const burst = ['b-1', 'b-2', 'b-3', 'b-4', 'b-5', 'b-6', 'b-7'];
      const pushedAt = Date.now();
      await app.push(tenant.apiKey, { activities: burst.map(call) });
      await settled(burst);
      const processed = await Promise.all(
        burst.map(async (id) => (await app.store.activities.get(tenant.tenantId, id))?.processedAt as number)
      );
      // Two full batches without waiting, then the last call after the wait.
      expect(processed.slice(0, 6).every((at) => at - pushedAt < 1_000)).toBe(true);
      expect((processed[6] as number) - pushedAt).toBeGreaterThanOrEqual(1_500);
      expect(org.control.requests({ method: 'PATCH' })).toHaveLength(4);
      const batchSizes = app.logs
        .filter((line) => line.includes('"msg":"batch written"'))
        .map((line) => (JSON.parse(line) as { items: number }).items);
      expect(batchSizes).toEqual([2, 3, 3, 1]);
    });

    it('when an activity is re-pushed with new data, then the same Task is updated; an identical re-push writes nothing', async () => {
      await app.startWorker();
      const first = { ...sampleCall, summary: undefined, recordingUrl: undefined };
      delete first.summary;
      delete first.recordingUrl;
      await app.push(tenant.apiKey, { activities: [first] });
      await settled([sampleCall.id]);
      const [created] = taskOf(sampleCall.id);
      expect(String(created?.['Description'])).not.toContain('annual pricing');

      const later = await app.push(tenant.apiKey, { activities: [sampleCall] });
      expect(later.body).toMatchObject({ results: [{ status: 'updated', version: 2 }] });
      const updated = await eventually(async () => {
        const body = (await status(sampleCall.id)).body as ActivityBody & { version: number };
        return body.status === 'logged' && body.version === 2 ? body : undefined;
      });
      expect(updated.salesforceRecords).toEqual([{ object: 'Task', id: created?.['Id'] }]);
      expect(taskOf(sampleCall.id)).toHaveLength(1);
      const [task] = taskOf(sampleCall.id);
      expect(String(task?.['Description'])).toContain(sampleCall.summary);
      expect(task).toMatchObject({ Recording_Url__c: sampleCall.recordingUrl, TaskSubtype: 'Call' });
      // An update never carries the create-only TaskSubtype, so it needs no second attempt.
      expect(org.control.requests({ method: 'PATCH' })).toHaveLength(2);

      const countedBefore = org.control.requests({ counted: true }).length;
      const again = await app.push(tenant.apiKey, { activities: [sampleCall] });
      expect(again.body).toMatchObject({ results: [{ status: 'duplicate', version: 2 }] });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(org.control.requests({ counted: true })).toHaveLength(countedBefore);
    });

    it('when a never-logged call’s Task already exists (a worker died between the write and its record), then one more upsert without TaskSubtype updates it', async () => {
      const conn = await adminConnection(org);
      const externalId = externalActivityId(tenant.tenantId, sampleCall.id);
      const existing = await conn.sobject('Task').create({
        Subject: 'Written before the crash',
        TaskSubtype: 'Call',
        External_Activity_Id__c: externalId
      });
      expect(existing.success).toBe(true);
      org.control.clearRequests();
      await app.startWorker();
      await app.push(tenant.apiKey, { activities: [sampleCall] });
      const logged = (await settled([sampleCall.id])).get(sampleCall.id);

      expect(logged).toMatchObject({ status: 'logged', attempts: 1, salesforceRecords: [{ id: existing.id }] });
      expect(taskOf(sampleCall.id)).toEqual([
        expect.objectContaining({ Id: existing.id, Subject: 'Inbound call from Dana Reyes', TaskSubtype: 'Call' })
      ]);
      // The price of not knowing: the first upsert (with TaskSubtype) is refused for that record, a second goes without.
      const patches = org.control.requests({ method: 'PATCH' });
      expect(patches.map((r) => r.status)).toEqual([200, 200]);
      expect(await app.metricValue('switchboard_salesforce_api_calls_total', { operation: 'upsert' })).toBe(2);
    });

    it('when names, phones, emails and ids are injection-shaped, then they reach the org only as escaped literals and the items are logged', async () => {
      await app.startWorker();
      const hostile = [
        {
          ...sampleCall,
          id: "call-'; DROP TABLE Task; --\\",
          from: { phone: '4155550142} RETURNING User(Id) FIND {x', name: "Robert'); DELETE FROM Contact; --" },
          to: { name: 'FIND {x} IN ALL FIELDS RETURNING Contact', email: "o'brien@example.com" }
        },
        {
          ...sampleCall,
          id: 'call-"quoted" AND NOT (x)*?',
          from: { phone: "+1 555' OR '1'='1", name: 'OR' },
          to: { phone: '+1 (415) 555-0100 \\ & | ! ^ ~ :' }
        }
      ];
      const pushed = await app.push(tenant.apiKey, { activities: hostile });
      expect(pushed.body).toMatchObject({ summary: { queued: 2, rejected: 0 } });
      const bodies = await settled(hostile.map((h) => h.id));
      expect([...bodies.values()].map((b) => b.status)).toEqual(['logged', 'logged']);
      // The parser of the org refuses malformed SOSL and SOQL with 400: nothing of the kind was answered.
      expect(org.control.requests().filter((r) => r.status >= 400)).toEqual([]);

      // Read back through SOQL built with the escaper: the ids come back verbatim.
      const conn = await adminConnection(org);
      const ids = hostile.map((h) => externalActivityId(tenant.tenantId, h.id));
      const result = await conn.query<{ External_Activity_Id__c: string; WhoId: string | null }>(
        tasksByExternalIds(schema, ids, ['externalActivityId', 'whoId'])
      );
      expect(result.records.map((r) => r.External_Activity_Id__c).sort()).toEqual([...ids].sort());
      expect(result.records.find((r) => r.External_Activity_Id__c === ids[0])?.WhoId).toBe(whoIdOf('Jane Doe'));

      // The worker is still working.
      await app.push(tenant.apiKey, { activities: [{ ...sampleCall, id: 'after-hostile' }] });
      expect((await settled(['after-hostile'])).get('after-hostile')?.status).toBe('logged');
    });
  });

  describe('faults', () => {
    it('when the org answers 503s, row locks, an expired session and an exhausted allowance, then every call is logged exactly once', async () => {
      // Items 0 and 2 meet four transient failures (the search's 503, two PATCH 503s, a row lock): allow a fifth try.
      await setUp({ env: { WORKER_MAX_ATTEMPTS: '6' } });
      const day = sampleDayOfCalls({ day: '2026-01-16', runId: 'faults' });
      org.control.injectFault({ kind: 'serviceUnavailable', count: 2, method: 'PATCH' });
      org.control.injectFault({ kind: 'rowLock', count: 1, method: 'PATCH', records: [0, 2] });
      org.control.injectFault({ kind: 'sessionExpired', count: 1, method: 'PATCH' });
      org.control.injectFault({ kind: 'requestLimit', count: 1, method: 'PATCH' });
      org.control.injectFault({ kind: 'serviceUnavailable', count: 1, method: 'GET', path: '/search' });
      await app.startWorker();
      await app.push(tenant.apiKey, { activities: day.map((d) => d.call) });

      const bodies = await settled(
        day.map((d) => d.call.id),
        tenant.apiKey,
        30_000
      );
      expect([...bodies.values()].map((b) => b.status)).toEqual(day.map(() => 'logged'));
      for (const { call } of day) expect(taskOf(call.id)).toHaveLength(1);
      expect(tasksOfTenant(org, tenant.tenantId)).toHaveLength(day.length);
      expect(org.control.pendingFaults()).toEqual([]);

      const statuses = org.control.requests().map((r) => r.status);
      expect(statuses.filter((s) => s === 503).length).toBeGreaterThanOrEqual(3);
      expect(statuses).toContain(401);
      expect(statuses).toContain(403);
      expect(await app.metricValue('switchboard_tenant_pauses_total', { reason: 'request_limit' })).toBe(1);
      expect(await app.metricValue('switchboard_salesforce_token_refreshes_total', { outcome: 'refreshed' })).toBe(1);
      expect(await app.metricValue('switchboard_worker_items_total', { outcome: 'retrying' })).toBeGreaterThan(0);
      expect((await app.store.salesforceConnections.get(tenant.tenantId))?.status).toBe('connected');
    });

    it('when a read answers 503, then the worker retries it after its own short backoff, each try counted, instead of jsforce stalling the batch', async () => {
      await setUp();
      org.control.injectFault({ kind: 'serviceUnavailable', count: 3, method: 'GET', path: '/search' });
      await app.startWorker();
      const started = Date.now();
      await app.push(tenant.apiKey, { activities: [sampleCall] });
      const logged = (await settled([sampleCall.id])).get(sampleCall.id);
      // jsforce on its own would have retried the search 3 times within the first attempt (0.5 + 1 + 2 s).
      expect(Date.now() - started).toBeLessThan(2_500);
      expect(logged).toMatchObject({ status: 'logged', attempts: 4 });
      expect(org.control.requests({ method: 'GET', pathContains: '/search' }).map((r) => r.status)).toEqual([
        503, 503, 503, 200
      ]);
      expect(
        await app.metricValue('switchboard_salesforce_api_calls_total', {
          operation: 'search',
          outcome: 'SERVER_UNAVAILABLE'
        })
      ).toBe(3);
      expect(await app.metricValue('switchboard_worker_items_total', { outcome: 'retrying' })).toBe(3);
      expect(taskOf(sampleCall.id)).toHaveLength(1);
    });

    it('when a validation rule refuses one call, then it fails with Salesforce’s error, the rest are logged, and a replay after the fix logs it', async () => {
      await setUp();
      org.control.installValidationRule({
        name: 'No_Busy_Calls',
        object: 'Task',
        condition: "Call_Outcome__c = 'Busy'",
        errorMessage: 'Busy calls are not logged in this org',
        errorField: 'Call_Outcome__c'
      });
      await app.startWorker();
      const busy = { ...sampleCall, id: 'call-busy', status: 'busy' as const };
      const ok = { ...sampleCall, id: 'call-ok' };
      await app.push(tenant.apiKey, { activities: [busy, ok] });
      const bodies = await settled([busy.id, ok.id]);
      expect(bodies.get(ok.id)?.status).toBe('logged');
      expect(bodies.get(busy.id)).toMatchObject({
        status: 'failed',
        attempts: 1,
        lastError: {
          code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
          message: 'Busy calls are not logged in this org',
          fields: ['Call_Outcome__c']
        }
      });
      expect(taskOf(busy.id)).toEqual([]);

      org.control.removeValidationRule('No_Busy_Calls');
      const out: string[] = [];
      const sink = new Writable({
        write(chunk: Buffer, _encoding, done) {
          out.push(chunk.toString());
          done();
        }
      });
      const code = await runCli(['replay', '--tenant', tenant.tenantId, '--activity', busy.id], {
        env: cliEnv(app),
        stdout: sink,
        stderr: sink
      });
      expect({ code, output: out.join('') }).toEqual({ code: 0, output: 'Replayed 1 activity: call-busy.\n' });
      expect((await settled([busy.id])).get(busy.id)?.status).toBe('logged');
      expect(taskOf(busy.id)).toHaveLength(1);
    });

    it('when the org stays unavailable, then the item is dead-lettered after the maximum attempts, and a replay logs it once', async () => {
      await setUp();
      org.control.injectFault({ kind: 'serviceUnavailable', count: 4, method: 'PATCH' });
      await app.startWorker();
      await app.push(tenant.apiKey, { activities: [sampleCall] });
      const failed = (await settled([sampleCall.id])).get(sampleCall.id);
      expect(failed).toMatchObject({
        status: 'failed',
        attempts: 4,
        lastError: { code: 'SERVER_UNAVAILABLE', message: expect.stringContaining('(gave up after 4 attempts)') }
      });
      expect(await app.store.inbox.listFailed(tenant.tenantId, { limit: 10 })).toHaveLength(1);

      const replay = await app.store.inbox.replay(tenant.tenantId, { activityIds: [sampleCall.id] });
      expect(replay.replayed).toEqual([sampleCall.id]);
      expect((await settled([sampleCall.id])).get(sampleCall.id)?.status).toBe('logged');
      expect(taskOf(sampleCall.id)).toHaveLength(1);
    });
  });

  describe('the API budget', () => {
    it('when the org has a small daily allowance, then the tenant pauses at its share and resumes when the window allows', async () => {
      // Allowance 12, share 50 %: 6 calls. Calls without a phone need one upsert each (no phone search).
      await setUp({ env: { WORKER_BATCH_SIZE: '1' }, orgOptions: { apiDailyLimit: 12 } });
      await app.startWorker();
      const calls = Array.from({ length: 9 }, (_, i) => ({
        ...sampleCall,
        id: `budget-${i}`,
        from: { name: `Caller ${i}` },
        to: { name: 'Sales' }
      }));
      await app.push(tenant.apiKey, { activities: calls });

      const paused = await eventually(async () => {
        const body = (
          await app.request('GET', '/v1/salesforce/connection', {
            headers: { authorization: `Bearer ${tenant.apiKey}` }
          })
        ).body as { pausedUntil?: string; pauseReason?: string; apiUsage?: { used: number; limit: number } };
        return body.pausedUntil ? body : undefined;
      });
      expect(paused.pauseReason).toContain('api_budget');
      expect(paused.apiUsage).toMatchObject({ used: 6, limit: 12 });
      expect(Date.parse(paused.pausedUntil as string)).toBeGreaterThan(Date.now() + 23 * 3_600_000);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(tasksOfTenant(org, tenant.tenantId)).toHaveLength(6);
      expect(org.control.apiUsage()).toMatchObject({ used: 6 });
      expect(await app.metricValue('switchboard_tenant_pauses_total', { reason: 'api_budget' })).toBeGreaterThanOrEqual(
        1
      );
      expect(app.logs.some((line) => line.includes('"msg":"tenant paused"') && line.includes('api_budget'))).toBe(true);
      const waiting = await Promise.all(
        calls.slice(6).map(async (c) => ((await status(c.id)).body as ActivityBody).status)
      );
      expect(waiting).toEqual(['queued', 'queued', 'queued']);

      // A day later (the service's clock moves, and the org's rolling count is back to zero) the rest go out.
      app.clock.advance(24 * 3_600_000 + 2 * 60_000);
      org.control.resetApiUsage();
      await settled(calls.map((c) => c.id));
      expect(tasksOfTenant(org, tenant.tenantId)).toHaveLength(9);
    });

    it('when other integrations have used the org’s allowance, then the service stops once the org as a whole reaches its share', async () => {
      // Allowance 12, share 50 %: the org may be at 6 calls when the service stops, whoever made them.
      await setUp({ env: { WORKER_BATCH_SIZE: '1' }, orgOptions: { apiDailyLimit: 12 } });
      const otherIntegration = await adminConnection(org);
      for (let i = 0; i < 4; i++) await otherIntegration.query('SELECT Id FROM Account LIMIT 1');
      await app.startWorker();
      const calls = Array.from({ length: 9 }, (_, i) => ({
        ...sampleCall,
        id: `shared-${i}`,
        from: { name: `Caller ${i}` },
        to: { name: 'Sales' }
      }));
      await app.push(tenant.apiKey, { activities: calls });

      const paused = await eventually(async () => {
        const body = (
          await app.request('GET', '/v1/salesforce/connection', {
            headers: { authorization: `Bearer ${tenant.apiKey}` }
          })
        ).body as { pausedUntil?: string; pauseReason?: string; apiUsage?: { used: number; limit: number } };
        return body.pausedUntil ? body : undefined;
      });
      // The first call reported 5 of 12 (4 by the other integration), the second 6: the share is reached.
      expect(tasksOfTenant(org, tenant.tenantId)).toHaveLength(2);
      expect(org.control.apiUsage()).toMatchObject({ used: 6 });
      expect(paused.apiUsage).toMatchObject({ used: 6, limit: 12 });
      expect(paused.pauseReason).toBe(
        "api_budget: the org has used 6 of its 12 daily API calls (all integrations together), the service's share is 50 %: the rest is left to the org's other integrations"
      );
      // The org's figure is read again after the re-check interval (WORKER_LIMIT_PAUSE_MS), not a day later.
      expect(Date.parse(paused.pausedUntil as string)).toBeLessThan(Date.now() + 60_000);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(tasksOfTenant(org, tenant.tenantId)).toHaveLength(2);

      // The other integration's calls leave the org's window: the service goes on, up to its own share of 6 calls.
      org.control.resetApiUsage();
      await eventually(() => (tasksOfTenant(org, tenant.tenantId).length === 6 ? true : undefined), {
        what: 'six Tasks'
      });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(tasksOfTenant(org, tenant.tenantId)).toHaveLength(6);
      expect(org.control.apiUsage()).toMatchObject({ used: 4 });
      const stillQueued = await Promise.all(
        calls.slice(6).map(async (c) => ((await status(c.id)).body as ActivityBody).status)
      );
      expect(stillQueued).toEqual(['queued', 'queued', 'queued']);
    });
  });

  describe('the org allowance', () => {
    it('when the org’s whole allowance is spent (by anyone), then the tenant pauses, retries later, and logs everything once', async () => {
      await setUp();
      org.control.exhaustApiAllowance({ seconds: 2 });
      await app.startWorker();
      await app.push(tenant.apiKey, { activities: [sampleCall] });
      await eventually(async () =>
        (await app.metricValue('switchboard_tenant_pauses_total', { reason: 'request_limit' })) > 0 ? true : undefined
      );
      expect(((await status(sampleCall.id)).body as ActivityBody).status).toBe('queued');
      const refused = org.control.requests().filter((r) => r.status === 403);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.every((r) => !r.counted)).toBe(true);

      const logged = (await settled([sampleCall.id], tenant.apiKey, 15_000)).get(sampleCall.id);
      // Waiting for the allowance cost no attempt.
      expect(logged).toMatchObject({ status: 'logged', attempts: 1 });
      expect(taskOf(sampleCall.id)).toHaveLength(1);
    });
  });

  describe('tenant isolation', () => {
    it('when two tenants use two orgs, then each one’s activities land only in its own org and neither key reaches the other’s data', async () => {
      const otherOrg = await startTestOrg();
      try {
        await setUp({ sandboxOrg: otherOrg });
        const other = await app.createTenant();
        await connectTenant(app, otherOrg, other, 'sandbox');
        await app.startWorker();
        const mine = { ...sampleCall, id: 'shared-id' };
        const theirs = { ...sampleCall, id: 'shared-id', summary: 'The other tenant’s call.' };
        await app.push(tenant.apiKey, { activities: [mine] });
        await app.push(other.apiKey, { activities: [theirs] });
        await settled([mine.id]);
        await settled([theirs.id], other.apiKey);

        expect(tasksOfTenant(org, tenant.tenantId)).toHaveLength(1);
        expect(tasksOfTenant(org, other.tenantId)).toEqual([]);
        expect(tasksOfTenant(otherOrg, other.tenantId)).toHaveLength(1);
        expect(tasksOfTenant(otherOrg, tenant.tenantId)).toEqual([]);
        expect(String(tasksOfTenant(otherOrg, other.tenantId)[0]?.['Description'])).toContain(
          'The other tenant’s call.'
        );

        // Same id, two tenants: each key sees its own record only.
        const mineSeen = (await status(mine.id)).body as ActivityBody;
        const theirsSeen = (await status(theirs.id, other.apiKey)).body as ActivityBody;
        expect(mineSeen.salesforceRecords?.[0]?.id).toBe(tasksOfTenant(org, tenant.tenantId)[0]?.['Id']);
        expect(theirsSeen.salesforceRecords?.[0]?.id).toBe(tasksOfTenant(otherOrg, other.tenantId)[0]?.['Id']);
        const onlyOther = { ...sampleCall, id: 'only-the-other-tenant' };
        await app.push(other.apiKey, { activities: [onlyOther] });
        expect((await status(onlyOther.id)).status).toBe(404);

        // A signature made with one tenant's secret cannot push as the other.
        const forged = await app.pushSigned(
          { ...other, webhookSecret: tenant.webhookSecret },
          JSON.stringify({ activities: [{ ...sampleCall, id: 'forged' }] })
        );
        expect(forged.status).toBe(401);
        expect(await app.store.activities.get(other.tenantId, 'forged')).toBeUndefined();
      } finally {
        await otherOrg.close();
      }
    });
  });

  describe('idle refresh tokens', () => {
    it('when a tenant has been quiet for over a week, then the worker uses its refresh token once so it cannot expire idle', async () => {
      await setUp();
      const before = await app.store.salesforceConnections.get(tenant.tenantId);
      app.clock.advance(8 * 24 * 3_600_000);
      await app.startWorker();
      const after = await eventually(async () => {
        const stored = await app.store.salesforceConnections.get(tenant.tenantId);
        return stored?.tokensRefreshedAt !== undefined ? stored : undefined;
      });
      expect(after.refreshToken).not.toBe(before?.refreshToken);
      expect(after.status).toBe('connected');
      expect(org.control.requests({ pathContains: '/services/oauth2/token' })).toHaveLength(2);
      // Nothing was pushed: the keep-alive cost no API call.
      expect(org.control.requests({ counted: true })).toEqual([]);
    });
  });

  describe('logs', () => {
    it('when a tenant connects, pushes (keyed and signed), gets logged through a session refresh and disconnects, then no credential and no personal data reaches the log', async () => {
      org = await startTestOrg();
      app = await startTestApp(engine, { salesforce: { loginUrl: org.baseUrl }, realTime: true, env: FAST_WORKER });
      tenant = await app.createTenant();
      const steps = await connectTenant(app, org, tenant);
      const connected = await app.store.salesforceConnections.get(tenant.tenantId);
      await app.startWorker();
      const canary = {
        ...sampleCall,
        id: 'call-canary',
        from: { phone: '+1 415 555 0142', name: 'Canary Q. Person', email: 'canary.person@example.org' },
        agent: { email: 'canary.agent@example.org', name: 'Canary Agent' },
        summary: 'canary summary text',
        comments: [{ body: 'canary comment text' }]
      };
      await app.push(tenant.apiKey, { activities: [canary] });
      await settled([canary.id]);
      org.control.expireSessions();
      const signedBody = JSON.stringify({ activities: [{ ...canary, summary: 'canary summary, later' }] });
      await app.pushSigned(tenant, signedBody, { id: 'msg_canary' });
      await eventually(async () => {
        const body = (await status(canary.id)).body as ActivityBody & { version: number };
        return body.status === 'logged' && body.version === 2 ? true : undefined;
      });
      const refreshed = await app.store.salesforceConnections.get(tenant.tenantId);
      expect(refreshed?.refreshToken).not.toBe(connected?.refreshToken);
      const removed = await app.request('DELETE', '/v1/salesforce/connection', {
        headers: { authorization: `Bearer ${tenant.apiKey}` }
      });
      expect(removed.status).toBe(200);

      const logged = app.logs.join('');
      for (const expected of [
        'salesforce org connected',
        'batch written',
        'salesforce session refreshed',
        'salesforce org disconnected'
      ]) {
        expect(logged).toContain(`"msg":"${expected}"`);
      }
      const authorize = new URL(steps.start.headers.get('location') as string).searchParams;
      const secrets = {
        apiKey: tenant.apiKey,
        apiKeySecret: apiKeySecretOf(tenant.apiKey),
        webhookSecret: tenant.webhookSecret.slice('whsec_'.length),
        connectToken: new URL((steps.link.body as { url: string }).url).searchParams.get('connect_token'),
        state: authorize.get('state'),
        codeChallenge: authorize.get('code_challenge'),
        code: new URL(steps.authorizeLocation).searchParams.get('code'),
        refreshToken: connected?.refreshToken,
        accessToken: connected?.accessToken,
        rotatedRefreshToken: refreshed?.refreshToken,
        refreshedAccessToken: refreshed?.accessToken,
        phoneDigits: '5550142',
        name: 'Canary Q. Person',
        email: 'canary.person@example.org',
        agentEmail: 'canary.agent@example.org',
        summary: 'canary summary',
        comment: 'canary comment text'
      };
      const leaked = Object.entries(secrets).filter(([, value]) => {
        expect(value).toEqual(expect.any(String));
        return logged.includes(value as string);
      });
      expect(leaked.map(([name]) => name)).toEqual([]);
    });
  });

  describe('shutting down', () => {
    it('when the worker is stopped mid-batch, then it finishes the batch before returning', async () => {
      await setUp({ orgOptions: { latencyMs: 300 } });
      const worker = await app.startWorker();
      await app.push(tenant.apiKey, { activities: [sampleCall] });
      await eventually(async () =>
        ((await status(sampleCall.id)).body as ActivityBody).status === 'processing' ? true : undefined
      );
      await worker.stop();
      expect(((await status(sampleCall.id)).body as ActivityBody).status).toBe('logged');
      expect(taskOf(sampleCall.id)).toHaveLength(1);
      expect(app.logs.some((line) => line.includes('"msg":"worker stopped"'))).toBe(true);
    });
  });
});

function cliEnv(app: TestApp): NodeJS.ProcessEnv {
  const store = app.config.store;
  return {
    // The replay touches no secret; any valid key opens the store.
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    ...(store.kind === 'sqlite'
      ? { SQLITE_PATH: store.path }
      : { DATABASE_URL: store.url, ...(store.schema ? { DATABASE_SCHEMA: store.schema } : {}) })
  };
}
