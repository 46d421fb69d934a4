import { spawn } from 'node:child_process';
import pg from 'pg';
import type { IncomingActivity } from './repositories/activities.ts';
import type { Claim, ClaimResult } from './inbox.ts';
import type { Store } from './store.ts';
import type { TestStore } from '../testing/stores.ts';
import { TEST_DATABASE_URL, TEST_ENGINES, openTestStore } from '../testing/stores.ts';

const WORKER = { workerId: 'worker-1', maxItems: 10, leaseMs: 30_000 };

function item(activityId: string, content: Record<string, unknown> = {}, type = 'call'): IncomingActivity {
  const payload = { id: activityId, type, ...content };
  return { activityId, type, payload, contentHash: `hash:${JSON.stringify(payload)}` };
}

function claimed(result: ClaimResult): Claim {
  if (result.status !== 'claimed') throw new Error(`expected a claim, got ${JSON.stringify(result)}`);
  return result.claim;
}

describe.each(TEST_ENGINES)('inbox on $name', (engine) => {
  let t: TestStore;
  let store: Store;
  beforeEach(async () => {
    t = await openTestStore(engine);
    store = t.store;
    for (const id of ['ten_a', 'ten_b']) await store.tenants.insert({ id, name: id, createdAt: t.clock() });
  });
  afterEach(async () => {
    await t.close();
  });

  const accept = async (tenantId: string, items: IncomingActivity[], webhookId?: string) => {
    const result = await store.activities.accept(tenantId, items, webhookId ? { webhookId } : {});
    if (result.replayed) throw new Error('unexpected replay');
    return result.outcomes;
  };

  describe('intake', () => {
    it('queues a new id, calls an identical re-push a duplicate and a changed one an update', async () => {
      expect(await accept('ten_a', [item('c1', { summary: 'first' })])).toEqual([
        { activityId: 'c1', status: 'queued', version: 1 }
      ]);
      t.clock.advance(1000);
      expect(await accept('ten_a', [item('c1', { summary: 'first' })])).toEqual([
        { activityId: 'c1', status: 'duplicate', version: 1 }
      ]);
      expect(await accept('ten_a', [item('c1', { summary: 'summary ready' })])).toEqual([
        { activityId: 'c1', status: 'updated', version: 2 }
      ]);

      const stored = await store.activities.get('ten_a', 'c1');
      expect(stored).toEqual({
        tenantId: 'ten_a',
        activityId: 'c1',
        type: 'call',
        version: 2,
        status: 'queued',
        attempts: 0,
        payload: { id: 'c1', type: 'call', summary: 'summary ready' },
        dueAt: t.clock(),
        receivedAt: t.clock() - 1000,
        updatedAt: t.clock(),
        processedAt: null
      });
    });

    it('handles the same id twice in one push in order, and refuses a change of type', async () => {
      expect(
        await accept('ten_a', [item('c1', { n: 1 }), item('c1', { n: 2 }), item('c1', { n: 2 }, 'message')])
      ).toEqual([
        { activityId: 'c1', status: 'queued', version: 1 },
        { activityId: 'c1', status: 'updated', version: 2 },
        { activityId: 'c1', status: 'type_conflict', existingType: 'call' }
      ]);
    });

    it('keeps tenants apart: the same id is a separate activity per tenant, and reads are tenant-scoped', async () => {
      await accept('ten_a', [item('shared', { who: 'a' })]);
      expect(await accept('ten_b', [item('shared', { who: 'b' })])).toEqual([
        { activityId: 'shared', status: 'queued', version: 1 }
      ]);
      expect((await store.activities.get('ten_a', 'shared'))?.payload).toEqual({
        id: 'shared',
        type: 'call',
        who: 'a'
      });
      expect((await store.activities.get('ten_b', 'shared'))?.payload).toEqual({
        id: 'shared',
        type: 'call',
        who: 'b'
      });
      await accept('ten_a', [item('only-a')]);
      expect(await store.activities.get('ten_b', 'only-a')).toBeUndefined();
    });

    it('writes nothing for a replayed webhook id, and reports each item from what the first delivery stored', async () => {
      await accept('ten_a', [item('c1')], 'msg_1');
      expect(await store.activities.accept('ten_a', [item('c1'), item('c2')], { webhookId: 'msg_1' })).toEqual({
        replayed: true,
        outcomes: [
          { activityId: 'c1', status: 'duplicate', version: 1 },
          { activityId: 'c2', status: 'not_in_first_delivery' }
        ]
      });
      expect(await store.activities.get('ten_a', 'c2')).toBeUndefined();
      expect(await store.activities.countByStatus()).toEqual({ queued: 1 });
    });

    it('counts the inbox by status', async () => {
      await accept('ten_a', [item('c1'), item('c2')]);
      await accept('ten_b', [item('c3')]);
      const claim = claimed(await store.inbox.claimBatch({ ...WORKER, tenantId: 'ten_a', maxItems: 1 }));
      await store.inbox.complete(claim, [{ activityId: 'c1', version: 1, status: 'logged', records: [] }]);
      expect(await store.activities.countByStatus()).toEqual({ queued: 2, logged: 1 });
    });
  });

  describe('claiming', () => {
    it('claims due items oldest first, up to the batch size, and marks them processing', async () => {
      await accept('ten_a', [item('c1'), item('c2')]);
      t.clock.advance(10);
      await accept('ten_a', [item('c0')]);
      const result = await store.inbox.claimBatch({ ...WORKER, tenantId: 'ten_a', maxItems: 2 });
      const claim = claimed(result);
      expect(claim.items.map((i) => [i.activityId, i.version, i.attempt])).toEqual([
        ['c1', 1, 1],
        ['c2', 1, 1]
      ]);
      expect(claim.leaseExpiresAt).toBe(t.clock() + 30_000);
      expect(claim.items[0]?.payload).toEqual({ id: 'c1', type: 'call' });
      expect(result.status === 'claimed' && result.deadLettered).toEqual([]);
      expect((await store.activities.get('ten_a', 'c1'))?.status).toBe('processing');
      expect((await store.activities.get('ten_a', 'c0'))?.status).toBe('queued');
    });

    it('gives a tenant to one claim at a time; another worker is told it is busy until the lease is released', async () => {
      await accept('ten_a', [item('c1'), item('c2')]);
      const first = claimed(await store.inbox.claimBatch({ ...WORKER, tenantId: 'ten_a', maxItems: 1 }));
      expect(await store.inbox.claimBatch({ ...WORKER, workerId: 'worker-2', tenantId: 'ten_a' })).toEqual({
        status: 'busy',
        holderWorkerId: 'worker-1',
        leaseExpiresAt: first.leaseExpiresAt
      });
      expect(await store.inbox.findTenantsWithDueWork({ limit: 10 })).toEqual([]);

      await store.inbox.complete(first, [{ activityId: 'c1', version: 1, status: 'logged', records: [] }]);
      expect(await store.inbox.releaseLease(first)).toEqual({ requeued: [] });
      const second = claimed(await store.inbox.claimBatch({ ...WORKER, workerId: 'worker-2', tenantId: 'ten_a' }));
      expect(second.items.map((i) => i.activityId)).toEqual(['c2']);
    });

    it('answers empty (and keeps no lease) when nothing is due', async () => {
      expect(await store.inbox.claimBatch({ ...WORKER, tenantId: 'ten_a' })).toEqual({
        status: 'empty',
        deadLettered: []
      });
      await accept('ten_a', [item('c1')]);
      expect(
        claimed(await store.inbox.claimBatch({ ...WORKER, workerId: 'w2', tenantId: 'ten_a' })).items
      ).toHaveLength(1);
    });

    it('lists tenants with due work, oldest work first, with counts', async () => {
      await accept('ten_b', [item('b1')]);
      t.clock.advance(5);
      await accept('ten_a', [item('a1'), item('a2')]);
      expect(await store.inbox.findTenantsWithDueWork({ limit: 10 })).toEqual([
        { tenantId: 'ten_b', dueCount: 1, oldestDueAt: t.clock() - 5 },
        { tenantId: 'ten_a', dueCount: 2, oldestDueAt: t.clock() }
      ]);
      expect(await store.inbox.findTenantsWithDueWork({ limit: 1 })).toHaveLength(1);
    });

    it('returns unfinished items of a released claim to the queue, their attempt counted', async () => {
      await accept('ten_a', [item('c1'), item('c2')]);
      const claim = claimed(await store.inbox.claimBatch({ ...WORKER, tenantId: 'ten_a' }));
      await store.inbox.complete(claim, [{ activityId: 'c1', version: 1, status: 'logged', records: [] }]);
      expect(await store.inbox.releaseLease(claim)).toEqual({ requeued: ['c2'] });
      expect(await store.activities.get('ten_a', 'c2')).toMatchObject({ status: 'queued', attempts: 1 });
    });
  });

  describe('completing', () => {
    it('records logged (with records), skipped (with the rule), retrying (when and why) and failed (the error)', async () => {
      await accept('ten_a', [item('c1'), item('c2'), item('c3'), item('c4')]);
      const claim = claimed(await store.inbox.claimBatch({ ...WORKER, tenantId: 'ten_a' }));
      const nextAttemptAt = t.clock() + 60_000;
      expect(
        await store.inbox.complete(claim, [
          { activityId: 'c1', version: 1, status: 'logged', records: [{ object: 'Task', id: '00T000000000001AAA' }] },
          { activityId: 'c2', version: 1, status: 'skipped', rule: 'outside_business_hours', reason: 'at 23:10' },
          {
            activityId: 'c3',
            version: 1,
            status: 'retrying',
            nextAttemptAt,
            error: { code: 'UNABLE_TO_LOCK_ROW', message: 'unable to obtain exclusive access to this record' }
          },
          {
            activityId: 'c4',
            version: 1,
            status: 'failed',
            error: { code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Subject is required', fields: ['Subject'] }
          }
        ])
      ).toEqual({ applied: ['c1', 'c2', 'c3', 'c4'], stale: [] });

      expect(await store.activities.get('ten_a', 'c1')).toMatchObject({
        status: 'logged',
        attempts: 1,
        dueAt: null,
        salesforceRecords: [{ object: 'Task', id: '00T000000000001AAA' }],
        processedAt: t.clock()
      });
      expect(await store.activities.get('ten_a', 'c2')).toMatchObject({
        status: 'skipped',
        skip: { rule: 'outside_business_hours', reason: 'at 23:10' }
      });
      expect(await store.activities.get('ten_a', 'c3')).toMatchObject({
        status: 'retrying',
        dueAt: nextAttemptAt,
        lastError: { code: 'UNABLE_TO_LOCK_ROW', message: 'unable to obtain exclusive access to this record' }
      });
      expect(await store.activities.get('ten_a', 'c4')).toMatchObject({
        status: 'failed',
        dueAt: null,
        lastError: { code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Subject is required', fields: ['Subject'] }
      });
    });

    it('claims a retrying item again only once its next attempt is due', async () => {
      await accept('ten_a', [item('c1')]);
      const first = claimed(await store.inbox.claimBatch({ ...WORKER, tenantId: 'ten_a' }));
      await store.inbox.complete(first, [
        {
          activityId: 'c1',
          version: 1,
          status: 'retrying',
          nextAttemptAt: t.clock() + 5_000,
          error: { code: 'SERVER_UNAVAILABLE', message: '503' }
        }
      ]);
      await store.inbox.releaseLease(first);
      expect(await store.inbox.claimBatch({ ...WORKER, tenantId: 'ten_a' })).toEqual({
        status: 'empty',
        deadLettered: []
      });
      t.clock.advance(5_000);
      const second = claimed(await store.inbox.claimBatch({ ...WORKER, tenantId: 'ten_a' }));
      expect(second.items.map((i) => [i.activityId, i.attempt])).toEqual([['c1', 2]]);
    });

    it('does not overwrite an item re-pushed mid-flight: the completion is stale and the new version is queued', async () => {
      await accept('ten_a', [item('c1', { summary: 'v1' })]);
      const claim = claimed(await store.inbox.claimBatch({ ...WORKER, tenantId: 'ten_a' }));
      await accept('ten_a', [item('c1', { summary: 'v2' })]);
      expect(
        await store.inbox.complete(claim, [
          { activityId: 'c1', version: 1, status: 'logged', records: [{ object: 'Task', id: '00T000000000001AAA' }] }
        ])
      ).toEqual({ applied: [], stale: ['c1'] });
      expect(await store.activities.get('ten_a', 'c1')).toMatchObject({ status: 'queued', version: 2, attempts: 0 });

      await store.inbox.releaseLease(claim);
      const next = claimed(await store.inbox.claimBatch({ ...WORKER, tenantId: 'ten_a' }));
      expect(next.items.map((i) => [i.activityId, i.version, i.payload])).toEqual([
        ['c1', 2, { id: 'c1', type: 'call', summary: 'v2' }]
      ]);
    });

    it('re-queues an already logged activity when new data arrives, keeping its Salesforce records for the merge', async () => {
      await accept('ten_a', [item('c1')]);
      const claim = claimed(await store.inbox.claimBatch({ ...WORKER, tenantId: 'ten_a' }));
      await store.inbox.complete(claim, [
        { activityId: 'c1', version: 1, status: 'logged', records: [{ object: 'Task', id: '00T000000000001AAA' }] }
      ]);
      await store.inbox.releaseLease(claim);

      expect(await accept('ten_a', [item('c1', { recordingUrl: 'https://rec.example/1' })])).toEqual([
        { activityId: 'c1', status: 'updated', version: 2 }
      ]);
      const again = claimed(await store.inbox.claimBatch({ ...WORKER, tenantId: 'ten_a' }));
      expect(again.items[0]).toMatchObject({
        activityId: 'c1',
        version: 2,
        attempt: 1,
        salesforceRecords: [{ object: 'Task', id: '00T000000000001AAA' }]
      });
    });
  });

  describe('leases and crashes', () => {
    it('lets another worker take a crashed worker’s tenant and items after the lease expires; the late completion is stale', async () => {
      await accept('ten_a', [item('c1'), item('c2')]);
      const crashed = claimed(await store.inbox.claimBatch({ ...WORKER, tenantId: 'ten_a' }));
      const other = await t.openAnother();

      t.clock.advance(29_999);
      expect((await other.inbox.claimBatch({ ...WORKER, workerId: 'worker-2', tenantId: 'ten_a' })).status).toBe(
        'busy'
      );
      t.clock.advance(1);
      expect(await other.inbox.findTenantsWithDueWork({ limit: 10 })).toEqual([
        { tenantId: 'ten_a', dueCount: 2, oldestDueAt: crashed.leaseExpiresAt }
      ]);
      const takeover = claimed(await other.inbox.claimBatch({ ...WORKER, workerId: 'worker-2', tenantId: 'ten_a' }));
      expect(takeover.items.map((i) => [i.activityId, i.attempt])).toEqual([
        ['c1', 2],
        ['c2', 2]
      ]);

      expect(
        await store.inbox.complete(crashed, [{ activityId: 'c1', version: 1, status: 'logged', records: [] }])
      ).toEqual({ applied: [], stale: ['c1'] });
      expect(await store.inbox.renewLease(crashed, 30_000)).toBe(false);
      expect(await store.inbox.releaseLease(crashed)).toEqual({ requeued: [] });
      expect(
        await other.inbox.complete(takeover, [{ activityId: 'c1', version: 1, status: 'logged', records: [] }])
      ).toEqual({ applied: ['c1'], stale: [] });
    });

    it('renewing a lease keeps the tenant and its items past the original expiry', async () => {
      await accept('ten_a', [item('c1')]);
      const claim = claimed(await store.inbox.claimBatch({ ...WORKER, tenantId: 'ten_a' }));
      t.clock.advance(20_000);
      expect(await store.inbox.renewLease(claim, 30_000)).toBe(true);
      expect(claim.leaseExpiresAt).toBe(t.clock() + 30_000);
      t.clock.advance(15_000);
      expect((await store.inbox.claimBatch({ ...WORKER, workerId: 'w2', tenantId: 'ten_a' })).status).toBe('busy');
      expect(await store.activities.get('ten_a', 'c1')).toMatchObject({
        status: 'processing',
        dueAt: claim.leaseExpiresAt
      });
    });

    it('dead-letters an item whose workers kept stopping, once it reaches the maximum attempts', async () => {
      await accept('ten_a', [item('poison')]);
      for (let attempt = 1; attempt <= 3; attempt++) {
        claimed(await store.inbox.claimBatch({ ...WORKER, tenantId: 'ten_a', maxAttempts: 3 }));
        t.clock.advance(30_000);
      }
      await accept('ten_a', [item('fine')]);
      const result = await store.inbox.claimBatch({ ...WORKER, tenantId: 'ten_a', maxAttempts: 3 });
      expect(result.status === 'claimed' && result.deadLettered).toEqual(['poison']);
      expect(claimed(result).items.map((i) => i.activityId)).toEqual(['fine']);
      expect(await store.activities.get('ten_a', 'poison')).toMatchObject({
        status: 'failed',
        attempts: 3,
        lastError: { code: 'attempts_exhausted' }
      });
    });

    it('holds back a paused tenant until the pause ends, without affecting others', async () => {
      await accept('ten_a', [item('a1')]);
      await accept('ten_b', [item('b1')]);
      const until = t.clock() + 3_600_000;
      await store.inbox.pauseTenant('ten_a', until, 'REQUEST_LIMIT_EXCEEDED');
      await store.inbox.pauseTenant('ten_a', until - 1000, 'an earlier pause does not shorten it');
      expect(await store.inbox.claimBatch({ ...WORKER, tenantId: 'ten_a' })).toEqual({
        status: 'paused',
        until,
        reason: 'REQUEST_LIMIT_EXCEEDED'
      });
      expect(await store.inbox.getPause('ten_a')).toEqual({ until, reason: 'REQUEST_LIMIT_EXCEEDED' });
      expect((await store.inbox.findTenantsWithDueWork({ limit: 10 })).map((x) => x.tenantId)).toEqual(['ten_b']);

      t.clock.set(until);
      expect(await store.inbox.getPause('ten_a')).toBeUndefined();
      expect(claimed(await store.inbox.claimBatch({ ...WORKER, tenantId: 'ten_a' })).items).toHaveLength(1);
    });
  });

  describe('dead letters', () => {
    async function failAll(ids: string[]) {
      await accept(
        'ten_a',
        ids.map((id) => item(id))
      );
      const claim = claimed(await store.inbox.claimBatch({ ...WORKER, tenantId: 'ten_a' }));
      await store.inbox.complete(
        claim,
        ids.map((activityId) => ({
          activityId,
          version: 1,
          status: 'failed' as const,
          error: { code: 'INVALID_FIELD', message: `bad ${activityId}` }
        }))
      );
      await store.inbox.releaseLease(claim);
    }

    it('lists failed activities and replays chosen ones with fresh attempts, reporting ids that were not failed', async () => {
      await failAll(['f1', 'f2']);
      await accept('ten_a', [item('ok')]);
      expect((await store.inbox.listFailed('ten_a', { limit: 10 })).map((a) => [a.activityId, a.lastError])).toEqual([
        ['f1', { code: 'INVALID_FIELD', message: 'bad f1' }],
        ['f2', { code: 'INVALID_FIELD', message: 'bad f2' }]
      ]);
      expect(await store.inbox.replay('ten_a', { activityIds: ['f1', 'ok', 'missing'] })).toEqual({
        replayed: ['f1'],
        notFailed: ['ok', 'missing']
      });
      expect(await store.activities.get('ten_a', 'f1')).toMatchObject({
        status: 'queued',
        attempts: 0,
        dueAt: t.clock()
      });
      expect((await store.activities.get('ten_a', 'f1'))?.lastError).toBeUndefined();
      expect((await store.activities.get('ten_a', 'f2'))?.status).toBe('failed');
    });

    it('replays all failed activities of one tenant only', async () => {
      await failAll(['f1', 'f2']);
      await store.activities.accept('ten_b', [item('f1')]);
      expect(await store.inbox.replay('ten_b', { allFailed: true })).toEqual({ replayed: [], notFailed: [] });
      expect(await store.inbox.replay('ten_a', { allFailed: true })).toEqual({ replayed: ['f1', 'f2'], notFailed: [] });
      expect(await store.inbox.listFailed('ten_a', { limit: 10 })).toEqual([]);
    });
  });

  describe('concurrency', () => {
    // Several replicas are the PostgreSQL deployment. SQLite has one writing process (node:sqlite is synchronous:
    // two connections in one process would wait on each other's lock while blocking the event loop).
    if (engine.name === 'PostgreSQL') {
      it('when two workers drain the inbox at the same time, every item is claimed exactly once', async () => {
        const tenants = ['ten_a', 'ten_b', 'ten_c', 'ten_d'];
        await store.tenants.insert({ id: 'ten_c', name: 'ten_c', createdAt: 0 });
        await store.tenants.insert({ id: 'ten_d', name: 'ten_d', createdAt: 0 });
        const expected: string[] = [];
        for (const tenantId of tenants) {
          const ids = Array.from({ length: 15 }, (_, i) => `${tenantId}-${i}`);
          await accept(
            tenantId,
            ids.map((id) => item(id))
          );
          expected.push(...ids);
        }
        const replicas = [store, await t.openAnother()];
        const claimedBy = new Map<string, string[]>();

        const drain = async (replica: Store, workerId: string) => {
          for (let round = 0; round < 200; round++) {
            const due = await replica.inbox.findTenantsWithDueWork({ limit: 10 });
            if (due.length === 0) return;
            for (const { tenantId } of due) {
              const result = await replica.inbox.claimBatch({ workerId, tenantId, maxItems: 4, leaseMs: 60_000 });
              if (result.status !== 'claimed') continue;
              for (const i of result.claim.items)
                claimedBy.set(i.activityId, [...(claimedBy.get(i.activityId) ?? []), workerId]);
              const outcome = await replica.inbox.complete(
                result.claim,
                result.claim.items.map((i) => ({
                  activityId: i.activityId,
                  version: i.version,
                  status: 'logged',
                  records: []
                }))
              );
              expect(outcome.stale).toEqual([]);
              await replica.inbox.releaseLease(result.claim);
            }
          }
        };
        await Promise.all([drain(replicas[0] as Store, 'w1'), drain(replicas[1] as Store, 'w2')]);

        expect([...claimedBy.keys()].sort()).toEqual([...expected].sort());
        expect([...claimedBy.values()].filter((workers) => workers.length !== 1)).toEqual([]);
        expect(await store.activities.countByStatus()).toEqual({ logged: expected.length });
      });

      it('skips rows another transaction has locked instead of waiting for them (FOR UPDATE SKIP LOCKED)', async () => {
        await accept('ten_a', [item('locked'), item('free')]);
        const schema = t.config.kind === 'postgres' ? (t.config.schema as string) : '';
        const locker = new pg.Client({ connectionString: TEST_DATABASE_URL });
        await locker.connect();
        try {
          await locker.query('begin');
          await locker.query(
            `select activity_id from ${pg.escapeIdentifier(schema)}.activities where activity_id = 'locked' for update`
          );
          const claim = claimed(await store.inbox.claimBatch({ ...WORKER, tenantId: 'ten_a' }));
          expect(claim.items.map((i) => i.activityId)).toEqual(['free']);
        } finally {
          await locker.query('rollback');
          await locker.end();
        }
      });

      it('when two replicas take overlapping pushes of new ids in opposite orders, each id is queued exactly once and neither push fails', async () => {
        const ids = Array.from({ length: 300 }, (_, i) => `race-${String(i).padStart(3, '0')}`);
        const other = await t.openAnother();
        const [first, second] = await Promise.all([
          store.activities.accept(
            'ten_a',
            ids.map((id) => item(id))
          ),
          other.activities.accept(
            'ten_a',
            [...ids].reverse().map((id) => item(id))
          )
        ]);
        const statusesById = new Map<string, string[]>();
        for (const outcome of [...first.outcomes, ...second.outcomes]) {
          statusesById.set(outcome.activityId, [...(statusesById.get(outcome.activityId) ?? []), outcome.status]);
        }
        expect(statusesById.size).toBe(ids.length);
        for (const [, statuses] of statusesById) expect(statuses.sort()).toEqual(['duplicate', 'queued']);
        expect(await store.activities.countByStatus()).toEqual({ queued: ids.length });
      });

      it('when two replicas claim one tenant at the same instant, exactly one gets the lease', async () => {
        await accept('ten_a', [item('c1'), item('c2')]);
        const other = await t.openAnother();
        const results = await Promise.all([
          store.inbox.claimBatch({ ...WORKER, tenantId: 'ten_a' }),
          other.inbox.claimBatch({ ...WORKER, workerId: 'worker-2', tenantId: 'ten_a' })
        ]);
        expect(results.map((r) => r.status).sort()).toEqual(['busy', 'claimed']);
      });
    }

    if (engine.name === 'SQLite') {
      it('when another process holds the write lock, a claim waits for it instead of failing', async () => {
        await accept('ten_a', [item('c1')]);
        const file = t.config.kind === 'sqlite' ? t.config.path : '';
        // The other process takes the write lock, says so, holds it for a second, then commits.
        const holder = spawn(
          process.execPath,
          [
            '--disable-warning=ExperimentalWarning',
            '-e',
            `const { DatabaseSync } = require('node:sqlite');
             const db = new DatabaseSync(${JSON.stringify(file)});
             db.exec('begin immediate');
             db.exec("insert into tenants (id, name, created_at) values ('ten_other', 'Other process', 0)");
             process.stdout.write('locked');
             Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
             db.exec('commit');`
          ],
          { stdio: ['ignore', 'pipe', 'inherit'] }
        );
        await new Promise<void>((resolve, reject) => {
          holder.stdout.once('data', () => resolve());
          holder.once('exit', (code) => reject(new Error(`the lock holder exited early (${code})`)));
        });
        const started = Date.now();
        const result = await store.inbox.claimBatch({ ...WORKER, tenantId: 'ten_a' });
        expect(claimed(result).items.map((i) => i.activityId)).toEqual(['c1']);
        expect(Date.now() - started).toBeGreaterThanOrEqual(50);
        await new Promise((resolve) => holder.once('exit', resolve));
        expect(await store.tenants.get('ten_other')).toEqual({ id: 'ten_other', name: 'Other process', createdAt: 0 });
      });
    }
  });
});
