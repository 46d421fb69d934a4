// One scenario on one engine, in a fresh process: every run starts from the same JIT, heap and connection state,
// and the memory sampled belongs to this scenario alone. The parent sends what to run over IPC and gets the
// result (or the error) back the same way.
import type { ScenarioContext } from './scenarios/context.ts';
import type { ScenarioName, ScenarioResult } from './scenarios/index.ts';
import { SCENARIOS } from './scenarios/index.ts';
import { stopAllStacks } from './stack.ts';

export interface RunScenarioMessage {
  type: 'run';
  scenario: ScenarioName;
  context: ScenarioContext;
}

export type ScenarioReply = { type: 'result'; result: ScenarioResult } | { type: 'error'; message: string };

function reply(message: ScenarioReply): Promise<void> {
  return new Promise((resolve) => process.send?.(message, undefined, undefined, () => resolve()));
}

if (!process.send) {
  console.error('scenarioProcess.ts runs as a child of the benchmark (with an IPC channel), not on its own');
  process.exit(2);
}

// Interrupted (Ctrl-C reaches the whole process group; the parent forwards its own SIGINT), or orphaned: stop the
// service so its PostgreSQL schema is dropped and its temp files removed, then leave.
const abandon = () => {
  stopAllStacks().finally(() => process.exit(130));
};
process.once('SIGINT', abandon);
process.once('SIGTERM', abandon);
process.once('disconnect', abandon);

process.once('message', (message: RunScenarioMessage) => {
  const run = SCENARIOS[message.scenario];
  const work = run
    ? run(message.context).then((result): ScenarioReply => ({ type: 'result', result }))
    : Promise.resolve<ScenarioReply>({ type: 'error', message: `no scenario named ${String(message.scenario)}` });
  work
    .catch((error: unknown): ScenarioReply => ({ type: 'error', message: (error as Error).message ?? String(error) }))
    .then(reply)
    .then(() => process.exit(0));
});
