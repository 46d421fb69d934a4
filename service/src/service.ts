// Starting and stopping the whole service in-process: store (migrations first), HTTP server, background tasks.
// main.ts calls this with the configuration from the environment; scripts and tests can call it directly.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config/config.ts';
import { createTokenCipher } from './crypto/tokenCipher.ts';
import type { TokenCipher } from './crypto/tokenCipher.ts';
import { createApp } from './http/app.ts';
import type { Logger } from './logging/logger.ts';
import { createMetrics } from './metrics/metrics.ts';
import type { Metrics } from './metrics/metrics.ts';
import { createConnectFlow } from './salesforce/connectFlow.ts';
import { createSalesforceAccess } from './salesforce/salesforceAccess.ts';
import type { SalesforceAccess } from './salesforce/salesforceAccess.ts';
import { openStore } from './store/store.ts';
import type { Store } from './store/store.ts';

/** One inbox count (a GROUP BY over the inbox) serves every scrape within this time. */
const INBOX_COUNT_MAX_AGE_MS = 10_000;

/** Everything a background task (the inbox worker) gets to work with. */
export interface ServiceContext {
  config: Config;
  store: Store;
  cipher: TokenCipher;
  logger: Logger;
  metrics: Metrics;
  /** Each tenant's org, through jsforce (the only way to Salesforce). */
  salesforce: SalesforceAccess;
}

/** A long-running loop beside the HTTP server; stop() returns once it has finished its current unit of work. */
export interface BackgroundTask {
  name: string;
  stop(): Promise<void>;
}

export type BackgroundTaskStarter = (context: ServiceContext) => BackgroundTask | Promise<BackgroundTask>;

export interface RunningService {
  url: string;
  context: ServiceContext;
  /** Stops taking requests, lets in-flight ones finish (up to the shutdown timeout), stops tasks, closes the store. */
  stop(): Promise<void>;
}

export async function startService(
  config: Config,
  options: { logger: Logger; backgroundTasks?: BackgroundTaskStarter[] }
): Promise<RunningService> {
  const logger = options.logger;
  const log = logger.child({ component: 'service' });
  if (!config.salesforce.client) {
    throw new Error('SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET are required to run the service');
  }
  const cipher = createTokenCipher(config.tokenEncryptionKeys);
  const store = await openStore({ config: config.store, cipher });
  try {
    const applied = await store.migrate();
    log.info({ engine: store.engine, applied }, 'store ready');
  } catch (error) {
    await store.close();
    throw error;
  }
  const metrics = createMetrics({
    countInboxByStatus: () => store.activities.countByStatus(),
    inboxCountMaxAgeMs: INBOX_COUNT_MAX_AGE_MS,
    processMetrics: true
  });
  if (!config.metricsToken)
    log.warn('METRICS_TOKEN is not set: GET /metrics is open to anyone who can reach the service');
  const salesforce = createSalesforceAccess({ config, store, logger, metrics });
  const connectFlow = createConnectFlow({
    config,
    store,
    logger,
    metrics,
    onConnectionChanged: (tenantId) => salesforce.evict(tenantId)
  });
  const app = createApp({
    store,
    logger,
    metrics,
    connectFlow,
    publicBaseUrl: config.http.publicBaseUrl,
    ...(config.metricsToken ? { metricsToken: config.metricsToken } : {})
  });

  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(config.http.port, config.http.host, () => resolve(listening));
    listening.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  log.info({ url, publicBaseUrl: config.http.publicBaseUrl }, 'listening');

  const context: ServiceContext = { config, store, cipher, logger, metrics, salesforce };
  // The worker seam: the Salesforce side passes its inbox worker here (it claims from store.inbox).
  const tasks: BackgroundTask[] = [];
  for (const start of options.backgroundTasks ?? []) {
    const task = await start(context);
    tasks.push(task);
    log.info({ task: task.name }, 'background task started');
  }

  let stopping: Promise<void> | undefined;
  return {
    url,
    context,
    stop() {
      stopping ??= (async () => {
        log.info('stopping');
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const timeout = new Promise<'timeout'>((resolve) => {
          setTimeout(() => resolve('timeout'), config.http.shutdownTimeoutMs).unref();
        });
        if ((await Promise.race([closed, timeout])) === 'timeout') {
          log.warn('in-flight requests did not finish in time; closing their connections');
          server.closeAllConnections();
          await closed;
        }
        for (const task of tasks.reverse()) await task.stop();
        await store.close();
        log.info('stopped');
      })();
      return stopping;
    }
  };
}
