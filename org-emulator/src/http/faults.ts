// Injected failures. Two sources: rates (a share of requests, rolled per request or per record) and a queue of
// exact faults ("fail the next N requests [matching a method and/or path]") that tests rely on for determinism.
import type { RandomSource } from './random.ts';

/** Request-level faults answer before the request reaches the org; rowLock fails record writes. */
export type FaultKind = 'serviceUnavailable' | 'rowLock' | 'sessionExpired' | 'requestLimit';

export const FAULT_KINDS: readonly FaultKind[] = ['serviceUnavailable', 'rowLock', 'sessionExpired', 'requestLimit'];

export interface QueuedFault {
  kind: FaultKind;
  /** How many more matching requests fail. */
  remaining: number;
  /** Only requests with this HTTP method (case-insensitive). */
  method?: string;
  /** Only requests whose path (under /services/data/vXX.X for API calls) contains this text. */
  path?: string;
  /** rowLock on an sObject Collection: which record positions fail (default: all of them). */
  records?: number[];
}

export class FaultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FaultError';
  }
}

export class Faults {
  private readonly random: RandomSource;
  private readonly rates: () => { serviceUnavailableRate: number; rowLockRate: number };
  private queue: QueuedFault[] = [];

  constructor(random: RandomSource, rates: () => { serviceUnavailableRate: number; rowLockRate: number }) {
    this.random = random;
    this.rates = rates;
  }

  /** Adds "fail the next N requests" after checking the shape (control-surface input). */
  enqueue(input: unknown): QueuedFault {
    const fault = parseQueuedFault(input);
    this.queue.push(fault);
    return { ...fault };
  }

  pending(): QueuedFault[] {
    return this.queue.map((f) => ({ ...f }));
  }

  clear(): void {
    this.queue = [];
  }

  /**
   * The request-level fault for an API request, if any: a matching queued fault is consumed first, then the
   * 503 rate is rolled. Row locks are not decided here (they depend on the records written).
   */
  takeRequestFault(method: string, path: string): Exclude<FaultKind, 'rowLock'> | null {
    const queued = this.take(method, path, (k) => k !== 'rowLock');
    if (queued) return queued.kind as Exclude<FaultKind, 'rowLock'>;
    const rate = this.rates().serviceUnavailableRate;
    if (rate > 0 && this.random() < rate) return 'serviceUnavailable';
    return null;
  }

  /**
   * Which of `recordCount` record writes in this request cannot get their lock. A queued rowLock fault fails the
   * positions it names (all by default); otherwise each record rolls the row-lock rate on its own.
   */
  lockedRecords(method: string, path: string, recordCount: number): Set<number> {
    const locked = new Set<number>();
    const queued = this.take(method, path, (k) => k === 'rowLock');
    if (queued) {
      const positions = queued.records ?? Array.from({ length: recordCount }, (_, i) => i);
      for (const p of positions) if (p >= 0 && p < recordCount) locked.add(p);
      return locked;
    }
    const rate = this.rates().rowLockRate;
    if (rate <= 0) return locked;
    for (let i = 0; i < recordCount; i++) if (this.random() < rate) locked.add(i);
    return locked;
  }

  private take(method: string, path: string, kindMatches: (kind: FaultKind) => boolean): QueuedFault | undefined {
    const index = this.queue.findIndex(
      (f) =>
        kindMatches(f.kind) &&
        (f.method === undefined || f.method.toUpperCase() === method.toUpperCase()) &&
        (f.path === undefined || path.includes(f.path))
    );
    if (index < 0) return undefined;
    const fault = this.queue[index]!;
    fault.remaining--;
    if (fault.remaining <= 0) this.queue.splice(index, 1);
    return fault;
  }
}

function parseQueuedFault(input: unknown): QueuedFault {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new FaultError('a fault must be a JSON object like {"kind":"serviceUnavailable","count":1}');
  }
  const { kind, count, method, path, records, ...rest } = input as Record<string, unknown>;
  const unknownKeys = Object.keys(rest);
  if (unknownKeys.length) throw new FaultError(`unknown fault property '${unknownKeys[0]}'`);
  if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind)) {
    throw new FaultError(`fault kind must be one of ${FAULT_KINDS.join(', ')}, got ${JSON.stringify(kind)}`);
  }
  const n = count === undefined ? 1 : count;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 1_000_000) {
    throw new FaultError(`fault count must be a whole number from 1, got ${JSON.stringify(count)}`);
  }
  if (method !== undefined && (typeof method !== 'string' || !/^[A-Za-z]+$/.test(method))) {
    throw new FaultError(`fault method must be an HTTP method name, got ${JSON.stringify(method)}`);
  }
  if (path !== undefined && (typeof path !== 'string' || path.length === 0)) {
    throw new FaultError(`fault path must be a non-empty string, got ${JSON.stringify(path)}`);
  }
  if (records !== undefined) {
    if (kind !== 'rowLock') throw new FaultError('fault records only apply to rowLock');
    if (!Array.isArray(records) || !records.every((r) => typeof r === 'number' && Number.isInteger(r) && r >= 0)) {
      throw new FaultError('fault records must be a list of record positions (0-based)');
    }
  }
  return {
    kind: kind as FaultKind,
    remaining: n,
    ...(method !== undefined ? { method: method.toUpperCase() } : {}),
    ...(path !== undefined ? { path } : {}),
    ...(records !== undefined ? { records: records as number[] } : {})
  };
}
