// re-push: what pushing again costs at the org. A batch of calls is logged first; then the same batch is pushed
// again unchanged (a platform retrying: duplicates, which should cost nothing), and then with new content (late
// data: every call a new version, each Task updated in place by its External Activity ID).
import type { ApiCostComparison } from '../apiCalls.ts';
import { apiCallFigures, compareWithNaive } from '../apiCalls.ts';
import type { BenchOrg } from '../benchOrg.ts';
import { benchCalls, pushBodies, updatedCalls } from '../calls.ts';
import { finishedCount, unfinishedCount, waitForInbox } from '../inbox.ts';
import { countTasks } from '../orgReadBack.ts';
import type { PushSummary } from '../push.ts';
import { EMPTY_SUMMARY, addSummaries, expectAccepted, pushActivities } from '../push.ts';
import type { BenchStack, EngineName } from '../stack.ts';
import { withOrgAndService } from './orgAndService.ts';
import type { ScenarioContext, WorkerSettings } from './context.ts';
import { workerSettings } from './pipeline.ts';

export type RepushPhase = 'first push' | 'same batch again' | 'updated batch';

export interface RepushRow {
  phase: RepushPhase;
  items: number;
  accepted: PushSummary;
  /** Requests charged to the org's allowance during this phase. */
  apiCalls: number;
  byKind: Record<string, number>;
  cost: ApiCostComparison;
  /** From the first push to the worker done (or, for duplicates, to the end of the quiet period watched). */
  wallMs: number;
}

export interface RepushResult {
  scenario: 'repush';
  engine: EngineName;
  rows: RepushRow[];
  /** Tasks in the org at the end: one per call, however often it was pushed. */
  tasksInOrg: number;
  worker: WorkerSettings;
}

async function phase(
  org: BenchOrg,
  stack: BenchStack,
  name: RepushPhase,
  bodies: Array<{ body: string; items: number }>,
  expected: keyof PushSummary,
  settle: () => Promise<void>
): Promise<RepushRow> {
  await org.clearRequests();
  const started = performance.now();
  let accepted = EMPTY_SUMMARY;
  for (const { body, items } of bodies) {
    const push = await pushActivities(stack.serviceUrl, stack.apiKey, body);
    expectAccepted(push, items, expected);
    accepted = addSummaries(accepted, push);
  }
  await settle();
  const wallMs = performance.now() - started;
  const api = apiCallFigures(await org.requestLog());
  const items = bodies.reduce((sum, b) => sum + b.items, 0);
  return {
    phase: name,
    items,
    accepted,
    apiCalls: api.counted,
    byKind: api.byKind,
    cost: compareWithNaive(api.counted, items),
    wallMs
  };
}

export async function runRepush(context: ScenarioContext): Promise<RepushResult> {
  const { repush, people } = context.profile;
  return withOrgAndService(context, async (org, stack) => {
    const calls = benchCalls({ runId: context.runId, count: repush.calls, people });
    const original = pushBodies(calls, repush.pushSize);
    const updated = pushBodies(updatedCalls(calls), repush.pushSize);
    const timeoutMs = context.profile.settleTimeoutMs;
    const allLogged = async () => {
      await waitForInbox(stack.store, (counts) => (counts['logged'] ?? 0) >= calls.length, {
        timeoutMs,
        what: `${calls.length} calls to be logged`
      });
    };
    // Duplicates queue nothing: check the inbox has nothing to do, then watch the org for longer than the worker
    // would take to pick up a batch, so a call spent on them would be seen.
    const { batchWaitMs, pollIntervalMs } = stack.config.worker;
    const quiet = async () => {
      await waitForInbox(stack.store, (counts) => unfinishedCount(counts) === 0, {
        timeoutMs,
        what: 'the inbox to be idle'
      });
      await new Promise((resolve) => setTimeout(resolve, batchWaitMs + 2 * pollIntervalMs + 500));
      await waitForInbox(stack.store, (counts) => finishedCount(counts) >= calls.length, {
        timeoutMs,
        what: 'the inbox to stay settled'
      });
    };

    const rows = [
      await phase(org, stack, 'first push', original, 'queued', allLogged),
      await phase(org, stack, 'same batch again', original, 'duplicate', quiet),
      await phase(org, stack, 'updated batch', updated, 'updated', allLogged)
    ];
    const { tasks } = await countTasks(org.baseUrl);
    return { scenario: 'repush', engine: context.engine, rows, tasksInOrg: tasks, worker: workerSettings(stack) };
  });
}
