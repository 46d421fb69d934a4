// The per-tenant API budget: the service never uses more than its share (WORKER_API_BUDGET_SHARE, default 50 %) of
// an org's daily API allowance, so the customer's other integrations keep the rest. Two counts are held against the
// share, and the larger one decides:
//  - the service's own calls, counted per minute in the store (shared by every replica) and summed over Salesforce's
//    rolling 24-hour window. When they spend the share, the tenant pauses until enough of them leave the window;
//  - the org's whole usage as Salesforce reports it in Sforce-Limit-Info after every call (every integration's calls,
//    ours included). When the org as a whole has reached the share, the service stops too: what is left belongs to
//    the others. That figure says nothing about when it will fall, so the tenant pauses for the re-check interval
//    and the next call reads it again; a report older than that interval is not trusted.
import type { Store } from '../store/store.ts';
import type { ApiUsage } from '../store/repositories/salesforceConnections.ts';
import { API_WINDOW_MS, MINUTE_MS } from '../store/repositories/salesforceApiCalls.ts';
import type { MinuteCount } from '../store/repositories/salesforceApiCalls.ts';

export interface BudgetState {
  /** The daily allowance (undefined until Salesforce has reported it). */
  limit: number | undefined;
  /** The service's calls for this tenant in the last 24 hours. */
  used: number;
  minutes: MinuteCount[];
  /** The org's usage, all integrations together, as Salesforce last reported it (only while recent). */
  org?: { used: number; at: number };
}

export function budgetFor(limit: number, share: number): number {
  return Math.floor(limit * share);
}

/** What counts against the share: the service's own calls, or the org's whole usage when that is larger. */
export function usedAgainstBudget(state: BudgetState): number {
  return Math.max(state.used, state.org?.used ?? 0);
}

/** Calls still allowed now; Infinity while the allowance is unknown (the first call will report it). */
export function remainingCalls(state: BudgetState, share: number): number {
  if (state.limit === undefined) return Number.POSITIVE_INFINITY;
  return Math.max(0, budgetFor(state.limit, share) - usedAgainstBudget(state));
}

/** True when the org's whole usage, not the service's own calls, is what spent the share. */
export function spentByOrgUsage(state: BudgetState, share: number): boolean {
  if (state.limit === undefined || !state.org) return false;
  const budget = budgetFor(state.limit, share);
  return state.org.used >= budget && state.org.used > state.used;
}

/**
 * When at least one call is allowed again: the moment enough of the service's counted minutes have left the
 * window, and, when the org's usage is at the share, not before the org's figure is due to be read again.
 */
export function resumeTime(state: BudgetState, share: number, now: number, orgRecheckMs = 0): number {
  if (state.limit === undefined) return now;
  const budget = budgetFor(state.limit, share);
  const orgBound = state.org && state.org.used >= budget ? Math.max(now, state.org.at + orgRecheckMs) : now;
  let used = state.used;
  if (used < budget) return orgBound;
  for (const minute of state.minutes) {
    used -= minute.calls;
    if (used < budget) return Math.max(orgBound, minute.minuteStart + MINUTE_MS + API_WINDOW_MS);
  }
  // A budget of zero (a tiny allowance) never frees up: look again after a full window.
  return Math.max(orgBound, now + API_WINDOW_MS);
}

/**
 * The tenant's budget as it stands: its own calls from the store, and the org's reported usage if it was read
 * within `orgRecheckMs`.
 */
export async function loadBudgetState(
  store: Store,
  tenantId: string,
  reported: ApiUsage | undefined,
  orgRecheckMs: number
): Promise<BudgetState> {
  const minutes = await store.salesforceApiCalls.inWindow(tenantId);
  const fresh = reported !== undefined && store.clock() - reported.at < orgRecheckMs;
  return {
    limit: reported?.limit,
    used: minutes.reduce((sum, m) => sum + m.calls, 0),
    minutes,
    ...(fresh ? { org: { used: reported.used, at: reported.at } } : {})
  };
}
