// The inbox worker as a process of its own (`npm run worker`, or `node service/src/worker/main.ts`):
// for running several workers beside one or more HTTP replicas (PostgreSQL), and for the crash test. Same
// configuration as the service. SIGTERM / SIGINT finish or release the current batches, then exit 0.
import { createTokenCipher } from '../crypto/tokenCipher.ts';
import { createMetrics } from '../metrics/metrics.ts';
import { configOrExit, processLogger, stopOnSignals } from '../process.ts';
import { createSalesforceAccess } from '../salesforce/salesforceAccess.ts';
import { openStore } from '../store/store.ts';
import { inboxWorkerTask } from './task.ts';

const config = configOrExit();
const logger = processLogger(config);

try {
  const cipher = createTokenCipher(config.tokenEncryptionKeys);
  const store = await openStore({ config: config.store, cipher });
  await store.migrate();
  const metrics = createMetrics();
  const salesforce = createSalesforceAccess({ config, store, logger, metrics });
  const worker = await inboxWorkerTask({ config, store, cipher, logger, metrics, salesforce });
  stopOnSignals(logger, async () => {
    await worker.stop();
    await store.close();
  });
} catch (error) {
  logger.fatal({ err: error }, 'the worker could not start');
  process.exit(1);
}
