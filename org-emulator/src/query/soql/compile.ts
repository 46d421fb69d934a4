// Compiles a parsed SELECT (top level, child subquery or semi-join) against the schema: every object, field,
// relationship and literal is checked the way Salesforce checks it, so execution only ever reads valid paths.
import type { FieldType as ParsedField, OrderByClause, Query, Subquery } from '@jetstreamapp/soql-parser-js';
import type { FieldDef, QueryContext, Schema, SObjectDef } from '../../model/types.ts';
import { SalesforceError } from '../../errors.ts';
import { to18 } from '../../ids.ts';
import type { Token } from './lexer.ts';
import type { Range, SelectLayout } from './layout.ts';
import { layoutSelect } from './layout.ts';
import type { QuerySource } from './messages.ts';
import { CUSTOM_RELATIONSHIP_HINT, errorAt, malformedAt, notSupported, unsupportedType } from './messages.ts';
import type { FieldPath } from './paths.ts';
import { resolvePath } from './paths.ts';
import type { Predicate } from './predicates.ts';
import { compileWhere } from './predicates.ts';
import type { Category } from './literals.ts';
import { categoryOf } from './literals.ts';
import { selectRecords } from './select-records.ts';

const MAX_OFFSET = 2000;

export type Column =
  | { kind: 'field'; path: FieldPath }
  | { kind: 'child'; relationshipName: string; parentField: FieldDef; query: CompiledSelect };

export interface OrderKey {
  path: FieldPath;
  category: Category;
  descending: boolean;
  nullsFirst: boolean;
}

export type Aggregate = { kind: 'countRows' } | { kind: 'count'; alias: string; path: FieldPath };

export interface CompiledSelect {
  object: SObjectDef;
  columns: Column[];
  where: Predicate | undefined;
  orderBy: OrderKey[];
  limit: number | undefined;
  offset: number | undefined;
  aggregate: Aggregate | undefined;
  /** USING SCOPE mine: only records the running user owns. */
  mineOnly: boolean;
}

/** A statement being compiled: its text, tokens and schema. */
export interface Compilation {
  source: QuerySource;
  tokens: readonly Token[];
  schema: Schema;
}

type Mode = { kind: 'top' } | { kind: 'child'; parent: SObjectDef } | { kind: 'semiJoin' };

export function compileSelect(
  compilation: Compilation,
  query: Query | Subquery,
  selectToken: number,
  mode: Mode
): CompiledSelect {
  const { source, tokens, schema } = compilation;
  const layout = layoutSelect(tokens, selectToken);
  const fromToken = tokens[layout.from] as Token;
  const object =
    mode.kind === 'child'
      ? childObject(compilation, mode.parent, query as Subquery, fromToken)
      : resolveObject(compilation, (query as Query).sObject ?? fromToken.text, fromToken);
  const alias = query.sObjectAlias;
  refuseUnsupportedClauses(compilation, query, layout);

  const columns: Column[] = [];
  let aggregate: Aggregate | undefined;
  const seen = new Set<string>();
  const fields = query.fields ?? [];
  fields.forEach((item, index) => {
    const range = layout.items[index] as Range;
    const first = tokens[range.start] as Token;
    const column = compileColumn(compilation, object, alias, item, range, mode);
    if (column === 'countRows') {
      if (fields.length > 1 || mode.kind !== 'top')
        throw malformedAt(source, first.start, 'COUNT() must be the only element in the SELECT list');
      aggregate = { kind: 'countRows' };
      return;
    }
    if ('aggregate' in column) {
      if (mode.kind !== 'top') throw notSupported(source, first.start, 'An aggregate function in a subquery');
      aggregate = column.aggregate;
      return;
    }
    const key = columnKey(column);
    if (seen.has(key)) throw new SalesforceError('INVALID_FIELD', `duplicate field selected: ${first.text}`);
    seen.add(key);
    columns.push(column);
  });
  if (aggregate?.kind === 'count' && columns.length > 0) {
    const stray = columns[0] as Column;
    const offending = layout.items[fields.findIndex((item) => item.type !== 'FieldFunctionExpression')] as Range;
    throw malformedAt(
      source,
      (tokens[offending.start] as Token).start,
      `Field must be grouped or aggregated: ${stray.kind === 'field' ? stray.path.field.name : stray.relationshipName}`
    );
  }
  if (mode.kind === 'semiJoin') checkSemiJoinSelect(compilation, columns, layout);

  const whereClause = layout.clauses.get('WHERE');
  const where =
    query.where !== undefined && whereClause !== undefined
      ? compileWhere(
          {
            source,
            tokens,
            schema,
            objectName: object.name,
            ...(alias !== undefined ? { alias } : {}),
            semiJoin: (selectAt, valueQuery) => semiJoinIds(compilation, valueQuery, selectAt, object)
          },
          query.where,
          whereClause.range
        )
      : undefined;

  const orderBy = compileOrderBy(compilation, object, alias, query.orderBy, layout);
  const offset = query.offset;
  if (offset !== undefined && offset > MAX_OFFSET) {
    throw new SalesforceError('NUMBER_OUTSIDE_VALID_RANGE', `Maximum SOQL offset allowed is ${MAX_OFFSET}`);
  }
  return {
    object,
    columns,
    where,
    orderBy,
    limit: query.limit,
    offset,
    aggregate,
    mineOnly: query.usingScope?.toLowerCase() === 'mine'
  };
}

function resolveObject(compilation: Compilation, name: string, token: Token): SObjectDef {
  const object = compilation.schema.object(name);
  if (object === undefined || !object.queryable) throw unsupportedType(compilation.source, token.start, name);
  return object;
}

/** `FROM Contacts` (or `FROM Account.Contacts`) in a subquery names a child relationship of the parent. */
function childObject(compilation: Compilation, parent: SObjectDef, query: Subquery, token: Token): SObjectDef {
  const { schema, source } = compilation;
  const name = query.relationshipName;
  const prefix = query.sObjectPrefix ?? [];
  const relationship =
    prefix.length > 1 || (prefix.length === 1 && prefix[0]?.toLowerCase() !== parent.name.toLowerCase())
      ? undefined
      : schema.childRelationship(parent.name, name);
  const object = relationship === undefined ? undefined : schema.object(relationship.childSObject);
  if (relationship === undefined || object === undefined) {
    throw errorAt(
      source,
      token.start,
      'INVALID_TYPE',
      `Didn't understand relationship '${name}' in FROM part of query call. ${CUSTOM_RELATIONSHIP_HINT}`
    );
  }
  return object;
}

function refuseUnsupportedClauses(compilation: Compilation, query: Query | Subquery, layout: SelectLayout): void {
  const { source, tokens } = compilation;
  const at = (clause: string) => (tokens[layout.clauses.get(clause)?.keyword ?? layout.from] as Token).start;
  if (query.groupBy !== undefined) throw notSupported(source, at('GROUP'), 'GROUP BY');
  if (query.having !== undefined) throw notSupported(source, at('HAVING'), 'HAVING');
  if (query.withDataCategory !== undefined) throw notSupported(source, at('WITH'), 'WITH DATA CATEGORY');
  if (query.update !== undefined) throw notSupported(source, at('UPDATE'), `UPDATE ${query.update}`);
  const scope = query.usingScope?.toLowerCase();
  if (scope !== undefined && scope !== 'mine' && scope !== 'everything') {
    throw notSupported(source, at('USING'), `USING SCOPE ${query.usingScope}`);
  }
}

type CompiledColumn = Column | 'countRows' | { aggregate: Aggregate };

function compileColumn(
  compilation: Compilation,
  object: SObjectDef,
  alias: string | undefined,
  item: ParsedField,
  range: Range,
  mode: Mode
): CompiledColumn {
  const { source, tokens, schema } = compilation;
  const first = tokens[range.start] as Token;
  switch (item.type) {
    case 'Field':
    case 'FieldRelationship': {
      if ('alias' in item && item.alias !== undefined && range.end - range.start > 1) {
        const aliasToken = tokens[range.end - 1] as Token;
        throw malformedAt(source, aliasToken.start, 'Only aggregate expressions use field aliasing');
      }
      return { kind: 'field', path: resolvePath(schema, object.name, first.text, source, first.start, alias) };
    }
    case 'FieldSubquery': {
      if (mode.kind === 'semiJoin') throw notSupported(source, first.start, 'A subquery inside a semi-join');
      const query = compileSelect(compilation, item.subquery, range.start + 1, { kind: 'child', parent: object });
      const relationship = schema.childRelationship(object.name, item.subquery.relationshipName);
      const parentField = relationship ? schema.field(relationship.childSObject, relationship.field) : undefined;
      if (relationship === undefined || parentField === undefined) throw new Error('child relationship vanished');
      return {
        kind: 'child',
        relationshipName: relationship.relationshipName ?? item.subquery.relationshipName,
        parentField,
        query
      };
    }
    case 'FieldFunctionExpression': {
      const name = (item.functionName ?? '').toUpperCase();
      if (name !== 'COUNT') throw notSupported(source, first.start, `The function ${item.functionName}()`);
      const parameter = item.parameters?.[0];
      if (parameter === undefined) {
        if (item.alias !== undefined)
          throw malformedAt(
            source,
            (tokens[range.end - 1] as Token).start,
            'Only aggregate expressions use field aliasing'
          );
        return 'countRows';
      }
      if (typeof parameter !== 'string') throw notSupported(source, first.start, 'A function inside COUNT()');
      const parameterToken = tokens[range.start + 2] as Token;
      const path = resolvePath(schema, object.name, parameter, source, parameterToken.start, alias);
      return { aggregate: { kind: 'count', alias: item.alias ?? 'expr0', path } };
    }
    case 'FieldTypeof':
      throw notSupported(source, first.start, 'TYPEOF');
    default:
      throw notSupported(source, first.start, 'This SELECT item');
  }
}

function columnKey(column: Column): string {
  if (column.kind === 'child') return `child:${column.relationshipName.toLowerCase()}`;
  return [...column.path.hops.map((hop) => hop.relationshipName), column.path.field.name].join('.').toLowerCase();
}

/** A semi-join selects exactly one Id or reference field of its own object. */
function checkSemiJoinSelect(compilation: Compilation, columns: Column[], layout: SelectLayout): void {
  const { source, tokens } = compilation;
  const first = tokens[(layout.items[0] as Range).start] as Token;
  const only = columns[0];
  if (columns.length !== 1 || only === undefined || only.kind !== 'field') {
    throw malformedAt(source, first.start, 'A semi join subquery must select exactly one field');
  }
  if (only.path.hops.length > 0 || categoryOf(only.path.field.type) !== 'id') {
    throw errorAt(
      source,
      first.start,
      'INVALID_FIELD',
      `The selected field in a semi join subquery must be an Id or a reference field: ${only.path.text}`
    );
  }
}

/** The ids a semi-join subquery selects, computed once per query execution. */
function semiJoinIds(
  compilation: Compilation,
  query: Query,
  selectToken: number,
  outer: SObjectDef
): (ctx: QueryContext) => ReadonlySet<string> {
  const select = compileSelect(compilation, query, selectToken, { kind: 'semiJoin' });
  if (select.object.name === outer.name) {
    const from = compilation.tokens[layoutSelect(compilation.tokens, selectToken).from] as Token;
    throw malformedAt(
      compilation.source,
      from.start,
      'The inner and outer selects should not be on the same object type'
    );
  }
  const column = select.columns[0] as Extract<Column, { kind: 'field' }>;
  const cache = new WeakMap<QueryContext, ReadonlySet<string>>();
  return (ctx) => {
    let ids = cache.get(ctx);
    if (ids === undefined) {
      const found = new Set<string>();
      for (const record of selectRecords(select, ctx)) {
        const value = record.values[column.path.field.name];
        if (typeof value === 'string') found.add(to18(value) ?? value);
      }
      ids = found;
      cache.set(ctx, ids);
    }
    return ids;
  };
}

function compileOrderBy(
  compilation: Compilation,
  object: SObjectDef,
  alias: string | undefined,
  orderBy: OrderByClause | OrderByClause[] | undefined,
  layout: SelectLayout
): OrderKey[] {
  const { source, tokens, schema } = compilation;
  const clauses = orderBy === undefined ? [] : Array.isArray(orderBy) ? orderBy : [orderBy];
  return clauses.map((clause, index) => {
    const token = tokens[(layout.orderBy[index] as Range).start] as Token;
    if (!('field' in clause)) throw notSupported(source, token.start, 'ORDER BY a function');
    const path = resolvePath(schema, object.name, token.text, source, token.start, alias);
    if (!path.field.sortable) {
      throw errorAt(
        source,
        token.start,
        'INVALID_FIELD',
        `field '${path.field.name}' can not be sorted in a query call`
      );
    }
    const descending = clause.order === 'DESC';
    // The SOQL and SOSL references say "By default, null values are sorted first", for either direction; that
    // documented wording is the model (no live org was at hand to observe DESC). NULLS LAST puts them last.
    const nullsFirst = clause.nulls === undefined ? true : clause.nulls === 'FIRST';
    return { path, category: categoryOf(path.field.type), descending, nullsFirst };
  });
}
