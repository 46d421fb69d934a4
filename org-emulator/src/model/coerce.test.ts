import { field } from '../schema/fields.ts';
import { coerceValue, positionInBody } from './coerce.ts';
import { formatDateTime, parseDate, parseDateTime, parseTime } from './dates.ts';

const at = () => '[line:1, column:9]';

describe('reading JSON values into fields', () => {
  it('coerces scalars the way Salesforce’s parser does', () => {
    expect(coerceValue(field('N', 'double', { precision: 18, scale: 2 }), '12.345', at)).toBe(12.35);
    expect(coerceValue(field('N', 'int', { digits: 8 }), 7.9, at)).toBe(7);
    expect(coerceValue(field('S', 'string', { length: 10 }), 42, at)).toBe('42');
    expect(coerceValue(field('B', 'boolean'), 'TRUE', at)).toBe(true);
    expect(coerceValue(field('B', 'boolean'), null, at)).toBe(false);
    expect(coerceValue(field('S', 'string'), '', at)).toBeNull();
    expect(coerceValue(field('M', 'multipicklist'), 'a; b;a', at)).toBe('a;b');
  });

  it('stores datetimes in UTC in the REST form, from any accepted ISO form', () => {
    const f = field('D', 'datetime');
    expect(coerceValue(f, '2025-01-15T09:00:00-08:00', at)).toBe('2025-01-15T17:00:00.000+0000');
    expect(coerceValue(f, '2025-01-15T17:00:00.250Z', at)).toBe('2025-01-15T17:00:00.250+0000');
    expect(coerceValue(f, '2025-01-15T17:00:00.000+0000', at)).toBe('2025-01-15T17:00:00.000+0000');
    expect(coerceValue(f, '2025-01-15', at)).toBe('2025-01-15T00:00:00.000+0000');
  });

  it('refuses what does not parse with JSON_PARSER_ERROR and the position', () => {
    expect(() => coerceValue(field('D', 'date'), '15/01/2025', at)).toThrow(
      'Cannot deserialize instance of date from VALUE_STRING value 15/01/2025 or request may be missing a required field at [line:1, column:9]'
    );
    expect(() => coerceValue(field('N', 'double'), true, at)).toThrow(/instance of double from VALUE_TRUE value true/);
    expect(() => coerceValue(field('S', 'string'), ['a'], at)).toThrow(/instance of string from START_ARRAY value \[/);
  });

  it('points just past the value in the compact body, as Jackson does', () => {
    expect(positionInBody({ LastName: 'Doe', NumberOfEmployees: 'many' }, 'NumberOfEmployees')).toBe(
      '[line:1, column:45]'
    );
  });
});

describe('dates', () => {
  it('accept real calendar dates only', () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('2025-02-29')).toBeUndefined();
    expect(parseDate('2025-01-15T23:00:00Z')).toBe('2025-01-15');
    expect(parseDateTime('2025-01-15T24:00:00Z')).toBeUndefined();
    expect(parseTime('9:00')).toBeUndefined();
    expect(parseTime('09:30')).toBe('09:30:00.000Z');
    expect(formatDateTime(Date.UTC(2025, 0, 5, 3, 4, 5, 6))).toBe('2025-01-05T03:04:05.006+0000');
  });
});
