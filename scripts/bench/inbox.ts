// Watching the service's inbox from the benchmark: how many activities stand in each status, and waiting until
// the worker has finished with all of them. Reads the store the service itself uses (one tenant per run).
import type { Store } from '../../service/src/store/store.ts';

/** Statuses the worker is done with; an activity in any other status is still to be written. */
const FINAL_STATUSES = ['logged', 'skipped', 'failed'] as const;

export type InboxCounts = Record<string, number>;

export function finishedCount(counts: InboxCounts): number {
  return FINAL_STATUSES.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
}

export function unfinishedCount(counts: InboxCounts): number {
  return Object.entries(counts)
    .filter(([status]) => !(FINAL_STATUSES as readonly string[]).includes(status))
    .reduce((sum, [, n]) => sum + n, 0);
}

/**
 * Polls until `done(counts)` holds; returns the counts and when they were seen. Fails after `timeoutMs`, naming
 * the counts it last saw (a stuck pipeline must end the run with a reason, not hang it).
 */
export async function waitForInbox(
  store: Store,
  done: (counts: InboxCounts) => boolean,
  options: { timeoutMs: number; intervalMs?: number; what: string }
): Promise<{ counts: InboxCounts; at: number }> {
  const deadline = performance.now() + options.timeoutMs;
  for (;;) {
    const counts = await store.activities.countByStatus();
    const at = performance.now();
    if (done(counts)) return { counts, at };
    if (at > deadline) {
      throw new Error(
        `timed out after ${options.timeoutMs / 1000} s waiting for ${options.what}: ${JSON.stringify(counts)}`
      );
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 25));
  }
}
