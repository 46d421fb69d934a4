// `npm run service`: the Switchboard service (HTTP API and, unless WORKER_ENABLED=false, the inbox worker).
// Configuration comes from the environment (and a local .env); migrations run before the HTTP server listens;
// SIGTERM / SIGINT stop it gracefully.
import { configOrExit, processLogger, stopOnSignals } from './process.ts';
import { startService } from './service.ts';
import { inboxWorkerTask } from './worker/task.ts';

const config = configOrExit();
const logger = processLogger(config);

try {
  // WORKER_ENABLED=false runs the HTTP side only (workers then run as their own processes: src/worker/main.ts).
  const service = await startService(config, {
    logger,
    backgroundTasks: config.worker.enabled ? [inboxWorkerTask] : []
  });
  stopOnSignals(logger, () => service.stop());
} catch (error) {
  logger.fatal({ err: error }, 'the service could not start');
  process.exit(1);
}
