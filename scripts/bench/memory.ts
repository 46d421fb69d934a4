// Samples this process's memory (process.memoryUsage()) on a timer while a scenario runs, and keeps the peaks.
// RSS is what the operating system charges the process; heap is V8's JavaScript heap inside it.

export interface MemoryFigures {
  /** Before the measured work started. */
  baseline: { rssBytes: number; heapUsedBytes: number; heapTotalBytes: number };
  peak: { rssBytes: number; heapUsedBytes: number; heapTotalBytes: number; externalBytes: number };
  samples: number;
  intervalMs: number;
}

export interface MemorySampler {
  /** Takes a last sample, stops the timer and returns the figures. */
  stop(): MemoryFigures;
}

export function startMemorySampler(intervalMs = 20): MemorySampler {
  const first = process.memoryUsage();
  const baseline = { rssBytes: first.rss, heapUsedBytes: first.heapUsed, heapTotalBytes: first.heapTotal };
  const peak = { ...baseline, externalBytes: first.external };
  let samples = 1;
  const sample = () => {
    const now = process.memoryUsage();
    samples += 1;
    peak.rssBytes = Math.max(peak.rssBytes, now.rss);
    peak.heapUsedBytes = Math.max(peak.heapUsedBytes, now.heapUsed);
    peak.heapTotalBytes = Math.max(peak.heapTotalBytes, now.heapTotal);
    peak.externalBytes = Math.max(peak.externalBytes, now.external);
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { baseline, peak: { ...peak }, samples, intervalMs };
    }
  };
}
