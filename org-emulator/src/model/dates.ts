// Date, datetime and time values in the forms the store keeps (as the REST API returns them) and the forms the
// REST JSON parser accepts on input.

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2025-01-15T17:00:00.000+0000`: how the REST API returns datetimes, always in UTC. */
export function formatDateTime(epochMs: number): string {
  const d = new Date(epochMs);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}+0000`
  );
}

/** `2025-01-15` (UTC calendar date of an instant). */
export function formatDate(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The calendar date of an instant in an IANA time zone (an activity's date is the owner's local date). */
export function formatDateInZone(epochMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit'
  }).formatToParts(new Date(epochMs));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Epoch ms of an ISO-8601 datetime as Salesforce accepts it (`Z`, `+0000`, `+00:00` or no zone = UTC). */
export function parseDateTime(input: string): number | undefined {
  const dateOnly = DATE.exec(input);
  if (dateOnly) {
    // A date alone is midnight GMT of that day.
    const [, y, m, d] = dateOnly.map(Number) as [number, number, number, number];
    return validDate(y, m, d) ? Date.UTC(y, m - 1, d) : undefined;
  }
  const match = DATETIME.exec(input);
  if (!match) return undefined;
  const [, ys, ms, ds, hs, mins, ss, frac, zone] = match;
  const y = Number(ys);
  const m = Number(ms);
  const d = Number(ds);
  const h = Number(hs);
  const min = Number(mins);
  const s = ss === undefined ? 0 : Number(ss);
  if (!validDate(y, m, d) || h > 23 || min > 59 || s > 59) return undefined;
  const millis = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  let offsetMinutes = 0;
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4));
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = sign * (oh * 60 + om);
  }
  return Date.UTC(y, m - 1, d, h, min, s, millis) - offsetMinutes * 60_000;
}

/** `YYYY-MM-DD` for a date field; a datetime string gives its own calendar date. */
export function parseDate(input: string): string | undefined {
  const dateOnly = DATE.exec(input);
  if (dateOnly) {
    const [, y, m, d] = dateOnly.map(Number) as [number, number, number, number];
    return validDate(y, m, d) ? input : undefined;
  }
  if (DATETIME.test(input) && parseDateTime(input) !== undefined) return input.slice(0, 10);
  return undefined;
}

const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z?$/;

/** `HH:mm:ss.SSSZ` for a time field. */
export function parseTime(input: string): string | undefined {
  const match = TIME.exec(input);
  if (!match) return undefined;
  const [, hs, ms, ss, frac] = match;
  const h = Number(hs);
  const m = Number(ms);
  const s = ss === undefined ? 0 : Number(ss);
  if (h > 23 || m > 59 || s > 59) return undefined;
  return `${pad(h)}:${pad(m)}:${pad(s)}.${(frac ?? '0').padEnd(3, '0')}Z`;
}

/** Milliseconds since midnight of a stored time value. */
export function timeToMillis(time: string): number {
  const [h = '0', m = '0', s = '0'] = time.replace('Z', '').split(':');
  return Math.round((Number(h) * 3600 + Number(m) * 60 + Number(s)) * 1000);
}
