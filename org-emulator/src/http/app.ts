// The express application of one emulated org: request tracking (in flight, then logged) and front-door checks;
// for /services, the whole body received on arrival, then latency and holds; then OAuth and the identity URL, the
// REST API, the control surface, and Salesforce-shaped answers for everything else.
import express from 'express';
import type { Express, NextFunction, Request, Response } from 'express';
import { oauthRouter } from '../oauth/routes.ts';
import { receiveBody } from './body-reception.ts';
import { OrgControl } from './control.ts';
import { controlRouter } from './control-routes.ts';
import type { Emulator } from './emulator.ts';
import { requestSizeGuard } from './request-size.ts';
import { dropRequest, inFlightOf, trackRequests } from './request-lifecycle.ts';
import { JSON_CONTENT_TYPE, restApiRouter } from './rest-api.ts';

export function createApp(emulator: Emulator, control: OrgControl = new OrgControl(emulator)): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');

  app.use(trackRequests(emulator));
  app.use(requestSizeGuard);
  app.use(
    '/services',
    receiveBody((req) => dropRequest(emulator, req)),
    latency(emulator),
    holds(emulator)
  );
  app.use(oauthRouter(emulator));
  app.use('/services/data', restApiRouter(emulator));
  app.use('/__org', controlRouter(control));
  app.use(notFound);
  app.use(unexpectedError);
  return app;
}

/** Adds the configured latency once the body is in: a client that leaves meanwhile doesn't stop the request. */
function latency(emulator: Emulator) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const ms = emulator.settings().latencyMs;
    if (ms <= 0) return next();
    const request = inFlightOf(req);
    if (request) request.stage = 'delayed';
    setTimeout(next, ms);
  };
}

/** Stops a request an armed hold catches until the holds are released; from here on, the request is processed. */
function holds(emulator: Emulator) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const request = inFlightOf(req);
    if (!request) return next();
    if (!emulator.holds.catches(request.method, request.path)) {
      request.stage = 'processing';
      return next();
    }
    request.stage = 'held';
    void emulator.holds.wait().then(() => {
      request.stage = 'processing';
      next();
    });
  };
}

function notFound(_req: Request, res: Response): void {
  res
    .status(404)
    .set('Content-Type', JSON_CONTENT_TYPE)
    .send(Buffer.from(JSON.stringify([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }])));
}

/**
 * Body-reading failures get Salesforce-style answers. Anything else is an emulator bug: it is logged to stderr
 * and answered as Salesforce answers its own internal errors (500 UNKNOWN_EXCEPTION), never as a stack trace.
 */
function unexpectedError(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error);
  const type = (error as { type?: unknown }).type;
  const send = (status: number, errorCode: string, message: string): void => {
    res
      .status(status)
      .set('Content-Type', JSON_CONTENT_TYPE)
      .send(Buffer.from(JSON.stringify([{ errorCode, message }])));
  };
  if (type === 'entity.too.large')
    return send(413, 'REQUEST_ENTITY_TOO_LARGE', 'The request body exceeds the 50 MB limit.');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return send(415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body encoding is not supported.');
  }
  if (type === 'request.aborted' || type === 'request.size.invalid')
    return send(400, 'INVALID_INPUT', 'The request body was incomplete.');
  const errorId = `${Math.floor(Math.random() * 1e9)}-${Math.floor(Math.random() * 1e5)}`;
  console.error(`[org-emulator] internal error ${errorId}:`, error);
  send(
    500,
    'UNKNOWN_EXCEPTION',
    `An unexpected error occurred. Please include this ErrorId if you contact support: ${errorId}`
  );
}
