// `npm run org` as a process: it prints its base URL and client id, answers, refuses bad flags with a clear
// message and a non-zero exit, and with --data writes the org back on SIGTERM.
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixtureForceApp } from './support.ts';

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/cli.ts');

function run(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NODE_OPTIONS: '' } });
}

function exitOf(
  child: ChildProcessWithoutNullStreams
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

function baseUrlOf(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no base URL printed; output so far: ${out}`)), 30_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
}

describe('npm run org', () => {
  const fixture = fixtureForceApp();
  afterAll(() => fixture.remove());

  it('prints its base URL and the client id, and serves the API', async () => {
    const child = run(['--port', '0', '--force-app', fixture.dir]);
    const done = exitOf(child);
    try {
      const baseUrl = await baseUrlOf(child);
      const versions = await fetch(`${baseUrl}/services/data`);
      expect(versions.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    const { code, stdout } = await done;
    expect(code).toBe(0);
    expect(stdout).toContain('OAuth client id:        switchboard-local');
    expect(stdout).not.toContain('switchboard-local-secret');
  });

  it.each([
    [['--port', 'eighty'], "--port must be a whole number from 0 to 65535, got 'eighty'"],
    [['--unavailable-rate', '3'], '--unavailable-rate must be a number from 0 to 1'],
    [['--frobnicate'], "Unknown option '--frobnicate'"]
  ])('refuses %j with a clear message and a non-zero exit', async (args, message) => {
    const { code, stderr } = await exitOf(run(args));
    expect(code).not.toBe(0);
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage: npm run org');
  });

  it('with --data, writes the org to the file on SIGTERM', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'org-cli-data-'));
    const dataFile = path.join(dir, 'org.json');
    try {
      const child = run(['--port', '0', '--force-app', fixture.dir, '--data', dataFile]);
      const done = exitOf(child);
      await baseUrlOf(child);
      child.kill('SIGTERM');
      const { code } = await done;
      expect(code).toBe(0);
      expect(existsSync(dataFile)).toBe(true);
      const saved = JSON.parse(readFileSync(dataFile, 'utf8')) as Record<string, unknown[]>;
      expect(saved['User']?.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
