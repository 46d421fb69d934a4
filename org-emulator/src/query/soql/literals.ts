// Literals in a WHERE clause, read from their tokens, and checked against the type of the field they are
// compared with. Salesforce refuses a literal of the wrong type ("value of filter criterion for field
// 'CreatedDate' must be of type dateTime and should not be enclosed in quotes", INVALID_FIELD) and an id that
// is not one ("invalid ID field: abc", INVALID_QUERY_FILTER_OPERATOR).
import type { FieldDef, FieldType } from '../../model/types.ts';
import { to18 } from '../../ids.ts';
import type { LiteralChar, Token } from './lexer.ts';
import { decodeString, isPunct } from './lexer.ts';
import type { QuerySource } from './messages.ts';
import { errorAt, malformedAt, notSupported, unexpectedToken } from './messages.ts';
import { dayNumber, isDateLiteral, isDateNLiteral, isValidDate, parseDateTime } from './dates.ts';
import type { PatternChar } from '../shared/wildcard.ts';

export const MAX_WHERE_STRING = 4000;

export type Literal =
  | { kind: 'string'; token: Token; chars: LiteralChar[]; value: string }
  | { kind: 'number'; token: Token; value: number }
  | { kind: 'boolean'; token: Token; value: boolean }
  | { kind: 'null'; token: Token }
  | { kind: 'date'; token: Token; value: string }
  | { kind: 'datetime'; token: Token; value: number }
  | { kind: 'dateLiteral'; token: Token; name: string; n: number | undefined };

/** Reads the literal written in `tokens` (one token, or `LAST_N_DAYS : 5`). */
export function readLiteral(source: QuerySource, tokens: readonly Token[], inLike: boolean): Literal {
  const token = tokens[0];
  if (token === undefined) return missingValue(source);
  if (tokens.length === 3 && isPunct(tokens[1], ':') && token.kind === 'word' && isDateNLiteral(token.text)) {
    const count = tokens[2] as Token;
    if (count.kind !== 'number' || !/^\d+$/.test(count.text)) throw unexpectedToken(source, count.start, count.text);
    return { kind: 'dateLiteral', token, name: token.text.toUpperCase(), n: Number(count.text) };
  }
  if (tokens.length > 1) throw unexpectedToken(source, (tokens[1] as Token).start, (tokens[1] as Token).text);
  switch (token.kind) {
    case 'string': {
      const chars = decodeString(source, token, inLike);
      if (chars.length > MAX_WHERE_STRING) {
        throw malformedAt(
          source,
          token.start,
          `String literal too long: a string in a WHERE clause can have at most ${MAX_WHERE_STRING} characters`
        );
      }
      return { kind: 'string', token, chars, value: chars.map((c) => c.char).join('') };
    }
    case 'number':
      return { kind: 'number', token, value: Number(token.text) };
    case 'date':
      if (!isValidDate(token.text)) throw malformedAt(source, token.start, `Invalid date: ${token.text}`);
      return { kind: 'date', token, value: token.text };
    case 'datetime': {
      const value = parseDateTime(token.text);
      if (value === undefined) throw malformedAt(source, token.start, `Invalid dateTime: ${token.text}`);
      return { kind: 'datetime', token, value };
    }
    case 'word': {
      const upper = token.text.toUpperCase();
      if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', token, value: upper === 'TRUE' };
      if (upper === 'NULL') return { kind: 'null', token };
      if (isDateLiteral(upper)) return { kind: 'dateLiteral', token, name: upper, n: undefined };
      if (isDateNLiteral(upper))
        throw malformedAt(source, token.end, `expecting a colon, found '${tokens[1]?.text ?? '<EOF>'}'`);
      // USD100-style values need a multi-currency org, which the emulator does not model.
      if (/^[A-Za-z]{3}\d/.test(token.text)) throw notSupported(source, token.start, 'A currency-prefixed value');
      throw malformedAt(source, token.start, `expecting a colon, found '${token.text}'`);
    }
    default:
      throw unexpectedToken(source, token.start, token.text);
  }
}

function missingValue(source: QuerySource): never {
  throw unexpectedToken(source, source.text.length, undefined);
}

/** How values of a field type are compared. */
export type Category = 'text' | 'multi' | 'id' | 'number' | 'boolean' | 'date' | 'datetime' | 'other';

export function categoryOf(type: FieldType): Category {
  switch (type) {
    case 'string':
    case 'textarea':
    case 'picklist':
    case 'combobox':
    case 'email':
    case 'phone':
    case 'url':
    case 'encryptedstring':
      return 'text';
    case 'multipicklist':
      return 'multi';
    case 'id':
    case 'reference':
      return 'id';
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    default:
      return 'other';
  }
}

/** The type name Salesforce uses in its literal-type message. */
function soapTypeName(type: FieldType): string {
  switch (type) {
    case 'int':
      return 'integer';
    case 'double':
    case 'currency':
    case 'percent':
      return 'double';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'datetime':
      return 'dateTime';
    case 'id':
    case 'reference':
      return 'id';
    default:
      return 'string';
  }
}

function wrongType(source: QuerySource, offset: number, field: FieldDef) {
  const category = categoryOf(field.type);
  const quoted = category === 'text' || category === 'multi' || category === 'id';
  return errorAt(
    source,
    offset,
    'INVALID_FIELD',
    `value of filter criterion for field '${field.name}' must be of type ${soapTypeName(field.type)} and ` +
      (quoted ? 'should be enclosed in quotes' : 'should not be enclosed in quotes')
  );
}

/** A literal made comparable with values of its field. */
export type Operand =
  | { kind: 'null' }
  | { kind: 'point'; value: string | number }
  | { kind: 'days'; literal: string; n: number | undefined }
  | { kind: 'pattern'; pattern: PatternChar[] }
  | { kind: 'set'; values: string[] };

/**
 * Checks a literal against a field and converts it to an operand. `offset` is where Salesforce points for a
 * type mismatch: the field.
 */
export function toOperand(
  source: QuerySource,
  offset: number,
  field: FieldDef,
  literal: Literal,
  operator: string
): Operand {
  if (literal.kind === 'null') return { kind: 'null' };
  const category = categoryOf(field.type);
  switch (category) {
    case 'text':
      if (literal.kind !== 'string') throw wrongType(source, offset, field);
      if (operator === 'LIKE') return { kind: 'pattern', pattern: likePattern(literal.chars) };
      // "String comparisons … are case-sensitive for unique case-sensitive fields and case-insensitive for all
      // other fields" (Comparison Operators).
      return { kind: 'point', value: field.caseSensitive ? literal.value : textKey(literal.value) };
    case 'multi':
      if (literal.kind !== 'string') throw wrongType(source, offset, field);
      return { kind: 'set', values: multiValues(literal.value) };
    case 'id': {
      if (literal.kind !== 'string') throw wrongType(source, offset, field);
      const id = to18(literal.value);
      if (id === undefined) {
        throw errorAt(source, offset, 'INVALID_QUERY_FILTER_OPERATOR', `invalid ID field: ${literal.value}`);
      }
      return { kind: 'point', value: id };
    }
    case 'number':
      if (literal.kind !== 'number') throw wrongType(source, offset, field);
      return { kind: 'point', value: literal.value };
    case 'boolean':
      if (literal.kind !== 'boolean') throw wrongType(source, offset, field);
      return { kind: 'point', value: literal.value ? 1 : 0 };
    case 'date':
      if (literal.kind === 'date') return { kind: 'point', value: dayNumber(literal.value) };
      if (literal.kind === 'dateLiteral') return { kind: 'days', literal: literal.name, n: literal.n };
      throw wrongType(source, offset, field);
    case 'datetime':
      if (literal.kind === 'datetime') return { kind: 'point', value: literal.value };
      if (literal.kind === 'dateLiteral') return { kind: 'days', literal: literal.name, n: literal.n };
      throw wrongType(source, offset, field);
    default:
      throw notSupported(source, offset, `Filtering on a ${field.type} field`);
  }
}

/** Text compares case-insensitively; English locales sort by the upper-case UTF-8 value (ORDER BY docs). */
export function textKey(value: string): string {
  return value.toUpperCase();
}

export function multiValues(value: string): string[] {
  return value
    .split(';')
    .map((part) => textKey(part.trim()))
    .filter((part) => part !== '');
}

function likePattern(chars: readonly LiteralChar[]): PatternChar[] {
  return chars.map(({ char, wildcard }) => ({ char, wildcard: wildcard ? (char === '%' ? 'any' : 'one') : null }));
}
