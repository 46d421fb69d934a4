// What every scenario gets: the engine to run on, the sizes, where PostgreSQL is, where to write the service log,
// and the settings passed through to the service (WORKER_* from the environment).
import type { BenchProfile } from '../profile.ts';
import type { EngineName } from '../stack.ts';

export interface ScenarioContext {
  engine: EngineName;
  profile: BenchProfile;
  databaseUrl: string;
  logFile: string;
  serviceEnv: Record<string, string>;
  /** Makes activity ids unique to this run. */
  runId: string;
}

/** The worker settings a run used, printed with its figures. */
export interface WorkerSettings {
  batchSize: number;
  batchWaitMs: number;
  concurrency: number;
  pollIntervalMs: number;
}
