// GET /oauth/salesforce/start?tenant&connect_token&environment&host: opened in the admin's browser from a connect
// link. The connect token proves the right to connect this tenant; the answer redirects to Salesforce's login and
// consent page and binds the attempt to this browser (a cookie: see browserBinding.ts). The query string is never
// logged (it carries the token).
import type { RequestHandler } from 'express';
import type { ConnectFlow } from '../../../salesforce/connectFlow.ts';
import { ApiError } from '../../errors.ts';
import { translated } from '../salesforce/connectFlowErrors.ts';
import type { BrowserBinding } from './browserBinding.ts';

const KNOWN = new Set(['tenant', 'connect_token', 'environment', 'host']);

function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  return typeof value === 'string' ? value : undefined;
}

export function getOauthStart(deps: {
  connectFlow: ConnectFlow;
  binding: BrowserBinding;
  clock: () => number;
}): RequestHandler {
  return async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const unknown = Object.keys(query).filter((name) => !KNOWN.has(name) || typeof query[name] !== 'string');
    if (unknown.length > 0) {
      throw new ApiError('invalid_query', 'unexpected or repeated query parameters', {
        errors: unknown.map((name) => ({ path: `query.${name}`, message: 'is not a known parameter, or is repeated' }))
      });
    }
    const attempt = await translated(() =>
      deps.connectFlow.start({
        tenant: single(query, 'tenant'),
        connectToken: single(query, 'connect_token'),
        environment: single(query, 'environment'),
        host: single(query, 'host')
      })
    );
    deps.binding.bind(res, attempt.state, attempt.expiresAt, deps.clock());
    // No body: the browser follows Location.
    res.status(302).location(attempt.authorizationUrl).end();
  };
}
