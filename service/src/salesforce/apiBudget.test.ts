import { API_WINDOW_MS, MINUTE_MS } from '../store/repositories/salesforceApiCalls.ts';
import { budgetFor, remainingCalls, resumeTime, spentByOrgUsage } from './apiBudget.ts';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

describe('the API budget', () => {
  it('is the configured share of the daily allowance', () => {
    expect(budgetFor(15_000, 0.5)).toBe(7_500);
    expect(budgetFor(11, 0.5)).toBe(5);
  });

  it('leaves the rest of the share, and anything while the allowance is unknown', () => {
    expect(remainingCalls({ limit: 100, used: 30, minutes: [] }, 0.5)).toBe(20);
    expect(remainingCalls({ limit: 100, used: 70, minutes: [] }, 0.5)).toBe(0);
    expect(remainingCalls({ limit: undefined, used: 70, minutes: [] }, 0.5)).toBe(Number.POSITIVE_INFINITY);
  });

  it('resumes when enough of the oldest calls have left the rolling 24-hour window', () => {
    const minutes = [
      { minuteStart: NOW - 10 * 3_600_000, calls: 3 },
      { minuteStart: NOW - 5 * 3_600_000, calls: 4 },
      { minuteStart: NOW - MINUTE_MS, calls: 3 }
    ];
    // Budget 10, used 10: one call frees up when the first minute leaves the window.
    expect(resumeTime({ limit: 20, used: 10, minutes }, 0.5, NOW)).toBe(
      NOW - 10 * 3_600_000 + MINUTE_MS + API_WINDOW_MS
    );
    // Budget 5, used 10: the first two minutes must leave.
    expect(resumeTime({ limit: 10, used: 10, minutes }, 0.5, NOW)).toBe(
      NOW - 5 * 3_600_000 + MINUTE_MS + API_WINDOW_MS
    );
  });

  it('resumes now when the budget is not spent, and looks again after a window when it can never free up', () => {
    expect(resumeTime({ limit: 100, used: 1, minutes: [] }, 0.5, NOW)).toBe(NOW);
    expect(resumeTime({ limit: 1, used: 0, minutes: [] }, 0.5, NOW)).toBe(NOW + API_WINDOW_MS);
  });

  it('counts the org’s whole usage against the share when it is larger than the service’s own calls', () => {
    const ownOnly = { limit: 100, used: 10, minutes: [] };
    expect(remainingCalls({ ...ownOnly, org: { used: 35, at: NOW } }, 0.5)).toBe(15);
    expect(remainingCalls({ ...ownOnly, org: { used: 50, at: NOW } }, 0.5)).toBe(0);
    expect(spentByOrgUsage({ ...ownOnly, org: { used: 50, at: NOW } }, 0.5)).toBe(true);
    // The org's figure lags behind the service's own count (it was read before the latest calls): the larger wins.
    expect(remainingCalls({ limit: 100, used: 45, minutes: [], org: { used: 30, at: NOW } }, 0.5)).toBe(5);
    expect(spentByOrgUsage({ limit: 100, used: 50, minutes: [], org: { used: 50, at: NOW } }, 0.5)).toBe(false);
  });

  it('when the org’s usage spent the share, resumes when the figure is due to be read again, or later if its own calls say so', () => {
    const recheck = 15 * MINUTE_MS;
    const readAt = NOW - 5 * MINUTE_MS;
    expect(resumeTime({ limit: 100, used: 10, minutes: [], org: { used: 60, at: readAt } }, 0.5, NOW, recheck)).toBe(
      readAt + recheck
    );
    const minutes = [{ minuteStart: NOW - 2 * 3_600_000, calls: 50 }];
    expect(resumeTime({ limit: 100, used: 50, minutes, org: { used: 60, at: readAt } }, 0.5, NOW, recheck)).toBe(
      NOW - 2 * 3_600_000 + MINUTE_MS + API_WINDOW_MS
    );
  });
});
