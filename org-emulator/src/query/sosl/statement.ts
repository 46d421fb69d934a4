// SOSL statements: FIND {query} [IN ALL|NAME|EMAIL|PHONE|SIDEBAR FIELDS]
//   [RETURNING Object[(fields [WHERE …] [ORDER BY …] [LIMIT n] [OFFSET n])], …] [LIMIT n]
// The search query is parsed by ./search-query.ts; each RETURNING object is compiled as the SOQL SELECT it
// describes, so fields, relationships and WHERE clauses are checked exactly as in a query.
import type { Schema } from '../../model/types.ts';
import type { Token } from '../soql/lexer.ts';
import { isPunct, isWord, lex } from '../soql/lexer.ts';
import type { QuerySource } from '../soql/messages.ts';
import { errorAt, malformedAt, mappedSource, notSupported, unexpectedToken } from '../soql/messages.ts';
import type { SearchPlan, SearchTarget, StatementPiece } from './plan.ts';
import { MAX_SEARCH_ROWS, compileTarget } from './plan.ts';
import { malformedSearch, parseSearchQuery } from './search-query.ts';
import type { SearchGroup } from './matcher.ts';
import { SEARCH_GROUPS } from './matcher.ts';

const NO_SEARCH_TERM = 'No search term found. The search term must be enclosed in braces.';
const OBJECT_CLAUSES = ['WHERE', 'USING', 'ORDER', 'LIMIT', 'OFFSET'];
const ACCESS_MODES = ['SECURITY_ENFORCED', 'USER_MODE', 'SYSTEM_MODE'];

export function parseSosl(sosl: string, schema: Schema): SearchPlan {
  const find = /^\s*FIND\b/i.exec(sosl);
  if (find === null) {
    const first = /\S+/.exec(sosl);
    throw unexpectedToken(plainSource(sosl), first?.index ?? sosl.length, first?.[0]);
  }
  const open = /^\s*\{/.exec(sosl.slice(find[0].length));
  if (open === null) throw malformedSearch(NO_SEARCH_TERM);
  const termStart = find[0].length + open[0].length;
  const termEnd = closingBrace(sosl, termStart);
  if (termEnd === undefined) throw malformedSearch(NO_SEARCH_TERM);
  const query = parseSearchQuery(sosl.slice(termStart, termEnd));

  // The rest is lexed as SOQL with the search term blanked out (offsets unchanged).
  const masked = sosl.slice(0, find[0].length) + ' '.repeat(termEnd + 1 - find[0].length) + sosl.slice(termEnd + 1);
  const source = mappedSource(masked, sosl, (offset) => offset, 'MALFORMED_SEARCH');
  const tokens = lex(source);
  let at = 1;

  let group: SearchGroup = 'ALL';
  if (isWord(tokens[at], 'IN')) {
    const groupToken = tokens[at + 1];
    const name = groupToken?.text.toUpperCase() as SearchGroup | undefined;
    if (groupToken === undefined || name === undefined || !SEARCH_GROUPS.includes(name)) {
      throw unexpectedToken(source, groupToken?.start ?? sosl.length, groupToken?.text);
    }
    if (!isWord(tokens[at + 2], 'FIELDS'))
      throw unexpectedToken(source, tokens[at + 2]?.start ?? sosl.length, tokens[at + 2]?.text);
    group = name;
    at += 3;
  }

  let targets: SearchTarget[] | undefined;
  if (isWord(tokens[at], 'RETURNING')) {
    const parsed = parseReturning(source, tokens, at + 1, schema);
    targets = parsed.targets;
    at = parsed.end;
  }
  // The emulator's single user sees everything, so the access-mode clauses change nothing; the other WITH
  // clauses (SNIPPET, NETWORK, DIVISION, DATA CATEGORY, METADATA …) are features it does not model.
  while (isWord(tokens[at], 'WITH')) {
    const mode = tokens[at + 1];
    if (!isWord(mode, ...ACCESS_MODES))
      throw notSupported(source, (tokens[at] as Token).start, `WITH ${mode?.text ?? ''}`);
    at += 2;
  }
  let limit = MAX_SEARCH_ROWS;
  if (isWord(tokens[at], 'LIMIT')) {
    const count = tokens[at + 1];
    if (count === undefined || count.kind !== 'number' || !/^\d+$/.test(count.text)) {
      throw unexpectedToken(source, count?.start ?? sosl.length, count?.text);
    }
    limit = Math.min(Number(count.text), MAX_SEARCH_ROWS);
    at += 2;
  }
  if (isWord(tokens[at], 'UPDATE')) throw notSupported(source, (tokens[at] as Token).start, 'UPDATE TRACKING/VIEWSTAT');
  const extra = tokens[at];
  if (extra !== undefined) throw unexpectedToken(source, extra.start, extra.text);

  return { query, group, targets: targets ?? everySearchableObject(schema), limit };
}

function plainSource(text: string): QuerySource {
  return mappedSource(text, text, (offset) => offset, 'MALFORMED_SEARCH');
}

/** Offset of the `}` that closes the search query (a backslash escapes the next character). */
function closingBrace(sosl: string, start: number): number | undefined {
  for (let at = start; at < sosl.length; at++) {
    if (sosl[at] === '\\') at++;
    else if (sosl[at] === '}') return at;
  }
  return undefined;
}

function everySearchableObject(schema: Schema): SearchTarget[] {
  return schema
    .objects()
    .filter((object) => object.searchable && object.queryable)
    .map((object) => compileTarget(schema, object.name, [{ text: `SELECT Id FROM ${object.name}`, anchor: 0 }]));
}

function parseReturning(
  source: QuerySource,
  tokens: readonly Token[],
  start: number,
  schema: Schema
): { targets: SearchTarget[]; end: number } {
  const sosl = source.original;
  const targets: SearchTarget[] = [];
  let at = start;
  for (;;) {
    const objectToken = tokens[at];
    if (objectToken === undefined || objectToken.kind !== 'word') {
      throw unexpectedToken(source, objectToken?.start ?? sosl.length, objectToken?.text);
    }
    at++;
    const pieces: StatementPiece[] = [];
    const objectGlue = (text: string): StatementPiece => ({ text, anchor: objectToken.start });
    if (isPunct(tokens[at], '(')) {
      const close = matchingParen(tokens, at);
      if (close === undefined) throw unexpectedToken(source, sosl.length, undefined);
      let clauseAt = at + 1;
      while (clauseAt < close && !isWord(tokens[clauseAt], ...OBJECT_CLAUSES)) clauseAt++;
      const firstField = tokens[at + 1] as Token;
      if (clauseAt === at + 1) throw unexpectedToken(source, firstField.start, firstField.text);
      if (isWord(tokens[clauseAt], 'USING'))
        throw notSupported(source, (tokens[clauseAt] as Token).start, 'USING LISTVIEW');
      const lastField = tokens[clauseAt - 1] as Token;
      pieces.push(objectGlue('SELECT '));
      pieces.push({
        text: sosl.slice(firstField.start, lastField.end),
        from: firstField.start,
        anchor: firstField.start
      });
      pieces.push(objectGlue(' FROM '));
      pieces.push({ text: objectToken.text, from: objectToken.start, anchor: objectToken.start });
      if (clauseAt < close) {
        const clauseStart = (tokens[clauseAt] as Token).start;
        const clauseEnd = (tokens[close - 1] as Token).end;
        pieces.push(objectGlue(' '));
        pieces.push({ text: sosl.slice(clauseStart, clauseEnd), from: clauseStart, anchor: clauseStart });
      }
      at = close + 1;
    } else {
      pieces.push(objectGlue('SELECT Id FROM '));
      pieces.push({ text: objectToken.text, from: objectToken.start, anchor: objectToken.start });
    }
    const target = compileTarget(schema, sosl, pieces);
    if (!target.object.searchable) {
      throw errorAt(
        source,
        objectToken.start,
        'INVALID_TYPE',
        `entity type ${target.object.name} does not support search`
      );
    }
    if (targets.some((existing) => existing.object.name === target.object.name)) {
      throw malformedAt(source, objectToken.start, `duplicate entity ${target.object.name} in RETURNING`);
    }
    targets.push(target);
    if (!isPunct(tokens[at], ',')) return { targets, end: at };
    at++;
  }
}

function matchingParen(tokens: readonly Token[], open: number): number | undefined {
  let depth = 0;
  for (let at = open; at < tokens.length; at++) {
    if (isPunct(tokens[at], '(')) depth++;
    else if (isPunct(tokens[at], ')')) {
      depth--;
      if (depth === 0) return at;
    }
  }
  return undefined;
}
