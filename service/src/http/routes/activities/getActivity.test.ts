import { sampleCall, sampleMessage } from '../../../activities/samples.ts';
import type { Claim } from '../../../store/inbox.ts';
import type { TestApp, TestTenant } from '../../../testing/testApp.ts';
import { startTestApp } from '../../../testing/testApp.ts';
import { TEST_ENGINES } from '../../../testing/stores.ts';

describe.each(TEST_ENGINES)('GET /v1/activities/{id} on $name', (engine) => {
  let app: TestApp;
  let tenant: TestTenant;
  beforeEach(async () => {
    app = await startTestApp(engine);
    tenant = await app.createTenant('Acme');
  });
  afterEach(async () => {
    await app.close();
  });

  const get = (apiKey: string, id: string) =>
    app.request('GET', `/v1/activities/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${apiKey}` } });
  const iso = (ms: number) => new Date(ms).toISOString();

  async function claimAll(): Promise<Claim> {
    const result = await app.store.inbox.claimBatch({
      tenantId: tenant.tenantId,
      workerId: 'test-worker',
      maxItems: 10,
      leaseMs: 30_000
    });
    if (result.status !== 'claimed') throw new Error(`nothing claimed: ${result.status}`);
    return result.claim;
  }

  it('when the tenant asks about an activity it just pushed, then it is queued with its times', async () => {
    await app.push(tenant.apiKey, { activities: [sampleCall] });
    const response = await get(tenant.apiKey, sampleCall.id);
    expect({ status: response.status, body: response.body }).toEqual({
      status: 200,
      body: {
        id: sampleCall.id,
        type: 'call',
        status: 'queued',
        version: 1,
        attempts: 0,
        receivedAt: iso(app.clock()),
        updatedAt: iso(app.clock()),
        processedAt: null
      }
    });
  });

  it('when the worker has finished, then logged shows the Salesforce records, skipped the rule, retrying the next attempt and failed the error', async () => {
    const ids = ['c-logged', 'c-skipped', 'c-retrying', 'c-failed'];
    await app.push(tenant.apiKey, { activities: ids.map((id) => ({ ...sampleCall, id })) });
    const claim = await claimAll();
    app.clock.advance(2_000);
    const nextAttemptAt = app.clock() + 60_000;
    await app.store.inbox.complete(claim, [
      { activityId: 'c-logged', version: 1, status: 'logged', records: [{ object: 'Task', id: '00T000000000001AAA' }] },
      {
        activityId: 'c-skipped',
        version: 1,
        status: 'skipped',
        rule: 'line_not_logged',
        reason: 'line Sales US is off'
      },
      {
        activityId: 'c-retrying',
        version: 1,
        status: 'retrying',
        nextAttemptAt,
        error: { code: 'SERVER_UNAVAILABLE', message: 'Salesforce answered 503' }
      },
      {
        activityId: 'c-failed',
        version: 1,
        status: 'failed',
        error: { code: 'INVALID_FIELD', message: "No such column 'Foo__c' on entity 'Task'", fields: ['Foo__c'] }
      }
    ]);
    const times = {
      version: 1,
      attempts: 1,
      receivedAt: iso(app.clock() - 2_000),
      updatedAt: iso(app.clock() - 2_000),
      processedAt: iso(app.clock())
    };

    expect((await get(tenant.apiKey, 'c-logged')).body).toEqual({
      id: 'c-logged',
      type: 'call',
      status: 'logged',
      ...times,
      salesforceRecords: [{ object: 'Task', id: '00T000000000001AAA' }]
    });
    expect((await get(tenant.apiKey, 'c-skipped')).body).toEqual({
      id: 'c-skipped',
      type: 'call',
      status: 'skipped',
      ...times,
      skip: { rule: 'line_not_logged', reason: 'line Sales US is off' }
    });
    expect((await get(tenant.apiKey, 'c-retrying')).body).toEqual({
      id: 'c-retrying',
      type: 'call',
      status: 'retrying',
      ...times,
      nextAttemptAt: iso(nextAttemptAt),
      lastError: { code: 'SERVER_UNAVAILABLE', message: 'Salesforce answered 503' }
    });
    expect((await get(tenant.apiKey, 'c-failed')).body).toEqual({
      id: 'c-failed',
      type: 'call',
      status: 'failed',
      ...times,
      lastError: { code: 'INVALID_FIELD', message: "No such column 'Foo__c' on entity 'Task'", fields: ['Foo__c'] }
    });
  });

  it('when one tenant asks for another tenant’s activity, then 404, and each tenant sees only its own version of a shared id', async () => {
    const other = await app.createTenant('Globex');
    await app.push(tenant.apiKey, { activities: [sampleCall] });
    await app.push(other.apiKey, { activities: [sampleMessage] });

    const response = await get(other.apiKey, sampleCall.id);
    expect({ status: response.status, body: response.body }).toEqual({
      status: 404,
      body: {
        error: {
          code: 'not_found',
          message: `no activity with id "${sampleCall.id}" was pushed by this tenant`,
          errors: []
        }
      }
    });
    expect((await get(tenant.apiKey, sampleMessage.id)).status).toBe(404);

    await app.push(other.apiKey, { activities: [{ ...sampleMessage, id: sampleCall.id }] });
    expect((await get(other.apiKey, sampleCall.id)).body).toMatchObject({ type: 'message' });
    expect((await get(tenant.apiKey, sampleCall.id)).body).toMatchObject({ type: 'call' });
  });

  it('when no API key is sent (webhook signing is for pushes only), then 401 unauthorized', async () => {
    await app.push(tenant.apiKey, { activities: [sampleCall] });
    const response = await app.request('GET', `/v1/activities/${sampleCall.id}`, {
      headers: { 'switchboard-tenant': tenant.tenantId, 'webhook-id': 'msg_1' }
    });
    expect({ status: response.status, body: response.body }).toEqual({
      status: 401,
      body: {
        error: {
          code: 'unauthorized',
          message: 'send your tenant API key as "Authorization: Bearer <API key>"',
          errors: []
        }
      }
    });
  });

  it('when the request carries query parameters or an over-long id, then 400 naming them', async () => {
    const withQuery = await app.request('GET', '/v1/activities/c1?include=payload', {
      headers: { authorization: `Bearer ${tenant.apiKey}` }
    });
    expect({ status: withQuery.status, body: withQuery.body }).toEqual({
      status: 400,
      body: {
        error: {
          code: 'invalid_query',
          message: 'this route takes no query parameters',
          errors: [{ path: 'query.include', message: 'is not a known parameter' }]
        }
      }
    });
    const long = await get(tenant.apiKey, 'x'.repeat(256));
    expect(long.status).toBe(400);
    expect(long.body).toEqual({ error: expect.objectContaining({ code: 'invalid_parameter' }) });
  });
});
