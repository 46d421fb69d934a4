// Every request the emulator answered, for tests and benchmarks that measure a client's API cost. Bounded: the
// oldest entries are dropped past the cap, while the totals keep counting.

export interface RequestLogEntry {
  /** The request's id (the one the in-flight view showed while it ran). */
  id: number;
  /** Epoch ms when the request arrived. */
  at: number;
  method: string;
  /** Path without the query string (query strings can carry SOQL with customer data, and tokens). */
  path: string;
  status: number;
  /** Whether it was charged to the org's daily API allowance. */
  counted: boolean;
  /** Milliseconds spent answering, added latency and holds included. */
  durationMs: number;
  /**
   * The client's connection had closed before the answer was complete: the request was processed all the same (a
   * write committed, the call counted), but nobody received the answer.
   */
  clientGone: boolean;
}

export interface RequestLogFilter {
  counted?: boolean;
  method?: string;
  pathContains?: string;
  since?: number;
  clientGone?: boolean;
}

const DEFAULT_CAP = 20_000;

export class RequestLog {
  private readonly cap: number;
  private readonly entries: RequestLogEntry[] = [];
  private totalRequests = 0;
  private countedRequests = 0;

  constructor(cap: number = DEFAULT_CAP) {
    this.cap = cap;
  }

  record(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.cap) this.entries.splice(0, this.entries.length - this.cap);
    this.totalRequests++;
    if (entry.counted) this.countedRequests++;
  }

  list(filter: RequestLogFilter = {}): RequestLogEntry[] {
    const method = filter.method?.toUpperCase();
    return this.entries.filter(
      (e) =>
        (filter.counted === undefined || e.counted === filter.counted) &&
        (method === undefined || e.method === method) &&
        (filter.pathContains === undefined || e.path.includes(filter.pathContains)) &&
        (filter.since === undefined || e.at >= filter.since) &&
        (filter.clientGone === undefined || e.clientGone === filter.clientGone)
    );
  }

  totals(): { requests: number; counted: number } {
    return { requests: this.totalRequests, counted: this.countedRequests };
  }

  clear(): void {
    this.entries.length = 0;
    this.totalRequests = 0;
    this.countedRequests = 0;
  }
}
