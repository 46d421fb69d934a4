// The main job: a local Salesforce org (the emulator) and the Switchboard service (HTTP API + worker) together, on
// the embedded SQLite store under ./data, with a demo tenant connected to the local org through the real OAuth
// flow: a connect link asked for with the tenant's key, the start redirect, the org's login and consent (the
// emulator approves its seeded admin), and the callback, followed over HTTP as a browser would.
import path from 'node:path';
import { pino } from 'pino';
import { SEEDED_CONNECTED_APP, startOrg } from '@switchboard/org-emulator';
import type { RunningOrg } from '@switchboard/org-emulator';
import { loadConfig } from '../../service/src/config/config.ts';
import { authenticateApiKey } from '../../service/src/tenants/authenticate.ts';
import { createLogger } from '../../service/src/logging/logger.ts';
import type { Logger } from '../../service/src/logging/logger.ts';
import { startService } from '../../service/src/service.ts';
import type { RunningService } from '../../service/src/service.ts';
import { createTenant, rotateApiKey } from '../../service/src/tenants/tenantAdmin.ts';
import { inboxWorkerTask } from '../../service/src/worker/task.ts';
import { loadOrCreateSecrets, saveSecrets } from './localSecrets.ts';
import { connectThroughOAuth } from './oauthConnect.ts';
import type { LocalSecrets } from './localSecrets.ts';
import { freePort } from './freePort.ts';

export const DEMO_TENANT_NAME = 'Demo';

export interface LocalStackOptions {
  dataDir: string;
  /** 3100 and 3000 for `npm start`; 0 picks free ports (tests). */
  orgPort: number;
  servicePort: number;
  /** Where the service's JSON logs go (default: <dataDir>/service.log). */
  logFile?: string;
  logger?: Logger;
  /** Extra configuration (LOG_LEVEL, WORKER_*, …) on top of the local defaults. */
  env?: NodeJS.ProcessEnv;
}

export interface LocalStack {
  serviceUrl: string;
  orgUrl: string;
  demoKey: string;
  tenantId: string;
  orgId: string;
  /** True when this start created the demo tenant (first start, or after ./data was cleared). */
  createdTenant: boolean;
  service: RunningService;
  org: RunningOrg;
  stop(): Promise<void>;
}

/** Settings the user may override from the environment; everything else is fixed by the local set-up. */
const OVERRIDABLE = /^(LOG_LEVEL|PHONE_DEFAULT_REGION|SALESFORCE_API_VERSION|WORKER_[A-Z_]+)$/;

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const dataDir = path.resolve(options.dataDir);
  const { secrets } = loadOrCreateSecrets(dataDir);
  const servicePort = options.servicePort === 0 ? await freePort() : options.servicePort;
  const serviceUrl = `http://127.0.0.1:${servicePort}`;

  const org = await startOrg({
    port: options.orgPort,
    dataFile: path.join(dataDir, 'org.json'),
    callbackUrls: [`${serviceUrl}/oauth/salesforce/callback`]
  });
  let service: RunningService | undefined;
  try {
    const overrides = Object.fromEntries(
      Object.entries(options.env ?? {}).filter(([name, value]) => OVERRIDABLE.test(name) && value !== undefined)
    );
    const config = loadConfig(
      {
        WORKER_BATCH_WAIT_MS: '250',
        ...overrides,
        TOKEN_ENCRYPTION_KEY: secrets.tokenEncryptionKey,
        PORT: String(servicePort),
        HOST: '127.0.0.1',
        PUBLIC_BASE_URL: serviceUrl,
        SQLITE_PATH: path.join(dataDir, 'switchboard.db'),
        // The local org's own connected app (its documented seed), not a secret of a real org.
        SALESFORCE_CLIENT_ID: SEEDED_CONNECTED_APP.clientId,
        SALESFORCE_CLIENT_SECRET: SEEDED_CONNECTED_APP.clientSecret,
        SALESFORCE_LOGIN_URL_PRODUCTION: org.baseUrl,
        SALESFORCE_LOGIN_URL_SANDBOX: org.baseUrl
      },
      { requireSalesforceClient: true }
    );
    const logger =
      options.logger ??
      createLogger({
        level: config.logLevel,
        destination: pino.destination({
          dest: options.logFile ?? path.join(dataDir, 'service.log'),
          sync: false,
          mkdir: true
        })
      });
    service = await startService(config, { logger, backgroundTasks: config.worker.enabled ? [inboxWorkerTask] : [] });
    const store = service.context.store;

    // The demo tenant: reuse it with its key when both are still good; otherwise create it (or issue a new key).
    let demo = secrets.demo;
    let createdTenant = false;
    const valid = demo && (await authenticateApiKey(store, demo.apiKey))?.tenantId === demo.tenantId;
    if (!valid) {
      const existing = (await store.tenants.list()).find((t) => t.name === DEMO_TENANT_NAME);
      if (existing) {
        const rotated = await rotateApiKey(store, { tenantId: existing.id, graceSeconds: 0 });
        demo = { tenantId: existing.id, apiKey: rotated.apiKey };
      } else {
        const created = await createTenant(store, { name: DEMO_TENANT_NAME });
        demo = { tenantId: created.tenant.id, apiKey: created.apiKey };
        createdTenant = true;
      }
      const updated: LocalSecrets = { ...secrets, demo };
      saveSecrets(dataDir, updated);
    }
    const tenant = demo as { tenantId: string; apiKey: string };

    // The local org keeps its records across restarts (org.json) but not its sessions: connect on every start.
    await connectThroughOAuth(service.url, tenant.apiKey);
    const connection = await store.salesforceConnections.getSummary(tenant.tenantId);
    if (!connection || connection.status !== 'connected') throw new Error('the demo tenant did not get connected');

    const running = service;
    let stopped = false;
    return {
      serviceUrl: service.url,
      orgUrl: org.baseUrl,
      demoKey: tenant.apiKey,
      tenantId: tenant.tenantId,
      orgId: connection.orgId,
      createdTenant,
      service,
      org,
      async stop() {
        if (stopped) return;
        stopped = true;
        await running.stop();
        await org.control.save();
        await org.close();
      }
    };
  } catch (error) {
    await service?.stop().catch(() => undefined);
    await org.close();
    throw error;
  }
}
