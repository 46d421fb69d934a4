// Server-side query cursors behind `nextRecordsUrl`. A query's rows are kept under a locator `<cursorId>-<offset>`
// and served a batch at a time. As in Salesforce, a user holds at most 10 open cursors (opening an eleventh
// releases the oldest), an idle cursor expires after 15 minutes, and a cursor closes once its last batch is read.
import { IdFactory } from '../ids.ts';
import type { ResultRecord } from '../model/types.ts';
import { SalesforceError } from '../errors.ts';
import type { Clock } from './clock.ts';

export const DEFAULT_BATCH_SIZE = 2000;
export const MIN_BATCH_SIZE = 200;
export const MAX_BATCH_SIZE = 2000;
const MAX_OPEN_PER_USER = 10;
const IDLE_TIMEOUT_MS = 15 * 60 * 1000;

export interface QueryPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: ResultRecord[];
}

interface Cursor {
  id: string;
  userId: string;
  rows: ResultRecord[];
  totalSize: number;
  batchSize: number;
  lastUsed: number;
}

export class QueryCursors {
  private readonly clock: Clock;
  private readonly cursors = new Map<string, Cursor>();
  private counter = 0;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  /** The first page of a query result, opening a cursor when more rows remain. */
  firstPage(
    result: { totalSize: number; records: ResultRecord[] },
    options: { userId: string; batchSize: number; apiVersion: string }
  ): QueryPage {
    const { batchSize } = options;
    if (result.records.length <= batchSize) {
      return { totalSize: result.totalSize, done: true, records: result.records };
    }
    this.expireIdle();
    this.releaseOldestBeyondLimit(options.userId);
    const id = IdFactory.build('01g', 'Qc', ++this.counter);
    this.cursors.set(id, {
      id,
      userId: options.userId,
      rows: result.records,
      totalSize: result.totalSize,
      batchSize,
      lastUsed: this.clock.now()
    });
    return this.page(this.cursors.get(id)!, 0, options.apiVersion);
  }

  /** The page a locator points at; an unknown, expired, closed or out-of-range locator is INVALID_QUERY_LOCATOR. */
  nextPage(locator: string, options: { userId: string; apiVersion: string }): QueryPage {
    this.expireIdle();
    const match = /^([a-zA-Z0-9]{15,18})-(\d{1,9})$/.exec(locator);
    const cursor = match ? this.cursors.get(match[1]!) : undefined;
    const offset = match ? Number(match[2]) : NaN;
    if (!cursor || cursor.userId !== options.userId || !(offset > 0) || offset >= cursor.rows.length) {
      throw new SalesforceError('INVALID_QUERY_LOCATOR', 'invalid query locator');
    }
    cursor.lastUsed = this.clock.now();
    return this.page(cursor, offset, options.apiVersion);
  }

  openCount(): number {
    this.expireIdle();
    return this.cursors.size;
  }

  clear(): void {
    this.cursors.clear();
  }

  private page(cursor: Cursor, offset: number, apiVersion: string): QueryPage {
    const end = Math.min(offset + cursor.batchSize, cursor.rows.length);
    const records = cursor.rows.slice(offset, end);
    if (end >= cursor.rows.length) {
      this.cursors.delete(cursor.id);
      return { totalSize: cursor.totalSize, done: true, records };
    }
    return {
      totalSize: cursor.totalSize,
      done: false,
      nextRecordsUrl: `/services/data/v${apiVersion}/query/${cursor.id}-${end}`,
      records
    };
  }

  private releaseOldestBeyondLimit(userId: string): void {
    const mine = [...this.cursors.values()].filter((c) => c.userId === userId);
    mine.sort((a, b) => a.lastUsed - b.lastUsed);
    while (mine.length >= MAX_OPEN_PER_USER) this.cursors.delete(mine.shift()!.id);
  }

  private expireIdle(): void {
    const cutoff = this.clock.now() - IDLE_TIMEOUT_MS;
    for (const [id, cursor] of this.cursors) if (cursor.lastUsed < cutoff) this.cursors.delete(id);
  }
}

/** `Sforce-Query-Options: batchSize=N` → N clamped to 200..2000; absent or unreadable → 2000. */
export function batchSizeFrom(header: string | undefined): number {
  if (!header) return DEFAULT_BATCH_SIZE;
  const match = /(?:^|[;,\s])batchSize\s*=\s*(\d+)/i.exec(header);
  if (!match) return DEFAULT_BATCH_SIZE;
  const n = Number(match[1]);
  return Math.min(MAX_BATCH_SIZE, Math.max(MIN_BATCH_SIZE, n));
}
