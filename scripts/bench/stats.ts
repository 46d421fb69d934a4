// Summaries of measured samples: percentiles (nearest rank, so every figure is a latency that was observed) and
// rates. Benchmarks print these; nothing here judges them.

export interface LatencySummary {
  count: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** The nearest-rank percentile of `sorted` (ascending): the smallest sample with at least p% at or below it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('a percentile needs at least one sample');
  if (!(p > 0 && p <= 100)) throw new Error(`a percentile must be in (0, 100], got ${p}`);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, rank) - 1] as number;
}

export function summariseLatencies(samplesMs: readonly number[]): LatencySummary {
  if (samplesMs.length === 0) throw new Error('no latency samples to summarise');
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    meanMs: total / sorted.length,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted[sorted.length - 1] as number
  };
}

/** Items per second over a wall time in milliseconds. */
export function perSecond(items: number, wallMs: number): number {
  if (!(wallMs > 0)) throw new Error(`a rate needs a positive wall time, got ${wallMs} ms`);
  return (items * 1000) / wallMs;
}
