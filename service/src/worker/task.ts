// The inbox worker as a background task of the service (`npm run service`), wired with this release's writer.
import { createCallTaskWriter } from './callTaskWriter.ts';
import { NOT_CONNECTED_PAUSE_MS, startInboxWorker } from './worker.ts';
import type { BackgroundTaskStarter } from '../service.ts';
import { salesforceSchema } from '../salesforce/schema.ts';

export const inboxWorkerTask: BackgroundTaskStarter = (context) =>
  startInboxWorker({
    config: context.config,
    store: context.store,
    logger: context.logger,
    metrics: context.metrics,
    access: context.salesforce,
    writer: createCallTaskWriter({
      schema: salesforceSchema(context.config.salesforce.namespace),
      phoneDefaultRegion: context.config.salesforce.phoneDefaultRegion,
      clock: context.store.clock,
      brokenConnectionPauseMs: NOT_CONNECTED_PAUSE_MS
    })
  });
