import { retryDelayMs } from './backoff.ts';

describe('retry delays', () => {
  it('double with each attempt, from half to the whole of base × 2^(attempt−1)', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, 1000, 60_000, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, 1000, 60_000, () => 1))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('never exceed the cap, however many attempts', () => {
    expect(retryDelayMs(50, 1000, 60_000, () => 1)).toBe(60_000);
    expect(retryDelayMs(50, 1000, 60_000, () => 0)).toBe(30_000);
  });

  it('spread retries of the same attempt apart', () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelayMs(3, 1000, 60_000)));
    expect(delays.size).toBeGreaterThan(1);
  });
});
