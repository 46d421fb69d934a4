import { percentile, perSecond, summariseLatencies } from './stats.ts';

describe('benchmark statistics', () => {
  it('takes nearest-rank percentiles, so each one is a latency that was observed', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2, 3], 50)).toBe(2);
  });

  it('summarises unsorted samples: count, mean, p50/p95/p99 and max', () => {
    expect(summariseLatencies([30, 10, 20, 40])).toEqual({
      count: 4,
      meanMs: 25,
      p50Ms: 20,
      p95Ms: 40,
      p99Ms: 40,
      maxMs: 40
    });
  });

  it('refuses what has no meaning: no samples, a percentile out of range, a rate over no time', () => {
    expect(() => summariseLatencies([])).toThrow('no latency samples');
    expect(() => percentile([1], 0)).toThrow('(0, 100]');
    expect(() => percentile([1], 101)).toThrow('(0, 100]');
    expect(() => perSecond(10, 0)).toThrow('positive wall time');
  });

  it('turns a count over milliseconds into a rate per second', () => {
    expect(perSecond(500, 250)).toBe(2000);
  });
});
