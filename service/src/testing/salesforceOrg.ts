// Test support for the Salesforce side: a real local org (the emulator, on an ephemeral port), the real OAuth
// connect driven over HTTP the way a browser follows redirects, and ways to read what reached the org.
import { Connection, OAuth2 } from 'jsforce';
import { startOrg } from '@switchboard/org-emulator';
import type { RunningOrg, StartOrgOptions } from '@switchboard/org-emulator';
import { salesforceSchema } from '../salesforce/schema.ts';
import type { HttpResult, TestApp, TestTenant } from './testApp.ts';
import { EMULATOR_CLIENT } from './testApp.ts';

export type { RunningOrg };

export async function startTestOrg(options: StartOrgOptions = {}): Promise<RunningOrg> {
  return startOrg({ port: 0, ...options });
}

export interface ConnectSteps {
  link: HttpResult;
  start: HttpResult;
  /** The Cookie header the browser sends back (the attempt's binding, set by the start). */
  cookie: string;
  /** The emulator's authorize answer (302 to the callback). */
  authorizeLocation: string;
  callback: HttpResult;
}

/** The Cookie header a browser would send after these Set-Cookie headers (name=value pairs only). */
export function cookieHeaderFrom(response: HttpResult): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] as string)
    .join('; ');
}

/**
 * Connects the tenant's org through the real flow, as a browser does: a connect link with the tenant's key, the
 * start redirect (which sets the attempt's cookie), the org's login and consent (auto-approved for its admin), and
 * the callback carrying the cookie back.
 */
export async function connectTenant(
  app: TestApp,
  org: RunningOrg,
  tenant: TestTenant,
  environment: 'production' | 'sandbox' = 'production'
): Promise<ConnectSteps> {
  org.control.addCallbackUrl(app.config.salesforce.redirectUri);
  const link = await app.request('POST', '/v1/salesforce/connect-links', {
    headers: { authorization: `Bearer ${tenant.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ environment })
  });
  if (link.status !== 201) throw new Error(`connect link refused: ${link.status} ${link.text}`);
  const startUrl = new URL((link.body as { url: string }).url);
  const start = await app.request('GET', `${startUrl.pathname}${startUrl.search}`);
  const authorizeUrl = start.headers.get('location');
  if (start.status !== 302 || !authorizeUrl) throw new Error(`start refused: ${start.status} ${start.text}`);
  if (new URL(authorizeUrl).origin !== org.baseUrl) {
    throw new Error(`the app's ${environment} login URL is not this org (${authorizeUrl})`);
  }
  const cookie = cookieHeaderFrom(start);
  const authorize = await fetch(authorizeUrl, { redirect: 'manual' });
  const authorizeLocation = authorize.headers.get('location');
  if (authorize.status !== 302 || !authorizeLocation) {
    throw new Error(`the org did not redirect back: ${authorize.status} ${await authorize.text()}`);
  }
  const callbackUrl = new URL(authorizeLocation);
  const callback = await app.request('GET', `${callbackUrl.pathname}${callbackUrl.search}`, { headers: { cookie } });
  return { link, start, cookie, authorizeLocation, callback };
}

/** Every record of a type, straight from the org's data (not an API call: it does not touch the accounting). */
export function recordsOf(org: RunningOrg, type: string): Array<Record<string, unknown>> {
  return (org.control.exportRecords()[type] ?? []) as Array<Record<string, unknown>>;
}

/** The org's Tasks whose External Activity ID starts with the tenant's prefix (test orgs have no namespace). */
export function tasksOfTenant(org: RunningOrg, tenantId: string): Array<Record<string, unknown>> {
  const field = salesforceSchema('').task.fields.externalActivityId;
  return recordsOf(org, 'Task').filter((task) => String(task[field] ?? '').startsWith(`${tenantId}:`));
}

/** A jsforce connection as the org's admin (client credentials), to query the org like any API client. */
export async function adminConnection(org: RunningOrg, version = '67.0'): Promise<Connection> {
  const oauth2 = new OAuth2({
    loginUrl: org.baseUrl,
    clientId: EMULATOR_CLIENT.id,
    clientSecret: EMULATOR_CLIENT.secret
  });
  const token = await oauth2.requestToken({ grant_type: 'client_credentials' });
  return new Connection({ instanceUrl: token.instance_url, accessToken: token.access_token, version });
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  options: { timeoutMs?: number; intervalMs?: number; what?: string } = {}
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${options.what ?? 'a condition'}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
}
