// `npm run service`: the Switchboard service (HTTP API and, unless WORKER_ENABLED=false, the inbox worker).
// Configuration comes from the environment (and a local .env); migrations run before the HTTP server listens;
// SIGTERM / SIGINT stop it gracefully.
import { loadDotEnv } from './config/dotenv.ts';
import { ConfigError, loadConfig } from './config/config.ts';
import { createLogger } from './logging/logger.ts';
import { startService } from './service.ts';
import { inboxWorkerTask } from './worker/task.ts';

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
process.on('uncaughtException', (error) => {
  logger.fatal({ err: error }, 'uncaught exception');
  process.exit(1);
});

try {
  // WORKER_ENABLED=false runs the HTTP side only (workers then run as their own processes: src/worker/main.ts).
  const service = await startService(config, {
    logger,
    backgroundTasks: config.worker.enabled ? [inboxWorkerTask] : []
  });
  const shutdown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutdown requested');
    service.stop().then(
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
  logger.fatal({ err: error }, 'the service could not start');
  process.exit(1);
}
