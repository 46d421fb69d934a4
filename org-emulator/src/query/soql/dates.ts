// Dates and date literals. A date literal (TODAY, LAST_N_DAYS:7 …) is a range of whole days counted in the org's
// time zone from "now"; on a dateTime field the range becomes the instants between local midnights ("Date
// Formats and Date Literals in WHERE", SOQL and SOSL Reference). Weeks start on Sunday (en_US) and the fiscal
// year is the calendar year, as in an org with default fiscal settings.

/** Local dates are handled as 'YYYY-MM-DD' strings and as day numbers (days since 1970-01-01). */
const DAY_MS = 86_400_000;

export function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function dateOfDay(dayNo: number): string {
  return new Date(dayNo * DAY_MS).toISOString().slice(0, 10);
}

/** True when the string is a real calendar date in YYYY-MM-DD form. */
export function isValidDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  return dateOfDay(dayNumber(date)) === date;
}

const DATETIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/;

/** Epoch ms of a SOQL dateTime literal or a stored value (`…+0000`); undefined when malformed. */
export function parseDateTime(text: string): number | undefined {
  const parts = DATETIME.exec(text);
  if (parts === null) return undefined;
  const [, date, hh, mm, ss, fraction, zulu, sign, offsetH, offsetM] = parts;
  if (!isValidDate(date as string) || Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return undefined;
  const offsetMinutes = zulu ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetH) * 60 + Number(offsetM));
  if (!zulu && (Number(offsetH) > 23 || Number(offsetM) > 59)) return undefined;
  const local =
    dayNumber(date as string) * DAY_MS +
    (Number(hh) * 3600 + Number(mm) * 60 + Number(ss)) * 1000 +
    Number((fraction ?? '0').padEnd(3, '0'));
  return local - offsetMinutes * 60_000;
}

/** Local wall-clock date of an instant in a time zone. */
export function localDate(instant: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(instant))
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

/** Offset (local − UTC, ms) of a time zone at an instant. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit'
  })
    .formatToParts(new Date(instant))
    .reduce<Record<string, number>>((all, part) => ({ ...all, [part.type]: Number(part.value) }), {});
  const asUtc = Date.UTC(
    parts['year'] as number,
    (parts['month'] as number) - 1,
    parts['day'] as number,
    parts['hour'] as number,
    parts['minute'] as number,
    parts['second'] as number
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a local date starts (its midnight) in a time zone. */
export function startOfLocalDay(date: string, timeZone: string): number {
  const wallClock = dayNumber(date) * DAY_MS;
  const guess = wallClock - zoneOffset(wallClock, timeZone);
  return wallClock - zoneOffset(guess, timeZone);
}

/** A range of local days [start, end). */
export interface DayRange {
  start: number;
  end: number;
}

type Unit = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR';

const FIXED_LITERALS: Record<string, { unit: Unit; shift: number }> = {
  YESTERDAY: { unit: 'DAY', shift: -1 },
  TODAY: { unit: 'DAY', shift: 0 },
  TOMORROW: { unit: 'DAY', shift: 1 },
  LAST_WEEK: { unit: 'WEEK', shift: -1 },
  THIS_WEEK: { unit: 'WEEK', shift: 0 },
  NEXT_WEEK: { unit: 'WEEK', shift: 1 },
  LAST_MONTH: { unit: 'MONTH', shift: -1 },
  THIS_MONTH: { unit: 'MONTH', shift: 0 },
  NEXT_MONTH: { unit: 'MONTH', shift: 1 },
  LAST_QUARTER: { unit: 'QUARTER', shift: -1 },
  THIS_QUARTER: { unit: 'QUARTER', shift: 0 },
  NEXT_QUARTER: { unit: 'QUARTER', shift: 1 },
  LAST_YEAR: { unit: 'YEAR', shift: -1 },
  THIS_YEAR: { unit: 'YEAR', shift: 0 },
  NEXT_YEAR: { unit: 'YEAR', shift: 1 },
  LAST_FISCAL_QUARTER: { unit: 'QUARTER', shift: -1 },
  THIS_FISCAL_QUARTER: { unit: 'QUARTER', shift: 0 },
  NEXT_FISCAL_QUARTER: { unit: 'QUARTER', shift: 1 },
  LAST_FISCAL_YEAR: { unit: 'YEAR', shift: -1 },
  THIS_FISCAL_YEAR: { unit: 'YEAR', shift: 0 },
  NEXT_FISCAL_YEAR: { unit: 'YEAR', shift: 1 }
};

const N_LITERALS =
  /^(LAST|NEXT)_N_(DAYS|WEEKS|MONTHS|QUARTERS|YEARS|FISCAL_QUARTERS|FISCAL_YEARS)$|^N_(DAYS|WEEKS|MONTHS|QUARTERS|YEARS|FISCAL_QUARTERS|FISCAL_YEARS)_AGO$/;

export function isDateLiteral(name: string): boolean {
  const upper = name.toUpperCase();
  return upper in FIXED_LITERALS || upper === 'LAST_90_DAYS' || upper === 'NEXT_90_DAYS';
}

export function isDateNLiteral(name: string): boolean {
  return N_LITERALS.test(name.toUpperCase());
}

function unitOf(plural: string): Unit {
  const unit = plural.replace('FISCAL_', '').replace(/S$/, '');
  return unit as Unit;
}

/** The period of `unit` containing `day`, shifted by `shift` periods. */
function period(day: number, unit: Unit, shift: number): DayRange {
  if (unit === 'DAY') return { start: day + shift, end: day + shift + 1 };
  if (unit === 'WEEK') {
    const weekday = new Date(day * DAY_MS).getUTCDay();
    const start = day - weekday + 7 * shift;
    return { start, end: start + 7 };
  }
  const date = new Date(day * DAY_MS);
  const months = unit === 'MONTH' ? 1 : unit === 'QUARTER' ? 3 : 12;
  const firstMonth = Math.floor(date.getUTCMonth() / months) * months + shift * months;
  const start = Math.round(Date.UTC(date.getUTCFullYear(), firstMonth, 1) / DAY_MS);
  const end = Math.round(Date.UTC(date.getUTCFullYear(), firstMonth + months, 1) / DAY_MS);
  return { start, end };
}

/** The local days a date literal covers, given today's local date. */
export function dateLiteralRange(name: string, n: number | undefined, today: string): DayRange {
  const upper = name.toUpperCase();
  const day = dayNumber(today);
  const fixed = FIXED_LITERALS[upper];
  if (fixed !== undefined) return period(day, fixed.unit, fixed.shift);
  // "Starts with the current day and continues for the past 90 days" — today included.
  if (upper === 'LAST_90_DAYS') return { start: day - 90, end: day + 1 };
  if (upper === 'NEXT_90_DAYS') return { start: day + 1, end: day + 91 };
  const parts = N_LITERALS.exec(upper);
  if (parts === null || n === undefined) throw new Error(`not a date literal: ${name}`);
  const [, direction, plural, agoPlural] = parts;
  if (agoPlural !== undefined) return period(day, unitOf(agoPlural), -n);
  const unit = unitOf(plural as string);
  if (unit === 'DAY') {
    // LAST_N_DAYS:n includes today (LAST_N_DAYS:1 is yesterday and today); NEXT_N_DAYS:n starts tomorrow.
    return direction === 'LAST' ? { start: day - n, end: day + 1 } : { start: day + 1, end: day + 1 + n };
  }
  // Whole periods before (or after) the current one, which is not included.
  const current = period(day, unit, 0);
  if (direction === 'LAST') return { start: period(day, unit, -n).start, end: current.start };
  return { start: current.end, end: period(day, unit, n).end };
}
