// The set-up the worker scenarios share: a fresh org process and the service with its worker on, both stopped
// afterwards whatever happens.
import { startBenchOrg } from '../benchOrg.ts';
import type { BenchOrg } from '../benchOrg.ts';
import { startBenchStack } from '../stack.ts';
import type { BenchStack } from '../stack.ts';
import type { ScenarioContext } from './context.ts';

export async function withOrgAndService<T>(
  context: ScenarioContext,
  work: (org: BenchOrg, stack: BenchStack) => Promise<T>
): Promise<T> {
  const org = await startBenchOrg({ people: context.profile.people, apiDailyLimit: context.profile.apiDailyLimit });
  try {
    const stack = await startBenchStack({
      engine: context.engine,
      databaseUrl: context.databaseUrl,
      org,
      worker: true,
      logFile: context.logFile,
      env: context.serviceEnv
    });
    try {
      return await work(org, stack);
    } finally {
      await stack.stop();
    }
  } finally {
    await org.stop();
  }
}
