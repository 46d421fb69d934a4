// The control surface (/__org): settings, reset, export, save to the data file, OAuth callbacks, and the guards
// that keep a browser page from driving it.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Connection } from 'jsforce';
import { startTestOrg } from './support.ts';
import type { TestOrg } from './support.ts';

describe('the control surface', () => {
  let org: TestOrg;
  let conn: Connection;

  beforeAll(async () => {
    org = await startTestOrg();
    conn = await org.login();
  });
  afterAll(() => org.stop());

  it('reports the org, its settings and usage', async () => {
    const status = await org.controlCall<Record<string, unknown>>('GET', '');
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      baseUrl: org.baseUrl,
      organizationId: org.org.organizationId,
      adminUserId: org.org.adminUserId,
      adminUsername: 'admin@switchboard.test',
      clientId: 'switchboard-local',
      settings: { accessTokenTtlSeconds: 7200, apiDailyLimit: 15000, refreshTokenRotation: true }
    });
  });

  it('changes settings and refuses bad ones with a message naming the setting', async () => {
    const changed = await org.controlCall('PATCH', '/settings', { apiDailyLimit: 20000 });
    expect(changed.body).toMatchObject({ apiDailyLimit: 20000 });
    await conn.limits();
    expect(conn.limitInfo.apiUsage?.limit).toBe(20000);
    const bad = await org.controlCall<{ error: string }>('PATCH', '/settings', { rowLockRate: 'lots' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('rowLockRate must be a number from 0 to 1, got "lots"');
    const badFault = await org.controlCall<{ error: string }>('POST', '/faults', { kind: 'gremlins' });
    expect(badFault.status).toBe(400);
    expect(badFault.body.error).toMatch(/fault kind must be one of/);
    await org.controlCall('PATCH', '/settings', { apiDailyLimit: 15000 });
  });

  it('exports every record, and reset goes back to the seed', async () => {
    const created = await conn.sobject('Account').create({ Name: 'Temporary Co' });
    const exported = await org.controlCall<Record<string, Array<{ Id: string; Name?: string }>>>('GET', '/export');
    expect(exported.body['Account']?.some((a) => a.Id === created.id)).toBe(true);
    expect(exported.body['User']?.length).toBeGreaterThan(0);

    const reset = await org.controlCall('POST', '/reset');
    expect(reset.status).toBe(200);
    expect((await conn.query(`SELECT Id FROM Account WHERE Name = 'Temporary Co'`)).totalSize).toBe(0);
    expect((await conn.query('SELECT Id FROM User LIMIT 1')).records).toHaveLength(1);
  });

  it('refuses to save when started without a data file', async () => {
    expect((await org.controlCall('POST', '/save')).status).toBe(409);
  });

  it('registers extra OAuth callback URLs and refuses malformed ones', async () => {
    const added = await org.controlCall<string[]>('POST', '/oauth/callbacks', { url: 'http://127.0.0.1:9999/cb' });
    expect(added.body).toContain('http://127.0.0.1:9999/cb');
    const bad = await org.controlCall<{ error: string }>('POST', '/oauth/callbacks', { url: 'not a url' });
    expect(bad.status).toBe(400);
  });

  it('only takes changes sent as application/json', async () => {
    const response = await fetch(`${org.baseUrl}/__org/reset`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}'
    });
    expect(response.status).toBe(415);
    const form = await fetch(`${org.baseUrl}/__org/sessions/expire`, { method: 'POST' });
    expect(form.status).toBe(415);
  });

  it('only answers requests addressed to a loopback host name (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: org.port, path: '/__org', headers: { host: 'attacker.example' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('answers unknown control routes and malformed JSON with 4xx', async () => {
    expect((await org.controlCall('GET', '/nothing-here')).status).toBe(404);
    expect((await fetch(`${org.baseUrl}/__org/validation-rules/%E0%A4%A`)).status).toBe(400);
    for (const body of ['"soon"', '1e999', '[]']) {
      const exhaust = await fetch(`${org.baseUrl}/__org/usage/exhaust`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body
      });
      expect(exhaust.status).toBe(400);
    }
    const broken = await fetch(`${org.baseUrl}/__org/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{'
    });
    expect(broken.status).toBe(400);
  });
});

describe('the data file', () => {
  it('is written on POST /__org/save and loaded by the next org started with it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'org-emulator-data-'));
    const dataFile = path.join(dir, 'org.json');
    try {
      const first = await startTestOrg({ dataFile });
      let id: string;
      try {
        const conn = await first.login();
        id = (await conn.sobject('Account').create({ Name: 'Persisted Co' })).id!;
        expect(existsSync(dataFile)).toBe(false);
        const saved = await first.controlCall('POST', '/save');
        expect(saved.body).toEqual({ saved: true });
        const onDisk = JSON.parse(readFileSync(dataFile, 'utf8')) as Record<string, Array<{ Id: string }>>;
        expect(onDisk['Account']?.some((a) => a.Id === id)).toBe(true);
      } finally {
        await first.stop();
      }
      const second = await startTestOrg({ dataFile });
      try {
        const conn = await second.login();
        const record = await conn.sobject('Account').retrieve(id);
        expect(record['Name']).toBe('Persisted Co');
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
