import { sql } from 'kysely';
import { sampleCall } from '../activities/samples.ts';
import type { TestApp } from '../testing/testApp.ts';
import { apiKeySecretOf, startTestApp } from '../testing/testApp.ts';
import { createApp } from './app.ts';
import { TEST_ENGINES } from '../testing/stores.ts';

describe.each(TEST_ENGINES)('the service on $name', (engine) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(engine);
  });
  afterEach(async () => {
    await app.close();
  });

  describe('health', () => {
    it('when asked /healthz, then the process answers ok', async () => {
      const response = await app.request('GET', '/healthz');
      expect({ status: response.status, body: response.body }).toEqual({ status: 200, body: { status: 'ok' } });
    });

    it('when the store answers and migrations have run, then /readyz is 200', async () => {
      const response = await app.request('GET', '/readyz');
      expect({ status: response.status, body: response.body }).toEqual({
        status: 200,
        body: { status: 'ready', checks: { store: 'ok', migrations: 'ok' } }
      });
    });

    it('when a migration has not been applied, then /readyz is 503 naming it', async () => {
      await sql`delete from kysely_migration where name = '0001_initial'`.execute(app.store.db);
      const response = await app.request('GET', '/readyz');
      expect({ status: response.status, body: response.body }).toEqual({
        status: 503,
        body: {
          error: {
            code: 'not_ready',
            message: 'database migrations have not been applied',
            errors: [{ path: 'migrations', message: 'pending: 0001_initial' }]
          }
        }
      });
    });

    it('when the store is gone, then /readyz is 503 while /healthz still answers', async () => {
      await app.store.close();
      const ready = await app.request('GET', '/readyz');
      expect({ status: ready.status, body: ready.body }).toEqual({
        status: 503,
        body: {
          error: {
            code: 'not_ready',
            message: 'the store is not reachable',
            errors: [{ path: 'store', message: 'does not answer' }]
          }
        }
      });
      expect((await app.request('GET', '/healthz')).status).toBe(200);
    });
  });

  describe('metrics', () => {
    it('when scraped, then /metrics shows requests by route template and status, and the inbox depth, without tenant data', async () => {
      const tenant = await app.createTenant();
      await app.push(tenant.apiKey, { activities: [sampleCall] });
      await app.request('GET', `/v1/activities/${sampleCall.id}`, {
        headers: { authorization: `Bearer ${tenant.apiKey}` }
      });

      const response = await app.request('GET', '/metrics');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(response.text).toContain(
        'switchboard_http_requests_total{method="POST",route="/v1/activities",status="202"} 1'
      );
      expect(response.text).toContain(
        'switchboard_http_requests_total{method="GET",route="/v1/activities/:id",status="200"} 1'
      );
      expect(response.text).toContain('switchboard_push_items_total{outcome="queued"} 1');
      expect(response.text).toContain('switchboard_inbox_items{status="queued"} 1');
      expect(response.text).not.toContain(tenant.tenantId);
      expect(response.text).not.toContain(sampleCall.id);
    });
  });

  describe('metrics behind a token', () => {
    it('when METRICS_TOKEN is configured, then /metrics needs it', async () => {
      const guarded = await startTestApp(engine, { metricsToken: 'a-long-enough-metrics-token-0123456789' });
      try {
        const without = await guarded.request('GET', '/metrics');
        expect({ status: without.status, body: without.body }).toEqual({
          status: 401,
          body: {
            error: { code: 'unauthorized', message: 'metrics need "Authorization: Bearer <METRICS_TOKEN>"', errors: [] }
          }
        });
        const wrong = await guarded.request('GET', '/metrics', { headers: { authorization: 'Bearer nope' } });
        expect(wrong.status).toBe(401);
        const right = await guarded.request('GET', '/metrics', {
          headers: { authorization: 'Bearer a-long-enough-metrics-token-0123456789' }
        });
        expect(right.status).toBe(200);
        expect(right.text).toContain('switchboard_http_requests_total');
      } finally {
        await guarded.close();
      }
    });
  });

  describe('routing errors answer in the error shape, never HTML', () => {
    it('when a route does not exist, then 404 not_found', async () => {
      const response = await app.request('GET', '/v1/nothing-here');
      expect({ status: response.status, body: response.body }).toEqual({
        status: 404,
        body: { error: { code: 'not_found', message: 'no route matches GET /v1/nothing-here', errors: [] } }
      });
    });

    it('when a route exists but not for the method, then 405 method_not_allowed with Allow', async () => {
      const response = await app.request('DELETE', '/v1/activities');
      expect({ status: response.status, body: response.body, allow: response.headers.get('allow') }).toEqual({
        status: 405,
        body: { error: { code: 'method_not_allowed', message: 'DELETE is not allowed here; use POST', errors: [] } },
        allow: 'POST'
      });
      expect((await app.request('PUT', '/healthz')).headers.get('allow')).toBe('GET, HEAD');
    });

    it('when the path cannot be decoded, then 400 bad_request', async () => {
      const response = await app.request('GET', '/v1/activities/%E0%A4%A', { headers: { authorization: 'Bearer x' } });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        error: { code: 'bad_request', message: 'the request could not be read', errors: [] }
      });
    });

    it('when something breaks inside, then 500 internal_error with no internals, and the details are only logged', async () => {
      const tenant = await app.createTenant();
      await app.store.close();
      const response = await app.push(tenant.apiKey, { activities: [sampleCall] });
      expect({ status: response.status, body: response.body }).toEqual({
        status: 500,
        body: {
          error: {
            code: 'internal_error',
            message: 'something went wrong on our side; the error has been logged',
            errors: []
          }
        }
      });
      expect(response.text).not.toMatch(/at .*\.ts|destroyed|sqlite|postgres/i);
      expect(app.logs.some((line) => line.includes('"msg":"unhandled error"'))).toBe(true);
      expect((await app.request('GET', '/healthz')).status).toBe(200);
    });

    it('sends no-store, nosniff and a request id on every answer', async () => {
      const response = await app.request('GET', '/healthz', { headers: { 'x-request-id': 'req-42' } });
      expect({
        cache: response.headers.get('cache-control'),
        sniff: response.headers.get('x-content-type-options'),
        id: response.headers.get('x-request-id'),
        poweredBy: response.headers.get('x-powered-by')
      }).toEqual({ cache: 'no-store', sniff: 'nosniff', id: 'req-42', poweredBy: null });
    });
  });

  describe('authentication', () => {
    it('when a route is called without credentials, then 401 — except health, readiness, metrics without a token, and the OAuth browser steps', async () => {
      type Layer = { route?: { path: string; methods: Record<string, boolean> } };
      const stack = (
        createApp({
          store: app.store,
          logger: app.logger,
          metrics: app.metrics,
          connectFlow: app.connectFlow,
          publicBaseUrl: 'http://localhost'
        }) as unknown as { router: { stack: Layer[] } }
      ).router.stack;
      const operations = stack.flatMap((layer) =>
        layer.route
          ? Object.keys(layer.route.methods)
              .filter((m) => m !== '_all')
              .map((m) => ({ method: m.toUpperCase(), path: layer.route?.path.replace(':id', 'some-id') as string }))
          : []
      );
      const open = [
        'GET /healthz',
        'GET /readyz',
        'GET /metrics',
        'GET /oauth/salesforce/start',
        'GET /oauth/salesforce/callback'
      ];
      const answers: Record<string, number> = {};
      for (const { method, path } of operations) {
        const response = await app.request(method, path, {
          headers: { 'content-type': 'application/json' },
          ...(method === 'GET' || method === 'DELETE' ? {} : { body: '{}' })
        });
        answers[`${method} ${path}`] = response.status;
      }
      const guarded = Object.entries(answers).filter(([operation]) => !open.includes(operation));
      expect(guarded.length).toBeGreaterThanOrEqual(5);
      expect(guarded.filter(([, status]) => status !== 401)).toEqual([]);
      // The browser steps refuse without their own credentials (connect token, state) too.
      expect(answers['GET /oauth/salesforce/start']).toBe(400);
      expect(answers['GET /oauth/salesforce/callback']).toBe(400);
    });
  });

  describe('logs', () => {
    it('when pushes and reads carry keys, secrets, phones, emails and names, then none of them reaches the log', async () => {
      const tenant = await app.createTenant();
      const canary = {
        ...sampleCall,
        id: 'call-canary',
        from: { phone: '+1 555 0199 7731', email: 'canary.person@example.org', name: 'Canary Q. Person' },
        to: { phone: '+44 20 7946 0321' },
        summary: 'canary summary text'
      };
      await app.push(tenant.apiKey, { activities: [canary] });
      await app.pushSigned(tenant, JSON.stringify({ activities: [{ ...canary, id: 'call-canary-2' }] }), {
        id: 'msg_canary'
      });
      await app.push(tenant.apiKey, { activities: [{ ...canary, id: 'bad', from: { phone: 'x' } }] });
      await app.request('GET', '/v1/activities/call-canary', { headers: { authorization: `Bearer ${tenant.apiKey}` } });
      await app.request('POST', '/v1/activities', {
        headers: { authorization: `Bearer ${tenant.apiKey}x`, 'content-type': 'application/json' },
        body: '{}'
      });

      const logged = app.logs.join('');
      expect(app.logs.length).toBeGreaterThanOrEqual(5);
      expect(logged).toContain(tenant.tenantId);
      expect(logged).toContain('"msg":"push received"');
      const secrets = [
        tenant.apiKey,
        apiKeySecretOf(tenant.apiKey),
        tenant.webhookSecret,
        tenant.webhookSecret.slice('whsec_'.length),
        '+1 555 0199 7731',
        '5550199',
        '+44 20 7946 0321',
        'canary.person@example.org',
        'Canary Q. Person',
        'canary summary text',
        'v1,'
      ];
      for (const secret of secrets) expect(logged).not.toContain(secret);
    });
  });
});
