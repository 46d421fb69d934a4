import { ApiUsage } from './api-usage.ts';
import { ManualClock } from './clock.ts';

describe('API usage over a rolling 24 hours', () => {
  const HOUR = 3600_000;

  it('counts each call once and reports used/max in the Sforce-Limit-Info form', () => {
    const usage = new ApiUsage(new ManualClock(), () => 100);
    usage.count();
    usage.count();
    expect(usage.used()).toBe(2);
    expect(usage.header()).toBe('api-usage=2/100');
    expect(usage.snapshot()).toEqual({ used: 2, max: 100, remaining: 98, exhaustedUntil: null });
  });

  it('is exhausted at the allowance, not only above it', () => {
    const usage = new ApiUsage(new ManualClock(), () => 2);
    usage.count();
    expect(usage.isExhausted()).toBe(false);
    usage.count();
    expect(usage.isExhausted()).toBe(true);
  });

  it('forgets calls once they are more than 24 hours old', () => {
    const clock = new ManualClock();
    const usage = new ApiUsage(clock, () => 10);
    usage.count();
    clock.advance(12 * HOUR);
    usage.count();
    clock.advance(12 * HOUR + 60_000);
    expect(usage.used()).toBe(1);
  });

  it('when the allowance is forced spent until a time, reports it spent until then and starts from zero after', () => {
    const clock = new ManualClock();
    const usage = new ApiUsage(clock, () => 50);
    usage.count();
    usage.exhaustUntil(clock.now() + HOUR);
    expect(usage.isExhausted()).toBe(true);
    expect(usage.header()).toBe('api-usage=50/50');
    clock.advance(HOUR);
    expect(usage.isExhausted()).toBe(false);
    expect(usage.used()).toBe(0);
  });

  it('follows a changed allowance immediately', () => {
    let limit = 5;
    const usage = new ApiUsage(new ManualClock(), () => limit);
    usage.count();
    limit = 1;
    expect(usage.isExhausted()).toBe(true);
  });
});
