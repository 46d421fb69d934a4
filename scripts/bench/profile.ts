// How big each scenario is: the full run (the figures to report) and --quick (a minute on a 2-core machine).

export interface BenchProfile {
  name: 'full' | 'quick';
  /** People in the org for matching to search through. */
  people: { contacts: number; leads: number };
  intake: {
    /** Single-activity pushes measured (after the warm-up). */
    singlePushes: number;
    /** 500-activity pushes measured. */
    batchPushes: number;
    batchSize: number;
    warmupPushes: number;
    /** Clients pushing at the same time. */
    concurrency: number;
  };
  pipeline: { calls: number; pushSize: number };
  repush: { calls: number; pushSize: number };
  /** The org's daily API allowance: large, so the service's budget never pauses a run. */
  apiDailyLimit: number;
  /** How long a scenario may wait for the worker before it fails. */
  settleTimeoutMs: number;
}

export const FULL_PROFILE: BenchProfile = {
  name: 'full',
  people: { contacts: 3_000, leads: 2_000 },
  intake: { singlePushes: 2_000, batchPushes: 40, batchSize: 500, warmupPushes: 30, concurrency: 4 },
  pipeline: { calls: 5_000, pushSize: 500 },
  repush: { calls: 1_000, pushSize: 500 },
  apiDailyLimit: 1_000_000,
  settleTimeoutMs: 600_000
};

export const QUICK_PROFILE: BenchProfile = {
  name: 'quick',
  people: { contacts: 3_000, leads: 2_000 },
  intake: { singlePushes: 500, batchPushes: 10, batchSize: 500, warmupPushes: 20, concurrency: 4 },
  pipeline: { calls: 500, pushSize: 500 },
  repush: { calls: 200, pushSize: 200 },
  apiDailyLimit: 1_000_000,
  settleTimeoutMs: 120_000
};
