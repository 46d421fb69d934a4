// Date literals around a fixed "now" — Friday 15 March 2024, 11:30 in America/Los_Angeles (18:30 UTC), the
// week daylight saving time began — counted in the org's time zone.
import { runSoql } from '../index.ts';
import { dateLiteralRange, dateOfDay, startOfLocalDay } from './dates.ts';
import { FIXED_NOW, fixtureContext, fixtureSchema, MemoryRecords } from '../testing/fixture-schema.ts';

const TODAY = '2024-03-15';

function rangeOf(literal: string, n?: number): [string, string] {
  const { start, end } = dateLiteralRange(literal, n, TODAY);
  // Shown as first and last day included.
  return [dateOfDay(start), dateOfDay(end - 1)];
}

describe('the days a date literal covers', () => {
  it.each([
    ['YESTERDAY', undefined, ['2024-03-14', '2024-03-14']],
    ['TODAY', undefined, ['2024-03-15', '2024-03-15']],
    ['TOMORROW', undefined, ['2024-03-16', '2024-03-16']],
    ['THIS_WEEK', undefined, ['2024-03-10', '2024-03-16']],
    ['LAST_WEEK', undefined, ['2024-03-03', '2024-03-09']],
    ['NEXT_WEEK', undefined, ['2024-03-17', '2024-03-23']],
    ['THIS_MONTH', undefined, ['2024-03-01', '2024-03-31']],
    ['LAST_MONTH', undefined, ['2024-02-01', '2024-02-29']],
    ['NEXT_MONTH', undefined, ['2024-04-01', '2024-04-30']],
    ['THIS_QUARTER', undefined, ['2024-01-01', '2024-03-31']],
    ['LAST_QUARTER', undefined, ['2023-10-01', '2023-12-31']],
    ['NEXT_QUARTER', undefined, ['2024-04-01', '2024-06-30']],
    ['THIS_YEAR', undefined, ['2024-01-01', '2024-12-31']],
    ['LAST_YEAR', undefined, ['2023-01-01', '2023-12-31']],
    ['THIS_FISCAL_YEAR', undefined, ['2024-01-01', '2024-12-31']],
    ['LAST_90_DAYS', undefined, ['2023-12-16', '2024-03-15']],
    ['NEXT_90_DAYS', undefined, ['2024-03-16', '2024-06-13']],
    ['LAST_N_DAYS', 1, ['2024-03-14', '2024-03-15']],
    ['LAST_N_DAYS', 7, ['2024-03-08', '2024-03-15']],
    ['NEXT_N_DAYS', 2, ['2024-03-16', '2024-03-17']],
    ['N_DAYS_AGO', 3, ['2024-03-12', '2024-03-12']],
    ['LAST_N_WEEKS', 2, ['2024-02-25', '2024-03-09']],
    ['NEXT_N_WEEKS', 1, ['2024-03-17', '2024-03-23']],
    ['N_WEEKS_AGO', 1, ['2024-03-03', '2024-03-09']],
    ['LAST_N_MONTHS', 2, ['2024-01-01', '2024-02-29']],
    ['NEXT_N_MONTHS', 1, ['2024-04-01', '2024-04-30']],
    ['N_MONTHS_AGO', 13, ['2023-02-01', '2023-02-28']],
    ['LAST_N_QUARTERS', 1, ['2023-10-01', '2023-12-31']],
    ['N_QUARTERS_AGO', 4, ['2023-01-01', '2023-03-31']],
    ['LAST_N_YEARS', 2, ['2022-01-01', '2023-12-31']],
    ['NEXT_N_YEARS', 1, ['2025-01-01', '2025-12-31']],
    ['N_YEARS_AGO', 1, ['2023-01-01', '2023-12-31']]
  ] as const)('%s %s → %j', (literal, n, expected) => {
    expect(rangeOf(literal, n)).toEqual(expected);
  });
});

describe('local midnights', () => {
  it('follow the time zone’s offset, across the daylight saving change', () => {
    expect(new Date(startOfLocalDay('2024-03-15', 'America/Los_Angeles')).toISOString()).toBe(
      '2024-03-15T07:00:00.000Z'
    );
    expect(new Date(startOfLocalDay('2024-03-10', 'America/Los_Angeles')).toISOString()).toBe(
      '2024-03-10T08:00:00.000Z'
    );
    expect(new Date(startOfLocalDay('2024-03-15', 'Asia/Kolkata')).toISOString()).toBe('2024-03-14T18:30:00.000Z');
  });
});

function org(timeZone = 'America/Los_Angeles') {
  const schema = fixtureSchema();
  const data = new MemoryRecords(schema);
  const lead = (name: string, createdDate: string) => data.add('Lead', { Name: name, CreatedDate: createdDate });
  lead('before today', '2024-03-15T06:59:59.000+0000');
  lead('start of today', '2024-03-15T07:00:00.000+0000');
  lead('end of today', '2024-03-16T06:59:59.000+0000');
  lead('tomorrow', '2024-03-16T07:00:00.000+0000');
  lead('before this week', '2024-03-10T07:59:59.000+0000');
  lead('start of this week', '2024-03-10T08:00:00.000+0000');
  const task = (subject: string, activityDate: string) =>
    data.add('Task', { Subject: subject, ActivityDate: activityDate });
  task('yesterday', '2024-03-14');
  task('today', '2024-03-15');
  task('tomorrow', '2024-03-16');
  return fixtureContext(schema, data, { timeZone, now: FIXED_NOW });
}

const names = (soql: string, ctx = org()) => runSoql(soql, ctx).records.map((r) => r['Name'] ?? r['Subject']);

describe('date literals in WHERE', () => {
  it('select the local day on a dateTime field', () => {
    expect(names('SELECT Name FROM Lead WHERE CreatedDate = TODAY')).toEqual(['start of today', 'end of today']);
    expect(names('SELECT Name FROM Lead WHERE CreatedDate = YESTERDAY')).toEqual(['before today']);
    expect(names('SELECT Name FROM Lead WHERE CreatedDate = TOMORROW')).toEqual(['tomorrow']);
  });

  it('turn < <= > >= into the edges of the range', () => {
    expect(names('SELECT Name FROM Lead WHERE CreatedDate < TODAY')).toEqual([
      'before today',
      'before this week',
      'start of this week'
    ]);
    expect(names('SELECT Name FROM Lead WHERE CreatedDate > TODAY')).toEqual(['tomorrow']);
    expect(names('SELECT Name FROM Lead WHERE CreatedDate >= TODAY')).toEqual([
      'start of today',
      'end of today',
      'tomorrow'
    ]);
    expect(names('SELECT Name FROM Lead WHERE CreatedDate <= YESTERDAY')).toEqual([
      'before today',
      'before this week',
      'start of this week'
    ]);
    expect(names('SELECT Name FROM Lead WHERE CreatedDate != TODAY')).toEqual([
      'before today',
      'tomorrow',
      'before this week',
      'start of this week'
    ]);
  });

  it('start the week on the local Sunday midnight, even the day clocks changed', () => {
    expect(names('SELECT Name FROM Lead WHERE CreatedDate = THIS_WEEK')).toEqual([
      'before today',
      'start of today',
      'end of today',
      'tomorrow',
      'start of this week'
    ]);
  });

  it('compare whole days on a date field', () => {
    expect(names('SELECT Subject FROM Task WHERE ActivityDate = TODAY')).toEqual(['today']);
    expect(names('SELECT Subject FROM Task WHERE ActivityDate = LAST_N_DAYS:1')).toEqual(['yesterday', 'today']);
    expect(names('SELECT Subject FROM Task WHERE ActivityDate = NEXT_N_DAYS:1')).toEqual(['tomorrow']);
    expect(names('SELECT Subject FROM Task WHERE ActivityDate > N_DAYS_AGO:1')).toEqual(['today', 'tomorrow']);
    expect(names('SELECT Subject FROM Task WHERE ActivityDate IN (YESTERDAY, TOMORROW)')).toEqual([
      'yesterday',
      'tomorrow'
    ]);
  });

  it('count "today" in the org’s time zone, not UTC', () => {
    // 18:30 UTC on the 15th is already the 16th in Tokyo.
    expect(names('SELECT Subject FROM Task WHERE ActivityDate = TODAY', org('Asia/Tokyo'))).toEqual(['tomorrow']);
  });

  it('refuse an N literal without its number or with a negative one', () => {
    expect(() => runSoql('SELECT Id FROM Task WHERE ActivityDate = LAST_N_DAYS', org())).toThrow(
      "unexpected token: '<EOF>'"
    );
    expect(() => runSoql('SELECT Id FROM Task WHERE ActivityDate = LAST_N_DAYS:-1', org())).toThrow(
      "unexpected token: '-1'"
    );
  });
});
