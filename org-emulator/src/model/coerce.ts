// Turns a JSON value from a request body into the stored form of a field, the way Salesforce's JSON parser
// (Jackson, with scalar coercion on) does: "42" fits a number field, 42 fits a text field, "2025-01-15" fits a
// datetime (midnight GMT); a value that can't be read as the field's type is JSON_PARSER_ERROR.
import { formatDateTime, parseDate, parseDateTime, parseTime } from './dates.ts';
import { jsonParserError, numberOutOfRange } from './dml-errors.ts';
import type { FieldDef } from './types.ts';

export type StoredValue = string | number | boolean | null;

/** Where a value sits in the request body, for the parser's `[line:1, column:N]` suffix. */
export type PositionOf = () => string;

const JSON_TYPE_NAMES: Partial<Record<FieldDef['type'], string>> = {
  boolean: 'boolean',
  int: 'int',
  double: 'double',
  currency: 'double',
  percent: 'double',
  date: 'date',
  datetime: 'datetime',
  time: 'time',
  base64: 'base64'
};

function token(raw: unknown): string {
  if (typeof raw === 'string') return 'VALUE_STRING';
  if (typeof raw === 'number') return Number.isInteger(raw) ? 'VALUE_NUMBER_INT' : 'VALUE_NUMBER_FLOAT';
  if (raw === true) return 'VALUE_TRUE';
  if (raw === false) return 'VALUE_FALSE';
  if (Array.isArray(raw)) return 'START_ARRAY';
  return 'START_OBJECT';
}

function tokenText(raw: unknown): string {
  if (Array.isArray(raw)) return '[';
  if (typeof raw === 'object' && raw !== null) return '{';
  return String(raw);
}

function cannotDeserialize(typeName: string, raw: unknown, position: PositionOf) {
  return jsonParserError(
    `Cannot deserialize instance of ${typeName} from ${token(raw)} value ${tokenText(raw)} or request may be missing a required field at ${position()}`
  );
}

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

export function coerceValue(f: FieldDef, raw: unknown, position: PositionOf): StoredValue {
  // Salesforce stores an empty string as null, and a checkbox is never null.
  if (raw === null || raw === undefined || raw === '') return f.type === 'boolean' ? false : null;
  const typeName = JSON_TYPE_NAMES[f.type] ?? 'string';
  const fail = () => cannotDeserialize(typeName, raw, position);
  switch (f.type) {
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      if (typeof raw === 'string' && /^(true|false)$/i.test(raw)) return raw.toLowerCase() === 'true';
      throw fail();
    }
    case 'int': {
      const n = toNumber(raw);
      if (n === undefined) throw fail();
      const truncated = Math.trunc(n);
      if (Math.abs(truncated) >= 10 ** Math.max(f.digits, 1) || !Number.isSafeInteger(truncated)) {
        throw numberOutOfRange(f, n);
      }
      return truncated;
    }
    case 'double':
    case 'currency':
    case 'percent': {
      const n = toNumber(raw);
      if (n === undefined) throw fail();
      const rounded = roundHalfUp(n, f.scale);
      const integerDigits = Math.max(f.precision - f.scale, 0);
      if (f.precision > 0 && Math.abs(rounded) >= 10 ** integerDigits) throw numberOutOfRange(f, n);
      return rounded;
    }
    case 'date': {
      const d = typeof raw === 'string' ? parseDate(raw) : undefined;
      if (d === undefined) throw fail();
      return d;
    }
    case 'datetime': {
      const ms = typeof raw === 'string' ? parseDateTime(raw) : typeof raw === 'number' ? raw : undefined;
      if (ms === undefined || !Number.isFinite(ms)) throw fail();
      return formatDateTime(ms);
    }
    case 'time': {
      const t = typeof raw === 'string' ? parseTime(raw) : undefined;
      if (t === undefined) throw fail();
      return t;
    }
    case 'base64': {
      if (typeof raw !== 'string' || !BASE64.test(raw)) throw fail();
      return raw.replace(/\s+/g, '');
    }
    case 'multipicklist': {
      const text = scalarText(raw);
      if (text === undefined) throw fail();
      const parts = text
        .split(';')
        .map((p) => p.trim())
        .filter(Boolean);
      return parts.length ? [...new Set(parts)].join(';') : null;
    }
    default: {
      const text = scalarText(raw);
      if (text === undefined) throw fail();
      return text;
    }
  }
}

function scalarText(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return undefined;
}

function toNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(raw)) return Number(raw);
  return undefined;
}

function roundHalfUp(n: number, scale: number): number {
  const factor = 10 ** scale;
  const shifted = Math.abs(n) * factor;
  // Guard against 1.005 * 100 = 100.49999…: round the shifted value to 9 decimals first.
  const rounded = Math.floor(Number(shifted.toFixed(9)) + 0.5) / factor;
  return n < 0 ? -rounded : rounded;
}

/**
 * `[line:1, column:N]` for a key of a record body, computed on its compact JSON form (request bodies are
 * parsed before they reach the data model, so this is the column a compact client body would have).
 */
export function positionInBody(body: Record<string, unknown>, key: string): string {
  const json = JSON.stringify(body);
  const keyText = `${JSON.stringify(key)}:`;
  const at = json.indexOf(keyText);
  if (at < 0) return '[line:1, column:1]';
  const valueText = JSON.stringify(body[key]) ?? 'null';
  return `[line:1, column:${at + keyText.length + valueText.length + 1}]`;
}
