// Answers one REST request (top-level or Composite subrequest): route, version and method checks, then the
// handler. Salesforce errors become their REST bodies here; anything else is a bug and propagates.
import { SalesforceError } from '../../errors.ts';
import { errorResponse, methodNotAllowed, resourceNotFound } from './responses.ts';
import { resolveRoute } from './routes.ts';
import type { Method, Route } from './routes.ts';
import type { ApiRequest, ApiResponse, RestContext } from './types.ts';

const METHOD_ORDER: Method[] = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];

export function dispatch(req: ApiRequest, ctx: RestContext, options: { subrequest?: boolean } = {}): ApiResponse {
  try {
    const route = resolveRoute(req.segments);
    if (!route || req.apiVersion < route.since || (options.subrequest && !route.compositeAllowed)) {
      throw resourceNotFound();
    }
    const method = (req.method === 'HEAD' ? 'GET' : req.method) as Method;
    const handler = route.methods[method];
    if (!handler) throw methodNotAllowed(req.method, allowedMethods(route));
    const response = handler(req, ctx);
    return req.method === 'HEAD' ? { ...response, body: undefined } : response;
  } catch (error) {
    if (error instanceof SalesforceError) return errorResponse(error);
    throw error;
  }
}

/** `HEAD,GET,POST` style, in Salesforce's order; HEAD wherever GET is allowed. */
function allowedMethods(route: Route): string[] {
  const present = METHOD_ORDER.filter((m) => route.methods[m]);
  return present.includes('GET') ? ['HEAD', ...present] : present;
}
