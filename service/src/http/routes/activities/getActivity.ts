// GET /v1/activities/{id}: where one of the tenant's activities stands. Another tenant's id is simply not found.
import type { RequestHandler } from 'express';
import type { ActivityRecord } from '../../../store/repositories/activities.ts';
import type { Store } from '../../../store/store.ts';
import type { ActivityStatusResponse } from '../../contracts.ts';
import { ApiError } from '../../errors.ts';
import { authenticatedTenant } from '../../middleware/authenticate.ts';

const iso = (ms: number) => new Date(ms).toISOString();

export function toStatusResponse(record: ActivityRecord): ActivityStatusResponse {
  return {
    id: record.activityId,
    type: record.type,
    status: record.status,
    version: record.version,
    attempts: record.attempts,
    receivedAt: iso(record.receivedAt),
    updatedAt: iso(record.updatedAt),
    processedAt: record.processedAt === null ? null : iso(record.processedAt),
    ...(record.salesforceRecords ? { salesforceRecords: record.salesforceRecords } : {}),
    ...(record.status === 'skipped' && record.skip ? { skip: record.skip } : {}),
    ...(record.status === 'retrying' && record.dueAt !== null ? { nextAttemptAt: iso(record.dueAt) } : {}),
    ...((record.status === 'retrying' || record.status === 'failed') && record.lastError
      ? { lastError: record.lastError }
      : {})
  };
}

export function getActivity(deps: { store: Store }): RequestHandler {
  return async (req, res) => {
    const tenant = authenticatedTenant(res);
    const unexpected = Object.keys(req.query);
    if (unexpected.length > 0) {
      throw new ApiError('invalid_query', 'this route takes no query parameters', {
        errors: unexpected.map((name) => ({ path: `query.${name}`, message: 'is not a known parameter' }))
      });
    }
    const id = String(req.params.id);
    if (id.length > 255) {
      throw new ApiError('invalid_parameter', 'the activity id must be at most 255 characters', {
        errors: [{ path: 'id', message: 'must be at most 255 characters' }]
      });
    }
    const record = await deps.store.activities.get(tenant.tenantId, id);
    if (!record) throw new ApiError('not_found', `no activity with id "${id}" was pushed by this tenant`);
    res.status(200).json(toStatusResponse(record));
  };
}
