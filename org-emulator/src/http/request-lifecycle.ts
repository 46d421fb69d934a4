// Follows every request but the control surface's own from arrival to answer: in flight while it runs (its stage
// set by the middleware it passes), logged when it is answered — including when its client left before the answer
// could reach it (`clientGone`), the "landed but unanswered" writes Salesforce also commits.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Emulator } from './emulator.ts';
import type { InFlightRequest } from './in-flight.ts';

const tracked = new WeakMap<Request, InFlightRequest>();
const SERVICES = /^\/services(?:\/|$)/;

/** The in-flight entry of a tracked request (undefined for the control surface's own). */
export function inFlightOf(req: Request): InFlightRequest | undefined {
  return tracked.get(req);
}

export function trackRequests(emulator: Emulator): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.path.startsWith('/__org')) return next();
    const started = performance.now();
    // Read now: mounted routers strip their prefix from the request's URL while they handle it.
    const request = emulator.inFlight.begin(emulator.clock.now(), req.method, req.path);
    // Only /services requests have their body received, delayed and held first; the others are processed at once.
    if (!SERVICES.test(request.path)) request.stage = 'processing';
    tracked.set(req, request);
    // 'close' before the answer is finished: the connection went first.
    res.once('close', () => {
      if (!res.writableFinished) request.clientGone = true;
    });
    whenAnswered(res, () => {
      emulator.inFlight.end(request.id);
      emulator.log.record({
        id: request.id,
        at: request.at,
        method: request.method,
        path: request.path,
        status: res.statusCode,
        counted: res.locals['counted'] === true,
        durationMs: Math.round(performance.now() - started),
        clientGone: request.clientGone || res.destroyed
      });
    });
    next();
  };
}

/** A request dropped before it was whole (its body cut off): no longer in flight, and never logged. */
export function dropRequest(emulator: Emulator, req: Request): void {
  const request = tracked.get(req);
  if (request) emulator.inFlight.end(request.id);
}

/**
 * Calls `answered` once, when the response is ended. Node emits no event for ending a response whose connection is
 * gone ('finish' never comes), so `end` itself is wrapped.
 */
function whenAnswered(res: Response, answered: () => void): void {
  const end = res.end as (this: Response, ...args: unknown[]) => Response;
  let done = false;
  res.end = function (this: Response, ...args: unknown[]): Response {
    const result = end.apply(this, args);
    if (!done) {
      done = true;
      answered();
    }
    return result;
  } as Response['end'];
}
