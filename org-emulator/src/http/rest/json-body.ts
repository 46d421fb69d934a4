// Request bodies are JSON. Salesforce's parser (Jackson) reports malformed input as JSON_PARSER_ERROR with the
// offending character and its line/column; body shapes that don't fit the resource get the same code.
import { SalesforceError } from '../../errors.ts';

export function jsonParserError(message: string): SalesforceError {
  return new SalesforceError('JSON_PARSER_ERROR', message);
}

/**
 * Jackson's default nesting limit (StreamReadConstraints, 1,000 levels). It also bounds every recursive walk of a
 * body in the emulator, so a deeply nested document is a 400, never a stack overflow.
 */
export const MAX_JSON_NESTING_DEPTH = 1000;

/** Parses a request body; an empty body is `undefined` (the resource decides whether that is allowed). */
export function parseJsonBody(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  const depth = nestingDepth(raw, MAX_JSON_NESTING_DEPTH);
  if (depth > MAX_JSON_NESTING_DEPTH) {
    throw jsonParserError(
      `Document nesting depth (${depth}) exceeds the maximum allowed (${MAX_JSON_NESTING_DEPTH}, from \`StreamReadConstraints.getMaxNestingDepth()\`)`
    );
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw jsonParserError(describeSyntaxError(raw));
  }
}

/** How deep arrays and objects nest, counted without recursion; stops counting once past `limit`. */
function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return depth;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return 0;
}

/** Jackson-style text for the first syntax error: the offending character and where it is. */
function describeSyntaxError(raw: string): string {
  const { offset, expected } = locateSyntaxError(raw);
  const { line, column } = lineAndColumn(raw, offset);
  if (offset >= raw.length) return `Unexpected end-of-input: expected ${expected} at [line:${line}, column:${column}]`;
  const ch = raw[offset]!;
  return `Unexpected character ('${ch}' (code ${ch.charCodeAt(0)})): expected ${expected} at [line:${line}, column:${column}]`;
}

/**
 * Walks the text as a JSON parser would and reports where it first goes wrong (JSON.parse's own messages don't
 * reliably carry a position).
 */
function locateSyntaxError(text: string): { offset: number; expected: string } {
  let i = 0;
  const fail = (expected: string): never => {
    throw { offset: i, expected };
  };
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c !== undefined && /[-0-9]/.test(c)) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    fail("a valid value (number, String, array, object, 'true', 'false' or 'null')");
  };
  const string = (): void => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        i++;
        if (
          text[i] === 'u' ? !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5)) : !'"\\/bfnrt'.includes(text[i] ?? 'x')
        ) {
          fail('a valid escape sequence in a String value');
        }
      } else if (text.charCodeAt(i) < 0x20) fail('a closing quote for a String value (control character in String)');
      i++;
    }
    if (i >= text.length) fail('a closing quote for a String value');
    i++;
  };
  const number = (): void => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) fail('a digit for a number value');
    i += match![0].length;
  };
  const object = (): void => {
    i++;
    space();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      space();
      if (text[i] !== '"') fail('double-quote to start field name');
      string();
      space();
      if (text[i] !== ':') fail('a colon to separate field name and value');
      i++;
      value();
      space();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      fail('close marker for OBJECT or a comma');
    }
  };
  const array = (): void => {
    i++;
    space();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      value();
      space();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      fail('close marker for ARRAY or a comma');
    }
  };
  try {
    value();
    space();
    if (i < text.length) fail('end of input');
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'offset' in error)
      return error as { offset: number; expected: string };
    throw error;
  }
  return { offset: text.length, expected: 'a valid value' };
}

/** The body must be a JSON object (a record, a collections request, a composite request …). */
export function requireObjectBody(body: unknown, what: string): Record<string, unknown> {
  if (body === undefined) throw jsonParserError('No content to map due to end-of-input');
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const token = Array.isArray(body) ? 'START_ARRAY' : body === null ? 'VALUE_NULL' : 'VALUE_' + typeof body;
    throw jsonParserError(`Cannot deserialize instance of ${what} from ${token.toUpperCase()} value`);
  }
  return body as Record<string, unknown>;
}

/** A record body without its `attributes` (which carries the type, not a field). */
export function recordValues(body: Record<string, unknown>): Record<string, unknown> {
  const { attributes: _attributes, ...values } = body;
  return values;
}

export function hasIdField(values: Record<string, unknown>): boolean {
  return Object.keys(values).some((k) => k.toLowerCase() === 'id');
}

export const idInBodyError = (): SalesforceError =>
  new SalesforceError('INVALID_FIELD', 'The Id field should not be specified in the sobject data.');

function lineAndColumn(raw: string, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset && i < raw.length; i++) {
    if (raw[i] === '\n') {
      line++;
      column = 1;
    } else {
      column++;
    }
  }
  return { line, column };
}
