// GET /v1/salesforce/connection: whether the calling tenant's org is connected, in error (with the reason) or not
// connected, and whether its work is paused. Never a token.
import type { RequestHandler } from 'express';
import type { ConnectFlow } from '../../../salesforce/connectFlow.ts';
import { refreshTokenUsedAt } from '../../../store/repositories/salesforceConnections.ts';
import type { Store } from '../../../store/store.ts';
import type { ConnectionStatusResponse } from '../../contracts.ts';
import { ApiError } from '../../errors.ts';
import { authenticatedTenant } from '../../middleware/authenticate.ts';

const iso = (ms: number) => new Date(ms).toISOString();

export function getConnection(deps: { connectFlow: ConnectFlow; store: Store }): RequestHandler {
  return async (req, res) => {
    const tenant = authenticatedTenant(res);
    const unexpected = Object.keys(req.query);
    if (unexpected.length > 0) {
      throw new ApiError('invalid_query', 'this route takes no query parameters', {
        errors: unexpected.map((name) => ({ path: `query.${name}`, message: 'is not a known parameter' }))
      });
    }
    // The pause first, then the connection: a worker records the API usage of a batch before it pauses the
    // tenant, so an answer that shows a pause also shows the usage that led to it (two parallel reads could pair
    // a new pause with an older usage).
    const pause = await deps.store.inbox.getPause(tenant.tenantId);
    const connection = await deps.connectFlow.status(tenant.tenantId);
    const paused = pause
      ? { pausedUntil: iso(pause.until), ...(pause.reason !== null ? { pauseReason: pause.reason } : {}) }
      : {};
    let body: ConnectionStatusResponse;
    if (!connection) {
      body = { status: 'not_connected', ...paused };
    } else {
      const details = {
        orgId: connection.orgId,
        userId: connection.userId,
        instanceUrl: connection.instanceUrl,
        environment: connection.environment,
        loginHost: connection.loginHost,
        connectedAt: iso(connection.connectedAt),
        refreshTokenUsedAt: iso(refreshTokenUsedAt(connection)),
        ...(connection.apiUsage
          ? {
              apiUsage: {
                used: connection.apiUsage.used,
                limit: connection.apiUsage.limit,
                at: iso(connection.apiUsage.at)
              }
            }
          : {}),
        ...paused
      };
      body =
        connection.status === 'error' && connection.error
          ? {
              status: 'error',
              error: { code: connection.error.code, message: connection.error.message, at: iso(connection.error.at) },
              ...details
            }
          : { status: 'connected', ...details };
    }
    res.status(200).json(body);
  };
}
