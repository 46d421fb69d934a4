// The org's API consumption over a rolling 24 hours, as Salesforce meters it: each counted request adds one, and
// once the count reaches the daily allowance every API call is refused until usage falls back under it.
import type { Clock } from './clock.ts';

const WINDOW_MS = 24 * 60 * 60 * 1000;
const BUCKET_MS = 60 * 1000;

export interface UsageSnapshot {
  used: number;
  max: number;
  remaining: number;
  /** Set while the allowance is forced to be spent (control surface); epoch ms when it resets. */
  exhaustedUntil: number | null;
}

export class ApiUsage {
  private readonly clock: Clock;
  private readonly limit: () => number;
  /** Per-minute counts, oldest first, so expiring the window is a shift from the front. */
  private readonly buckets: Array<{ minute: number; count: number }> = [];
  private total = 0;
  private exhaustedUntil: number | null = null;

  constructor(clock: Clock, limit: () => number) {
    this.clock = clock;
    this.limit = limit;
  }

  /** Calls made in the last 24 hours, or the whole allowance while it is forced spent. */
  used(): number {
    this.expire();
    if (this.exhaustedUntil !== null) return Math.max(this.total, this.limit());
    return this.total;
  }

  max(): number {
    return this.limit();
  }

  /** At or over the allowance: Salesforce refuses the call with REQUEST_LIMIT_EXCEEDED. */
  isExhausted(): boolean {
    return this.used() >= this.limit();
  }

  count(): void {
    this.expire();
    const minute = Math.floor(this.clock.now() / BUCKET_MS);
    const last = this.buckets[this.buckets.length - 1];
    if (last && last.minute === minute) last.count++;
    else this.buckets.push({ minute, count: 1 });
    this.total++;
  }

  /** Spends the whole allowance until `epochMs`; then usage starts again from zero. */
  exhaustUntil(epochMs: number): void {
    this.exhaustedUntil = epochMs;
  }

  reset(): void {
    this.buckets.length = 0;
    this.total = 0;
    this.exhaustedUntil = null;
  }

  snapshot(): UsageSnapshot {
    const used = this.used();
    const max = this.limit();
    return { used, max, remaining: Math.max(0, max - used), exhaustedUntil: this.exhaustedUntil };
  }

  /** The `Sforce-Limit-Info` header value. */
  header(): string {
    return `api-usage=${this.used()}/${this.limit()}`;
  }

  private expire(): void {
    const now = this.clock.now();
    if (this.exhaustedUntil !== null && now >= this.exhaustedUntil) {
      this.reset();
      return;
    }
    const oldest = Math.floor((now - WINDOW_MS) / BUCKET_MS);
    while (this.buckets.length > 0 && this.buckets[0]!.minute <= oldest) {
      this.total -= this.buckets.shift()!.count;
    }
  }
}
