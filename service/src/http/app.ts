// The HTTP application: every route, its guards and the error shape. createApp() wires dependencies in; it
// neither opens the store nor listens (main.ts and the tests do), so tests run the real app on an ephemeral port.
import express from 'express';
import type { Express, RequestHandler } from 'express';
import type { Logger } from '../logging/logger.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { ConnectFlow } from '../salesforce/connectFlow.ts';
import type { Store } from '../store/store.ts';
import { errorHandler, methodNotAllowed, notFoundHandler } from './errors.ts';
import { requireApiKey, requireApiKeyOrWebhook, verifyWebhookSignature } from './middleware/authenticate.ts';
import { parseJsonBody, rawBody, requireJsonContentType } from './middleware/jsonBody.ts';
import { requestContext, securityHeaders } from './middleware/requestContext.ts';
import { getActivity } from './routes/activities/getActivity.ts';
import { postActivities } from './routes/activities/postActivities.ts';
import { getHealthz } from './routes/health/getHealthz.ts';
import { getReadyz } from './routes/health/getReadyz.ts';
import { getMetrics } from './routes/metrics/getMetrics.ts';
import { createBrowserBinding } from './routes/oauth/browserBinding.ts';
import { getOauthCallback } from './routes/oauth/getOauthCallback.ts';
import { getOauthStart } from './routes/oauth/getOauthStart.ts';
import { deleteConnection } from './routes/salesforce/deleteConnection.ts';
import { getConnection } from './routes/salesforce/getConnection.ts';
import { postConnectLinks } from './routes/salesforce/postConnectLinks.ts';

export interface AppDeps {
  store: Store;
  logger: Logger;
  metrics: Metrics;
  /** Connecting tenants to their orgs (OAuth routes and /v1/salesforce/*). */
  connectFlow: ConnectFlow;
  /** The service's public URL; HSTS and Secure cookies when it is https. */
  publicBaseUrl: string;
  metricsToken?: string;
  clock?: () => number;
}

type Method = 'get' | 'post' | 'delete';
type RouteDefinition = { method: Method; path: string; handlers: RequestHandler[] };

export function createApp(deps: AppDeps): Express {
  const clock = deps.clock ?? Date.now;
  const auth = { store: deps.store, metrics: deps.metrics, clock };
  const binding = createBrowserBinding(deps.publicBaseUrl);
  const routes: RouteDefinition[] = [
    { method: 'get', path: '/healthz', handlers: [getHealthz()] },
    { method: 'get', path: '/readyz', handlers: [getReadyz({ store: deps.store })] },
    {
      method: 'get',
      path: '/metrics',
      handlers: [
        getMetrics({ metrics: deps.metrics, ...(deps.metricsToken ? { metricsToken: deps.metricsToken } : {}) })
      ]
    },
    {
      method: 'post',
      path: '/v1/activities',
      handlers: [
        requireApiKeyOrWebhook(auth),
        requireJsonContentType(),
        rawBody(),
        verifyWebhookSignature(auth),
        parseJsonBody(),
        postActivities({ store: deps.store, metrics: deps.metrics, clock })
      ]
    },
    { method: 'get', path: '/v1/activities/:id', handlers: [requireApiKey(auth), getActivity({ store: deps.store })] },
    {
      method: 'post',
      path: '/v1/salesforce/connect-links',
      handlers: [requireApiKey(auth), rawBody(), postConnectLinks({ connectFlow: deps.connectFlow })]
    },
    {
      method: 'get',
      path: '/v1/salesforce/connection',
      handlers: [requireApiKey(auth), getConnection({ connectFlow: deps.connectFlow, store: deps.store })]
    },
    {
      method: 'delete',
      path: '/v1/salesforce/connection',
      handlers: [requireApiKey(auth), deleteConnection({ connectFlow: deps.connectFlow })]
    },
    // Opened in a browser: the connect token (start), the state and the browser's binding cookie (callback) are the
    // credentials.
    {
      method: 'get',
      path: '/oauth/salesforce/start',
      handlers: [getOauthStart({ connectFlow: deps.connectFlow, binding, clock })]
    },
    {
      method: 'get',
      path: '/oauth/salesforce/callback',
      handlers: [getOauthCallback({ connectFlow: deps.connectFlow, binding })]
    }
  ];

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(requestContext(deps));
  app.use(securityHeaders({ hsts: deps.publicBaseUrl.startsWith('https://') }));

  const byPath = new Map<string, RouteDefinition[]>();
  for (const route of routes) byPath.set(route.path, [...(byPath.get(route.path) ?? []), route]);
  for (const [path, definitions] of byPath) {
    const route = app.route(path);
    for (const definition of definitions) route[definition.method](...definition.handlers);
    route.all(methodNotAllowed(definitions.map((d) => d.method.toUpperCase())));
  }

  app.use(notFoundHandler());
  app.use(errorHandler(deps.logger));
  return app;
}
