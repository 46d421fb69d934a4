// POST /v1/salesforce/connect-links: a single-use, short-lived link that starts connecting the calling tenant's
// Salesforce org. The body may choose the login environment now ({ environment, host }) or leave it to the URL.
import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { ConnectFlow } from '../../../salesforce/connectFlow.ts';
import { toFieldErrors } from '../../../validation/issues.ts';
import type { ConnectLinkResponse } from '../../contracts.ts';
import { ApiError } from '../../errors.ts';
import { authenticatedTenant } from '../../middleware/authenticate.ts';
import { translated } from './connectFlowErrors.ts';

const body = z.strictObject({
  environment: z.enum(['production', 'sandbox', 'mydomain']).optional(),
  host: z.string().max(255, 'must be at most 255 characters').optional()
});

export function postConnectLinks(deps: { connectFlow: ConnectFlow }): RequestHandler {
  return async (req, res) => {
    const tenant = authenticatedTenant(res);
    const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8').trim() : '';
    let json: unknown = {};
    if (raw !== '') {
      if (!req.is('application/json')) {
        throw new ApiError(
          'unsupported_media_type',
          'the request body must be JSON with Content-Type: application/json'
        );
      }
      try {
        json = JSON.parse(raw);
      } catch {
        throw new ApiError('malformed_json', 'the request body is not valid JSON');
      }
    }
    const parsed = body.safeParse(json);
    if (!parsed.success) {
      throw new ApiError('invalid_body', 'the request body is not a valid connect-link request', {
        errors: toFieldErrors(parsed.error.issues)
      });
    }
    const link = await translated(() => deps.connectFlow.issueConnectLink(tenant.tenantId, parsed.data));
    const answer: ConnectLinkResponse = { url: link.url, expiresAt: new Date(link.expiresAt).toISOString() };
    res.status(201).json(answer);
  };
}
