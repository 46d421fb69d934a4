// Test support for component tests: the real app on an ephemeral port over a real store, with pino output
// captured so tests can assert what was (and was not) logged. With `salesforce`, the app's login URLs point at a
// local org (the emulator) and the inbox worker can run in-process with the real writer.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config/config.ts';
import { loadConfig } from '../config/config.ts';
import { createApp } from '../http/app.ts';
import { createLogger } from '../logging/logger.ts';
import type { Logger } from '../logging/logger.ts';
import { createMetrics } from '../metrics/metrics.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { parseApiKey } from '../crypto/apiKeys.ts';
import type { TokenCipher } from '../crypto/tokenCipher.ts';
import { signWebhook } from '../crypto/webhookSignatures.ts';
import { createConnectFlow } from '../salesforce/connectFlow.ts';
import type { ConnectFlow } from '../salesforce/connectFlow.ts';
import { createSalesforceAccess } from '../salesforce/salesforceAccess.ts';
import type { SalesforceAccess } from '../salesforce/salesforceAccess.ts';
import type { BackgroundTask } from '../service.ts';
import { createTenant } from '../tenants/tenantAdmin.ts';
import type { Store } from '../store/store.ts';
import { inboxWorkerTask } from '../worker/task.ts';
import type { TestClock, TestEngine } from './stores.ts';
import { openTestStore } from './stores.ts';

/** The seeded connected app of the org emulator (its documented local credentials, not a secret of ours). */
export const EMULATOR_CLIENT = { id: 'switchboard-local', secret: 'switchboard-local-secret' } as const;

export interface TestTenant {
  tenantId: string;
  apiKey: string;
  keyId: string;
  webhookSecret: string;
}

/** The secret part of a tenant key (base64url, so it may itself contain `_`: never split the key on `_`). */
export function apiKeySecretOf(apiKey: string): string {
  const parsed = parseApiKey(apiKey);
  if (!parsed) throw new Error('not a tenant API key');
  return parsed.secret;
}

export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body (undefined when the body is not JSON). */
  body: unknown;
}

export interface TestApp {
  baseUrl: string;
  store: Store;
  clock: TestClock;
  metrics: Metrics;
  config: Config;
  logger: Logger;
  cipher: TokenCipher;
  /** The store's encryption key (base64), for a worker process opening the same store. */
  encryptionKey: string;
  connectFlow: ConnectFlow;
  /** Another store on the same database (a second replica). Closed with the app. */
  openAnotherStore(): Promise<Store>;
  /** Present when the app was started with `salesforce`. */
  salesforce?: SalesforceAccess;
  /** Every log line written so far, raw. */
  logs: string[];
  createTenant(name?: string): Promise<TestTenant>;
  request(
    method: string,
    path: string,
    init?: { headers?: Record<string, string>; body?: string | Buffer }
  ): Promise<HttpResult>;
  /** POST /v1/activities with a bearer key and a JSON body. */
  push(apiKey: string, body: unknown): Promise<HttpResult>;
  /** POST /v1/activities signed the Standard Webhooks way. */
  pushSigned(
    tenant: TestTenant,
    body: string,
    options?: { id?: string; timestamp?: number; secret?: string }
  ): Promise<HttpResult>;
  metricValue(name: string, labels?: Record<string, string>): Promise<number>;
  /** Starts the inbox worker in this process (needs `salesforce`); stopped by close() if still running. */
  startWorker(): Promise<BackgroundTask>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  metricsToken?: string;
  /** Point production (and sandbox, unless given apart) logins at this org (the emulator's base URL). */
  salesforce?: { loginUrl: string; sandboxLoginUrl?: string };
  /** Extra environment for the configuration (WORKER_*, SALESFORCE_NAMESPACE, …). */
  env?: Record<string, string>;
  /** Real time instead of a test clock (the worker waits and retries in real time). */
  realTime?: boolean;
}

let tenantCounter = 0;

export async function startTestApp(engine: TestEngine, options: TestAppOptions = {}): Promise<TestApp> {
  const t = await openTestStore(engine, { realTime: options.realTime ?? false });
  // The store's clock drives the app too; it starts at the real time so signatures made "now" are fresh.
  if (!options.realTime) t.clock.set(Math.floor(Date.now() / 1000) * 1000);
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void logs.push(line) } });
  const metrics = createMetrics({ countInboxByStatus: () => t.store.activities.countByStatus() });

  // Listen first: the OAuth redirect URI (configuration) needs the port.
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config: Config = {
    ...loadConfig({
      TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      PUBLIC_BASE_URL: baseUrl,
      SALESFORCE_CLIENT_ID: EMULATOR_CLIENT.id,
      SALESFORCE_CLIENT_SECRET: EMULATOR_CLIENT.secret,
      ...(options.salesforce
        ? {
            SALESFORCE_LOGIN_URL_PRODUCTION: options.salesforce.loginUrl,
            SALESFORCE_LOGIN_URL_SANDBOX: options.salesforce.sandboxLoginUrl ?? options.salesforce.loginUrl
          }
        : {}),
      ...options.env
    }),
    store: t.config
  };
  const salesforce = options.salesforce
    ? createSalesforceAccess({ config, store: t.store, logger, metrics })
    : undefined;
  const connectFlow = createConnectFlow({
    config,
    store: t.store,
    logger,
    metrics,
    onConnectionChanged: (tenantId) => salesforce?.evict(tenantId)
  });
  const app = createApp({
    store: t.store,
    logger,
    metrics,
    connectFlow,
    publicBaseUrl: 'http://localhost',
    clock: t.clock,
    ...(options.metricsToken ? { metricsToken: options.metricsToken } : {})
  });
  server.on('request', app);
  const workers: BackgroundTask[] = [];

  const request: TestApp['request'] = async (method, path, init = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: init.headers ?? {},
      redirect: 'manual',
      ...(init.body !== undefined ? { body: init.body } : {})
    });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, headers: response.headers, text, body };
  };

  return {
    baseUrl,
    store: t.store,
    clock: t.clock,
    metrics,
    config,
    logger,
    cipher: t.cipher,
    encryptionKey: t.encryptionKey,
    connectFlow,
    openAnotherStore: () => t.openAnother(),
    ...(salesforce ? { salesforce } : {}),
    logs,
    async createTenant(name) {
      const created = await createTenant(t.store, { name: name ?? `Tenant ${++tenantCounter}` });
      return {
        tenantId: created.tenant.id,
        apiKey: created.apiKey,
        keyId: created.keyId,
        webhookSecret: created.webhookSecret
      };
    },
    request,
    push(apiKey, body) {
      return request('POST', '/v1/activities', {
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body)
      });
    },
    pushSigned(tenant, body, signing = {}) {
      const id = signing.id ?? `msg_${Math.random().toString(36).slice(2)}`;
      const timestamp = signing.timestamp ?? Math.floor(t.clock() / 1000);
      return request('POST', '/v1/activities', {
        headers: {
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signWebhook({ secret: signing.secret ?? tenant.webhookSecret, id, timestamp, body }),
          'switchboard-tenant': tenant.tenantId
        },
        body
      });
    },
    async metricValue(name, labels = {}) {
      const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name);
      const values = (metric?.values ?? []).filter((v) =>
        Object.entries(labels).every(([k, expected]) => String((v.labels as Record<string, unknown>)[k]) === expected)
      );
      return values.reduce((sum, v) => sum + v.value, 0);
    },
    async startWorker() {
      if (!salesforce) throw new Error('start the test app with `salesforce` to run the worker');
      const worker = await inboxWorkerTask({ config, store: t.store, cipher: t.cipher, logger, metrics, salesforce });
      workers.push(worker);
      return worker;
    },
    async close() {
      for (const worker of workers) await worker.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await t.close();
    }
  };
}
