// POST /v1/activities: a platform pushes up to 500 activities. Each is validated on its own; the valid ones are
// committed to the inbox in one transaction before the answer (202) lists every item's outcome. When no item
// can be accepted the answer is 400 invalid_body with every item's errors. A signed request replayed with the same
// webhook-id (a sender retrying) answers 202 again from what the first delivery stored, and stores nothing.
import type { RequestHandler } from 'express';
import { validateActivityBatch, MAX_ACTIVITIES_PER_PUSH } from '../../../activities/validateBatch.ts';
import type { Logger } from '../../../logging/logger.ts';
import type { Metrics } from '../../../metrics/metrics.ts';
import type { Store } from '../../../store/store.ts';
import { limitErrors } from '../../../validation/issues.ts';
import type { PushActivitiesResponse, PushItemResult } from '../../contracts.ts';
import { ApiError } from '../../errors.ts';
import { authenticatedTenant, webhookIdOf } from '../../middleware/authenticate.ts';

const RECEIPT_PRUNE_INTERVAL_MS = 60_000;
/** Errors listed when every activity was rejected (each item's own list is bounded too). */
const MAX_ERRORS_PER_ANSWER = 100;

export function postActivities(deps: { store: Store; metrics: Metrics; clock: () => number }): RequestHandler {
  let lastPrune = 0;
  return async (req, res) => {
    const tenant = authenticatedTenant(res);
    const log = (res.locals.log as Logger).child({ tenantId: tenant.tenantId });
    const validation = validateActivityBatch(req.body);
    if (!validation.ok) {
      if (validation.reason === 'too_many_items') {
        throw new ApiError(
          'too_many_items',
          `a push may carry at most ${MAX_ACTIVITIES_PER_PUSH} activities; this one has ${validation.count}`
        );
      }
      throw new ApiError('invalid_body', 'the request body is not a valid push', { errors: validation.errors });
    }

    const results: PushItemResult[] = validation.items.map((item) =>
      item.ok
        ? { index: item.index, id: item.activity.id, status: 'queued', version: 0 }
        : { index: item.index, id: item.id, status: 'rejected', errors: item.errors }
    );
    const valid = validation.items.flatMap((item) => (item.ok ? [item] : []));
    const webhookId = webhookIdOf(res);

    if (valid.length > 0) {
      const intake = await deps.store.activities.accept(
        tenant.tenantId,
        valid.map((item) => ({
          activityId: item.activity.id,
          type: item.activity.type,
          payload: item.activity,
          contentHash: item.contentHash
        })),
        webhookId !== undefined ? { webhookId } : {}
      );
      // A sender that saw no 2xx retries with the same webhook-id: it gets its 2xx, and nothing is stored twice.
      if (intake.replayed) log.info({ webhookId }, 'replayed webhook-id answered from the first delivery');
      intake.outcomes.forEach((outcome, i) => {
        const index = (valid[i] as (typeof valid)[number]).index;
        const rejected = (path: string, message: string): PushItemResult => ({
          index,
          id: outcome.activityId,
          status: 'rejected',
          errors: [{ path, message }]
        });
        switch (outcome.status) {
          case 'type_conflict':
            results[index] = rejected(
              `activities[${index}].type`,
              `must stay "${outcome.existingType}": this id was first pushed as a ${outcome.existingType}`
            );
            break;
          case 'not_in_first_delivery':
            results[index] = rejected(
              `activities[${index}]`,
              `webhook-id ${webhookId} was already delivered without this activity; send new content with a new webhook-id`
            );
            break;
          default:
            results[index] = { index, id: outcome.activityId, status: outcome.status, version: outcome.version };
        }
      });
    }

    const summary = { queued: 0, updated: 0, duplicate: 0, rejected: 0 };
    for (const result of results) summary[result.status] += 1;
    for (const [outcome, count] of Object.entries(summary))
      if (count > 0) deps.metrics.pushItems.inc({ outcome }, count);
    log.info({ ...summary, via: tenant.via }, 'push received');

    if (summary.rejected === results.length) {
      throw new ApiError('invalid_body', `no activity was accepted: all ${results.length} were rejected`, {
        errors: limitErrors(
          results.flatMap((result) => (result.status === 'rejected' ? result.errors : [])),
          MAX_ERRORS_PER_ANSWER,
          'activities'
        )
      });
    }

    if (webhookId !== undefined && deps.clock() - lastPrune > RECEIPT_PRUNE_INTERVAL_MS) {
      lastPrune = deps.clock();
      deps.store.webhookReceipts.prune().catch((err: unknown) => log.warn({ err }, 'pruning webhook receipts failed'));
    }
    const body: PushActivitiesResponse = { summary, results };
    res.status(202).json(body);
  };
}
