// Shared setup for the end-to-end tests: a real emulated org (createOrg + the HTTP layer) on an ephemeral port, a
// fixture force-app with the custom fields the tests need, jsforce connections, and the control surface over HTTP.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Connection, OAuth2 } from 'jsforce';
import { startOrg } from '../src/index.ts';
import type { RunningOrg, StartOrgOptions } from '../src/index.ts';

export const CLIENT_ID = 'switchboard-local';
export const CLIENT_SECRET = 'switchboard-local-secret';
export const ADMIN_USERNAME = 'admin@switchboard.test';
export const ADMIN_PASSWORD = 'switchboard';
export const API_VERSION = '62.0';

export interface FixtureField {
  object: string;
  name: string;
  xml: string;
}

/** A Text field; `externalId`/`unique` as given. */
export function textField(
  object: string,
  name: string,
  options: { externalId?: boolean; unique?: boolean; length?: number } = {}
): FixtureField {
  return {
    object,
    name,
    xml: `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>${name}</fullName>
    <externalId>${options.externalId ?? false}</externalId>
    <label>${name.replace(/__c$/, '').replace(/_/g, ' ')}</label>
    <length>${options.length ?? 80}</length>
    <required>false</required>
    <type>Text</type>
    <unique>${options.unique ?? false}</unique>
    <caseSensitive>false</caseSensitive>
</CustomField>
`
  };
}

/** The custom fields the end-to-end tests rely on: a unique external id and a non-unique one (for 300s). */
export const STANDARD_FIXTURE: FixtureField[] = [
  textField('Lead', 'Ext_Id__c', { externalId: true, unique: true }),
  textField('Contact', 'Ext_Id__c', { externalId: true, unique: true }),
  textField('Contact', 'Legacy_Key__c', { externalId: true, unique: false }),
  textField('Task', 'Call_Key__c', { externalId: true, unique: true }),
  textField('Contact', 'Nickname__c')
];

/** Writes a source-format force-app tree in a temp dir; returns its path and a cleanup. */
export function fixtureForceApp(fields: FixtureField[] = STANDARD_FIXTURE): { dir: string; remove: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), 'org-emulator-fixture-'));
  const dir = path.join(root, 'force-app');
  for (const field of fields) {
    const folder = path.join(dir, 'main', 'default', 'objects', field.object, 'fields');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${field.name}.field-meta.xml`), field.xml);
  }
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export interface TestOrg extends RunningOrg {
  oauth2(redirectUri?: string): OAuth2;
  /** A jsforce connection logged in with the password grant (and able to refresh, when given a refresh token). */
  login(version?: string): Promise<Connection>;
  /** Calls the control surface: JSON in and out. */
  controlCall<T = unknown>(method: string, route: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** A raw HTTP call with a bearer token (for what jsforce won't send). */
  raw(route: string, init?: RequestInit & { token?: string }): Promise<Response>;
  stop(): Promise<void>;
}

export async function startTestOrg(
  options: StartOrgOptions = {},
  fields: FixtureField[] = STANDARD_FIXTURE
): Promise<TestOrg> {
  const fixture = options.forceAppDir ? undefined : fixtureForceApp(fields);
  const running = await startOrg({ port: 0, ...(fixture ? { forceAppDir: fixture.dir } : {}), ...options });
  const oauth2 = (redirectUri = `${running.baseUrl}/callback`): OAuth2 =>
    new OAuth2({ loginUrl: running.baseUrl, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri });
  return {
    ...running,
    oauth2,
    async login(version = API_VERSION) {
      const conn = new Connection({ oauth2: oauth2(), version });
      await conn.login(ADMIN_USERNAME, ADMIN_PASSWORD);
      return conn;
    },
    async controlCall<T>(method: string, route: string, body?: unknown) {
      const response = await fetch(`${running.baseUrl}/__org${route}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) })
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
    async raw(route: string, init: RequestInit & { token?: string } = {}) {
      const { token, headers, ...rest } = init;
      return fetch(`${running.baseUrl}${route}`, {
        ...rest,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(headers as Record<string, string>) }
      });
    },
    async stop() {
      await running.close();
      fixture?.remove();
    }
  };
}

/** Runs a call that should fail and returns the error (jsforce throws HttpApiError with errorCode/name/data). */
export async function failureOf(
  call: () => PromiseLike<unknown>
): Promise<{ errorCode?: string; name: string; message: string; data?: unknown }> {
  try {
    await call();
  } catch (error) {
    return error as { errorCode?: string; name: string; message: string; data?: unknown };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Polls until `check` returns a value (not undefined); fails naming `what` after `timeoutMs`. */
export async function eventually<T>(
  check: () => T | undefined | Promise<T | undefined>,
  what: string,
  timeoutMs = 10_000
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
