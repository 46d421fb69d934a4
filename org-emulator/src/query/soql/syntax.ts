// The grammar gate: soql-parser-js 6.3.1 decides whether a statement is SOQL. Its errors carry no position, so
// when it refuses a statement the offending token is found by asking it about ever longer prefixes: the first
// prefix it refuses for a reason other than "input ended too soon" ends with the token Salesforce would name.
import { parseQuery } from '@jetstreamapp/soql-parser-js';
import type { Query } from '@jetstreamapp/soql-parser-js';
import type { Token } from './lexer.ts';
import type { QuerySource } from './messages.ts';
import { malformedAt, unexpectedToken } from './messages.ts';
import type { SalesforceError } from '../../errors.ts';

/** Parses a statement already lexed without error; throws Salesforce's syntax error when it is not SOQL. */
export function parseSoql(source: QuerySource, tokens: readonly Token[]): Query {
  try {
    return parseQuery(source.text);
  } catch {
    throw locateSyntaxError(source, tokens);
  }
}

/** True when the text is SOQL or a prefix of it that only lacks its ending. */
function viablePrefix(text: string): boolean {
  try {
    parseQuery(text);
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    return /but found: ''\s*$/.test(message) || /but found --> '' <--/.test(message);
  }
}

const COMPARISONS = new Set(['=', '!=', '<>', '<', '<=', '>', '>=']);

/** Index of the first token the grammar cannot accept where it stands, or undefined when none is wrong. */
function firstRefusedToken(source: QuerySource, tokens: readonly Token[]): number | undefined {
  let viable = 0;
  let refused = tokens.length + 1;
  while (refused - viable > 1) {
    const middle = Math.floor((viable + refused) / 2);
    const last = tokens[middle - 1] as Token;
    if (viablePrefix(source.text.slice(0, last.end))) viable = middle;
    else refused = middle;
  }
  return refused <= tokens.length ? refused - 1 : undefined;
}

/**
 * A syntax error among the tokens read before a lexical error. Salesforce reads a statement left to right, so
 * in `Name = 'O'Brien'` it stops at `Brien` before it ever reaches the unterminated quote.
 */
export function syntaxErrorBefore(source: QuerySource, tokens: readonly Token[]): SalesforceError | undefined {
  const index = firstRefusedToken(source, tokens) ?? strayWordAfterValue(tokens);
  return index === undefined ? undefined : errorForToken(source, tokens, index);
}

const VALUE_KINDS = new Set(['string', 'number', 'date', 'datetime']);
const WORDS_AFTER_A_VALUE = new Set([
  'AND',
  'OR',
  'LIMIT',
  'OFFSET',
  'ORDER',
  'GROUP',
  'HAVING',
  'WITH',
  'FOR',
  'UPDATE'
]);

/**
 * A word right after a literal that no clause can start with (`'O' Brien`). soql-parser-js takes it for the
 * start of another condition, which Salesforce never does without AND or OR.
 */
function strayWordAfterValue(tokens: readonly Token[]): number | undefined {
  const index = tokens.findIndex(
    (token, at) =>
      token.kind === 'word' &&
      at > 0 &&
      VALUE_KINDS.has((tokens[at - 1] as Token).kind) &&
      !WORDS_AFTER_A_VALUE.has(token.text.toUpperCase())
  );
  return index === -1 ? undefined : index;
}

function locateSyntaxError(source: QuerySource, tokens: readonly Token[]): SalesforceError {
  const index = firstRefusedToken(source, tokens);
  if (index === undefined) return unexpectedToken(source, source.text.length, undefined);
  return errorForToken(source, tokens, index);
}

function errorForToken(source: QuerySource, tokens: readonly Token[], index: number): SalesforceError {
  const offending = tokens[index] as Token;
  const previous = tokens[index - 1];
  // A bare word where a value belongs is read by Salesforce as the start of a bind variable.
  if (
    offending.kind === 'word' &&
    previous !== undefined &&
    previous.kind === 'punct' &&
    COMPARISONS.has(previous.text)
  ) {
    return malformedAt(source, offending.start, `expecting a colon, found '${offending.text}'`);
  }
  return unexpectedToken(source, offending.start, offending.text);
}
