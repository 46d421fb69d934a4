// Connecting a tenant's org: the real app on an ephemeral port, the real org emulator, jsforce. Each test asserts
// the HTTP answers, what the store holds, what the org saw, and logs/metrics where they matter.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OAuth2 } from 'jsforce';
import type { TestApp, TestTenant } from '../testing/testApp.ts';
import { EMULATOR_CLIENT, startTestApp } from '../testing/testApp.ts';
import { TEST_ENGINES } from '../testing/stores.ts';
import type { RunningOrg } from '../testing/salesforceOrg.ts';
import { connectTenant, cookieHeaderFrom, startTestOrg } from '../testing/salesforceOrg.ts';
import { createSalesforceAccess } from './salesforceAccess.ts';

const errorBody = (code: string, message: string, errors: { path: string; message: string }[] = []) => ({
  error: { code, message, errors }
});

describe.each(TEST_ENGINES)('connecting Salesforce on $name', (engine) => {
  let org: RunningOrg;
  let app: TestApp;
  let tenant: TestTenant;

  beforeEach(async () => {
    org = await startTestOrg();
    app = await startTestApp(engine, { salesforce: { loginUrl: org.baseUrl } });
    tenant = await app.createTenant();
  });
  afterEach(async () => {
    await app.close();
    await org.close();
  });

  const bearer = (key: string) => ({ authorization: `Bearer ${key}`, 'content-type': 'application/json' });

  async function connectionStatus(key = tenant.apiKey) {
    return app.request('GET', '/v1/salesforce/connection', { headers: { authorization: `Bearer ${key}` } });
  }

  it('when a tenant goes through start → consent → callback, then the org, user and tokens are stored encrypted and the connection works', async () => {
    const before = await connectionStatus();
    expect(before.body).toEqual({ status: 'not_connected' });

    const steps = await connectTenant(app, org, tenant);

    // The start sent the browser to the org's authorize endpoint with PKCE, a state and the least scope.
    const authorize = new URL(steps.start.headers.get('location') as string);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${org.baseUrl}/services/oauth2/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toEqual({
      response_type: 'code',
      client_id: EMULATOR_CLIENT.id,
      redirect_uri: app.config.salesforce.redirectUri,
      scope: 'api refresh_token',
      prompt: 'login consent',
      state: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/)
    });
    expect(steps.callback.status).toBe(200);
    expect(steps.callback.headers.get('content-type')).toMatch(/^text\/html/);
    expect(steps.callback.text).toContain(`Org ${org.org.organizationId} is connected`);

    const stored = await app.store.salesforceConnections.get(tenant.tenantId);
    expect(stored).toMatchObject({
      status: 'connected',
      orgId: org.org.organizationId,
      userId: org.org.adminUserId,
      instanceUrl: org.baseUrl,
      environment: 'production',
      loginHost: org.baseUrl
    });
    const raw = await app.store.db.selectFrom('salesforce_connections').selectAll().executeTakeFirstOrThrow();
    expect(raw.refresh_token_ciphertext).not.toContain(stored?.refreshToken);
    expect(raw.access_token_ciphertext).not.toContain(stored?.accessToken);

    const status = await connectionStatus();
    expect(status.body).toEqual({
      status: 'connected',
      orgId: org.org.organizationId,
      userId: org.org.adminUserId,
      instanceUrl: org.baseUrl,
      environment: 'production',
      loginHost: org.baseUrl,
      connectedAt: expect.any(String),
      refreshTokenUsedAt: (status.body as { connectedAt: string }).connectedAt
    });
    expect(status.text).not.toContain(stored?.refreshToken);

    // The stored tokens work at the org.
    const session = await app.salesforce!.open(tenant.tenantId);
    const users = await session.query('SELECT Id FROM User LIMIT 1');
    expect(users).toHaveLength(1);
    await session.close();

    expect(await app.metricValue('switchboard_oauth_connects_total', { outcome: 'started' })).toBe(1);
    expect(await app.metricValue('switchboard_oauth_connects_total', { outcome: 'connected' })).toBe(1);
    const logText = app.logs.join('\n');
    const callbackParams = new URL(steps.authorizeLocation).searchParams;
    const connectToken = new URL((steps.link.body as { url: string }).url).searchParams.get('connect_token');
    for (const secret of [
      stored?.refreshToken,
      stored?.accessToken,
      authorize.searchParams.get('state'),
      authorize.searchParams.get('code_challenge'),
      callbackParams.get('code'),
      connectToken
    ]) {
      expect(secret).toEqual(expect.any(String));
      expect(logText).not.toContain(secret);
    }
  });

  it('when the host is a Lightning host, then the link and the start are refused naming the My Domain host to use', async () => {
    const message =
      'acme.lightning.force.com is a Lightning page host, not a login host: use acme.my.salesforce.com instead';
    const link = await app.request('POST', '/v1/salesforce/connect-links', {
      headers: bearer(tenant.apiKey),
      body: JSON.stringify({ environment: 'mydomain', host: 'https://acme.lightning.force.com/lightning/page/home' })
    });
    expect({ status: link.status, body: link.body }).toEqual({
      status: 400,
      body: errorBody(
        'invalid_body',
        'host must be a host name only, such as acme.my.salesforce.com (no path or port)',
        [{ path: 'host', message: 'host must be a host name only, such as acme.my.salesforce.com (no path or port)' }]
      )
    });
    const bare = await app.request('POST', '/v1/salesforce/connect-links', {
      headers: bearer(tenant.apiKey),
      body: JSON.stringify({ environment: 'mydomain', host: 'acme.lightning.force.com' })
    });
    expect({ status: bare.status, body: bare.body }).toEqual({
      status: 400,
      body: errorBody('invalid_body', message, [{ path: 'host', message }])
    });

    const { url } = (await app.request('POST', '/v1/salesforce/connect-links', { headers: bearer(tenant.apiKey) }))
      .body as { url: string };
    const sandboxLightning = 'acme--uat.sandbox.lightning.force.com';
    const start = await app.request(
      'GET',
      `${new URL(url).pathname}${new URL(url).search}&environment=mydomain&host=${sandboxLightning}`
    );
    const sandboxMessage = `${sandboxLightning} is a Lightning page host, not a login host: use acme--uat.sandbox.my.salesforce.com instead`;
    expect({ status: start.status, body: start.body }).toEqual({
      status: 400,
      body: errorBody('invalid_query', sandboxMessage, [{ path: 'query.host', message: sandboxMessage }])
    });
  });

  it('when a My Domain host is given, then the browser is sent to that host over https', async () => {
    const link = await app.request('POST', '/v1/salesforce/connect-links', {
      headers: bearer(tenant.apiKey),
      body: JSON.stringify({ environment: 'mydomain', host: 'Acme--UAT.sandbox.my.salesforce.com' })
    });
    expect(link.status).toBe(201);
    const url = new URL((link.body as { url: string }).url);
    expect(url.searchParams.get('host')).toBe('Acme--UAT.sandbox.my.salesforce.com');
    const start = await app.request('GET', `${url.pathname}${url.search}`);
    expect(start.status).toBe(302);
    expect(start.text).toBe('');
    expect(start.headers.get('location')).toMatch(
      /^https:\/\/acme--uat\.sandbox\.my\.salesforce\.com\/services\/oauth2\/authorize\?/
    );
    const pending = await app.store.db.selectFrom('oauth_states').selectAll().execute();
    expect(pending.map((p) => [p.tenant_id, p.environment, p.login_host])).toEqual([
      [tenant.tenantId, 'mydomain', 'https://acme--uat.sandbox.my.salesforce.com']
    ]);
  });

  it('when a connect link is used twice, used for another tenant or missing, then 403 and no attempt starts', async () => {
    const other = await app.createTenant();
    const { url } = (
      await app.request('POST', '/v1/salesforce/connect-links', {
        headers: bearer(tenant.apiKey),
        body: JSON.stringify({ environment: 'production' })
      })
    ).body as { url: string };
    const parsed = new URL(url);

    const forOther = new URL(parsed);
    forOther.searchParams.set('tenant', other.tenantId);
    const stolen = await app.request('GET', `${forOther.pathname}${forOther.search}`);
    const refused = errorBody(
      'invalid_connect_token',
      'this connect link is unknown, already used or expired: ask for a new one',
      [
        {
          path: 'query.connect_token',
          message: 'this connect link is unknown, already used or expired: ask for a new one'
        }
      ]
    );
    expect({ status: stolen.status, body: stolen.body }).toEqual({ status: 403, body: refused });

    expect((await app.request('GET', `${parsed.pathname}${parsed.search}`)).status).toBe(302);
    const again = await app.request('GET', `${parsed.pathname}${parsed.search}`);
    expect({ status: again.status, body: again.body }).toEqual({ status: 403, body: refused });

    const without = await app.request(
      'GET',
      `/oauth/salesforce/start?tenant=${tenant.tenantId}&environment=production`
    );
    expect(without.status).toBe(403);
    expect(await app.store.db.selectFrom('oauth_states').selectAll().execute()).toHaveLength(1);
    expect(await app.metricValue('switchboard_oauth_connects_total', { outcome: 'refused' })).toBe(2);
  });

  it('when the state is unknown or replayed, then the callback is refused with 400 and nothing is stored', async () => {
    const steps = await connectTenant(app, org, tenant);
    expect(steps.callback.status).toBe(200);
    const first = await app.store.salesforceConnections.get(tenant.tenantId);

    const callback = new URL(steps.authorizeLocation);
    const replayed = await app.request('GET', `${callback.pathname}${callback.search}`, {
      headers: { cookie: steps.cookie }
    });
    const message = 'this authorization is unknown, already used or expired: start the connection again';
    expect({ status: replayed.status, body: replayed.body }).toEqual({
      status: 400,
      body: errorBody('invalid_state', message, [{ path: 'query.state', message }])
    });
    const forgedState = 'x'.repeat(43);
    const forged = await app.request('GET', `/oauth/salesforce/callback?code=abc&state=${forgedState}`, {
      headers: { cookie: `switchboard-oauth=${forgedState}` }
    });
    expect({ status: forged.status, body: forged.body }).toEqual({
      status: 400,
      body: errorBody('invalid_state', message, [{ path: 'query.state', message }])
    });
    const missing = await app.request('GET', '/oauth/salesforce/callback?code=abc');
    expect({ status: missing.status, body: missing.body }).toEqual({
      status: 400,
      body: errorBody('invalid_state', 'state is missing: start the connection again', [
        { path: 'query.state', message: 'state is missing: start the connection again' }
      ])
    });
    expect(await app.store.salesforceConnections.get(tenant.tenantId)).toEqual(first);
  });

  it('when the callback reaches a browser that did not start the attempt, then 400 invalid_state, nothing is stored, and the starting browser can still finish', async () => {
    const { url } = (
      await app.request('POST', '/v1/salesforce/connect-links', {
        headers: bearer(tenant.apiKey),
        body: JSON.stringify({ environment: 'production' })
      })
    ).body as { url: string };
    const start = await app.request('GET', `${new URL(url).pathname}${new URL(url).search}`);
    expect(start.headers.getSetCookie()).toEqual([
      expect.stringMatching(
        /^switchboard-oauth=[A-Za-z0-9_-]{43}; Max-Age=600; Path=\/oauth\/salesforce\/; HttpOnly; SameSite=Lax$/
      )
    ]);
    const starter = cookieHeaderFrom(start);
    // The attacker's move: the authorize link of their attempt, finished in the victim's browser.
    org.control.addCallbackUrl(app.config.salesforce.redirectUri);
    const authorize = await fetch(start.headers.get('location') as string, { redirect: 'manual' });
    const callback = new URL(authorize.headers.get('location') as string);
    const callbackPath = `${callback.pathname}${callback.search}`;

    const message =
      'this connection was not started in this browser (or its cookie expired): open the connect link in the browser that finishes the connection';
    const refused = errorBody('invalid_state', message, [{ path: 'cookie', message }]);
    const victim = await app.request('GET', callbackPath);
    expect({ status: victim.status, body: victim.body }).toEqual({ status: 400, body: refused });
    const otherAttempt = await app.request('GET', callbackPath, {
      headers: { cookie: `switchboard-oauth=${'y'.repeat(43)}` }
    });
    expect({ status: otherAttempt.status, body: otherAttempt.body }).toEqual({ status: 400, body: refused });
    expect(await app.store.salesforceConnections.get(tenant.tenantId)).toBeUndefined();
    expect(await app.metricValue('switchboard_oauth_connects_total', { outcome: 'refused' })).toBe(2);

    // The state was not used up by the refusals: the browser that started finishes, and its cookie is cleared.
    const finished = await app.request('GET', callbackPath, { headers: { cookie: starter } });
    expect(finished.status).toBe(200);
    expect(finished.headers.getSetCookie()).toEqual([
      'switchboard-oauth=; Max-Age=0; Path=/oauth/salesforce/; HttpOnly; SameSite=Lax'
    ]);
    expect(await app.store.salesforceConnections.get(tenant.tenantId)).toMatchObject({
      status: 'connected',
      orgId: org.org.organizationId
    });
  });

  it('when Salesforce answers with an error (consent denied), then 400 oauth_denied and the state is used up', async () => {
    const { url } = (
      await app.request('POST', '/v1/salesforce/connect-links', {
        headers: bearer(tenant.apiKey),
        body: JSON.stringify({ environment: 'sandbox' })
      })
    ).body as { url: string };
    const start = await app.request('GET', `${new URL(url).pathname}${new URL(url).search}`);
    const state = new URL(start.headers.get('location') as string).searchParams.get('state') as string;
    const denied = await app.request(
      'GET',
      `/oauth/salesforce/callback?error=access_denied&error_description=end-user+denied+authorization&state=${state}`,
      { headers: { cookie: cookieHeaderFrom(start) } }
    );
    const message = 'Salesforce did not authorize the connection (access_denied): end-user denied authorization';
    expect({ status: denied.status, body: denied.body }).toEqual({
      status: 400,
      body: errorBody('oauth_denied', message, [{ path: 'query.error', message }])
    });
    expect(await app.store.db.selectFrom('oauth_states').selectAll().execute()).toEqual([]);
    expect(await app.store.salesforceConnections.get(tenant.tenantId)).toBeUndefined();
  });

  it('when the org expires every session twice, then each refresh persists the rotated refresh token and the connection keeps working', async () => {
    await connectTenant(app, org, tenant);
    const original = await app.store.salesforceConnections.get(tenant.tenantId);

    org.control.expireSessions();
    const session = await app.salesforce!.open(tenant.tenantId);
    expect(await session.query('SELECT Id FROM Account LIMIT 1')).toHaveLength(1);
    const afterFirst = await app.store.salesforceConnections.get(tenant.tenantId);
    expect(afterFirst?.refreshToken).not.toBe(original?.refreshToken);
    expect(afterFirst?.accessToken).not.toBe(original?.accessToken);
    expect(afterFirst?.tokensRefreshedAt).toEqual(expect.any(Number));

    // With rotation, presenting the retired token would revoke everything: the second refresh must use the new one.
    org.control.expireSessions();
    expect(await session.query('SELECT Id FROM Account LIMIT 1')).toHaveLength(1);
    await session.close();
    const afterSecond = await app.store.salesforceConnections.get(tenant.tenantId);
    expect(afterSecond?.refreshToken).not.toBe(afterFirst?.refreshToken);
    expect(afterSecond?.status).toBe('connected');

    const retired = new OAuth2({
      loginUrl: org.baseUrl,
      clientId: EMULATOR_CLIENT.id,
      clientSecret: EMULATOR_CLIENT.secret
    });
    expect(await app.metricValue('switchboard_salesforce_token_refreshes_total', { outcome: 'refreshed' })).toBe(2);
    // The connection still works after the emulator saw both rotations (the retired ones were never replayed).
    const check = await app.salesforce!.open(tenant.tenantId);
    expect(await check.query('SELECT Id FROM Account LIMIT 1')).toHaveLength(1);
    await check.close();
    await expect(retired.refreshToken(original?.refreshToken as string)).rejects.toMatchObject({
      name: 'invalid_grant'
    });
    expect(app.logs.join('\n')).not.toContain(afterSecond?.refreshToken);
  });

  it('when two replicas find the session expired at once, then one refreshes, the other uses its token, and the tenant stays connected', async () => {
    await connectTenant(app, org, tenant);
    const replicaStore = await app.openAnotherStore();
    {
      const replica = createSalesforceAccess({
        config: app.config,
        store: replicaStore,
        logger: app.logger,
        metrics: app.metrics
      });
      const a = await app.salesforce!.open(tenant.tenantId);
      const b = await replica.open(tenant.tenantId);
      org.control.expireSessions();
      const [ra, rb] = await Promise.all([
        a.query('SELECT Id FROM Account LIMIT 1'),
        b.query('SELECT Id FROM Account LIMIT 1')
      ]);
      expect([ra.length, rb.length]).toEqual([1, 1]);
      expect(await app.metricValue('switchboard_salesforce_token_refreshes_total', { outcome: 'refreshed' })).toBe(1);
      expect(await app.metricValue('switchboard_salesforce_token_refreshes_total', { outcome: 'adopted' })).toBe(1);
      expect((await app.store.salesforceConnections.get(tenant.tenantId))?.status).toBe('connected');
    }
  });

  it('when the refresh token is revoked at Salesforce, then the next call marks the connection errored with the reason', async () => {
    await connectTenant(app, org, tenant);
    const stored = await app.store.salesforceConnections.get(tenant.tenantId);
    await new OAuth2({ loginUrl: org.baseUrl }).revokeToken(stored?.refreshToken as string);

    const session = await app.salesforce!.open(tenant.tenantId);
    await expect(session.query('SELECT Id FROM Account LIMIT 1')).rejects.toMatchObject({
      name: 'SalesforceConnectionBrokenError',
      code: 'refresh_token_rejected'
    });
    const status = await connectionStatus();
    expect(status.body).toMatchObject({
      status: 'error',
      error: {
        code: 'refresh_token_rejected',
        message: expect.stringContaining('Salesforce refused the refresh token (invalid_grant'),
        at: expect.any(String)
      }
    });
    expect(await app.metricValue('switchboard_salesforce_token_refreshes_total', { outcome: 'failed' })).toBe(1);

    // Reconnecting clears the error.
    await connectTenant(app, org, tenant);
    expect((await connectionStatus()).body).toMatchObject({ status: 'connected' });
  });

  it('when a refresh token has been idle for a week, then the keep-alive uses it once (rotated and stored), and a recently used one is left alone', async () => {
    await connectTenant(app, org, tenant);
    const before = await app.store.salesforceConnections.get(tenant.tenantId);
    const week = 7 * 24 * 3_600_000;
    expect(await app.salesforce!.keepAlive(tenant.tenantId, app.clock() - week)).toBe(false);
    expect(org.control.requests({ pathContains: '/services/oauth2/token' })).toHaveLength(1);

    app.clock.advance(week + 60_000);
    expect(await app.salesforce!.keepAlive(tenant.tenantId, app.clock() - week)).toBe(true);
    const after = await app.store.salesforceConnections.get(tenant.tenantId);
    expect(org.control.requests({ pathContains: '/services/oauth2/token' })).toHaveLength(2);
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    expect(after).toMatchObject({ status: 'connected', tokensRefreshedAt: app.clock() });
    expect(((await connectionStatus()).body as { refreshTokenUsedAt: string }).refreshTokenUsedAt).toBe(
      new Date(app.clock()).toISOString()
    );
    // Used just now: the next pass leaves it alone, and the session it got works.
    expect(await app.salesforce!.keepAlive(tenant.tenantId, app.clock() - week)).toBe(false);
    const session = await app.salesforce!.open(tenant.tenantId);
    expect(await session.query('SELECT Id FROM Account LIMIT 1')).toHaveLength(1);
    await session.close();
    expect(org.control.requests({ pathContains: '/services/oauth2/token' })).toHaveLength(2);
    expect(await app.metricValue('switchboard_salesforce_token_refreshes_total', { outcome: 'refreshed' })).toBe(1);
    expect(app.logs.some((line) => line.includes('"msg":"idle refresh token used to keep it alive"'))).toBe(true);
  });

  it('when Salesforce refuses a refresh token that was idle past 30 days, then the connection shows the reconnect reason naming the idle expiry', async () => {
    await connectTenant(app, org, tenant);
    const stored = await app.store.salesforceConnections.get(tenant.tenantId);
    // The org expires it (the emulator does not model the idle TTL: revoking gives Salesforce's same answer).
    await new OAuth2({ loginUrl: org.baseUrl }).revokeToken(stored?.refreshToken as string);
    app.clock.advance(31 * 24 * 3_600_000);
    await expect(app.salesforce!.keepAlive(tenant.tenantId, app.clock() - 7 * 24 * 3_600_000)).rejects.toMatchObject({
      name: 'SalesforceConnectionBrokenError',
      code: 'refresh_token_rejected'
    });
    expect((await connectionStatus()).body).toMatchObject({
      status: 'error',
      error: {
        code: 'refresh_token_rejected',
        message: expect.stringMatching(
          /^Salesforce refused the refresh token after 31 days unused \(an External Client App may expire refresh tokens idle for 30 days\) \(invalid_grant: .*\); reconnect the org$/
        )
      }
    });
  });

  it('when the tenant disconnects, then the token is revoked at the org, deleted here, and the old tokens no longer work', async () => {
    await connectTenant(app, org, tenant);
    const stored = await app.store.salesforceConnections.get(tenant.tenantId);
    const removed = await app.request('DELETE', '/v1/salesforce/connection', {
      headers: { authorization: `Bearer ${tenant.apiKey}` }
    });
    expect({ status: removed.status, body: removed.body }).toEqual({
      status: 200,
      body: { status: 'not_connected', revokedAtSalesforce: true }
    });
    expect(await app.store.salesforceConnections.get(tenant.tenantId)).toBeUndefined();
    expect(org.control.requests({ pathContains: '/services/oauth2/revoke' })).toHaveLength(1);

    const oldRefresh = new OAuth2({
      loginUrl: org.baseUrl,
      clientId: EMULATOR_CLIENT.id,
      clientSecret: EMULATOR_CLIENT.secret
    });
    await expect(oldRefresh.refreshToken(stored?.refreshToken as string)).rejects.toMatchObject({
      name: 'invalid_grant'
    });
    const withOldAccess = await fetch(`${org.baseUrl}/services/data/v67.0/limits`, {
      headers: { authorization: `Bearer ${stored?.accessToken}` }
    });
    expect(withOldAccess.status).toBe(401);

    const again = await app.request('DELETE', '/v1/salesforce/connection', {
      headers: { authorization: `Bearer ${tenant.apiKey}` }
    });
    expect({ status: again.status, body: again.body }).toEqual({
      status: 404,
      body: errorBody('not_found', 'this tenant has no Salesforce connection')
    });
    expect((await connectionStatus()).body).toEqual({ status: 'not_connected' });
  });

  it('when another tenant presents its key, then it sees only its own connection and cannot disconnect ours', async () => {
    await connectTenant(app, org, tenant);
    const other = await app.createTenant();
    expect((await connectionStatus(other.apiKey)).body).toEqual({ status: 'not_connected' });
    const removed = await app.request('DELETE', '/v1/salesforce/connection', {
      headers: { authorization: `Bearer ${other.apiKey}` }
    });
    expect(removed.status).toBe(404);
    expect((await connectionStatus()).body).toMatchObject({ status: 'connected' });
  });
});

describe('the token exchange, against a login server that answers what we tell it to', () => {
  let app: TestApp;
  let server: Server;
  let loginUrl: string;
  const tokenRequests: URLSearchParams[] = [];
  let answer: Record<string, string> = {};

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        tokenRequests.push(new URLSearchParams(body));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    loginUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    app = await startTestApp(TEST_ENGINES[0] as (typeof TEST_ENGINES)[number], { salesforce: { loginUrl } });
  });
  afterAll(async () => {
    await app.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  /** A started attempt: the callback URL for `code`, and the browser's cookie. */
  async function startAttempt(tenant: TestTenant) {
    const link = await app.request('POST', '/v1/salesforce/connect-links', {
      headers: { authorization: `Bearer ${tenant.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ environment: 'production' })
    });
    const url = new URL((link.body as { url: string }).url);
    const start = await app.request('GET', `${url.pathname}${url.search}`);
    const authorize = new URL(start.headers.get('location') as string);
    return {
      authorize,
      callback: (code: string) =>
        app.request('GET', `/oauth/salesforce/callback?code=${code}&state=${authorize.searchParams.get('state')}`, {
          headers: { cookie: cookieHeaderFrom(start) }
        })
    };
  }

  it('when the code is exchanged, then the request carries the PKCE verifier of this attempt and the client secret', async () => {
    const tenant = await app.createTenant();
    const attempt = await startAttempt(tenant);
    answer = {
      access_token: 'access-from-the-fake',
      refresh_token: 'refresh-from-the-fake',
      instance_url: loginUrl,
      id: `${loginUrl}/id/00D000000000001AAA/005000000000001AAA`,
      token_type: 'Bearer',
      issued_at: '1',
      signature: 'x'
    };
    const done = await attempt.callback('the-code');
    expect(done.status).toBe(200);
    const sent = tokenRequests.at(-1) as URLSearchParams;
    const verifier = sent.get('code_verifier') as string;
    expect({
      grant_type: sent.get('grant_type'),
      code: sent.get('code'),
      client_id: sent.get('client_id'),
      client_secret: sent.get('client_secret'),
      redirect_uri: sent.get('redirect_uri')
    }).toEqual({
      grant_type: 'authorization_code',
      code: 'the-code',
      client_id: EMULATOR_CLIENT.id,
      client_secret: EMULATOR_CLIENT.secret,
      redirect_uri: app.config.salesforce.redirectUri
    });
    // S256 (Salesforce's only method): the challenge sent at the start is the hash of the verifier sent now.
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(
      attempt.authorize.searchParams.get('code_challenge')
    );
  });

  it('when the answer names an instance outside Salesforce, then the connection is refused and nothing is stored', async () => {
    const tenant = await app.createTenant();
    const attempt = await startAttempt(tenant);
    answer = {
      access_token: 'access-for-elsewhere',
      refresh_token: 'refresh-for-elsewhere',
      instance_url: 'https://attacker.example',
      id: `${loginUrl}/id/00D000000000001AAA/005000000000001AAA`,
      token_type: 'Bearer',
      issued_at: '1',
      signature: 'x'
    };
    const refused = await attempt.callback('another-code');
    const message =
      'Salesforce answered with an instance or identity outside Salesforce; the connection was not stored';
    expect({ status: refused.status, body: refused.body }).toEqual({
      status: 400,
      body: errorBody('oauth_failed', message)
    });
    expect(await app.store.salesforceConnections.get(tenant.tenantId)).toBeUndefined();
    expect(await app.metricValue('switchboard_oauth_connects_total', { outcome: 'failed' })).toBe(1);
  });
});
