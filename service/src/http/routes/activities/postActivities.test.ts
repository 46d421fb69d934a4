import { sampleActivities, sampleCall, sampleEngagement, sampleMessage } from '../../../activities/samples.ts';
import { revokeApiKey, rotateWebhookSecret } from '../../../tenants/tenantAdmin.ts';
import { signWebhook } from '../../../crypto/webhookSignatures.ts';
import type { TestApp, TestTenant } from '../../../testing/testApp.ts';
import { startTestApp } from '../../../testing/testApp.ts';
import { TEST_ENGINES } from '../../../testing/stores.ts';

describe.each(TEST_ENGINES)('POST /v1/activities on $name', (engine) => {
  let app: TestApp;
  let tenant: TestTenant;
  beforeEach(async () => {
    app = await startTestApp(engine);
    tenant = await app.createTenant();
  });
  afterEach(async () => {
    await app.close();
  });

  async function expectStillHealthy() {
    const health = await app.request('GET', '/healthz');
    expect({ status: health.status, body: health.body }).toEqual({ status: 200, body: { status: 'ok' } });
  }

  const errorBody = (code: string, message: string, errors: { path: string; message: string }[] = []) => ({
    error: { code, message, errors }
  });

  describe('accepting activities', () => {
    it('when a platform pushes one activity of each type with its API key, then each is queued and on disk before the 202', async () => {
      const response = await app.push(tenant.apiKey, { activities: sampleActivities });

      expect(response.status).toBe(202);
      expect(response.body).toEqual({
        summary: { queued: 5, updated: 0, duplicate: 0, rejected: 0 },
        results: sampleActivities.map((activity, index) => ({ index, id: activity.id, status: 'queued', version: 1 }))
      });
      for (const activity of sampleActivities) {
        expect(await app.store.activities.get(tenant.tenantId, activity.id)).toMatchObject({
          type: activity.type,
          status: 'queued',
          version: 1,
          payload: activity
        });
      }
      expect(await app.metricValue('switchboard_push_items_total', { outcome: 'queued' })).toBe(5);
      expect(await app.metricValue('switchboard_inbox_items', { status: 'queued' })).toBe(5);
    });

    it('when the same activity is pushed again unchanged, then it is a duplicate; with a summary added, then an update re-queued as version 2', async () => {
      await app.push(tenant.apiKey, { activities: [sampleCall] });

      const again = await app.push(tenant.apiKey, { activities: [sampleCall] });
      expect(again.body).toEqual({
        summary: { queued: 0, updated: 0, duplicate: 1, rejected: 0 },
        results: [{ index: 0, id: sampleCall.id, status: 'duplicate', version: 1 }]
      });

      const reordered = Object.fromEntries(Object.entries(sampleCall).reverse());
      expect((await app.push(tenant.apiKey, { activities: [reordered] })).body).toMatchObject({
        results: [{ status: 'duplicate' }]
      });

      const later = { ...sampleCall, summary: 'Summary ready: quote sent.' };
      const updated = await app.push(tenant.apiKey, { activities: [later] });
      expect(updated.status).toBe(202);
      expect(updated.body).toEqual({
        summary: { queued: 0, updated: 1, duplicate: 0, rejected: 0 },
        results: [{ index: 0, id: sampleCall.id, status: 'updated', version: 2 }]
      });
      expect(await app.store.activities.get(tenant.tenantId, sampleCall.id)).toMatchObject({
        status: 'queued',
        version: 2,
        payload: later
      });
    });

    it('when an activity comes back with the same moments written in another offset, then it is a duplicate and the stored copy is unchanged', async () => {
      await app.push(tenant.apiKey, { activities: [sampleCall] });
      const inParis = {
        ...sampleCall,
        startedAt: '2026-01-15T10:30:00+01:00',
        answeredAt: '2026-01-15T10:30:07.000+01:00',
        endedAt: '2026-01-15T09:34:12.000Z'
      };
      const again = await app.push(tenant.apiKey, { activities: [inParis] });
      expect(again.body).toEqual({
        summary: { queued: 0, updated: 0, duplicate: 1, rejected: 0 },
        results: [{ index: 0, id: sampleCall.id, status: 'duplicate', version: 1 }]
      });
      expect(await app.store.activities.get(tenant.tenantId, sampleCall.id)).toMatchObject({
        version: 1,
        payload: sampleCall
      });

      const moved = await app.push(tenant.apiKey, { activities: [{ ...inParis, endedAt: '2026-01-15T09:35:00Z' }] });
      expect(moved.body).toMatchObject({ results: [{ status: 'updated', version: 2 }] });
      expect(await app.metricValue('switchboard_push_items_total', { outcome: 'duplicate' })).toBe(1);
      expect(await app.metricValue('switchboard_push_items_total', { outcome: 'updated' })).toBe(1);
    });

    it('when a push mixes valid and invalid activities, then the valid ones are queued and each invalid one is rejected with its paths', async () => {
      const response = await app.push(tenant.apiKey, {
        activities: [
          sampleCall,
          { ...sampleMessage, from: { phone: 'call me' }, sentAt: 'yesterday' },
          { ...sampleEngagement, id: 'ac-2', stars: 5 }
        ]
      });

      expect(response.status).toBe(202);
      expect(response.body).toEqual({
        summary: { queued: 1, updated: 0, duplicate: 0, rejected: 2 },
        results: [
          { index: 0, id: sampleCall.id, status: 'queued', version: 1 },
          {
            index: 1,
            id: sampleMessage.id,
            status: 'rejected',
            errors: [
              {
                path: 'activities[1].sentAt',
                message: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-01-15T09:30:00Z'
              },
              { path: 'activities[1].from.phone', message: 'must contain digits' }
            ]
          },
          {
            index: 2,
            id: 'ac-2',
            status: 'rejected',
            errors: [{ path: 'activities[2].stars', message: 'is not a known field' }]
          }
        ]
      });
      expect(await app.store.activities.get(tenant.tenantId, sampleMessage.id)).toBeUndefined();
      expect(await app.store.activities.get(tenant.tenantId, 'ac-2')).toBeUndefined();
      expect(await app.metricValue('switchboard_push_items_total', { outcome: 'rejected' })).toBe(2);
    });

    it('when an id first pushed as a call comes back as a message, then that item is rejected and the call is untouched', async () => {
      await app.push(tenant.apiKey, { activities: [sampleCall] });
      const response = await app.push(tenant.apiKey, {
        activities: [
          { ...sampleMessage, id: sampleCall.id },
          { ...sampleMessage, id: 'msg-2' }
        ]
      });
      expect(response.body).toEqual({
        summary: { queued: 1, updated: 0, duplicate: 0, rejected: 1 },
        results: [
          {
            index: 0,
            id: sampleCall.id,
            status: 'rejected',
            errors: [{ path: 'activities[0].type', message: 'must stay "call": this id was first pushed as a call' }]
          },
          { index: 1, id: 'msg-2', status: 'queued', version: 1 }
        ]
      });
      expect((await app.store.activities.get(tenant.tenantId, sampleCall.id))?.payload).toEqual(sampleCall);
    });

    it('when a push is signed with Standard Webhooks, then it is stored for the tenant whose secret signed it', async () => {
      const body = JSON.stringify({ activities: [sampleCall] });
      const response = await app.pushSigned(tenant, body, { id: 'msg_first' });
      expect(response.status).toBe(202);
      expect(response.body).toEqual({
        summary: { queued: 1, updated: 0, duplicate: 0, rejected: 0 },
        results: [{ index: 0, id: sampleCall.id, status: 'queued', version: 1 }]
      });
      expect(await app.store.activities.get(tenant.tenantId, sampleCall.id)).toMatchObject({ status: 'queued' });
    });

    it('when the webhook secret is rotated with a grace period, then the old secret signs until it expires', async () => {
      const oldSecret = tenant.webhookSecret;
      const rotated = await rotateWebhookSecret(app.store, { tenantId: tenant.tenantId, graceSeconds: 60 });
      const body = JSON.stringify({ activities: [sampleCall] });
      expect((await app.pushSigned(tenant, body, { secret: oldSecret })).status).toBe(202);
      expect((await app.pushSigned(tenant, body, { secret: rotated.webhookSecret })).status).toBe(202);

      app.clock.advance(60_000);
      const late = await app.pushSigned(tenant, body, { secret: oldSecret });
      expect({ status: late.status, body: late.body }).toEqual({
        status: 401,
        body: errorBody(
          'invalid_signature',
          'webhook-signature does not match this body signed with the tenant’s secret'
        )
      });
    });

    it('when injection-shaped names and phones meet the rules, then they are stored verbatim as data', async () => {
      const hostile = {
        ...sampleCall,
        id: "call-'; DROP TABLE activities; --",
        from: { phone: "+1 555' OR '1'='1", name: "Robert'); DELETE FROM Contact; --" },
        to: { name: 'FIND {x} IN ALL FIELDS RETURNING Contact', email: "o'brien@example.com" }
      };
      const response = await app.push(tenant.apiKey, {
        activities: [hostile, { ...sampleCall, id: 'call-2', from: { email: "x' OR '1'='1@evil.example" } }]
      });
      expect(response.status).toBe(202);
      expect(response.body).toEqual({
        summary: { queued: 1, updated: 0, duplicate: 0, rejected: 1 },
        results: [
          { index: 0, id: hostile.id, status: 'queued', version: 1 },
          {
            index: 1,
            id: 'call-2',
            status: 'rejected',
            errors: [{ path: 'activities[1].from.email', message: 'must be an email address' }]
          }
        ]
      });
      expect((await app.store.activities.get(tenant.tenantId, hostile.id))?.payload).toEqual(hostile);
      expect(await app.store.tenants.list()).toHaveLength(1);
      await expectStillHealthy();
    });
  });

  describe('refusing bad requests (each answered 4xx in the error shape; the service stays healthy)', () => {
    it('when no credentials are sent, then 401 unauthorized', async () => {
      const response = await app.request('POST', '/v1/activities', {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ activities: [sampleCall] })
      });
      expect({ status: response.status, body: response.body }).toEqual({
        status: 401,
        body: errorBody(
          'unauthorized',
          'send your tenant API key as "Authorization: Bearer <API key>", or sign the request with Standard Webhooks headers'
        )
      });
      expect(await app.metricValue('switchboard_auth_failures_total', { code: 'unauthorized' })).toBe(1);
      await expectStillHealthy();
    });

    it('when the key is wrong, malformed or not a bearer, then 401 unauthorized and nothing is stored', async () => {
      const wrong = tenant.apiKey.slice(0, -4) + (tenant.apiKey.endsWith('AAAA') ? 'BBBB' : 'AAAA');
      for (const authorization of [`Bearer ${wrong}`, 'Bearer not-a-key', `Basic ${tenant.apiKey}`]) {
        const response = await app.request('POST', '/v1/activities', {
          headers: { authorization, 'content-type': 'application/json' },
          body: JSON.stringify({ activities: [sampleCall] })
        });
        expect(response.status).toBe(401);
        expect(response.body).toEqual({ error: expect.objectContaining({ code: 'unauthorized', errors: [] }) });
      }
      expect(await app.store.activities.get(tenant.tenantId, sampleCall.id)).toBeUndefined();
      await expectStillHealthy();
    });

    it('when the key has been revoked, then 401 unauthorized', async () => {
      await revokeApiKey(app.store, { tenantId: tenant.tenantId, keyId: tenant.keyId });
      const response = await app.push(tenant.apiKey, { activities: [sampleCall] });
      expect({ status: response.status, body: response.body }).toEqual({
        status: 401,
        body: errorBody('unauthorized', 'the API key is not valid (unknown, revoked or expired)')
      });
      await expectStillHealthy();
    });

    it('when the signature does not match the body (one byte changed), then 401 invalid_signature', async () => {
      const body = JSON.stringify({ activities: [sampleCall] });
      const timestamp = Math.floor(app.clock() / 1000);
      const response = await app.request('POST', '/v1/activities', {
        headers: {
          'content-type': 'application/json',
          'webhook-id': 'msg_tampered',
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signWebhook({ secret: tenant.webhookSecret, id: 'msg_tampered', timestamp, body }),
          'switchboard-tenant': tenant.tenantId
        },
        body: body.replace('"call"', ' "call"')
      });
      expect({ status: response.status, body: response.body }).toEqual({
        status: 401,
        body: errorBody(
          'invalid_signature',
          'webhook-signature does not match this body signed with the tenant’s secret'
        )
      });
      expect(await app.store.activities.get(tenant.tenantId, sampleCall.id)).toBeUndefined();
      await expectStillHealthy();
    });

    it('when a signature is made with another tenant’s secret, then 401 invalid_signature', async () => {
      const other = await app.createTenant();
      const response = await app.pushSigned(tenant, JSON.stringify({ activities: [sampleCall] }), {
        secret: other.webhookSecret
      });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ error: expect.objectContaining({ code: 'invalid_signature' }) });
    });

    it('when a signed request lacks a header, then 401 invalid_signature naming it', async () => {
      const response = await app.request('POST', '/v1/activities', {
        headers: { 'content-type': 'application/json', 'webhook-id': 'msg_1', 'webhook-signature': 'v1,abc' },
        body: '{}'
      });
      expect({ status: response.status, body: response.body }).toEqual({
        status: 401,
        body: errorBody(
          'invalid_signature',
          'a signed request needs the headers webhook-timestamp, switchboard-tenant',
          [
            { path: 'headers.webhook-timestamp', message: 'is required' },
            { path: 'headers.switchboard-tenant', message: 'is required' }
          ]
        )
      });
    });

    it('when the webhook timestamp is more than five minutes old or ahead, then 401 stale_timestamp', async () => {
      const body = JSON.stringify({ activities: [sampleCall] });
      const now = Math.floor(app.clock() / 1000);
      for (const timestamp of [now - 301, now + 301]) {
        const response = await app.pushSigned(tenant, body, { timestamp });
        expect({ status: response.status, body: response.body }).toEqual({
          status: 401,
          body: errorBody(
            'stale_timestamp',
            "webhook-timestamp is 301 seconds away from the server's clock; at most 300 are allowed",
            [
              {
                path: 'headers.webhook-timestamp',
                message: "webhook-timestamp is 301 seconds away from the server's clock; at most 300 are allowed"
              }
            ]
          )
        });
      }
      expect((await app.pushSigned(tenant, body, { timestamp: now - 299 })).status).toBe(202);
      await expectStillHealthy();
    });

    it('when the same signed request is sent twice (a sender retrying), then 202 twice, the second all duplicate, and one stored record', async () => {
      const body = JSON.stringify({ activities: [sampleCall] });
      const first = await app.pushSigned(tenant, body, { id: 'msg_once' });
      const again = await app.pushSigned(tenant, body, { id: 'msg_once' });

      expect({ status: first.status, body: first.body }).toEqual({
        status: 202,
        body: {
          summary: { queued: 1, updated: 0, duplicate: 0, rejected: 0 },
          results: [{ index: 0, id: sampleCall.id, status: 'queued', version: 1 }]
        }
      });
      expect({ status: again.status, body: again.body }).toEqual({
        status: 202,
        body: {
          summary: { queued: 0, updated: 0, duplicate: 1, rejected: 0 },
          results: [{ index: 0, id: sampleCall.id, status: 'duplicate', version: 1 }]
        }
      });
      expect(await app.store.activities.countByStatus()).toEqual({ queued: 1 });
      expect(app.logs.some((line) => line.includes('replayed webhook-id answered from the first delivery'))).toBe(true);
      await expectStillHealthy();
    });

    it('when a webhook-id is replayed with other content, then nothing new is stored: known items are duplicates, new ones rejected', async () => {
      expect(
        (await app.pushSigned(tenant, JSON.stringify({ activities: [sampleCall] }), { id: 'msg_reused' })).status
      ).toBe(202);
      const changed = { ...sampleCall, summary: 'A different summary' };
      const replay = await app.pushSigned(tenant, JSON.stringify({ activities: [changed, sampleMessage] }), {
        id: 'msg_reused'
      });

      expect({ status: replay.status, body: replay.body }).toEqual({
        status: 202,
        body: {
          summary: { queued: 0, updated: 0, duplicate: 1, rejected: 1 },
          results: [
            { index: 0, id: sampleCall.id, status: 'duplicate', version: 1 },
            {
              index: 1,
              id: sampleMessage.id,
              status: 'rejected',
              errors: [
                {
                  path: 'activities[1]',
                  message:
                    'webhook-id msg_reused was already delivered without this activity; send new content with a new webhook-id'
                }
              ]
            }
          ]
        }
      });
      expect(await app.store.activities.get(tenant.tenantId, sampleMessage.id)).toBeUndefined();
      expect((await app.store.activities.get(tenant.tenantId, sampleCall.id))?.payload).toEqual(sampleCall);
      await expectStillHealthy();
    });

    it('when the body is larger than 1 MB, then 413 payload_too_large', async () => {
      const huge = JSON.stringify({ activities: [{ ...sampleCall, summary: 'x'.repeat(1024 * 1024) }] });
      const response = await app.request('POST', '/v1/activities', {
        headers: { authorization: `Bearer ${tenant.apiKey}`, 'content-type': 'application/json' },
        body: huge
      });
      expect({ status: response.status, body: response.body }).toEqual({
        status: 413,
        body: errorBody('payload_too_large', 'the request body must be at most 1048576 bytes (1 MB)')
      });
      await expectStillHealthy();
    });

    it('when the body is not valid JSON, then 400 malformed_json', async () => {
      const response = await app.request('POST', '/v1/activities', {
        headers: { authorization: `Bearer ${tenant.apiKey}`, 'content-type': 'application/json' },
        body: '{"activities": [ {"id": "c1",'
      });
      expect({ status: response.status, body: response.body }).toEqual({
        status: 400,
        body: errorBody('malformed_json', 'the request body is not valid JSON')
      });
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      await expectStillHealthy();
    });

    it('when the body is not declared as JSON, then 415 unsupported_media_type', async () => {
      const response = await app.request('POST', '/v1/activities', {
        headers: { authorization: `Bearer ${tenant.apiKey}`, 'content-type': 'text/plain' },
        body: JSON.stringify({ activities: [sampleCall] })
      });
      expect({ status: response.status, body: response.body }).toEqual({
        status: 415,
        body: errorBody('unsupported_media_type', 'the request body must be JSON with Content-Type: application/json')
      });
    });

    it('when fields have the wrong types or are unknown, then 400 invalid_body naming each path', async () => {
      const response = await app.push(tenant.apiKey, {
        activities: [{ ...sampleCall, durationSeconds: 'long', from: 42, mood: 'happy' }]
      });
      expect({ status: response.status, body: response.body }).toEqual({
        status: 400,
        body: errorBody('invalid_body', 'no activity was accepted: all 1 were rejected', [
          { path: 'activities[0].durationSeconds', message: 'must be a number' },
          { path: 'activities[0].from', message: 'must be an object' },
          { path: 'activities[0].mood', message: 'is not a known field' }
        ])
      });
      await expectStillHealthy();
    });

    it('when the envelope is wrong, then 400 invalid_body', async () => {
      const response = await app.push(tenant.apiKey, { activity: sampleCall });
      expect({ status: response.status, body: response.body }).toEqual({
        status: 400,
        body: errorBody('invalid_body', 'the request body is not a valid push', [
          { path: 'activities', message: 'is required' },
          { path: 'activity', message: 'is not a known field' }
        ])
      });
    });

    it('when a push carries 501 activities, then 413 too_many_items and nothing is stored', async () => {
      const activities = Array.from({ length: 501 }, (_, i) => ({ ...sampleMessage, id: `m-${i}` }));
      const response = await app.push(tenant.apiKey, { activities });
      expect({ status: response.status, body: response.body }).toEqual({
        status: 413,
        body: errorBody('too_many_items', 'a push may carry at most 500 activities; this one has 501')
      });
      expect(await app.store.activities.countByStatus()).toEqual({});
      await expectStillHealthy();
    });

    it('when every bad input of the issue’s list arrives in turn, then each gets its 4xx in the error shape, nothing is stored, and the service stays healthy and keeps accepting', async () => {
      const revoked = await app.createTenant();
      await revokeApiKey(app.store, { tenantId: revoked.tenantId, keyId: revoked.keyId });
      const good = JSON.stringify({ activities: [sampleCall] });
      const keyed = (body: string, key = tenant.apiKey, contentType = 'application/json') =>
        app.request('POST', '/v1/activities', {
          headers: { authorization: `Bearer ${key}`, 'content-type': contentType },
          body
        });
      const now = Math.floor(app.clock() / 1000);
      const unknownFields = Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`k${i}`, 1]));
      const cases: Array<[string, () => Promise<{ status: number; body: unknown; text: string }>, number, string]> = [
        [
          'no key',
          () => app.request('POST', '/v1/activities', { headers: { 'content-type': 'application/json' }, body: good }),
          401,
          'unauthorized'
        ],
        [
          'wrong key',
          () => keyed(good, `${tenant.apiKey.slice(0, -1)}${tenant.apiKey.endsWith('A') ? 'B' : 'A'}`),
          401,
          'unauthorized'
        ],
        ['revoked key', () => keyed(good, revoked.apiKey), 401, 'unauthorized'],
        [
          'bad signature',
          () => app.pushSigned(tenant, good, { secret: revoked.webhookSecret }),
          401,
          'invalid_signature'
        ],
        ['stale timestamp', () => app.pushSigned(tenant, good, { timestamp: now - 600 }), 401, 'stale_timestamp'],
        ['oversize body', () => keyed(' '.repeat(1024 * 1024 + 1)), 413, 'payload_too_large'],
        ['malformed JSON', () => keyed('{"activities": [}'), 400, 'malformed_json'],
        ['empty body', () => keyed(''), 400, 'malformed_json'],
        ['not JSON', () => keyed(good, tenant.apiKey, 'text/csv'), 415, 'unsupported_media_type'],
        [
          'wrong types',
          () => keyed(JSON.stringify({ activities: [{ ...sampleCall, startedAt: 17 }] })),
          400,
          'invalid_body'
        ],
        [
          'unknown fields',
          () => keyed(JSON.stringify({ activities: [{ ...sampleCall, mood: 'happy' }] })),
          400,
          'invalid_body'
        ],
        [
          'a megabyte of unknown fields',
          () => keyed(JSON.stringify({ activities: [{ ...sampleCall, ...unknownFields }] })),
          400,
          'invalid_body'
        ],
        ['501 items', () => keyed(JSON.stringify({ activities: Array(501).fill(sampleCall) })), 413, 'too_many_items'],
        [
          'deep nesting',
          () => keyed(`{"activities":${'['.repeat(200_000)}${']'.repeat(200_000)}}`),
          400,
          'invalid_body'
        ],
        ['a body that is an array', () => keyed(JSON.stringify([sampleCall])), 400, 'invalid_body']
      ];
      const answers = [];
      for (const [name, send, status, code] of cases) {
        const response = await send();
        const body = response.body as { error?: { code?: unknown; message?: unknown; errors?: unknown[] } };
        answers.push({
          name,
          status: response.status,
          code: body?.error?.code,
          shape:
            Object.keys(body ?? {}).join() === 'error' &&
            Object.keys(body.error ?? {}).join() === 'code,message,errors' &&
            typeof body.error?.message === 'string' &&
            (body.error?.errors ?? []).every(
              (e) =>
                Object.keys(e as object).join() === 'path,message' &&
                Object.values(e as object).every((v) => typeof v === 'string')
            ),
          small: response.text.length < 4_000
        });
        expect((await app.request('GET', '/healthz')).status).toBe(200);
        expect(answers.at(-1)).toEqual({ name, status, code, shape: true, small: true });
      }
      expect(await app.store.activities.countByStatus()).toEqual({});
      expect(await app.metricValue('switchboard_auth_failures_total')).toBe(5);
      expect(await app.metricValue('switchboard_http_requests_total', { route: '/v1/activities', status: '202' })).toBe(
        0
      );
      // The unknown fields are listed up to a bound, then counted.
      const flood = await keyed(JSON.stringify({ activities: [{ ...sampleCall, ...unknownFields }] }));
      const errors = (flood.body as { error: { errors: { path: string; message: string }[] } }).error.errors;
      expect(errors).toHaveLength(20);
      expect(errors.at(-1)).toEqual({ path: 'activities[0]', message: '59981 more problems are not listed' });

      const accepted = await keyed(good);
      expect(accepted.status).toBe(202);
      expect(await app.store.activities.countByStatus()).toEqual({ queued: 1 });
    });

    it('when a key-authenticated request names another tenant in the header, then the key’s tenant is used', async () => {
      const other = await app.createTenant();
      const response = await app.request('POST', '/v1/activities', {
        headers: {
          authorization: `Bearer ${tenant.apiKey}`,
          'content-type': 'application/json',
          'switchboard-tenant': other.tenantId
        },
        body: JSON.stringify({ activities: [sampleCall] })
      });
      expect(response.status).toBe(202);
      expect(await app.store.activities.get(tenant.tenantId, sampleCall.id)).toBeDefined();
      expect(await app.store.activities.get(other.tenantId, sampleCall.id)).toBeUndefined();
    });
  });
});
