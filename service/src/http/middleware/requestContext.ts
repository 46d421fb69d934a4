// Per request: an id (the caller's x-request-id when it is sane, else a new one), a child logger carrying it,
// and one access-log line plus metrics when the response is done. Only the route template is recorded, never
// the query string, headers or body.
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../../logging/logger.ts';
import type { Metrics } from '../../metrics/metrics.ts';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestContext(deps: { logger: Logger; metrics: Metrics }): RequestHandler {
  const httpLogger = deps.logger.child({ component: 'http' });
  return (req, res, next) => {
    const presented = req.get('x-request-id');
    const requestId = presented && REQUEST_ID.test(presented) ? presented : randomUUID();
    res.locals.requestId = requestId;
    res.locals.log = httpLogger.child({ reqId: requestId });
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();

    res.on('finish', () => {
      const route = req.route ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      deps.metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
      deps.metrics.httpDuration.observe({ method: req.method, route }, seconds);
      const tenantId = (res.locals.tenant as { tenantId?: string } | undefined)?.tenantId;
      (res.locals.log as Logger).info(
        {
          method: req.method,
          route,
          status: res.statusCode,
          durationMs: Math.round(seconds * 1000),
          ...(tenantId ? { tenantId } : {})
        },
        'request'
      );
    });
    next();
  };
}

/** No caching, no sniffing, no framing: every answer is private JSON (or metrics text). */
export function securityHeaders(options: { hsts: boolean }): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (options.hsts) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
}
