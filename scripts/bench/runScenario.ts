// The parent's side of scenarioProcess.ts: fork it, send what to run, wait for the result.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RunScenarioMessage, ScenarioReply } from './scenarioProcess.ts';
import type { ScenarioContext } from './scenarios/context.ts';
import type { ScenarioName, ScenarioResult } from './scenarios/index.ts';

const SCENARIO_PROCESS = fileURLToPath(new URL('./scenarioProcess.ts', import.meta.url));

/** Runs one scenario in a fresh process; `signal` interrupts it (the process cleans up, then the promise rejects). */
export function runScenarioInProcess(
  scenario: ScenarioName,
  context: ScenarioContext,
  signal?: AbortSignal
): Promise<ScenarioResult> {
  return new Promise((resolve, reject) => {
    const child = fork(SCENARIO_PROCESS, [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const interrupt = () => child.kill('SIGINT');
    signal?.addEventListener('abort', interrupt, { once: true });
    child.once('exit', () => signal?.removeEventListener('abort', interrupt));
    let reply: ScenarioReply | undefined;
    child.on('message', (message: ScenarioReply) => {
      reply = message;
    });
    child.once('error', reject);
    child.once('exit', (code, exitSignal) => {
      if (reply?.type === 'result') resolve(reply.result);
      else if (reply?.type === 'error') reject(new Error(reply.message));
      else reject(new Error(`the scenario process ended without a result (exit code ${code}, signal ${exitSignal})`));
    });
    const message: RunScenarioMessage = { type: 'run', scenario, context };
    child.send(message);
  });
}
