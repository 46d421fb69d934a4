// API accounting and injected faults as jsforce sees them: /limits and Sforce-Limit-Info, REQUEST_LIMIT_EXCEEDED,
// 503 SERVER_UNAVAILABLE, UNABLE_TO_LOCK_ROW (single record and collections), latency, and the request log.
import type { Connection } from 'jsforce';
import { ManualClock } from '../src/index.ts';
import { failureOf, startTestOrg } from './support.ts';
import type { TestOrg } from './support.ts';

interface Result {
  id?: string;
  success: boolean;
  errors: Array<{ statusCode: string; message: string; fields: string[] }>;
}

describe('API limits', () => {
  let org: TestOrg;
  let conn: Connection;
  const clock = new ManualClock();

  beforeAll(async () => {
    org = await startTestOrg({ apiDailyLimit: 50, clock });
    conn = await org.login();
  });
  afterAll(() => org.stop());
  beforeEach(() => org.controlCall('POST', '/usage/reset'));

  it('every API response carries Sforce-Limit-Info and each call counts once (jsforce conn.limitInfo)', async () => {
    await conn.query('SELECT Id FROM User LIMIT 1');
    expect(conn.limitInfo.apiUsage).toEqual({ used: 1, limit: 50 });
    await conn.sobject('Account').create({ Name: 'Counted' });
    expect(conn.limitInfo.apiUsage).toEqual({ used: 2, limit: 50 });
    const failed = await failureOf(() => conn.query('SELECT Nope FROM Account'));
    expect(failed.errorCode).toBe('INVALID_FIELD');
    await conn.query('SELECT Id FROM User LIMIT 1');
    expect(conn.limitInfo.apiUsage?.used).toBe(4);
  });

  it('GET limits reports DailyApiRequests Max and Remaining (this call included) among the usual keys', async () => {
    await conn.query('SELECT Id FROM User LIMIT 1');
    const limits = await conn.limits();
    expect(limits.DailyApiRequests).toEqual({ Max: 50, Remaining: 48 });
    expect(limits).toHaveProperty('DataStorageMB.Max');
    expect(limits).toHaveProperty('DailyBulkApiBatches.Remaining');
  });

  it('once the allowance is spent every call is 403 REQUEST_LIMIT_EXCEEDED, not counted, until it is reset', async () => {
    for (let i = 0; i < 50; i++) await conn.request('/services/data/v62.0/limits');
    const error = await failureOf(() => conn.query('SELECT Id FROM User LIMIT 1'));
    expect([error.errorCode, error.message]).toEqual(['REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.']);
    const raw = await org.raw('/services/data/v62.0/limits', { token: conn.accessToken! });
    expect(raw.status).toBe(403);
    expect(raw.headers.get('sforce-limit-info')).toBe('api-usage=50/50');
    expect(await raw.json()).toEqual([
      { message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }
    ]);
  });

  it('the control surface can exhaust the allowance until a given time; then usage starts again', async () => {
    const until = new Date(clock.now() + 3600_000).toISOString();
    const exhausted = await org.controlCall<{ used: number; max: number }>('POST', '/usage/exhaust', { until });
    expect(exhausted.body).toMatchObject({ used: 50, max: 50 });
    expect((await failureOf(() => conn.query('SELECT Id FROM User LIMIT 1'))).errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
    clock.advance(3600_000);
    await conn.query('SELECT Id FROM User LIMIT 1');
    expect(conn.limitInfo.apiUsage).toEqual({ used: 1, limit: 50 });
  });

  it('usage falls off after 24 hours', async () => {
    await conn.query('SELECT Id FROM User LIMIT 1');
    clock.advance(24 * 3600_000 + 60_000);
    await conn.query('SELECT Id FROM User LIMIT 1');
    expect(conn.limitInfo.apiUsage?.used).toBe(1);
  });
});

describe('faults', () => {
  let org: TestOrg;
  let conn: Connection;

  beforeAll(async () => {
    org = await startTestOrg();
    conn = await org.login();
  });
  afterAll(() => org.stop());
  afterEach(async () => {
    await org.controlCall('DELETE', '/faults');
    await org.controlCall('PATCH', '/settings', { serviceUnavailableRate: 0, rowLockRate: 0, latencyMs: 0 });
  });

  it('fails exactly the next N matching requests with 503 SERVER_UNAVAILABLE, uncounted', async () => {
    const queued = await org.controlCall('POST', '/faults', {
      kind: 'serviceUnavailable',
      count: 2,
      method: 'POST',
      path: '/sobjects/Account'
    });
    expect(queued.status).toBe(201);
    const usedBefore = (await org.controlCall<{ used: number }>('GET', '/usage')).body.used;
    for (let i = 0; i < 2; i++) {
      const error = await failureOf(() => conn.sobject('Account').create({ Name: 'Unavailable' }));
      expect(error.errorCode).toBe('SERVER_UNAVAILABLE');
    }
    expect((await org.controlCall<{ used: number }>('GET', '/usage')).body.used).toBe(usedBefore);
    expect((await conn.sobject('Account').create({ Name: 'Available' })).success).toBe(true);
    expect((await conn.query("SELECT COUNT() FROM Account WHERE Name = 'Unavailable'")).totalSize).toBe(0);
  });

  it('jsforce retries a GET answered 503 on its own (it never retries a POST)', async () => {
    await org.controlCall('DELETE', '/requests');
    await org.controlCall('POST', '/faults', { kind: 'serviceUnavailable', path: '/query' });
    expect((await conn.query('SELECT Id FROM User LIMIT 1')).records).toHaveLength(1);
    const log = await org.controlCall<{ requests: Array<{ path: string; status: number }> }>('GET', '/requests');
    expect(log.body.requests.map((r) => `${r.path} ${r.status}`)).toEqual([
      '/services/data/v62.0/query 503',
      '/services/data/v62.0/query 200'
    ]);
  });

  it('a 503 rate of 1 answers every API call 503 in Salesforce shape until it is set back', async () => {
    await org.controlCall('PATCH', '/settings', { serviceUnavailableRate: 1 });
    const response = await org.raw('/services/data/v62.0/limits', { token: conn.accessToken! });
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(((await response.json()) as Array<{ errorCode: string }>)[0]?.errorCode).toBe('SERVER_UNAVAILABLE');
    expect((await failureOf(() => conn.sobject('Account').create({ Name: 'Down' }))).errorCode).toBe(
      'SERVER_UNAVAILABLE'
    );
    await org.controlCall('PATCH', '/settings', { serviceUnavailableRate: 0 });
    expect((await conn.limits()).DailyApiRequests?.Max).toBe(15000);
  });

  it('a row lock on a single-record write is 400 UNABLE_TO_LOCK_ROW and nothing is written', async () => {
    await org.controlCall('POST', '/faults', { kind: 'rowLock', method: 'POST', path: '/sobjects/Account' });
    const error = await failureOf(() => conn.sobject('Account').create({ Name: 'Locked Out' }));
    expect([error.errorCode, error.message]).toEqual([
      'UNABLE_TO_LOCK_ROW',
      'unable to obtain exclusive access to this record'
    ]);
    expect((await conn.query("SELECT Id FROM Account WHERE Name = 'Locked Out'")).totalSize).toBe(0);
    expect((await conn.sobject('Account').create({ Name: 'Locked Out' })).success).toBe(true);
  });

  it('row locks in a collection fail their records with statusCode; allOrNone rolls the rest back', async () => {
    const records = [0, 1, 2].map((i) => ({ LastName: `Lock ${i}`, Company: 'Lock Co' }));
    await org.controlCall('POST', '/faults', { kind: 'rowLock', records: [1] });
    const partial = (await conn.sobject('Lead').create(records, { allOrNone: false })) as Result[];
    expect(partial.map((r) => r.success)).toEqual([true, false, true]);
    expect(partial[1]?.errors[0]).toEqual({
      statusCode: 'UNABLE_TO_LOCK_ROW',
      message: 'unable to obtain exclusive access to this record',
      fields: []
    });

    await org.controlCall('POST', '/faults', { kind: 'rowLock', records: [2] });
    const atomic = (await conn.sobject('Lead').create(records, { allOrNone: true })) as Result[];
    expect(atomic.map((r) => r.errors[0]?.statusCode)).toEqual([
      'ALL_OR_NONE_OPERATION_ROLLED_BACK',
      'ALL_OR_NONE_OPERATION_ROLLED_BACK',
      'UNABLE_TO_LOCK_ROW'
    ]);
    expect((await conn.query("SELECT COUNT() FROM Lead WHERE Company = 'Lock Co'")).totalSize).toBe(2);
  });

  it('a row-lock rate of 1 fails every record write; reads are untouched', async () => {
    await org.controlCall('PATCH', '/settings', { rowLockRate: 1 });
    expect((await failureOf(() => conn.sobject('Account').create({ Name: 'Never' }))).errorCode).toBe(
      'UNABLE_TO_LOCK_ROW'
    );
    expect((await conn.query('SELECT Id FROM User LIMIT 1')).records).toHaveLength(1);
  });

  it('a queued sessionExpired fault answers 401 once; jsforce refreshes (password login) and carries on', async () => {
    await org.controlCall('POST', '/faults', { kind: 'sessionExpired', path: '/limits' });
    const refreshed: string[] = [];
    conn.once('refresh', (token: string) => refreshed.push(token));
    expect((await conn.limits()).DailyApiRequests?.Max).toBe(15000);
    expect(refreshed).toHaveLength(1);
  });

  it('added latency delays answers', async () => {
    await org.controlCall('PATCH', '/settings', { latencyMs: 150 });
    const started = performance.now();
    await conn.limits();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('the request log records method, path, status and whether the call counted', async () => {
    await org.controlCall('DELETE', '/requests');
    await conn.query('SELECT Id FROM User LIMIT 1');
    await fetch(`${org.baseUrl}/services/data`);
    await failureOf(() => conn.sobject('Nope__c').describe());
    const log = await org.controlCall<{
      totals: { requests: number; counted: number };
      requests: Array<Record<string, unknown>>;
    }>('GET', '/requests');
    expect(log.body.requests.map(({ method, path, status, counted }) => ({ method, path, status, counted }))).toEqual([
      { method: 'GET', path: '/services/data/v62.0/query', status: 200, counted: true },
      { method: 'GET', path: '/services/data', status: 200, counted: false },
      { method: 'GET', path: '/services/data/v62.0/sobjects/Nope__c/describe', status: 404, counted: true }
    ]);
    expect(log.body.totals).toEqual({ requests: 3, counted: 2 });
    const counted = await org.controlCall<{ requests: unknown[] }>(
      'GET',
      '/requests?counted=true&method=GET&path=/query'
    );
    expect(counted.body.requests).toHaveLength(1);
  });
});
