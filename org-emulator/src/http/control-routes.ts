// /__org: the control surface over HTTP, JSON in and out, no auth (the emulator only listens on 127.0.0.1).
// Two guards keep a web page in the developer's browser from driving it: the Host must be a loopback name (DNS
// rebinding), and every change must be sent as application/json (a cross-site form or no-cors fetch can't set
// that without a preflight, which this surface never grants).
import express from 'express';
import type { NextFunction, Request, Response, Router } from 'express';
import { SalesforceError } from '../errors.ts';
import { ControlError } from './control.ts';
import type { OrgControl } from './control.ts';
import type { RequestLogFilter } from './request-log.ts';
import { SettingsError } from './settings.ts';

const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?$/i;

export function controlRouter(control: OrgControl): Router {
  const router = express.Router();
  router.use(guard);
  router.use(express.json({ limit: '5mb', strict: false }));

  router.get('/', (_req, res) => res.json(control.status()));

  router.get('/settings', (_req, res) => res.json(control.settings()));
  router.patch('/settings', (req, res) => res.json(control.updateSettings(req.body)));

  router.post('/sessions/expire', (_req, res) => res.json(control.expireSessions()));

  router.get('/usage', (_req, res) => res.json(control.apiUsage()));
  router.post('/usage/exhaust', (req, res) => {
    const body: unknown = req.body ?? {};
    const fields =
      typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    res.json(control.exhaustApiAllowance('until' in fields ? fields['until'] : body));
  });
  router.post('/usage/reset', (_req, res) => res.json(control.resetApiUsage()));

  router.get('/faults', (_req, res) => res.json(control.pendingFaults()));
  router.post('/faults', (req, res) => res.status(201).json(control.injectFault(req.body)));
  router.delete('/faults', (_req, res) => {
    control.clearFaults();
    res.status(204).end();
  });

  router.get('/holds', (_req, res) => res.json(control.holds()));
  router.post('/holds', (req, res) => res.status(201).json(control.holdRequests(req.body)));
  router.post('/holds/release', (_req, res) => res.json(control.releaseHeldRequests()));
  router.delete('/holds', (_req, res) => res.json(control.clearHolds()));

  router.get('/validation-rules', (_req, res) => res.json(control.validationRules()));
  router.post('/validation-rules', (req, res) => res.status(201).json(control.installValidationRule(req.body)));
  router.delete('/validation-rules/:name', (req, res) => {
    const removed = control.removeValidationRule(String(req.params['name']));
    if (!removed) return res.status(404).json({ error: `no validation rule named '${String(req.params['name'])}'` });
    res.status(204).end();
  });

  router.post('/reset', (_req, res) => {
    control.reset();
    res.json(control.status());
  });

  router.get('/export', (_req, res) => res.json(control.exportRecords()));
  router.post('/save', async (_req, res) => {
    if (!(await control.save()))
      return res.status(409).json({ error: 'the emulator was started without --data; nothing to save to' });
    res.json({ saved: true });
  });

  router.get('/requests', (req, res) =>
    res.json({ totals: control.requestTotals(), requests: control.requests(logFilter(req)) })
  );
  router.get('/requests/in-flight', (_req, res) => res.json(control.inFlightRequests()));
  router.delete('/requests', (_req, res) => {
    control.clearRequests();
    res.status(204).end();
  });

  router.get('/oauth/callbacks', (_req, res) => res.json(control.callbackUrls()));
  router.post('/oauth/callbacks', (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    res.status(201).json(control.addCallbackUrl(body['url']));
  });

  router.use((_req: Request, res: Response) => res.status(404).json({ error: 'no such control resource' }));
  router.use(controlErrors);
  return router;
}

function guard(req: Request, res: Response, next: NextFunction): void {
  if (!LOOPBACK_HOST.test(req.get('host') ?? '')) {
    res.status(403).json({ error: 'the control surface only answers requests addressed to 127.0.0.1 or localhost' });
    return;
  }
  const changes = req.method !== 'GET' && req.method !== 'HEAD';
  if (changes && !(req.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    res.status(415).json({ error: 'send control changes as Content-Type: application/json' });
    return;
  }
  next();
}

function logFilter(req: Request): RequestLogFilter {
  const q = req.query;
  const filter: RequestLogFilter = {};
  if (q['counted'] === 'true' || q['counted'] === 'false') filter.counted = q['counted'] === 'true';
  if (typeof q['method'] === 'string') filter.method = q['method'];
  if (typeof q['path'] === 'string') filter.pathContains = q['path'];
  if (typeof q['since'] === 'string' && Number.isFinite(Number(q['since']))) filter.since = Number(q['since']);
  if (q['clientGone'] === 'true' || q['clientGone'] === 'false') filter.clientGone = q['clientGone'] === 'true';
  return filter;
}

function controlErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error);
  if (error instanceof ControlError || error instanceof SettingsError) {
    res.status(400).json({ error: error.message });
    return;
  }
  if (error instanceof SalesforceError) {
    res.status(400).json({ error: error.message, errorCode: error.errorCode });
    return;
  }
  if (error instanceof URIError) {
    res.status(400).json({ error: 'the path has a malformed percent-escape' });
    return;
  }
  const type = (error as { type?: unknown }).type;
  if (type === 'entity.parse.failed') {
    res.status(400).json({ error: 'the request body is not valid JSON' });
    return;
  }
  if (type === 'entity.too.large') {
    res.status(413).json({ error: 'the request body is too large' });
    return;
  }
  next(error);
}
