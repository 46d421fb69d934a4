import { SalesforceError } from '../errors.ts';
import type { ResultRecord } from '../model/types.ts';
import { ManualClock } from './clock.ts';
import { QueryCursors, batchSizeFrom } from './query-cursors.ts';

const rows = (n: number): ResultRecord[] =>
  Array.from({ length: n }, (_, i) => ({ attributes: { type: 'Lead', url: `/x/${i}` }, N: i }));

const locatorOf = (url: string | undefined): string => url!.split('/').pop()!;

describe('query cursors', () => {
  const options = { userId: '005000000000001AAA', apiVersion: '62.0' };

  it('answers a small result in one page, done', () => {
    const cursors = new QueryCursors(new ManualClock());
    const page = cursors.firstPage({ totalSize: 3, records: rows(3) }, { ...options, batchSize: 2000 });
    expect(page).toEqual({ totalSize: 3, done: true, records: rows(3) });
    expect(cursors.openCount()).toBe(0);
  });

  it('pages a large result behind /query/<cursor>-<offset> locators until done, then closes the cursor', () => {
    const cursors = new QueryCursors(new ManualClock());
    const first = cursors.firstPage({ totalSize: 450, records: rows(450) }, { ...options, batchSize: 200 });
    expect(first.done).toBe(false);
    expect(first.records).toHaveLength(200);
    expect(first.nextRecordsUrl).toMatch(/^\/services\/data\/v62\.0\/query\/01g\w{15}-200$/);
    const second = cursors.nextPage(locatorOf(first.nextRecordsUrl), options);
    expect(second.records.map((r) => r['N'])).toEqual(
      rows(450)
        .slice(200, 400)
        .map((r) => r['N'])
    );
    const third = cursors.nextPage(locatorOf(second.nextRecordsUrl), options);
    expect(third).toMatchObject({ totalSize: 450, done: true });
    expect(third.records).toHaveLength(50);
    expect(() => cursors.nextPage(locatorOf(second.nextRecordsUrl), options)).toThrow('invalid query locator');
  });

  it('refuses unknown, foreign and idle-expired locators with INVALID_QUERY_LOCATOR', () => {
    const clock = new ManualClock();
    const cursors = new QueryCursors(clock);
    const first = cursors.firstPage({ totalSize: 300, records: rows(300) }, { ...options, batchSize: 200 });
    const locator = locatorOf(first.nextRecordsUrl);
    const attempt = (loc: string, userId = options.userId): unknown => {
      try {
        return cursors.nextPage(loc, { ...options, userId });
      } catch (error) {
        return (error as SalesforceError).errorCode;
      }
    };
    expect(attempt('01gXX0000000001-2000')).toBe('INVALID_QUERY_LOCATOR');
    expect(attempt('not a locator')).toBe('INVALID_QUERY_LOCATOR');
    expect(attempt(locator, '005000000000002AAA')).toBe('INVALID_QUERY_LOCATOR');
    clock.advance(15 * 60_000 + 1);
    expect(attempt(locator)).toBe('INVALID_QUERY_LOCATOR');
  });

  it('keeps at most 10 open cursors per user, releasing the oldest', () => {
    const cursors = new QueryCursors(new ManualClock());
    const opened = Array.from({ length: 11 }, () =>
      locatorOf(
        cursors.firstPage({ totalSize: 300, records: rows(300) }, { ...options, batchSize: 200 }).nextRecordsUrl
      )
    );
    expect(cursors.openCount()).toBe(10);
    expect(() => cursors.nextPage(opened[0]!, options)).toThrow(SalesforceError);
    expect(cursors.nextPage(opened[10]!, options).done).toBe(true);
  });

  it.each([
    [undefined, 2000],
    ['batchSize=500', 500],
    ['batchSize=50', 200],
    ['batchSize=9000', 2000],
    ['batchSize=lots', 2000]
  ])('reads Sforce-Query-Options %p as batch size %p', (header, expected) => {
    expect(batchSizeFrom(header)).toBe(expected);
  });
});
