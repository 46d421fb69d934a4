// Test support for component tests: the real app on an ephemeral port over a real store, with pino output
// captured so tests can assert what was (and was not) logged.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../http/app.ts';
import { createLogger } from '../logging/logger.ts';
import { createMetrics } from '../metrics/metrics.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { signWebhook } from '../crypto/webhookSignatures.ts';
import { createTenant } from '../tenants/tenantAdmin.ts';
import type { Store } from '../store/store.ts';
import type { TestClock, TestEngine } from './stores.ts';
import { openTestStore } from './stores.ts';

export interface TestTenant {
  tenantId: string;
  apiKey: string;
  keyId: string;
  webhookSecret: string;
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
  close(): Promise<void>;
}

let tenantCounter = 0;

export async function startTestApp(engine: TestEngine, options: { metricsToken?: string } = {}): Promise<TestApp> {
  const t = await openTestStore(engine);
  // The store's clock drives the app too; it starts at the real time so signatures made "now" are fresh.
  t.clock.set(Math.floor(Date.now() / 1000) * 1000);
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void logs.push(line) } });
  const metrics = createMetrics({ countInboxByStatus: () => t.store.activities.countByStatus() });
  const app = createApp({
    store: t.store,
    logger,
    metrics,
    publicBaseUrl: 'http://localhost',
    clock: t.clock,
    ...(options.metricsToken ? { metricsToken: options.metricsToken } : {})
  });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const request: TestApp['request'] = async (method, path, init = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: init.headers ?? {},
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
      const value = metric?.values.find((v) =>
        Object.entries(labels).every(([k, expected]) => String((v.labels as Record<string, unknown>)[k]) === expected)
      );
      return value?.value ?? 0;
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await t.close();
    }
  };
}
