// The contract test: service/openapi.yaml documents exactly the routes the app serves (method + path), and what
// the running app answers validates against the documented schemas.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { sampleActivities, sampleCall, sampleMessage } from '../activities/samples.ts';
import { createApp } from './app.ts';
import { createLogger } from '../logging/logger.ts';
import { createMetrics } from '../metrics/metrics.ts';
import type { TestApp, TestTenant } from '../testing/testApp.ts';
import { startTestApp } from '../testing/testApp.ts';
import type { RunningOrg } from '../testing/salesforceOrg.ts';
import { connectTenant, cookieHeaderFrom, startTestOrg } from '../testing/salesforceOrg.ts';
import { TEST_ENGINES } from '../testing/stores.ts';
import type { ConnectFlow } from '../salesforce/connectFlow.ts';
import type { Store } from '../store/store.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
  >;
  components: { schemas: Record<string, unknown> };
}

const spec = parseYaml(readFileSync(path.join(here, '../../openapi.yaml'), 'utf8')) as OpenApiDocument;

// OpenAPI 3.1 schemas are JSON Schema 2020-12 plus a few annotations; move components under $defs so the refs
// resolve as plain JSON Schema, and drop the OpenAPI-only `discriminator`.
function toJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJsonSchema);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => key !== 'discriminator')
      .map(([key, v]) => [
        key,
        key === '$ref' && typeof v === 'string' ? v.replace('#/components/schemas/', '#/$defs/') : toJsonSchema(v)
      ])
  );
}
const defs = toJsonSchema(spec.components.schemas) as Record<string, unknown>;
const validatorFor = (schema: unknown) =>
  z.fromJSONSchema({ $defs: defs, ...(toJsonSchema(schema) as object) } as never);

function documentedOperations(): string[] {
  return Object.entries(spec.paths).flatMap(([p, item]) =>
    METHODS.filter((m) => m in item).map((m) => `${m.toUpperCase()} ${p}`)
  );
}

function servedOperations(app: Express): string[] {
  type Layer = { route?: { path: string; methods: Record<string, boolean> } };
  const stack = (app as unknown as { router: { stack: Layer[] } }).router.stack;
  return stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods)
          .filter((m) => m !== '_all')
          .map((m) => `${m.toUpperCase()} ${layer.route?.path.replace(/:(\w+)/g, '{$1}')}`)
      : []
  );
}

describe('the OpenAPI document', () => {
  it('lists exactly the routes the app serves, method and path', () => {
    const app = createApp({
      store: {} as Store,
      logger: createLogger({ level: 'silent' }),
      metrics: createMetrics(),
      connectFlow: {} as ConnectFlow,
      publicBaseUrl: 'http://localhost'
    });
    expect(servedOperations(app).sort()).toEqual(documentedOperations().sort());
  });

  it('describes the activities platforms push: every sample validates, an unknown field does not', () => {
    const request = validatorFor({ $ref: '#/components/schemas/PushRequest' });
    expect(request.safeParse({ activities: sampleActivities }).success).toBe(true);
    expect(request.safeParse({ activities: [{ ...sampleCall, mood: 'happy' }] }).success).toBe(false);
    expect(request.safeParse({ activities: [{ ...sampleCall, type: 'fax' }] }).success).toBe(false);
    expect(request.safeParse({ activities: [{ ...sampleCall, recordingUrl: 'javascript:alert(1)' }] }).success).toBe(
      false
    );
  });
});

describe('responses of the running app match their documented schemas', () => {
  const [sqlite] = TEST_ENGINES;
  let app: TestApp;
  let org: RunningOrg;
  let tenant: TestTenant;
  const metricsToken = 'metrics-token-for-the-contract-test';
  const seen = new Map<string, unknown>();

  beforeAll(async () => {
    org = await startTestOrg();
    // Sandbox logins go to a closed port: the token exchange of such an attempt cannot reach Salesforce (502).
    app = await startTestApp(sqlite as (typeof TEST_ENGINES)[number], {
      metricsToken,
      salesforce: { loginUrl: org.baseUrl, sandboxLoginUrl: 'http://127.0.0.1:1' }
    });
    tenant = await app.createTenant('Contract');
  });
  afterAll(async () => {
    await app.close();
    await org.close();
  });

  async function record(operation: string, method: string, url: string, init?: Parameters<TestApp['request']>[2]) {
    const response = await app.request(method, url, init);
    const key = `${operation} ${response.status}`;
    if (!seen.has(key)) seen.set(key, { body: response.body, contentType: response.headers.get('content-type') });
    return response;
  }
  const bearer = { authorization: '' };
  const json = (body: unknown) => ({
    headers: { authorization: `Bearer ${tenant.apiKey}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body)
  });

  it('when every documented answer is provoked, then each JSON body validates against its schema', async () => {
    bearer.authorization = `Bearer ${tenant.apiKey}`;
    await record('GET /healthz', 'GET', '/healthz');
    await record('GET /readyz', 'GET', '/readyz');
    await record('GET /metrics', 'GET', '/metrics', { headers: { authorization: `Bearer ${metricsToken}` } });
    await record('GET /metrics', 'GET', '/metrics');

    await record(
      'POST /v1/activities',
      'POST',
      '/v1/activities',
      json({ activities: [sampleCall, { ...sampleMessage, to: {} }] })
    );
    await record('POST /v1/activities', 'POST', '/v1/activities', json('{oops'));
    await record('POST /v1/activities', 'POST', '/v1/activities', {
      ...json({}),
      headers: { 'content-type': 'application/json' }
    });
    await app.pushSigned(tenant, JSON.stringify({ activities: [sampleMessage] }), { id: 'msg_contract' });
    const replay = await app.pushSigned(tenant, JSON.stringify({ activities: [sampleMessage] }), {
      id: 'msg_contract'
    });
    seen.set(`POST /v1/activities ${replay.status}`, {
      body: replay.body,
      contentType: replay.headers.get('content-type')
    });
    await record('POST /v1/activities', 'POST', '/v1/activities', json({ activities: Array(501).fill(sampleCall) }));
    await record('POST /v1/activities', 'POST', '/v1/activities', {
      headers: { authorization: `Bearer ${tenant.apiKey}`, 'content-type': 'text/plain' },
      body: 'hello'
    });

    const claim = await app.store.inbox.claimBatch({
      tenantId: tenant.tenantId,
      workerId: 'w',
      maxItems: 1,
      leaseMs: 1000
    });
    if (claim.status !== 'claimed') throw new Error('nothing to claim');
    await app.store.inbox.complete(claim.claim, [
      {
        activityId: sampleCall.id,
        version: 1,
        status: 'logged',
        records: [{ object: 'Task', id: '00T000000000001AAA' }]
      }
    ]);
    await record('GET /v1/activities/{id}', 'GET', `/v1/activities/${sampleCall.id}`, { headers: bearer });
    await record('GET /v1/activities/{id}', 'GET', '/v1/activities/nope?x=1', { headers: bearer });
    await record('GET /v1/activities/{id}', 'GET', '/v1/activities/nope');
    await record('GET /v1/activities/{id}', 'GET', '/v1/activities/nope', { headers: bearer });

    await app.store.db.deleteFrom('kysely_migration' as never).execute();
    await record('GET /readyz', 'GET', '/readyz');

    // Connecting Salesforce.
    const auth = { authorization: `Bearer ${tenant.apiKey}` };
    await record('GET /v1/salesforce/connection', 'GET', '/v1/salesforce/connection', { headers: auth });
    await record('GET /v1/salesforce/connection', 'GET', '/v1/salesforce/connection?x=1', { headers: auth });
    await record('GET /v1/salesforce/connection', 'GET', '/v1/salesforce/connection');
    const link = await record(
      'POST /v1/salesforce/connect-links',
      'POST',
      '/v1/salesforce/connect-links',
      json({ environment: 'sandbox' })
    );
    await record(
      'POST /v1/salesforce/connect-links',
      'POST',
      '/v1/salesforce/connect-links',
      json({ environment: 'x' })
    );
    await record('POST /v1/salesforce/connect-links', 'POST', '/v1/salesforce/connect-links');
    await record('POST /v1/salesforce/connect-links', 'POST', '/v1/salesforce/connect-links', {
      headers: { ...auth, 'content-type': 'text/plain' },
      body: 'sandbox'
    });
    const startUrl = new URL((link.body as { url: string }).url);
    const start = await record('GET /oauth/salesforce/start', 'GET', `${startUrl.pathname}${startUrl.search}`);
    await record('GET /oauth/salesforce/start', 'GET', `${startUrl.pathname}${startUrl.search}`);
    await record('GET /oauth/salesforce/start', 'GET', `/oauth/salesforce/start?tenant=${tenant.tenantId}`);
    const state = new URL(start.headers.get('location') as string).searchParams.get('state') as string;
    const fromStartingBrowser = { headers: { cookie: cookieHeaderFrom(start) } };
    const callbackUrl = `/oauth/salesforce/callback?code=abc&state=${state}`;
    await record('GET /oauth/salesforce/callback', 'GET', callbackUrl, fromStartingBrowser);
    await record('GET /oauth/salesforce/callback', 'GET', callbackUrl, fromStartingBrowser);
    const connected = await connectTenant(app, org, tenant);
    seen.set(`GET /oauth/salesforce/callback ${connected.callback.status}`, {
      body: connected.callback.body,
      contentType: connected.callback.headers.get('content-type')
    });
    await record('DELETE /v1/salesforce/connection', 'DELETE', '/v1/salesforce/connection', { headers: auth });
    await record('DELETE /v1/salesforce/connection', 'DELETE', '/v1/salesforce/connection', { headers: auth });
    await record('DELETE /v1/salesforce/connection', 'DELETE', '/v1/salesforce/connection');

    const documented = Object.entries(spec.paths).flatMap(([p, item]) =>
      Object.entries(item).flatMap(([method, operation]) =>
        Object.entries(operation.responses).map(([status, response]) => ({
          key: `${method.toUpperCase()} ${p} ${status}`,
          content: response.content ?? {}
        }))
      )
    );
    expect(documented.map((d) => d.key).filter((key) => !seen.has(key))).toEqual([]);
    expect([...seen.keys()].filter((key) => !documented.some((d) => d.key === key))).toEqual([]);

    // Documented without a body (a redirect): none is sent.
    const bodiless = documented.filter((d) => Object.keys(d.content).length === 0);
    expect(bodiless.map((d) => d.key)).toEqual(['GET /oauth/salesforce/start 302']);
    expect(bodiless.map((d) => seen.get(d.key))).toEqual([{ body: undefined, contentType: null }]);

    for (const { key, content } of documented.filter((d) => Object.keys(d.content).length > 0)) {
      const sample = seen.get(key) as { body: unknown; contentType: string };
      const [mediaType, { schema }] = Object.entries(content)[0] as [string, { schema: unknown }];
      expect({ key, contentType: sample.contentType?.split(';')[0] }).toEqual({ key, contentType: mediaType });
      if (mediaType !== 'application/json') continue;
      const result = validatorFor(schema).safeParse(sample.body);
      expect({ key, issues: result.success ? [] : result.error.issues }).toEqual({ key, issues: [] });
    }
  });
});
