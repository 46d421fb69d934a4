// GET /oauth/salesforce/start?tenant&connect_token&environment&host: opened in the admin's browser from a connect
// link. The connect token proves the right to connect this tenant; the answer redirects to Salesforce's login and
// consent page. The query string is never logged (it carries the token).
import type { RequestHandler } from 'express';
import type { ConnectFlow } from '../../../salesforce/connectFlow.ts';
import { ApiError } from '../../errors.ts';
import { translated } from '../salesforce/connectFlowErrors.ts';

const KNOWN = new Set(['tenant', 'connect_token', 'environment', 'host']);

function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  return typeof value === 'string' ? value : undefined;
}

export function getOauthStart(deps: { connectFlow: ConnectFlow }): RequestHandler {
  return async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const unknown = Object.keys(query).filter((name) => !KNOWN.has(name) || typeof query[name] !== 'string');
    if (unknown.length > 0) {
      throw new ApiError('invalid_query', 'unexpected or repeated query parameters', {
        errors: unknown.map((name) => ({ path: `query.${name}`, message: 'is not a known parameter, or is repeated' }))
      });
    }
    const authorizationUrl = await translated(() =>
      deps.connectFlow.start({
        tenant: single(query, 'tenant'),
        connectToken: single(query, 'connect_token'),
        environment: single(query, 'environment'),
        host: single(query, 'host')
      })
    );
    // No body: the browser follows Location.
    res.status(302).location(authorizationUrl).end();
  };
}
