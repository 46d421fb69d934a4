// `npm run service`: the Switchboard service. Configuration comes from the environment (and a local .env);
// migrations run before the HTTP server listens; SIGTERM / SIGINT stop it gracefully.
import { loadDotEnv } from './config/dotenv.ts';
import { ConfigError, loadConfig } from './config/config.ts';
import { createLogger } from './logging/logger.ts';
import { startService } from './service.ts';
import type { BackgroundTaskStarter } from './service.ts';

loadDotEnv();
let config;
try {
  config = loadConfig();
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

// The inbox worker (Salesforce side) is added to this list when it exists.
const backgroundTasks: BackgroundTaskStarter[] = [];

try {
  const service = await startService(config, { logger, backgroundTasks });
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
