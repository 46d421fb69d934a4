// `npm start` and `npm run demo` as functions: a fresh data directory, free ports, the real org emulator, the real
// service and worker, the real OAuth connect.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDemo } from './demo.ts';
import { secretsPath } from './localSecrets.ts';
import type { LocalSecrets } from './localSecrets.ts';
import { startLocalStack } from './localStack.ts';
import type { LocalStack } from './localStack.ts';

describe('the local stack (npm start) and the demo (npm run demo)', () => {
  let dataDir: string;
  let stack: LocalStack | undefined;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-start-'));
  });
  afterEach(async () => {
    await stack?.stop();
    stack = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = () =>
    startLocalStack({ dataDir, orgPort: 0, servicePort: 0, env: { WORKER_BATCH_WAIT_MS: '20', LOG_LEVEL: 'warn' } });

  it('when started on a fresh machine, then secrets are generated 0600, a demo tenant is connected through OAuth, and the demo lands Tasks', async () => {
    stack = await start();
    expect(stack.createdTenant).toBe(true);
    expect(stack.demoKey).toMatch(/^swb_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);

    const file = secretsPath(dataDir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const secrets = JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
    expect(Buffer.from(secrets.tokenEncryptionKey, 'base64')).toHaveLength(32);
    expect(secrets.demo).toEqual({ tenantId: stack.tenantId, apiKey: stack.demoKey });

    const status = await fetch(`${stack.serviceUrl}/v1/salesforce/connection`, {
      headers: { authorization: `Bearer ${stack.demoKey}` }
    });
    expect(await status.json()).toMatchObject({ status: 'connected', orgId: stack.orgId, instanceUrl: stack.orgUrl });
    // The connect went through the org's OAuth endpoints.
    expect(
      stack.org.control.requests({ pathContains: '/services/oauth2/' }).map((r) => `${r.method} ${r.path}`)
    ).toEqual(['GET /services/oauth2/authorize', 'POST /services/oauth2/token']);

    const printed: string[] = [];
    const tasks = await runDemo({
      serviceUrl: stack.serviceUrl,
      orgUrl: stack.orgUrl,
      demoKey: stack.demoKey,
      tenantId: stack.tenantId,
      print: (line) => printed.push(line),
      day: '2026-01-15',
      timeoutMs: 30_000
    });
    expect(tasks.map((t) => [t.status, t.who])).toEqual([
      ['logged', 'Jane Doe'],
      ['logged', 'Lena Lopez'],
      ['logged', 'Priya Patel'],
      ['logged', 'Omar Haddad'],
      ['logged', '(no match)'],
      ['logged', 'Tom Nguyen']
    ]);
    const output = printed.join('\n');
    expect(output).toContain('Pushed 6 calls of 2026-01-15');
    expect(output).toMatch(/Inbound call from Jane Doe\s+Jane Doe\s+Inbound\s+441 s/);
    expect(output).toMatch(/Inbound call from Unknown caller\s+\(no match\)\s+Inbound\s+160 s/);
  });

  it('when started again on the same data, then the demo key and tenant are kept, it reconnects, and the org keeps its Tasks', async () => {
    stack = await start();
    const first = { tenantId: stack.tenantId, demoKey: stack.demoKey };
    await runDemo({
      serviceUrl: stack.serviceUrl,
      orgUrl: stack.orgUrl,
      demoKey: stack.demoKey,
      tenantId: stack.tenantId,
      print: () => undefined,
      timeoutMs: 30_000
    });
    await stack.stop();
    const tasksBefore = (JSON.parse(readFileSync(path.join(dataDir, 'org.json'), 'utf8')) as { Task?: unknown[] }).Task
      ?.length;

    stack = await start();
    expect({ tenantId: stack.tenantId, demoKey: stack.demoKey, created: stack.createdTenant }).toEqual({
      ...first,
      created: false
    });
    expect(stack.org.control.exportRecords()['Task']).toHaveLength(tasksBefore as number);
    const again = await runDemo({
      serviceUrl: stack.serviceUrl,
      orgUrl: stack.orgUrl,
      demoKey: stack.demoKey,
      tenantId: stack.tenantId,
      print: () => undefined,
      timeoutMs: 30_000
    });
    expect(again.every((t) => t.status === 'logged')).toBe(true);
    expect(stack.org.control.exportRecords()['Task']).toHaveLength((tasksBefore as number) + 6);
  });
});
