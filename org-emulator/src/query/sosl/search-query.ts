// The search query between FIND's braces (and parameterizedSearch's `q`): words, "quoted phrases", AND, OR,
// AND NOT, parentheses, `*`/`?` wildcards. The reserved characters `? & | ! { } [ ] ( ) ^ ~ * : \ " ' + -` must be
// backslash-escaped to be searched for; `*` `?` `(` `)` `"` unescaped are operators and any other one unescaped
// is an error, as the SOQL and SOSL Reference says ("Example Text Searches"; "FIND {SearchQuery}").
import { SalesforceError } from '../../errors.ts';
import type { PatternChar } from '../shared/wildcard.ts';

/** One character of a word or phrase; `wildcard` marks an unescaped `*` or `?`. */
interface TermChar {
  char: string;
  wildcard: boolean;
}

export interface SearchTerm {
  phrase: boolean;
  /** The term as the user wrote it (for messages). */
  text: string;
  /** Index-token patterns the term matches, in order (a phrase or a word with punctuation has several). */
  tokens: Array<string | PatternChar[]>;
  /** The term's digits, for phone matching; empty when it has wildcards. */
  digits: string;
  /** Letters and digits in the term (wildcards not counted): a query needs at least two. */
  letters: number;
}

export type SearchExpr =
  { kind: 'term'; term: SearchTerm } | { kind: 'and' | 'or' | 'andNot'; left: SearchExpr; right: SearchExpr };

const RESERVED = new Set([
  '?',
  '&',
  '|',
  '!',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '^',
  '~',
  '*',
  ':',
  '\\',
  '"',
  "'",
  '+',
  '-'
]);

/** Search words are split on anything that is not a letter or digit, as the index splits field values. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

export function malformedSearch(message: string): SalesforceError {
  return new SalesforceError('MALFORMED_SEARCH', message);
}

export function tooShort(query: string): SalesforceError {
  return new SalesforceError('INVALID_SEARCH', `search term must be longer than one character: ${query}`);
}

type Piece =
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'operator'; word: 'AND' | 'OR' | 'NOT' }
  | { kind: 'term'; term: SearchTerm };

/** "If the SearchQuery string is longer than 10,000 characters, no result rows are returned." */
export const MAX_SEARCH_QUERY_LENGTH = 10_000;
/** "If SearchQuery is longer than 4,000 characters, any logical operators are removed" (AND becomes OR). */
export const MAX_SEARCH_QUERY_WITH_OPERATORS = 4_000;

/** A term that matches no field of any record. */
const nothing = (text: string): SearchExpr => ({
  kind: 'term',
  term: { phrase: false, text, tokens: [], digits: '', letters: 0 }
});

/** The terms ORed, as a balanced tree (a long query must not make evaluation recurse thousands deep). */
function anyOf(terms: SearchTerm[], text: string): SearchExpr {
  if (terms.length === 0) return nothing(text);
  if (terms.length === 1) return { kind: 'term', term: terms[0]! };
  const middle = Math.floor(terms.length / 2);
  return { kind: 'or', left: anyOf(terms.slice(0, middle), text), right: anyOf(terms.slice(middle), text) };
}

/** Parses a search query; throws MALFORMED_SEARCH for bad syntax and INVALID_SEARCH for a too-short query. */
export function parseSearchQuery(query: string): SearchExpr {
  if (query.length > MAX_SEARCH_QUERY_LENGTH) return nothing(query);
  const pieces = scan(query);
  const terms = pieces
    .filter((piece): piece is Extract<Piece, { kind: 'term' }> => piece.kind === 'term')
    .map((piece) => piece.term);
  const searchable = terms.reduce((count, term) => count + term.letters, 0);
  if (searchable < 2) throw tooShort(query);
  if (query.length > MAX_SEARCH_QUERY_WITH_OPERATORS) return anyOf(terms, query);
  let at = 0;

  const parseOperand = (): SearchExpr => {
    const piece = pieces[at++];
    if (piece?.kind === 'term') return { kind: 'term', term: piece.term };
    if (piece?.kind === 'open') {
      const inner = parseExpression();
      if (pieces[at++]?.kind !== 'close') throw malformedSearch(`Unbalanced parentheses in search query: ${query}`);
      return inner;
    }
    throw malformedSearch(`Incomplete search query: ${query}`);
  };

  // Evaluated left to right; adjacent terms are ANDed.
  const parseExpression = (): SearchExpr => {
    let left = parseOperand();
    for (let piece = pieces[at]; piece !== undefined && piece.kind !== 'close'; piece = pieces[at]) {
      let kind: 'and' | 'or' | 'andNot' = 'and';
      if (piece.kind === 'operator') {
        at++;
        if (piece.word === 'OR') kind = 'or';
        else if (piece.word === 'NOT') kind = 'andNot';
        else {
          const next = pieces[at];
          if (next?.kind === 'operator' && next.word === 'NOT') {
            at++;
            kind = 'andNot';
          }
        }
      }
      left = { kind, left, right: parseOperand() };
    }
    return left;
  };

  const expression = parseExpression();
  if (at !== pieces.length) throw malformedSearch(`Unbalanced parentheses in search query: ${query}`);
  return expression;
}

function scan(query: string): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  while (at < query.length) {
    const char = query[at] as string;
    if (/\s/.test(char)) {
      at++;
      continue;
    }
    if (char === '(' || char === ')') {
      pieces.push({ kind: char === '(' ? 'open' : 'close' });
      at++;
      continue;
    }
    if (char === '"') {
      const { chars, end } = readChars(query, at + 1, true);
      if (query[end] !== '"') throw malformedSearch(`Unmatched quote in search query: ${query}`);
      pieces.push({ kind: 'term', term: termOf(query.slice(at, end + 1), chars, true) });
      at = end + 1;
      continue;
    }
    const { chars, end } = readChars(query, at, false);
    const text = query.slice(at, end);
    const upper = text.toUpperCase();
    if (upper === 'AND' || upper === 'OR' || upper === 'NOT') pieces.push({ kind: 'operator', word: upper });
    else {
      if (chars[0]?.wildcard) throw malformedSearch(`A search term can't start with a wildcard: ${text}`);
      const term = termOf(text, chars, false);
      // Escaped punctuation alone (`\&`) is not indexed: it takes no part in matching.
      if (term.tokens.length > 0) pieces.push({ kind: 'term', term });
    }
    at = end;
  }
  return pieces;
}

/** Reads a word (until whitespace, a parenthesis or a quote) or the inside of a phrase (until its quote). */
function readChars(query: string, start: number, inPhrase: boolean): { chars: TermChar[]; end: number } {
  const chars: TermChar[] = [];
  let at = start;
  while (at < query.length) {
    const char = query[at] as string;
    if (char === '\\') {
      const next = query[at + 1];
      if (next === undefined) throw malformedSearch(`Search query ends with an escape character: ${query}`);
      chars.push({ char: next, wildcard: false });
      at += 2;
      continue;
    }
    if (inPhrase ? char === '"' : /\s/.test(char) || char === '(' || char === ')' || char === '"') break;
    if (char === '*' || char === '?') {
      chars.push({ char, wildcard: true });
      at++;
      continue;
    }
    // Reserved characters need escaping "even if the SearchQuery is enclosed in double quotes".
    if (RESERVED.has(char)) {
      throw malformedSearch(
        `Reserved character '${char}' must be escaped with a backslash in the search query: ${query}`
      );
    }
    chars.push({ char, wildcard: false });
    at++;
  }
  return { chars, end: at };
}

/** Splits a term's characters into index-token patterns; wildcards stay inside a token. */
function termOf(text: string, chars: TermChar[], phrase: boolean): SearchTerm {
  const tokens: Array<string | PatternChar[]> = [];
  let current: TermChar[] = [];
  const flush = () => {
    if (current.length === 0) return;
    const wild = current.some((c) => c.wildcard);
    tokens.push(
      wild
        ? current.map((c) => ({ char: c.char, wildcard: c.wildcard ? (c.char === '*' ? 'any' : 'one') : null }))
        : current
            .map((c) => c.char)
            .join('')
            .toLowerCase()
    );
    current = [];
  };
  for (const c of chars) {
    if (c.wildcard || WORD_CHAR.test(c.char)) current.push(c);
    else flush();
  }
  flush();
  const wild = chars.some((c) => c.wildcard);
  const digits = wild
    ? ''
    : chars
        .map((c) => c.char)
        .join('')
        .replace(/\D/g, '');
  const letters = chars.filter((c) => !c.wildcard && WORD_CHAR.test(c.char)).length;
  return { phrase, text, tokens, digits, letters };
}
