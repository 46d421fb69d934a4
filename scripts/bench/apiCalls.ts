// What the service spent at the org, read from the org's request log: the calls charged to the daily API allowance,
// by kind, and the comparison with a naive integration that searches and writes once per activity.
import type { RequestLog, RequestLogEntry } from './benchOrg.ts';

export interface ApiCallFigures {
  /** Requests charged to the org's daily allowance. */
  counted: number;
  /** Every request the org answered (OAuth token requests are not charged). */
  requests: number;
  /** Charged requests by kind ("search", "collection upsert", …). */
  byKind: Record<string, number>;
}

export function kindOf(entry: Pick<RequestLogEntry, 'method' | 'path'>): string {
  const path = entry.path;
  if (path.startsWith('/services/oauth2/')) return 'oauth';
  if (/\/search\/?$/.test(path) || path.includes('/parameterizedSearch')) return 'search';
  if (path.includes('/composite/sobjects')) return entry.method === 'GET' ? 'collection retrieve' : 'collection write';
  if (path.includes('/composite')) return 'composite';
  if (/\/query(All)?(\/|$)/.test(path)) return 'query';
  if (path.includes('/sobjects/')) return `sobject ${entry.method}`;
  if (path.endsWith('/limits')) return 'limits';
  return 'other';
}

export function apiCallFigures(log: RequestLog): ApiCallFigures {
  if (log.requests.length < log.totals.requests) {
    throw new Error(
      `the org's request log kept ${log.requests.length} of ${log.totals.requests} requests; clear it more often`
    );
  }
  const byKind: Record<string, number> = {};
  for (const entry of log.requests) {
    if (!entry.counted) continue;
    const kind = kindOf(entry);
    byKind[kind] = (byKind[kind] ?? 0) + 1;
  }
  return { counted: log.totals.counted, requests: log.totals.requests, byKind };
}

/** A naive integration: one search to find the person, one write to log the activity. */
export const NAIVE_CALLS_PER_ACTIVITY = 2;

export interface ApiCostComparison {
  perHundredActivities: number;
  naiveCalls: number;
  /** How many times fewer calls than the naive integration (naive ÷ ours); null when ours is zero. */
  timesFewerThanNaive: number | null;
}

export function compareWithNaive(calls: number, activities: number): ApiCostComparison {
  if (activities <= 0) throw new Error('an API cost per activity needs at least one activity');
  const naiveCalls = NAIVE_CALLS_PER_ACTIVITY * activities;
  return {
    perHundredActivities: (calls * 100) / activities,
    naiveCalls,
    timesFewerThanNaive: calls > 0 ? naiveCalls / calls : null
  };
}
