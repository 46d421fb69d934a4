// The parent's handle on the benchmark org (orgProcess.ts): starts it, and reads its API accounting through the
// emulator's documented control surface over HTTP (/__org), the same way any client of a running org would.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { OrgReadyMessage } from './orgProcess.ts';
import type { SeedCounts } from './people.ts';

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  counted: boolean;
  durationMs: number;
}

export interface RequestLog {
  /** Since the log was last cleared: every request, and those charged to the daily allowance. */
  totals: { requests: number; counted: number };
  /** The latest entries (the org keeps 20,000). */
  requests: RequestLogEntry[];
}

export interface ApiUsage {
  used: number;
  max: number;
  remaining: number;
}

export interface BenchOrg {
  baseUrl: string;
  seeded: SeedCounts;
  /** The requests the org answered since the log was last cleared. */
  requestLog(): Promise<RequestLog>;
  clearRequests(): Promise<void>;
  usage(): Promise<ApiUsage>;
  addCallbackUrl(url: string): Promise<void>;
  stop(): Promise<void>;
}

const ORG_PROCESS = fileURLToPath(new URL('./orgProcess.ts', import.meta.url));
const START_TIMEOUT_MS = 60_000;

export async function startBenchOrg(options: { people: SeedCounts; apiDailyLimit: number }): Promise<BenchOrg> {
  const child = fork(
    ORG_PROCESS,
    [String(options.people.contacts), String(options.people.leads), String(options.apiDailyLimit)],
    { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }
  );
  const ready = await waitForReady(child);
  const baseUrl = ready.baseUrl;

  async function control(method: string, path: string, body?: unknown): Promise<unknown> {
    // The control surface takes changes only as JSON (its guard against cross-site requests), DELETE included.
    const response = await fetch(`${baseUrl}/__org${path}`, {
      method,
      ...(method !== 'GET' ? { headers: { 'content-type': 'application/json' } } : {}),
      ...(body !== undefined ? { body: JSON.stringify(body) } : {})
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`the org's ${method} /__org${path} answered ${response.status}: ${text}`);
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  }

  return {
    baseUrl,
    seeded: ready.seeded,
    requestLog: async () => (await control('GET', '/requests')) as RequestLog,
    clearRequests: async () => void (await control('DELETE', '/requests')),
    usage: async () => (await control('GET', '/usage')) as ApiUsage,
    addCallbackUrl: async (url) => void (await control('POST', '/oauth/callbacks', { url })),
    stop: () => stopChild(child)
  };
}

function waitForReady(child: ChildProcess): Promise<OrgReadyMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the benchmark org did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    child.once('message', (message: OrgReadyMessage) => {
      clearTimeout(timer);
      resolve(message);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the benchmark org exited with code ${code} before it was ready`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    if (child.connected) child.disconnect();
    else child.kill();
  });
}
