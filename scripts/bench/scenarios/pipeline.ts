// pipeline: N calls from the push to all logged in the org, through the real path: HTTP push → durable inbox → the
// worker's micro-batches → phone matching (batched SOSL) and Task upserts (sObject Collections) through jsforce →
// the org emulator in its own process. Measures the wall time, the API calls the org charged, and this process's
// memory (the service, its worker and the pushing client; the org is elsewhere).
import type { ApiCallFigures, ApiCostComparison } from '../apiCalls.ts';
import { apiCallFigures, compareWithNaive } from '../apiCalls.ts';
import { benchCalls, pushBodies } from '../calls.ts';
import { finishedCount, waitForInbox } from '../inbox.ts';
import type { InboxCounts } from '../inbox.ts';
import type { MemoryFigures } from '../memory.ts';
import { startMemorySampler } from '../memory.ts';
import { countTasks } from '../orgReadBack.ts';
import type { TaskCounts } from '../orgReadBack.ts';
import { expectAccepted, pushActivities } from '../push.ts';
import type { BenchStack, EngineName } from '../stack.ts';
import type { LatencySummary } from '../stats.ts';
import { perSecond, summariseLatencies } from '../stats.ts';
import { withOrgAndService } from './orgAndService.ts';
import type { ScenarioContext, WorkerSettings } from './context.ts';

export interface PipelineResult {
  scenario: 'pipeline';
  engine: EngineName;
  calls: number;
  pushes: number;
  /** From the first push sent to the last 202 received. */
  pushWallMs: number;
  /** From the first push sent to every call finished (logged, skipped or failed). */
  wallMs: number;
  loggedPerSecond: number;
  outcomes: InboxCounts;
  apiCalls: ApiCallFigures;
  /** The service's own count of its calls (its API budget), for comparison with the org's. */
  serviceCountedCalls: number;
  cost: ApiCostComparison;
  /** Push accepted → logged in the org, per activity (a spread sample of the calls). */
  timeToLogged: LatencySummary;
  memory: MemoryFigures;
  org: TaskCounts & { people: number };
  worker: WorkerSettings;
}

export function workerSettings(stack: BenchStack): WorkerSettings {
  const w = stack.config.worker;
  return {
    batchSize: w.batchSize,
    batchWaitMs: w.batchWaitMs,
    concurrency: w.concurrency,
    pollIntervalMs: w.pollIntervalMs
  };
}

export async function serviceCallCount(stack: BenchStack): Promise<number> {
  const minutes = await stack.store.salesforceApiCalls.inWindow(stack.tenantId);
  return minutes.reduce((sum, minute) => sum + minute.calls, 0);
}

/** processedAt − receivedAt for up to `max` activities spread over the batch, from the service's inbox. */
async function timeToLogged(stack: BenchStack, ids: readonly string[], max = 250): Promise<LatencySummary> {
  const step = Math.max(1, Math.floor(ids.length / max));
  const samples: number[] = [];
  for (let i = 0; i < ids.length; i += step) {
    const record = await stack.store.activities.get(stack.tenantId, ids[i] as string);
    if (record?.processedAt != null) samples.push(record.processedAt - record.receivedAt);
  }
  return summariseLatencies(samples);
}

export async function runPipeline(context: ScenarioContext): Promise<PipelineResult> {
  const { pipeline, people } = context.profile;
  return withOrgAndService(context, async (org, stack) => {
    const calls = benchCalls({ runId: context.runId, count: pipeline.calls, people });
    const bodies = pushBodies(calls, pipeline.pushSize);
    await org.clearRequests();
    const serviceCallsBefore = await serviceCallCount(stack);

    const memory = startMemorySampler();
    const started = performance.now();
    for (const { body, items } of bodies) {
      expectAccepted(await pushActivities(stack.serviceUrl, stack.apiKey, body), items, 'queued');
    }
    const pushWallMs = performance.now() - started;
    const settled = await waitForInbox(stack.store, (counts) => finishedCount(counts) >= calls.length, {
      timeoutMs: context.profile.settleTimeoutMs,
      what: `${calls.length} calls to be logged`
    });
    const wallMs = settled.at - started;
    const memoryFigures = memory.stop();

    const apiCalls = apiCallFigures(await org.requestLog());
    const serviceCountedCalls = (await serviceCallCount(stack)) - serviceCallsBefore;
    const logged = settled.counts['logged'] ?? 0;
    if (logged === 0) throw new Error(`no call was logged; the inbox ended ${JSON.stringify(settled.counts)}`);
    return {
      scenario: 'pipeline',
      engine: context.engine,
      calls: calls.length,
      pushes: bodies.length,
      pushWallMs,
      wallMs,
      loggedPerSecond: perSecond(logged, wallMs),
      outcomes: settled.counts,
      apiCalls,
      serviceCountedCalls,
      cost: compareWithNaive(apiCalls.counted, logged),
      timeToLogged: await timeToLogged(
        stack,
        calls.map((c) => c.id)
      ),
      memory: memoryFigures,
      org: { ...(await countTasks(org.baseUrl)), people: people.contacts + people.leads },
      worker: workerSettings(stack)
    };
  });
}
