// The SOQL lexer. soql-parser-js checks the grammar but keeps no positions and accepts string escapes that
// Salesforce refuses, so every statement is also lexed here: tokens carry offsets (for Salesforce's
// `ERROR at Row:R:Column:C` messages) and string literals are validated and decoded the way Salesforce defines
// its escapes (reference §2.3; "Quoted String Escape Sequences" in the SOQL and SOSL Reference).
import type { QuerySource } from './messages.ts';
import { malformedAt } from './messages.ts';
import { SalesforceError } from '../../errors.ts';

export type TokenKind = 'word' | 'string' | 'number' | 'date' | 'datetime' | 'punct';

export interface Token {
  kind: TokenKind;
  /** The text as written (quotes included for strings). */
  text: string;
  /** Offset of the first character in the statement. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

/** One character of a decoded string literal; `wildcard` marks an unescaped LIKE `%` or `_`. */
export interface LiteralChar {
  char: string;
  wildcard: boolean;
}

const WORD = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/y;
const DATETIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:?\d{2})/y;
const DATE = /\d{4}-\d{2}-\d{2}(?![\dT])/y;
const NUMBER = /(?:\d+(?:\.\d+)?|\.\d+)(?![\w.])/y;
const PUNCTUATION = ['!=', '<>', '<=', '>=', '(', ')', ',', '=', '<', '>', ':'] as const;
/** Tokens after which a `+` or `-` starts a signed number rather than being an operator. */
const SIGN_CONTEXT = new Set(['=', '!=', '<>', '<', '<=', '>', '>=', '(', ',', ':']);

/**
 * Splits a statement into tokens. Whitespace separates tokens and is dropped. A character that starts no token
 * fails the way Salesforce's lexer fails: `line R:C no viable alternative at character 'x'`.
 */
export function lex(source: QuerySource): Token[] {
  const { tokens, error } = lexUntilError(source);
  if (error !== undefined) throw error;
  return tokens;
}

/** The tokens before the first lexical error, and that error. */
export function lexUntilError(source: QuerySource): { tokens: Token[]; error: SalesforceError | undefined } {
  const tokens: Token[] = [];
  try {
    lexInto(source, tokens);
    return { tokens, error: undefined };
  } catch (error) {
    if (error instanceof SalesforceError) return { tokens, error };
    throw error;
  }
}

function lexInto(source: QuerySource, tokens: Token[]): void {
  const text = source.text;
  let at = 0;
  while (at < text.length) {
    const char = text[at] as string;
    if (/\s/.test(char)) {
      at++;
      continue;
    }
    if (char === "'") {
      const end = endOfString(source, at);
      tokens.push({ kind: 'string', text: text.slice(at, end), start: at, end });
      at = end;
      continue;
    }
    const previous = tokens[tokens.length - 1];
    const signed = (char === '-' || char === '+') && (previous === undefined || SIGN_CONTEXT.has(previous.text));
    const numberAt = signed ? at + 1 : at;
    const matched =
      match(DATETIME, text, numberAt, 'datetime') ??
      match(DATE, text, numberAt, 'date') ??
      match(NUMBER, text, numberAt, 'number');
    if (matched !== undefined && (!signed || matched.kind === 'number')) {
      tokens.push({ kind: matched.kind, text: text.slice(at, matched.end), start: at, end: matched.end });
      at = matched.end;
      continue;
    }
    const word = match(WORD, text, at, 'word');
    if (word !== undefined) {
      tokens.push({ kind: 'word', text: text.slice(at, word.end), start: at, end: word.end });
      at = word.end;
      continue;
    }
    const punctuation = PUNCTUATION.find((candidate) => text.startsWith(candidate, at));
    if (punctuation !== undefined) {
      tokens.push({ kind: 'punct', text: punctuation, start: at, end: at + punctuation.length });
      at += punctuation.length;
      continue;
    }
    throw noViableAlternative(source, at);
  }
}

function match(
  pattern: RegExp,
  text: string,
  at: number,
  kind: TokenKind
): { kind: TokenKind; end: number } | undefined {
  pattern.lastIndex = at;
  const found = pattern.exec(text);
  return found === null ? undefined : { kind, end: at + found[0].length };
}

/** Salesforce's lexer message for a character it has no token for. */
function noViableAlternative(source: QuerySource, offset: number) {
  const { row, column } = source.positionOf(offset);
  const char = source.text[offset] ?? '';
  return malformedAt(source, offset, `line ${row}:${column - 1} no viable alternative at character '${char}'`);
}

/** Offset just past the closing quote of the string literal starting at `start`; validates its escapes. */
function endOfString(source: QuerySource, start: number): number {
  const text = source.text;
  let at = start + 1;
  while (at < text.length) {
    const char = text[at];
    if (char === "'") return at + 1;
    if (char === '\\') {
      at += escapeLength(source, start, at);
      continue;
    }
    at++;
  }
  // An unterminated literal leaves a lone quote, which no SOQL token starts with.
  throw noViableAlternative(source, start);
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  N: '\n',
  r: '\r',
  R: '\r',
  t: '\t',
  T: '\t',
  b: '\b',
  B: '\b',
  f: '\f',
  F: '\f',
  '"': '"',
  "'": "'",
  '\\': '\\'
};

/** Length of the escape at `at` (a backslash); throws Salesforce's error for an undefined one. */
function escapeLength(source: QuerySource, stringStart: number, at: number): number {
  const text = source.text;
  const next = text[at + 1];
  if (next !== undefined && (next in SIMPLE_ESCAPES || next === '%' || next === '_')) return 2;
  if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) return 6;
  throw illegalEscape(source, stringStart, at);
}

function illegalEscape(source: QuerySource, stringStart: number, at: number) {
  const text = source.text;
  const sequence = text.slice(at, at + (text[at + 1] === 'u' ? 6 : 2));
  const literal = rawStringAround(text, stringStart);
  return malformedAt(
    source,
    stringStart,
    `Invalid string literal '${literal}'. Illegal character sequence '${sequence}' in string literal.`
  );
}

/** The content of the literal starting at `start`, up to its closing quote or the end of the statement. */
function rawStringAround(text: string, start: number): string {
  let at = start + 1;
  while (at < text.length && text[at] !== "'") at += text[at] === '\\' ? 2 : 1;
  return text.slice(start + 1, Math.min(at, text.length));
}

/**
 * The characters of a string literal token. `\%` and `\_` are escapes only inside LIKE (they stay literal `%`
 * and `_` there, where bare `%` and `_` are wildcards); anywhere else they are illegal, as Salesforce says.
 */
export function decodeString(source: QuerySource, token: Token, inLike: boolean): LiteralChar[] {
  const text = token.text;
  const chars: LiteralChar[] = [];
  let at = 1;
  while (at < text.length - 1) {
    const char = text[at] as string;
    if (char !== '\\') {
      chars.push({ char, wildcard: inLike && (char === '%' || char === '_') });
      at++;
      continue;
    }
    const next = text[at + 1] as string;
    if (next === 'u') {
      chars.push({ char: String.fromCharCode(parseInt(text.slice(at + 2, at + 6), 16)), wildcard: false });
      at += 6;
      continue;
    }
    if (next === '%' || next === '_') {
      if (!inLike) throw illegalEscape(source, token.start, token.start + at);
      chars.push({ char: next, wildcard: false });
      at += 2;
      continue;
    }
    chars.push({ char: SIMPLE_ESCAPES[next] as string, wildcard: false });
    at += 2;
  }
  return chars;
}

export function isWord(token: Token | undefined, ...words: string[]): boolean {
  return token !== undefined && token.kind === 'word' && words.includes(token.text.toUpperCase());
}

export function isPunct(token: Token | undefined, text: string): boolean {
  return token !== undefined && token.kind === 'punct' && token.text === text;
}
