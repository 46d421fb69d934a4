// Retry timing for transient failures: exponential (base × 2^(attempt−1)), capped, with "equal jitter" (half fixed,
// half random) so retries of many items spread out without ever collapsing to zero.
export function retryDelayMs(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random
): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
