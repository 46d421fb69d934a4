// GET /metrics: Prometheus text format. With METRICS_TOKEN configured it needs `Authorization: Bearer <token>`.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Metrics } from '../../../metrics/metrics.ts';
import { ApiError } from '../../errors.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function getMetrics(deps: { metrics: Metrics; metricsToken?: string }): RequestHandler {
  const expected = deps.metricsToken === undefined ? undefined : digest(`Bearer ${deps.metricsToken}`);
  return async (req, res) => {
    // Comparing digests keeps the comparison constant-time whatever the presented length.
    if (expected && !timingSafeEqual(digest(req.get('authorization') ?? ''), expected)) {
      throw new ApiError('unauthorized', 'metrics need "Authorization: Bearer <METRICS_TOKEN>"');
    }
    res
      .status(200)
      .type(deps.metrics.registry.contentType)
      .send(await deps.metrics.registry.metrics());
  };
}
