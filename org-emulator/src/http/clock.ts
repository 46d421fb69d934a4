// Time as the emulator sees it. Tests pass their own clock to move token expiry, API-usage windows and query
// cursor lifetimes without waiting.
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to: `advance(ms)` or `set(epochMs)`. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: number = Date.UTC(2025, 0, 15, 17, 0, 0)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(epochMs: number): void {
    this.current = epochMs;
  }
}
