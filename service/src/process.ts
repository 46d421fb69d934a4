// What both process entries (the service, src/main.ts, and a lone worker, src/worker/main.ts) do around their
// work: configuration or a clear exit, a logger that records fatal errors, and a graceful stop on SIGTERM/SIGINT.
import { loadDotEnv } from './config/dotenv.ts';
import { ConfigError, loadConfig } from './config/config.ts';
import type { Config } from './config/config.ts';
import { createLogger } from './logging/logger.ts';
import type { Logger } from './logging/logger.ts';

/** The configuration from the environment (and a local .env), or exit 1 naming every problem. */
export function configOrExit(): Config {
  loadDotEnv();
  try {
    return loadConfig(process.env, { requireSalesforceClient: true });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

/** The process logger; an unhandled rejection or exception is logged as fatal and ends the process. */
export function processLogger(config: Config): Logger {
  const logger = createLogger({ level: config.logLevel });
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'unhandled promise rejection');
    process.exit(1);
  });
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception');
    process.exit(1);
  });
  return logger;
}

/** On SIGTERM or SIGINT: run `stop`, then exit 0 (1 when stopping failed). */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>): void {
  const shutdown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutdown requested');
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      }
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
