// intake: how fast the service accepts pushes. Pushes of 1 activity and of 500, from a few clients at once, into
// the real app and store; the worker is off, so the figures are the HTTP API and the durable inbox alone (every
// accepted push is committed before its 202).
import { benchCalls, pushBodies } from '../calls.ts';
import { expectAccepted, pushAll } from '../push.ts';
import { startBenchStack } from '../stack.ts';
import type { EngineName } from '../stack.ts';
import type { LatencySummary } from '../stats.ts';
import { perSecond, summariseLatencies } from '../stats.ts';
import type { ScenarioContext } from './context.ts';

export interface IntakeRow {
  engine: EngineName;
  itemsPerPush: number;
  pushes: number;
  items: number;
  concurrency: number;
  wallMs: number;
  acceptedItemsPerSecond: number;
  pushesPerSecond: number;
  latency: LatencySummary;
}

export interface IntakeResult {
  scenario: 'intake';
  engine: EngineName;
  rows: IntakeRow[];
}

export async function runIntake(context: ScenarioContext): Promise<IntakeResult> {
  const { intake, people } = context.profile;
  const stack = await startBenchStack({
    engine: context.engine,
    databaseUrl: context.databaseUrl,
    worker: false,
    logFile: context.logFile,
    env: context.serviceEnv
  });
  try {
    let offset = 0;
    const calls = (count: number) => {
      const batch = benchCalls({ runId: context.runId, count, people, offset });
      offset += count;
      return batch;
    };
    const measure = async (itemsPerPush: number, pushes: number): Promise<IntakeRow> => {
      const bodies = pushBodies(calls(itemsPerPush * pushes), itemsPerPush).map((b) => b.body);
      const run = await pushAll(stack.serviceUrl, stack.apiKey, bodies, intake.concurrency);
      for (const push of run.pushes) expectAccepted(push, itemsPerPush, 'queued');
      const items = itemsPerPush * pushes;
      return {
        engine: context.engine,
        itemsPerPush,
        pushes,
        items,
        concurrency: intake.concurrency,
        wallMs: run.wallMs,
        acceptedItemsPerSecond: perSecond(items, run.wallMs),
        pushesPerSecond: perSecond(pushes, run.wallMs),
        latency: summariseLatencies(run.pushes.map((p) => p.latencyMs))
      };
    };
    // Warm-up: JIT, connection pools and the first pages of the database, not measured.
    const warmup = pushBodies(calls(intake.warmupPushes), 1).map((b) => b.body);
    for (const push of (await pushAll(stack.serviceUrl, stack.apiKey, warmup, intake.concurrency)).pushes) {
      expectAccepted(push, 1, 'queued');
    }
    const single = await measure(1, intake.singlePushes);
    const batch = await measure(intake.batchSize, intake.batchPushes);
    return { scenario: 'intake', engine: context.engine, rows: [single, batch] };
  } finally {
    await stack.stop();
  }
}
