// Where each part of a parsed statement sits among the tokens. soql-parser-js returns the structure without
// positions; walking the tokens of a statement the parser already accepted finds, clause by clause, the tokens
// each part of its result came from, so errors can point at them and string literals can be decoded exactly.
import type { Token } from './lexer.ts';
import { isPunct, isWord } from './lexer.ts';

/** Token indices [start, end). */
export interface Range {
  start: number;
  end: number;
}

export interface SelectLayout {
  /** The SELECT list, one range per item. */
  items: Range[];
  /** Index of the token after FROM (object or child relationship name). */
  from: number;
  /** Contents of each clause after its keyword(s), keyed by the keyword (WHERE, ORDER, LIMIT, …). */
  clauses: Map<string, { keyword: number; range: Range }>;
  /** ORDER BY items. */
  orderBy: Range[];
  /** Index just past the statement. */
  end: number;
}

const CLAUSE_KEYWORDS = ['USING', 'WHERE', 'WITH', 'GROUP', 'HAVING', 'ORDER', 'LIMIT', 'OFFSET', 'FOR', 'UPDATE'];
/** Keywords followed by a second word that belongs to the keyword (ORDER BY, GROUP BY, USING SCOPE). */
const TWO_WORD_KEYWORDS = new Set(['ORDER', 'GROUP', 'USING']);

/** Lays out the statement whose SELECT is at `start`; it ends at the end of input or at an unmatched `)`. */
export function layoutSelect(tokens: readonly Token[], start: number): SelectLayout {
  let at = start + 1;
  const listStart = at;
  let depth = 0;
  while (at < tokens.length && !(depth === 0 && isWord(tokens[at], 'FROM'))) {
    depth += depthChange(tokens[at]);
    at++;
  }
  const items = splitOnCommas(tokens, { start: listStart, end: at });
  const from = at + 1;
  at = from + 1;
  const clauses = new Map<string, { keyword: number; range: Range }>();
  let current: { name: string; keyword: number; contentStart: number } | undefined;
  depth = 0;
  const close = (end: number) => {
    if (current !== undefined) {
      clauses.set(current.name, { keyword: current.keyword, range: { start: current.contentStart, end } });
    }
  };
  while (at < tokens.length) {
    const token = tokens[at] as Token;
    if (depth === 0 && isPunct(token, ')')) break;
    const keyword = depth === 0 ? clauseKeyword(tokens, at) : undefined;
    if (keyword !== undefined) {
      close(at);
      const contentStart = TWO_WORD_KEYWORDS.has(keyword) ? at + 2 : at + 1;
      current = { name: keyword, keyword: at, contentStart };
      at = contentStart;
      continue;
    }
    depth += depthChange(token);
    at++;
  }
  close(at);
  const order = clauses.get('ORDER');
  return { items, from, clauses, orderBy: order ? splitOnCommas(tokens, order.range) : [], end: at };
}

function clauseKeyword(tokens: readonly Token[], at: number): string | undefined {
  const token = tokens[at];
  if (token === undefined || token.kind !== 'word') return undefined;
  const word = token.text.toUpperCase();
  if (!CLAUSE_KEYWORDS.includes(word)) return undefined;
  // FOR UPDATE: UPDATE belongs to FOR there.
  if (word === 'UPDATE' && isWord(tokens[at - 1], 'FOR')) return undefined;
  return word;
}

function depthChange(token: Token | undefined): number {
  if (isPunct(token, '(')) return 1;
  if (isPunct(token, ')')) return -1;
  return 0;
}

export function splitOnCommas(tokens: readonly Token[], range: Range): Range[] {
  const parts: Range[] = [];
  let depth = 0;
  let partStart = range.start;
  for (let at = range.start; at < range.end; at++) {
    const token = tokens[at];
    if (depth === 0 && isPunct(token, ',')) {
      parts.push({ start: partStart, end: at });
      partStart = at + 1;
      continue;
    }
    depth += depthChange(token);
  }
  if (range.end > partStart) parts.push({ start: partStart, end: range.end });
  return parts;
}

/** The pieces of a WHERE clause in source order, matching the flat list soql-parser-js returns. */
export interface ConditionLayout {
  /** Every AND, OR and logical NOT (not the NOT of NOT IN). */
  operators: number[];
  /** Each comparison's tokens. */
  conditions: Range[];
}

export function layoutConditions(tokens: readonly Token[], range: Range): ConditionLayout {
  const operators: number[] = [];
  const conditions: Range[] = [];
  let at = range.start;
  let expectCondition = true;
  while (at < range.end) {
    const token = tokens[at] as Token;
    if (expectCondition) {
      if (isPunct(token, '(')) {
        at++;
        continue;
      }
      if (isWord(token, 'NOT')) {
        operators.push(at);
        at++;
        continue;
      }
      const start = at;
      let depth = 0;
      while (at < range.end) {
        const inner = tokens[at] as Token;
        if (isPunct(inner, '(')) depth++;
        else if (isPunct(inner, ')')) {
          if (depth === 0) break;
          depth--;
        } else if (depth === 0 && isWord(inner, 'AND', 'OR')) break;
        at++;
      }
      conditions.push({ start, end: at });
      expectCondition = false;
      continue;
    }
    if (isWord(token, 'AND', 'OR')) {
      operators.push(at);
      expectCondition = true;
    }
    at++;
  }
  return { operators, conditions };
}
