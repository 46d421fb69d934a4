// Holds: "stop the next N matching requests once their body is in, and keep them unanswered until released". A test
// arms one, waits until a client's request is held (the in-flight view shows it), does what it needs at that exact
// point — kill the client, say — and releases it; the request then runs to the end as if it had been slow.

export interface RequestHold {
  id: number;
  /** How many more matching requests it will stop. */
  remaining: number;
  /** Only requests with this HTTP method (upper case). */
  method?: string;
  /** Only requests whose path (e.g. `/services/data/v62.0/composite/sobjects/Task/Ext__c`) contains this text. */
  path?: string;
}

export class HoldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HoldError';
  }
}

export class RequestHolds {
  private nextId = 1;
  private armedHolds: RequestHold[] = [];
  private waiting: Array<() => void> = [];

  /** Arms a hold after checking its shape (control-surface input): `{ method?, path?, count? }`. */
  arm(input: unknown): RequestHold {
    const hold = { id: this.nextId++, ...parseHold(input) };
    this.armedHolds.push(hold);
    return { ...hold };
  }

  armed(): RequestHold[] {
    return this.armedHolds.map((hold) => ({ ...hold }));
  }

  /** Whether an armed hold stops this request; the hold that does is spent by one. */
  catches(method: string, path: string): boolean {
    const index = this.armedHolds.findIndex(
      (hold) =>
        (hold.method === undefined || hold.method === method.toUpperCase()) &&
        (hold.path === undefined || path.includes(hold.path))
    );
    if (index < 0) return false;
    const hold = this.armedHolds[index]!;
    hold.remaining--;
    if (hold.remaining <= 0) this.armedHolds.splice(index, 1);
    return true;
  }

  /** Resolves when the held request is released. */
  wait(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  heldCount(): number {
    return this.waiting.length;
  }

  /** Lets every held request go on, in the order they were held; armed holds stay armed. */
  release(): { released: number } {
    const released = this.waiting;
    this.waiting = [];
    for (const resume of released) resume();
    return { released: released.length };
  }

  /** Disarms every hold and releases what they hold. */
  clear(): { released: number; disarmed: number } {
    const disarmed = this.armedHolds.length;
    this.armedHolds = [];
    return { ...this.release(), disarmed };
  }
}

function parseHold(input: unknown): Omit<RequestHold, 'id'> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new HoldError('a hold must be a JSON object like {"method":"PATCH","path":"/composite/sobjects","count":1}');
  }
  const { count, method, path, ...rest } = input as Record<string, unknown>;
  const unknownKeys = Object.keys(rest);
  if (unknownKeys.length) throw new HoldError(`unknown hold property '${unknownKeys[0]}' (known: method, path, count)`);
  const n = count === undefined ? 1 : count;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 1_000_000) {
    throw new HoldError(`hold count must be a whole number from 1, got ${JSON.stringify(count)}`);
  }
  if (method !== undefined && (typeof method !== 'string' || !/^[A-Za-z]+$/.test(method))) {
    throw new HoldError(`hold method must be an HTTP method name, got ${JSON.stringify(method)}`);
  }
  if (path !== undefined && (typeof path !== 'string' || path.length === 0)) {
    throw new HoldError(`hold path must be a non-empty string, got ${JSON.stringify(path)}`);
  }
  return {
    remaining: n,
    ...(method !== undefined ? { method: method.toUpperCase() } : {}),
    ...(path !== undefined ? { path } : {})
  };
}
