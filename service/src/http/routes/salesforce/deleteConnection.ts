// DELETE /v1/salesforce/connection: disconnects the calling tenant's org. The refresh token is revoked at Salesforce
// (its access tokens die with it) and the stored tokens are deleted.
import type { RequestHandler } from 'express';
import type { ConnectFlow } from '../../../salesforce/connectFlow.ts';
import type { DisconnectResponse } from '../../contracts.ts';
import { authenticatedTenant } from '../../middleware/authenticate.ts';
import { translated } from './connectFlowErrors.ts';

export function deleteConnection(deps: { connectFlow: ConnectFlow }): RequestHandler {
  return async (_req, res) => {
    const tenant = authenticatedTenant(res);
    const { revoked } = await translated(() => deps.connectFlow.disconnect(tenant.tenantId));
    const body: DisconnectResponse = { status: 'not_connected', revokedAtSalesforce: revoked };
    res.status(200).json(body);
  };
}
