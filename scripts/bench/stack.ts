// The service under test, started in this process the way `npm run service` starts it: the real configuration,
// the real store (a SQLite file in a temp dir, or PostgreSQL in a schema of its own), the real express app on an
// ephemeral port and, when asked, the real inbox worker. A tenant is created with the admin functions and, when
// there is an org, connected to it through the real OAuth flow driven over HTTP, as a browser follows redirects.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { SEEDED_CONNECTED_APP } from '@switchboard/org-emulator';
import { loadConfig } from '../../service/src/config/config.ts';
import type { Config } from '../../service/src/config/config.ts';
import { createLogger } from '../../service/src/logging/logger.ts';
import { startService } from '../../service/src/service.ts';
import type { RunningService } from '../../service/src/service.ts';
import type { Store } from '../../service/src/store/store.ts';
import { createTenant } from '../../service/src/tenants/tenantAdmin.ts';
import { inboxWorkerTask } from '../../service/src/worker/task.ts';
import { freePort } from '../lib/freePort.ts';
import { connectThroughOAuth } from '../lib/oauthConnect.ts';
import type { BenchOrg } from './benchOrg.ts';

export type EngineName = 'sqlite' | 'postgres';

export const ENGINE_LABELS: Record<EngineName, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

export interface BenchStackOptions {
  engine: EngineName;
  databaseUrl: string;
  /** The org to connect the tenant to; without one the tenant stays unconnected (intake only). */
  org?: BenchOrg;
  worker: boolean;
  /** Where the service's JSON log goes (info level, as in production). */
  logFile: string;
  /** WORKER_* and other settings on top of the service's defaults. */
  env?: Record<string, string>;
}

export interface BenchStack {
  serviceUrl: string;
  store: Store;
  config: Config;
  tenantId: string;
  apiKey: string;
  stop(): Promise<void>;
}

/** What is still to be undone (a service to stop, a schema to drop), so an interrupted run can clean up too. */
const pendingCleanups = new Set<() => Promise<void>>();

export async function stopAllStacks(): Promise<void> {
  await Promise.allSettled([...pendingCleanups].map((cleanup) => cleanup()));
}

interface ProvisionedStore {
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

async function provisionStore(engine: EngineName, databaseUrl: string): Promise<ProvisionedStore> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-'));
    return {
      env: { SQLITE_PATH: path.join(dir, 'switchboard.db') },
      cleanup: async () => rmSync(dir, { recursive: true, force: true })
    };
  }
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${redactUrl(databaseUrl)}: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  return {
    env: { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema },
    async cleanup() {
      const admin = new pg.Client({ connectionString: databaseUrl });
      await admin.connect();
      try {
        await admin.query(`drop schema if exists ${pg.escapeIdentifier(schema)} cascade`);
      } finally {
        await admin.end();
      }
    }
  };
}

/** A database URL as it may be printed: without its password. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unparseable URL)';
  }
}

/** The service's configuration for a bench run: its defaults, the settings passed through, the local org. */
export function serviceConfig(input: {
  env: Record<string, string>;
  storeEnv: Record<string, string>;
  port: number;
  loginUrl: string;
}): Config {
  return loadConfig(
    {
      ...input.env,
      ...input.storeEnv,
      LOG_LEVEL: 'info',
      TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      PORT: String(input.port),
      HOST: '127.0.0.1',
      PUBLIC_BASE_URL: `http://127.0.0.1:${input.port}`,
      // The emulator's seeded connected app: its documented local credentials, not a secret of a real org.
      SALESFORCE_CLIENT_ID: SEEDED_CONNECTED_APP.clientId,
      SALESFORCE_CLIENT_SECRET: SEEDED_CONNECTED_APP.clientSecret,
      SALESFORCE_LOGIN_URL_PRODUCTION: input.loginUrl,
      SALESFORCE_LOGIN_URL_SANDBOX: input.loginUrl
    },
    { requireSalesforceClient: true }
  );
}

export async function startBenchStack(options: BenchStackOptions): Promise<BenchStack> {
  const provisioned = await provisionStore(options.engine, options.databaseUrl);
  let service: RunningService | undefined;
  let destination: ReturnType<typeof pino.destination> | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      try {
        await service?.stop();
        try {
          destination?.flushSync();
        } catch {
          // Nothing was written yet: nothing to flush.
        }
      } finally {
        await provisioned.cleanup();
        pendingCleanups.delete(stop);
      }
    })();
    return stopping;
  };
  pendingCleanups.add(stop);

  try {
    const port = await freePort();
    const loginUrl = options.org?.baseUrl ?? 'https://login.salesforce.com';
    const config = serviceConfig({ env: options.env ?? {}, storeEnv: provisioned.env, port, loginUrl });
    destination = pino.destination({ dest: options.logFile, sync: false, mkdir: true });
    const logger = createLogger({ level: config.logLevel, destination });
    service = await startService(config, { logger, backgroundTasks: options.worker ? [inboxWorkerTask] : [] });
    const store = service.context.store;
    const tenant = await createTenant(store, { name: 'Bench' });
    if (options.org) {
      await options.org.addCallbackUrl(config.salesforce.redirectUri);
      await connectThroughOAuth(service.url, tenant.apiKey);
    }
    return { serviceUrl: service.url, store, config, tenantId: tenant.tenant.id, apiKey: tenant.apiKey, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
