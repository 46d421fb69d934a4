// Route guards. A tenant is identified by a verified credential only:
//  - `Authorization: Bearer <tenant API key>` (every /v1 route), or
//  - Standard Webhooks signing (POST /v1/activities only): `webhook-id`, `webhook-timestamp`, `webhook-signature`,
//    with `switchboard-tenant` naming whose secret to check. The signature covers the raw body, so it is checked
//    after the body is read (verifyWebhookSignature) and before it is parsed.
import type { RequestHandler, Response } from 'express';
import { checkWebhookHeaders } from '../../crypto/webhookSignatures.ts';
import type { Metrics } from '../../metrics/metrics.ts';
import type { Store } from '../../store/store.ts';
import type { AuthenticatedTenant } from '../../tenants/authenticate.ts';
import { authenticateApiKey, authenticateWebhook } from '../../tenants/authenticate.ts';
import { ApiError } from '../errors.ts';

export const TENANT_HEADER = 'switchboard-tenant';
const WEBHOOK_HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature', TENANT_HEADER] as const;
const TENANT_ID = /^ten_[0-9a-f]{20}$/;

interface PendingWebhook {
  tenantId: string;
  id: string;
  timestamp: string;
  signatureHeader: string;
}

export interface AuthDeps {
  store: Store;
  metrics: Metrics;
  clock: () => number;
}

export function authenticatedTenant(res: Response): AuthenticatedTenant {
  const tenant = res.locals.tenant as AuthenticatedTenant | undefined;
  if (!tenant) throw new Error('route reached without authentication; mount a guard before it');
  return tenant;
}

export function webhookIdOf(res: Response): string | undefined {
  return (res.locals.webhook as PendingWebhook | undefined)?.id;
}

function refuse(deps: AuthDeps, error: ApiError): never {
  deps.metrics.authFailures.inc({ code: error.code });
  throw error;
}

async function bearer(deps: AuthDeps, authorization: string, res: Response): Promise<void> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) {
    refuse(deps, new ApiError('unauthorized', 'the Authorization header must be "Bearer <API key>"'));
  }
  const tenant = await authenticateApiKey(deps.store, match[1] as string);
  if (!tenant) refuse(deps, new ApiError('unauthorized', 'the API key is not valid (unknown, revoked or expired)'));
  res.locals.tenant = tenant;
}

/** Bearer API key only. */
export function requireApiKey(deps: AuthDeps): RequestHandler {
  return async (req, res, next) => {
    const authorization = req.get('authorization');
    if (!authorization) {
      refuse(deps, new ApiError('unauthorized', 'send your tenant API key as "Authorization: Bearer <API key>"'));
    }
    await bearer(deps, authorization, res);
    next();
  };
}

/**
 * Bearer API key, or the first half of a webhook check: header shapes, the timestamp's freshness and the tenant,
 * all before the body is read. Authorization wins when both are present.
 */
export function requireApiKeyOrWebhook(deps: AuthDeps): RequestHandler {
  return async (req, res, next) => {
    const authorization = req.get('authorization');
    if (authorization) {
      await bearer(deps, authorization, res);
      next();
      return;
    }
    const present = WEBHOOK_HEADERS.filter((name) => req.get(name) !== undefined);
    if (present.length === 0) {
      refuse(
        deps,
        new ApiError(
          'unauthorized',
          'send your tenant API key as "Authorization: Bearer <API key>", or sign the request with Standard Webhooks headers'
        )
      );
    }
    const missing = WEBHOOK_HEADERS.filter((name) => req.get(name) === undefined);
    if (missing.length > 0) {
      refuse(
        deps,
        new ApiError('invalid_signature', `a signed request needs the headers ${missing.join(', ')}`, {
          errors: missing.map((name) => ({ path: `headers.${name}`, message: 'is required' }))
        })
      );
    }
    const pending: PendingWebhook = {
      tenantId: req.get(TENANT_HEADER) as string,
      id: req.get('webhook-id') as string,
      timestamp: req.get('webhook-timestamp') as string,
      signatureHeader: req.get('webhook-signature') as string
    };
    const check = checkWebhookHeaders({ id: pending.id, timestamp: pending.timestamp, nowMs: deps.clock() });
    if (!check.ok) {
      refuse(
        deps,
        new ApiError(check.code, check.message, {
          errors: check.header ? [{ path: `headers.${check.header}`, message: check.message }] : []
        })
      );
    }
    if (!TENANT_ID.test(pending.tenantId)) {
      refuse(
        deps,
        new ApiError('invalid_signature', `${TENANT_HEADER} must be a tenant id (ten_ followed by 20 hex digits)`, {
          errors: [{ path: `headers.${TENANT_HEADER}`, message: 'must be a tenant id' }]
        })
      );
    }
    res.locals.webhook = pending;
    next();
  };
}

/** The second half of a webhook check, once the raw body is in `req.body`. */
export function verifyWebhookSignature(deps: AuthDeps): RequestHandler {
  return async (req, res, next) => {
    const pending = res.locals.webhook as PendingWebhook | undefined;
    if (!pending) {
      next();
      return;
    }
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const tenant = await authenticateWebhook(deps.store, { ...pending, body });
    if (!tenant) {
      refuse(
        deps,
        new ApiError('invalid_signature', 'webhook-signature does not match this body signed with the tenant’s secret')
      );
    }
    res.locals.tenant = tenant;
    next();
  };
}
