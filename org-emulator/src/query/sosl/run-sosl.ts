// The SOSL engine's entry point (GET /search?q=FIND …).
import type { QueryContext, ResultRecord } from '../../model/types.ts';
import { runPlan } from './plan.ts';
import { malformedSearch } from './search-query.ts';
import { parseSosl } from './statement.ts';

/** Salesforce's limit on the length of a SOSL statement (limits cheat sheet: 100,000 characters). */
export const MAX_SOSL_LENGTH = 100_000;

export function runSosl(
  sosl: string,
  ctx: QueryContext,
  options: { searchLagMs: number; nowMs: number }
): { searchRecords: ResultRecord[] } {
  if (sosl.length > MAX_SOSL_LENGTH) {
    throw malformedSearch(`SOSL statements can not be longer than ${MAX_SOSL_LENGTH} characters`);
  }
  return runPlan(parseSosl(sosl, ctx.schema), ctx, options);
}
