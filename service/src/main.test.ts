import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_ENGINES } from './testing/stores.ts';
import type { TestEngine } from './testing/stores.ts';

// Run from an empty directory, so a developer's .env in the repository cannot change what the tests see.
const MAIN = [
  '--disable-warning=ExperimentalWarning',
  path.join(path.dirname(fileURLToPath(import.meta.url)), 'main.ts')
];
const cwd = mkdtempSync(path.join(os.tmpdir(), 'switchboard-main-'));

describe('npm run service', () => {
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it('when started, then it migrates, listens, starts the worker, serves /readyz, and on SIGTERM stops gracefully with exit 0', async () => {
    const { config, cleanup } = await (TEST_ENGINES[0] as TestEngine).provision();
    const child = spawn(process.execPath, MAIN, {
      cwd,
      env: {
        PATH: process.env.PATH,
        TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        SQLITE_PATH: config.kind === 'sqlite' ? config.path : '',
        PORT: '0',
        LOG_LEVEL: 'info',
        SALESFORCE_CLIENT_ID: 'client-id-for-the-test',
        SALESFORCE_CLIENT_SECRET: 'client-secret-for-the-test'
      },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let output = '';
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
          if (match) resolve(match[1] as string);
        });
        child.once('exit', (code) => reject(new Error(`the service exited early (${code}): ${output}`)));
      });
      const ready = await fetch(`${url}/readyz`);
      expect({ status: ready.status, body: await ready.json() }).toEqual({
        status: 200,
        body: { status: 'ready', checks: { store: 'ok', migrations: 'ok' } }
      });

      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const messages = output
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { msg: string }).msg);
      // The inbox worker runs inside the service by default; its lines interleave with the request's.
      const workerLines = ['worker started', 'background task started', 'worker stopped'];
      expect(messages.filter((m) => workerLines.includes(m))).toEqual(workerLines);
      expect(messages.filter((m) => !workerLines.includes(m))).toEqual([
        'store ready',
        expect.stringContaining('METRICS_TOKEN'),
        'listening',
        'request',
        'shutdown requested',
        'stopping',
        'stopped'
      ]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await cleanup();
    }
  });

  it('when the configuration is invalid, then it names each problem and exits 1 without listening', () => {
    const result = spawnSync(process.execPath, MAIN, {
      cwd,
      env: { PATH: process.env.PATH, PORT: 'eighty', HOME: '/nonexistent' },
      encoding: 'utf8'
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration:');
    expect(result.stderr).toContain('  - PORT must be a whole number between 0 and 65535');
    expect(result.stderr).toContain('  - TOKEN_ENCRYPTION_KEY is required');
    expect(result.stderr).toContain('  - SALESFORCE_CLIENT_ID is required');
    expect(result.stderr).toContain('  - SALESFORCE_CLIENT_SECRET is required');
    expect(result.stdout).toBe('');
  });
});
