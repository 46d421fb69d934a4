// The per-tenant API budget: the service never uses more than its share (WORKER_API_BUDGET_SHARE, default 50 %) of
// an org's daily API allowance, so the customer's other integrations keep the rest. The allowance is what
// Salesforce reports in Sforce-Limit-Info; the service's own calls are counted per minute in the store (shared by
// every replica) and summed over Salesforce's rolling 24-hour window. When the share is spent, the tenant pauses
// until enough of its calls have left the window.
import type { Store } from '../store/store.ts';
import { API_WINDOW_MS, MINUTE_MS } from '../store/repositories/salesforceApiCalls.ts';
import type { MinuteCount } from '../store/repositories/salesforceApiCalls.ts';

export interface BudgetState {
  /** The daily allowance (undefined until Salesforce has reported it). */
  limit: number | undefined;
  /** The service's calls for this tenant in the last 24 hours. */
  used: number;
  minutes: MinuteCount[];
}

export function budgetFor(limit: number, share: number): number {
  return Math.floor(limit * share);
}

/** Calls still allowed now; Infinity while the allowance is unknown (the first call will report it). */
export function remainingCalls(state: BudgetState, share: number): number {
  if (state.limit === undefined) return Number.POSITIVE_INFINITY;
  return Math.max(0, budgetFor(state.limit, share) - state.used);
}

/** When at least one call is allowed again: the moment enough counted minutes have left the window. */
export function resumeTime(state: BudgetState, share: number, now: number): number {
  if (state.limit === undefined) return now;
  const budget = budgetFor(state.limit, share);
  let used = state.used;
  for (const minute of state.minutes) {
    if (used < budget) break;
    used -= minute.calls;
    if (used < budget) return Math.max(now, minute.minuteStart + MINUTE_MS + API_WINDOW_MS);
  }
  // A budget of zero (a tiny allowance) never frees up: look again after a full window.
  return used < budget ? now : now + API_WINDOW_MS;
}

export async function loadBudgetState(store: Store, tenantId: string, limit: number | undefined): Promise<BudgetState> {
  const minutes = await store.salesforceApiCalls.inWindow(tenantId);
  return { limit, used: minutes.reduce((sum, m) => sum + m.calls, 0), minutes };
}
