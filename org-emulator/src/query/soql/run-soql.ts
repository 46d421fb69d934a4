// The SOQL engine's entry points: a whole statement (query / queryAll) and a bare WHERE expression
// (validation rules).
import type { QueryContext, ResultRecord, Schema, StoredRecord } from '../../model/types.ts';
import { SalesforceError } from '../../errors.ts';
import type { Token } from './lexer.ts';
import { lexUntilError } from './lexer.ts';
import { layoutSelect } from './layout.ts';
import type { QuerySource } from './messages.ts';
import { CUSTOM_OBJECT_HINT, mappedSource, soqlSource, unexpectedToken } from './messages.ts';
import { parseSoql, syntaxErrorBefore } from './syntax.ts';
import type { CompiledSelect } from './compile.ts';
import { compileSelect } from './compile.ts';
import { selectRecords } from './select-records.ts';
import { shapeRows } from './results.ts';
import { readPath } from './paths.ts';

export const MAX_SOQL_LENGTH = 100_000;

/** Lexes, parses and compiles a whole SELECT statement. */
export function compileStatement(source: QuerySource, schema: Schema): CompiledSelect {
  const tokens = tokensOf(source);
  const query = parseSoql(source, tokens);
  return compileSelect({ source, tokens, schema }, query, 0, { kind: 'top' });
}

/** The statement's tokens; on a lexical error, the earlier syntax error Salesforce would meet first, if any. */
function tokensOf(source: QuerySource): Token[] {
  const { tokens, error } = lexUntilError(source);
  if (error !== undefined) throw syntaxErrorBefore(source, tokens) ?? error;
  return tokens;
}

export function runSoql(soql: string, ctx: QueryContext): { totalSize: number; records: ResultRecord[] } {
  if (soql.length > MAX_SOQL_LENGTH) {
    throw new SalesforceError(
      'MALFORMED_QUERY',
      `SOQL statements can not be longer than ${MAX_SOQL_LENGTH} characters`
    );
  }
  const select = compileStatement(soqlSource(soql), ctx.schema);
  const rows = selectRecords(select, ctx);
  const aggregate = select.aggregate;
  if (aggregate?.kind === 'countRows') return { totalSize: rows.length, records: [] };
  if (aggregate?.kind === 'count') {
    const count = rows.filter((row) => readPath(aggregate.path, row, ctx) !== null).length;
    // An AggregateResult row has no url: it is not a record.
    const attributes = { type: 'AggregateResult' } as ResultRecord['attributes'];
    return { totalSize: 1, records: [{ attributes, [aggregate.alias]: count }] };
  }
  return { totalSize: rows.length, records: shapeRows(select, rows, ctx) };
}

/**
 * Compiles a WHERE expression over one object's records (validation rules). It is checked exactly as the WHERE
 * clause of `SELECT Id FROM <object> WHERE <expression>` would be; positions in errors count from the start of
 * the expression. Anything after the expression (ORDER BY, LIMIT …) is refused.
 */
export function compileCondition(
  schema: Schema,
  objectName: string,
  where: string
): (record: StoredRecord, ctx: QueryContext) => boolean {
  const object = schema.object(objectName);
  if (object === undefined) {
    throw new SalesforceError('INVALID_TYPE', `sObject type '${objectName}' is not supported. ${CUSTOM_OBJECT_HINT}`);
  }
  const prefix = `SELECT Id FROM ${object.name} WHERE `;
  const source = mappedSource(
    prefix + where,
    where,
    (offset) => Math.max(0, offset - prefix.length),
    'MALFORMED_QUERY'
  );
  const tokens = tokensOf(source);
  const query = parseSoql(source, tokens);
  const layout = layoutSelect(tokens, 0);
  for (const [name, clause] of layout.clauses) {
    if (name === 'WHERE') continue;
    const keyword = tokens[clause.keyword];
    throw unexpectedToken(source, keyword?.start ?? source.text.length, keyword?.text);
  }
  const select = compileSelect({ source, tokens, schema }, query, 0, { kind: 'top' });
  const predicate = select.where;
  if (predicate === undefined) throw unexpectedToken(source, source.text.length, undefined);
  return (record, ctx) => predicate(record, ctx);
}
