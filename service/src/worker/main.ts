// The inbox worker as a process of its own (`node service/src/worker/main.ts`, or `npm run worker -w service`):
// for running several workers beside one or more HTTP replicas (PostgreSQL), and for the crash test. Same
// configuration as the service. SIGTERM / SIGINT finish or release the current batches, then exit 0.
import { loadDotEnv } from '../config/dotenv.ts';
import { ConfigError, loadConfig } from '../config/config.ts';
import { createTokenCipher } from '../crypto/tokenCipher.ts';
import { createLogger } from '../logging/logger.ts';
import { createMetrics } from '../metrics/metrics.ts';
import { createSalesforceAccess } from '../salesforce/salesforceAccess.ts';
import { openStore } from '../store/store.ts';
import { inboxWorkerTask } from './task.ts';

loadDotEnv();
let config;
try {
  config = loadConfig(process.env, { requireSalesforceClient: true });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

const logger = createLogger({ level: config.logLevel });
process.on('unhandledRejection', (reason) => {
  logger.fatal({ err: reason }, 'unhandled promise rejection');
  process.exit(1);
});

try {
  const cipher = createTokenCipher(config.tokenEncryptionKeys);
  const store = await openStore({ config: config.store, cipher });
  await store.migrate();
  const metrics = createMetrics();
  const salesforce = createSalesforceAccess({ config, store, logger, metrics });
  const worker = await inboxWorkerTask({ config, store, cipher, logger, metrics, salesforce });
  const shutdown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutdown requested');
    worker
      .stop()
      .then(() => store.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        }
      );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
} catch (error) {
  logger.fatal({ err: error }, 'the worker could not start');
  process.exit(1);
}
