// OAuth 2.0 as jsforce drives it against the emulator: web-server flow with PKCE, password and client_credentials
// grants, refresh on 401 with rotation, revoke, the identity URL and userinfo, and the errors Salesforce gives.
import { createHmac } from 'node:crypto';
import { Connection, OAuth2 } from 'jsforce';
import { ManualClock } from '../src/index.ts';
import { ADMIN_PASSWORD, ADMIN_USERNAME, CLIENT_ID, CLIENT_SECRET, failureOf, startTestOrg } from './support.ts';
import type { TestOrg } from './support.ts';

interface TokenBody {
  access_token: string;
  refresh_token?: string;
  signature: string;
  scope: string;
  instance_url: string;
  id: string;
  token_type: string;
  issued_at: string;
}

describe('OAuth 2.0 against the emulated org', () => {
  let org: TestOrg;
  let callback: string;

  beforeAll(async () => {
    org = await startTestOrg();
    callback = `${org.baseUrl}/oauth/callback`;
    const registered = await org.controlCall('POST', '/oauth/callbacks', { url: callback });
    if (registered.status !== 201) throw new Error(`could not register the test callback: ${registered.status}`);
  });
  afterAll(() => org.stop());

  const pkceClient = (): OAuth2 =>
    new OAuth2({
      loginUrl: org.baseUrl,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUri: callback,
      useVerifier: true
    });

  /** Follows the authorize URL as a browser would (consent is automatic) and returns the callback's parameters. */
  async function authorize(url: string): Promise<URLSearchParams> {
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(callback);
    return location.searchParams;
  }

  describe('web server flow', () => {
    it('with PKCE: authorize redirects with code and state, requestToken returns tokens that work', async () => {
      const oauth2 = pkceClient();
      const params = await authorize(oauth2.getAuthorizationUrl({ scope: 'api refresh_token', state: 'st-42' }));
      expect(params.get('state')).toBe('st-42');
      const code = params.get('code')!;
      expect(code).toBeTruthy();

      const conn = new Connection({ oauth2, version: '62.0' });
      const userInfo = await conn.authorize(code);
      expect(conn.instanceUrl).toBe(org.baseUrl);
      expect(conn.refreshToken).toMatch(/^5Aep/);
      expect(userInfo.organizationId).toBe(org.org.organizationId);
      expect(userInfo.id).toBe(org.org.adminUserId);
      const users = await conn.query<{ Username: string }>(`SELECT Username FROM User WHERE Id = '${userInfo.id}'`);
      expect(users.records[0]?.Username).toBe(ADMIN_USERNAME);
    });

    it('answers the token request in Salesforce shape, signed with the client secret', async () => {
      const oauth2 = pkceClient();
      const code = (await authorize(oauth2.getAuthorizationUrl({ scope: 'api refresh_token' }))).get('code')!;
      const body = (await oauth2.requestToken(code)) as unknown as TokenBody;
      expect(Object.keys(body)).toEqual([
        'access_token',
        'refresh_token',
        'signature',
        'scope',
        'instance_url',
        'id',
        'token_type',
        'issued_at'
      ]);
      expect(body.access_token.startsWith(`${org.org.organizationId.slice(0, 15)}!`)).toBe(true);
      expect(body.scope).toBe('api refresh_token');
      expect(body.token_type).toBe('Bearer');
      expect(body.instance_url).toBe(org.baseUrl);
      expect(body.id).toBe(`${org.baseUrl}/id/${org.org.organizationId}/${org.org.adminUserId}`);
      expect(body.issued_at).toMatch(/^\d{13}$/);
      const expected = createHmac('sha256', CLIENT_SECRET)
        .update(body.id + body.issued_at)
        .digest('base64');
      expect(body.signature).toBe(expected);
    });

    it('supports the plain PKCE method', async () => {
      const verifier = 'v'.repeat(50);
      const url = `${org.baseUrl}/services/oauth2/authorize?response_type=code&client_id=${CLIENT_ID}&redirect_uri=${encodeURIComponent(callback)}&code_challenge=${verifier}&code_challenge_method=plain`;
      const code = (await authorize(url)).get('code')!;
      const oauth2 = new OAuth2({
        loginUrl: org.baseUrl,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        redirectUri: callback
      });
      const body = (await oauth2.requestToken(code, { code_verifier: verifier })) as unknown as TokenBody;
      expect(body.access_token).toBeTruthy();
    });

    it('a code is single-use', async () => {
      const oauth2 = pkceClient();
      const code = (await authorize(oauth2.getAuthorizationUrl())).get('code')!;
      await oauth2.requestToken(code);
      const error = await failureOf(() => oauth2.requestToken(code));
      expect(error.name).toBe('invalid_grant');
      expect(error.message).toBe('invalid authorization code');
    });

    it('a code expires after 15 minutes', async () => {
      const clock = new ManualClock();
      const timed = await startTestOrg({ clock, callbackUrls: [callback] });
      try {
        const oauth2 = new OAuth2({
          loginUrl: timed.baseUrl,
          clientId: CLIENT_ID,
          clientSecret: CLIENT_SECRET,
          redirectUri: callback,
          useVerifier: true
        });
        const response = await fetch(oauth2.getAuthorizationUrl(), { redirect: 'manual' });
        const code = new URL(response.headers.get('location')!).searchParams.get('code')!;
        clock.advance(15 * 60_000 + 1);
        const error = await failureOf(() => oauth2.requestToken(code));
        expect([error.name, error.message]).toEqual(['invalid_grant', 'expired authorization code']);
      } finally {
        await timed.stop();
      }
    });

    it('a verifier that does not match the challenge is invalid_request; a missing one is invalid_grant', async () => {
      const first = pkceClient();
      const code = (await authorize(first.getAuthorizationUrl())).get('code')!;
      const mismatched = await failureOf(() => pkceClient().requestToken(code));
      expect([mismatched.name, mismatched.message]).toEqual(['invalid_request', 'invalid code verifier']);

      const again = (await authorize(first.getAuthorizationUrl())).get('code')!;
      const withoutVerifier = new OAuth2({
        loginUrl: org.baseUrl,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        redirectUri: callback
      });
      const missing = await failureOf(() => withoutVerifier.requestToken(again));
      expect(missing.name).toBe('invalid_grant');
    });

    it('a redirect_uri that differs from the authorize request is refused at the token endpoint', async () => {
      const other = `${org.baseUrl}/other-callback`;
      await org.controlCall('POST', '/oauth/callbacks', { url: other });
      const oauth2 = pkceClient();
      const code = (await authorize(oauth2.getAuthorizationUrl())).get('code')!;
      // jsforce always sends its configured redirect_uri, so this request is built by hand.
      const response = await fetch(`${org.baseUrl}/services/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          redirect_uri: other,
          code_verifier: oauth2.codeVerifier!
        }).toString()
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: 'invalid_grant',
        error_description: 'redirect uri does not match configuration'
      });
    });

    it('an unknown client_id or an unregistered redirect_uri is shown as an error page, never redirected', async () => {
      const badClient = await fetch(
        `${org.baseUrl}/services/oauth2/authorize?response_type=code&client_id=nope&redirect_uri=${encodeURIComponent(callback)}`,
        { redirect: 'manual' }
      );
      expect(badClient.status).toBe(400);
      expect(badClient.headers.get('location')).toBeNull();
      expect(badClient.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await badClient.text()).toContain('invalid_client_id');

      const badRedirect = await fetch(
        `${org.baseUrl}/services/oauth2/authorize?response_type=code&client_id=${CLIENT_ID}&redirect_uri=${encodeURIComponent('https://evil.example/cb')}`,
        { redirect: 'manual' }
      );
      expect(badRedirect.status).toBe(400);
      expect(badRedirect.headers.get('location')).toBeNull();
      expect(await badRedirect.text()).toContain('redirect_uri_mismatch');
    });

    it('other authorize errors redirect back with error, error_description and state', async () => {
      const base = `${org.baseUrl}/services/oauth2/authorize?client_id=${CLIENT_ID}&redirect_uri=${encodeURIComponent(callback)}&state=s1`;
      const wrongType = await authorize(`${base}&response_type=token`);
      expect(wrongType.get('error')).toBe('unsupported_response_type');
      expect(wrongType.get('state')).toBe('s1');
      const wrongScope = await authorize(`${base}&response_type=code&scope=api%20openid`);
      expect(wrongScope.get('error')).toBe('invalid_scope');
      expect(wrongScope.get('error_description')).toBeTruthy();
      const badChallenge = await authorize(`${base}&response_type=code&code_challenge=short`);
      expect(badChallenge.get('error')).toBe('invalid_request');
    });
  });

  describe('password and client_credentials grants', () => {
    it('jsforce login (username-password over OAuth) works and returns no refresh token', async () => {
      const conn = await org.login();
      expect(conn.instanceUrl).toBe(org.baseUrl);
      expect(conn.refreshToken).toBeFalsy();
      const result = await conn.query('SELECT COUNT() FROM User');
      expect(result.totalSize).toBeGreaterThan(0);
    });

    it('a wrong password is invalid_grant authentication failure; a wrong secret is invalid_client', async () => {
      const wrongPassword = await failureOf(() => org.oauth2().authenticate(ADMIN_USERNAME, 'nope'));
      expect([wrongPassword.name, wrongPassword.message]).toEqual(['invalid_grant', 'authentication failure']);
      const wrongSecret = new OAuth2({
        loginUrl: org.baseUrl,
        clientId: CLIENT_ID,
        clientSecret: 'guess',
        redirectUri: callback
      });
      const error = await failureOf(() => wrongSecret.authenticate(ADMIN_USERNAME, ADMIN_PASSWORD));
      expect([error.name, error.message]).toEqual(['invalid_client', 'invalid client credentials']);
      const wrongClient = new OAuth2({
        loginUrl: org.baseUrl,
        clientId: 'other',
        clientSecret: CLIENT_SECRET,
        redirectUri: callback
      });
      const unknown = await failureOf(() => wrongClient.authenticate(ADMIN_USERNAME, ADMIN_PASSWORD));
      expect([unknown.name, unknown.message]).toEqual(['invalid_client_id', 'client identifier invalid']);
    });

    it('client_credentials runs as the admin and works with credentials in the body or HTTP Basic', async () => {
      const body = (await org.oauth2().requestToken({ grant_type: 'client_credentials' })) as unknown as TokenBody;
      expect(body.refresh_token).toBeUndefined();
      expect(body.id.endsWith(`/${org.org.adminUserId}`)).toBe(true);
      const conn = new Connection({ instanceUrl: body.instance_url, accessToken: body.access_token, version: '62.0' });
      expect((await conn.query('SELECT Id FROM User LIMIT 1')).records).toHaveLength(1);

      const basic = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');
      const response = await fetch(`${org.baseUrl}/services/oauth2/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials'
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
      expect(((await response.json()) as TokenBody).access_token).toBeTruthy();
    });

    it('an unknown grant type is unsupported_grant_type; GET on the token endpoint is refused', async () => {
      const error = await failureOf(() => org.oauth2().requestToken({ grant_type: 'urn:made:up' }));
      expect([error.name, error.message]).toEqual(['unsupported_grant_type', 'grant type not supported']);
      const get = await fetch(`${org.baseUrl}/services/oauth2/token?grant_type=password`);
      expect(get.status).toBe(400);
      expect(await get.json()).toEqual({ error: 'invalid_request', error_description: 'must use HTTP POST' });
    });
  });

  describe('sessions and refresh', () => {
    async function webServerConnection(): Promise<Connection> {
      const oauth2 = pkceClient();
      const code = (await authorize(oauth2.getAuthorizationUrl({ scope: 'api refresh_token' }))).get('code')!;
      const conn = new Connection({ oauth2, version: '62.0' });
      await conn.authorize(code);
      return conn;
    }

    it('after sessions expire, the next call gets 401, jsforce refreshes and the call succeeds; the refresh event carries a rotated refresh token', async () => {
      const conn = await webServerConnection();
      const firstRefreshToken = conn.refreshToken!;
      const oldAccessToken = conn.accessToken!;
      const refreshes: Array<{ accessToken: string; refreshToken: string | undefined }> = [];
      conn.on('refresh', (accessToken: string, res: { refresh_token?: string }) => {
        refreshes.push({ accessToken, refreshToken: res.refresh_token });
        // What a client must do with rotation on: keep the new refresh token.
        if (res.refresh_token) conn.refreshToken = res.refresh_token;
      });

      await org.controlCall('DELETE', '/requests');
      expect((await org.controlCall<{ expired: number }>('POST', '/sessions/expire')).body.expired).toBeGreaterThan(0);
      const result = await conn.query('SELECT Id FROM User LIMIT 1');
      expect(result.records).toHaveLength(1);

      expect(refreshes).toHaveLength(1);
      expect(refreshes[0]!.accessToken).not.toBe(oldAccessToken);
      expect(refreshes[0]!.refreshToken).toMatch(/^5Aep/);
      expect(refreshes[0]!.refreshToken).not.toBe(firstRefreshToken);

      const log = await org.controlCall<{ requests: Array<{ method: string; path: string; status: number }> }>(
        'GET',
        '/requests'
      );
      expect(log.body.requests.map((r) => `${r.method} ${r.path.replace(/\?.*/, '')} ${r.status}`)).toEqual([
        'GET /services/data/v62.0/query 401',
        'POST /services/oauth2/token 200',
        'GET /services/data/v62.0/query 200'
      ]);

      // The rotated-out token is dead, and presenting it again revokes the whole authorization.
      const reuse = await failureOf(() => conn.oauth2.refreshToken(firstRefreshToken));
      expect([reuse.name, reuse.message]).toEqual(['invalid_grant', 'expired access/refresh token']);
      const revoked = await failureOf(() => conn.query('SELECT Id FROM User LIMIT 1'));
      expect(revoked.message).toMatch(/Unable to refresh session due to: expired access\/refresh token/);
    });

    it('a client that ignores the rotated refresh token loses its authorization at the second refresh', async () => {
      const conn = await webServerConnection();
      await org.controlCall('POST', '/sessions/expire');
      await conn.query('SELECT Id FROM User LIMIT 1');
      await org.controlCall('POST', '/sessions/expire');
      const error = await failureOf(() => conn.query('SELECT Id FROM User LIMIT 1'));
      expect(error.message).toContain('expired access/refresh token');
    });

    it('without rotation the refresh answer carries no refresh token and the same one keeps working', async () => {
      const plain = await startTestOrg({ refreshTokenRotation: false, callbackUrls: [callback] });
      try {
        const oauth2 = new OAuth2({
          loginUrl: plain.baseUrl,
          clientId: CLIENT_ID,
          clientSecret: CLIENT_SECRET,
          redirectUri: callback,
          useVerifier: true
        });
        const response = await fetch(oauth2.getAuthorizationUrl({ scope: 'api refresh_token' }), {
          redirect: 'manual'
        });
        const code = new URL(response.headers.get('location')!).searchParams.get('code')!;
        const tokens = (await oauth2.requestToken(code)) as unknown as TokenBody;
        for (let i = 0; i < 2; i++) {
          const refreshed = (await oauth2.refreshToken(tokens.refresh_token!)) as unknown as TokenBody;
          expect(refreshed.refresh_token).toBeUndefined();
          expect(refreshed.access_token).toBeTruthy();
        }
      } finally {
        await plain.stop();
      }
    });

    it('an access token dies at the configured lifetime: every call then answers 401 INVALID_SESSION_ID', async () => {
      const clock = new ManualClock();
      const short = await startTestOrg({ clock, accessTokenTtlSeconds: 60 });
      try {
        const token = (await short.login()).accessToken!;
        const conn = new Connection({ instanceUrl: short.baseUrl, accessToken: token, version: '62.0' });
        await conn.query('SELECT Id FROM User LIMIT 1');
        clock.advance(60_000);
        const error = await failureOf(() => conn.query('SELECT Id FROM User LIMIT 1'));
        expect([error.errorCode, error.message]).toEqual(['INVALID_SESSION_ID', 'Session expired or invalid']);
        const raw = await short.raw('/services/data/v62.0/limits', { token });
        expect(raw.status).toBe(401);
        expect(await raw.json()).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
      } finally {
        await short.stop();
      }
    });

    it('revoking an access token ends it; revoking a refresh token ends it and its access tokens', async () => {
      const conn = await webServerConnection();
      const refreshToken = conn.refreshToken!;
      await conn.oauth2.revokeToken(conn.accessToken!);
      expect((await org.raw('/services/data/v62.0/limits', { token: conn.accessToken! })).status).toBe(401);

      const fresh = (await conn.oauth2.refreshToken(refreshToken)) as unknown as TokenBody;
      expect((await org.raw('/services/data/v62.0/limits', { token: fresh.access_token })).status).toBe(200);
      await conn.oauth2.revokeToken(fresh.refresh_token!);
      expect((await org.raw('/services/data/v62.0/limits', { token: fresh.access_token })).status).toBe(401);
      const dead = await failureOf(() => conn.oauth2.refreshToken(fresh.refresh_token!));
      expect(dead.name).toBe('invalid_grant');

      const unknown = await fetch(`${org.baseUrl}/services/oauth2/revoke?token=nonsense`);
      expect(unknown.status).toBe(400);
      expect(await unknown.json()).toEqual({ error: 'invalid_token', error_description: 'Token was invalid' });
    });
  });

  describe('identity', () => {
    it('conn.identity() reads the identity URL of the logged-in user', async () => {
      const conn = await org.login();
      const identity = await conn.identity();
      expect(identity.user_id).toBe(org.org.adminUserId);
      expect(identity.organization_id).toBe(org.org.organizationId);
      expect(identity.username).toBe(ADMIN_USERNAME);
      expect(identity.id).toBe(`${org.baseUrl}/id/${org.org.organizationId}/${org.org.adminUserId}`);
    });

    it('the identity URL accepts the oauth_token parameter and refuses a bad token with 403 Bad_OAuth_Token', async () => {
      const conn = await org.login();
      const path = `/id/${org.org.organizationId}/${org.org.adminUserId}`;
      const ok = await fetch(`${org.baseUrl}${path}?format=json&oauth_token=${encodeURIComponent(conn.accessToken!)}`);
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { email: string }).email).toBe(ADMIN_USERNAME);
      const bad = await fetch(`${org.baseUrl}${path}?oauth_token=bogus`);
      expect(bad.status).toBe(403);
      expect(await bad.text()).toBe('Bad_OAuth_Token');
    });

    it('userinfo answers OpenID Connect claims for a bearer token', async () => {
      const conn = await org.login();
      const response = await org.raw('/services/oauth2/userinfo', { token: conn.accessToken! });
      expect(response.status).toBe(200);
      const claims = (await response.json()) as Record<string, unknown>;
      expect(claims['preferred_username']).toBe(ADMIN_USERNAME);
      expect(claims['user_id']).toBe(org.org.adminUserId);
      expect(claims['sub']).toBe(`${org.baseUrl}/id/${org.org.organizationId}/${org.org.adminUserId}`);
      const missing = await org.raw('/services/oauth2/userinfo');
      expect([missing.status, await missing.text()]).toEqual([403, 'Missing_OAuth_Token']);
    });
  });
});
