// GET /readyz: ready to take traffic when the store answers and every migration has run; 503 otherwise.
import type { RequestHandler } from 'express';
import type { Store } from '../../../store/store.ts';
import type { ReadyResponse } from '../../contracts.ts';
import { ApiError } from '../../errors.ts';

export function getReadyz(deps: { store: Store }): RequestHandler {
  return async (_req, res) => {
    const readiness = await deps.store.readiness();
    if (!readiness.reachable) {
      throw new ApiError('not_ready', 'the store is not reachable', {
        errors: [{ path: 'store', message: 'does not answer' }]
      });
    }
    if (readiness.pendingMigrations.length > 0) {
      throw new ApiError('not_ready', 'database migrations have not been applied', {
        errors: [{ path: 'migrations', message: `pending: ${readiness.pendingMigrations.join(', ')}` }]
      });
    }
    const body: ReadyResponse = { status: 'ready', checks: { store: 'ok', migrations: 'ok' } };
    res.status(200).json(body);
  };
}
