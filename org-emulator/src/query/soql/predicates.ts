// WHERE clauses compiled to predicates over stored records. Comparison semantics as Salesforce documents and
// behaves: text compares case-insensitively, ids compare in their 18-character form (a 15-character literal
// matches), `!=` and NOT IN also match null values, `<`/`>` and LIKE never match null, a date literal is a range
// of days in the org's time zone.
import type { Operator, Query, WhereClause } from '@jetstreamapp/soql-parser-js';
import type { FieldDef, FieldValues, QueryContext, Schema, StoredRecord, ValueLookup } from '../../model/types.ts';
import { to18 } from '../../ids.ts';
import type { Token } from './lexer.ts';
import { isPunct, isWord } from './lexer.ts';
import type { Range } from './layout.ts';
import { layoutConditions, splitOnCommas } from './layout.ts';
import type { QuerySource } from './messages.ts';
import { errorAt, notSupported, unexpectedToken } from './messages.ts';
import type { FieldPath } from './paths.ts';
import { readPath, resolvePath } from './paths.ts';
import type { Category, Operand } from './literals.ts';
import { categoryOf, multiValues, readLiteral, textKey, toOperand } from './literals.ts';
import { wildcardMatch } from '../shared/wildcard.ts';
import { dateLiteralRange, dateOfDay, dayNumber, localDate, parseDateTime, startOfLocalDay } from './dates.ts';
import type { BoolTree, ConditionRef } from './where-tree.ts';
import { MissingOperatorError, MixedOperatorsError, rebuildWhereTree } from './where-tree.ts';

export type Predicate = ((record: StoredRecord, ctx: QueryContext) => boolean) & {
  /** Which field values a record needs to satisfy this condition, when an index could find them. */
  hint?: IndexHint;
};

/**
 * A necessary condition over plain field values, for serving a WHERE from indexes: `field` holds one of `keys`
 * (text keys in upper case, ids in 18-character form); an `and` needs any one part, an `or` needs all of them.
 */
export type IndexHint =
  { kind: 'values'; lookup: ValueLookup } | { kind: 'and'; parts: IndexHint[] } | { kind: 'or'; parts: IndexHint[] };

const withHint = (predicate: Predicate, hint: IndexHint | undefined): Predicate =>
  hint === undefined ? predicate : Object.assign(predicate, { hint });

/** What compiling a WHERE clause needs to know about the statement it belongs to. */
export interface WhereScope {
  source: QuerySource;
  tokens: readonly Token[];
  schema: Schema;
  objectName: string;
  alias?: string;
  /** Compiles `(SELECT …)` of a semi-join; the SELECT token is at `selectToken`. Returns the selected ids. */
  semiJoin(selectToken: number, query: Query): (ctx: QueryContext) => ReadonlySet<string>;
}

export function compileWhere(scope: WhereScope, where: WhereClause, range: Range): Predicate {
  const layout = layoutConditions(scope.tokens, range);
  let tree: BoolTree<ConditionRef>;
  try {
    tree = rebuildWhereTree(where);
  } catch (error) {
    if (error instanceof MixedOperatorsError) {
      const token = scope.tokens[layout.operators[error.operator] as number] as Token;
      throw unexpectedToken(scope.source, token.start, token.text);
    }
    if (error instanceof MissingOperatorError) {
      // The layout sees the two conditions as one; the token after the first one's value is the stray one.
      layout.conditions.forEach((range) =>
        valueRange(scope, range, range.start + 1 + operatorLength(scope.tokens, range.start + 1))
      );
    }
    throw error;
  }
  return compileTree(scope, tree, layout.conditions);
}

function compileTree(scope: WhereScope, tree: BoolTree<ConditionRef>, ranges: Range[]): Predicate {
  switch (tree.kind) {
    case 'leaf': {
      const range = ranges[tree.leaf.index];
      if (range === undefined) throw new Error('WHERE clause layout does not match the parsed conditions');
      return compileComparison(scope, tree.leaf.condition as unknown as ParsedCondition, range);
    }
    case 'not': {
      const operand = compileTree(scope, tree.operand, ranges);
      return (record, ctx) => !operand(record, ctx);
    }
    case 'and': {
      const operands = tree.operands.map((operand) => compileTree(scope, operand, ranges));
      const parts = operands.flatMap((operand) => (operand.hint ? [operand.hint] : []));
      return withHint(
        (record, ctx) => operands.every((operand) => operand(record, ctx)),
        parts.length ? { kind: 'and', parts } : undefined
      );
    }
    case 'or': {
      const operands = tree.operands.map((operand) => compileTree(scope, operand, ranges));
      const parts = operands.flatMap((operand) => (operand.hint ? [operand.hint] : []));
      return withHint(
        (record, ctx) => operands.some((operand) => operand(record, ctx)),
        parts.length === operands.length ? { kind: 'or', parts } : undefined
      );
    }
  }
}

/** The parts of a parsed condition this module reads. */
interface ParsedCondition {
  field?: string;
  fn?: { functionName?: string };
  operator: Operator;
  literalType?: string | string[];
  valueQuery?: Query;
}

function compileComparison(scope: WhereScope, condition: ParsedCondition, range: Range): Predicate {
  const { source, tokens } = scope;
  const fieldToken = tokens[range.start] as Token;
  if (condition.fn !== undefined || condition.field === undefined) {
    throw notSupported(source, fieldToken.start, `The function ${condition.fn?.functionName ?? ''}() in WHERE`);
  }
  const path = resolvePath(scope.schema, scope.objectName, fieldToken.text, source, fieldToken.start, scope.alias);
  const field = path.field;
  if (!field.filterable) {
    throw errorAt(source, fieldToken.start, 'INVALID_FIELD', `field '${field.name}' can not be filtered in query call`);
  }
  // `<>` is another spelling of `!=`.
  const operator: Operator = condition.operator === ('<>' as Operator) ? '!=' : condition.operator;
  const category = categoryOf(field.type);
  checkOperator(source, fieldToken.start, field, category, operator);
  const valueStart = range.start + 1 + operatorLength(tokens, range.start + 1);
  const valueTokens = valueRange(scope, range, valueStart);

  if (condition.literalType === 'SUBQUERY' && condition.valueQuery !== undefined) {
    if (category !== 'id') {
      throw errorAt(
        source,
        fieldToken.start,
        'INVALID_FIELD',
        `The left operand of a semi join must be an Id or reference field: ${field.name}`
      );
    }
    const ids = scope.semiJoin(valueStart + 1, condition.valueQuery);
    const negated = operator === 'NOT IN';
    return (record, ctx) => {
      const value = readPath(path, record, ctx);
      const id = typeof value === 'string' ? (to18(value) ?? value) : null;
      const found = id !== null && ids(ctx).has(id);
      return negated ? !found : found;
    };
  }

  const inLike = operator === 'LIKE';
  const isList = operator === 'IN' || operator === 'NOT IN' || operator === 'INCLUDES' || operator === 'EXCLUDES';
  const itemRanges = isList ? listItems(source, tokens, valueTokens.start, valueTokens.end) : [valueTokens];
  const operands = itemRanges.map((item) =>
    toOperand(
      source,
      fieldToken.start,
      field,
      readLiteral(source, tokens.slice(item.start, item.end), inLike),
      operator
    )
  );
  return comparison(path, category, operator, operands);
}

/** Tokens in the comparison operator at `at`: two for NOT IN, one otherwise. */
function operatorLength(tokens: readonly Token[], at: number): number {
  return isWord(tokens[at], 'NOT') ? 2 : 1;
}

/**
 * The tokens of a condition's value: one literal, `LAST_N_DAYS:n`, or a parenthesised list or subquery.
 * Anything after it inside the condition is a token Salesforce does not expect there.
 */
function valueRange(scope: WhereScope, range: Range, start: number): Range {
  const { tokens, source } = scope;
  let end = start + 1;
  if (isPunct(tokens[start], '(')) {
    let depth = 0;
    for (end = start; end < range.end; end++) {
      if (isPunct(tokens[end], '(')) depth++;
      else if (isPunct(tokens[end], ')') && --depth === 0) break;
    }
    end++;
  } else if (isPunct(tokens[start + 1], ':')) {
    end = start + 3;
  }
  const stray = tokens[end];
  if (end < range.end && stray !== undefined) throw unexpectedToken(source, stray.start, stray.text);
  return { start, end: Math.min(end, range.end) };
}

function listItems(source: QuerySource, tokens: readonly Token[], start: number, end: number): Range[] {
  const open = tokens[start];
  if (!isPunct(open, '(') || !isPunct(tokens[end - 1], ')')) {
    throw unexpectedToken(source, open?.start ?? source.text.length, open?.text);
  }
  return splitOnCommas(tokens, { start: start + 1, end: end - 1 });
}

/** Operators a field type accepts. */
function checkOperator(
  source: QuerySource,
  offset: number,
  field: FieldDef,
  category: Category,
  operator: Operator
): void {
  const invalid = (message: string) => errorAt(source, offset, 'INVALID_QUERY_FILTER_OPERATOR', message);
  if (operator === 'INCLUDES' || operator === 'EXCLUDES') {
    if (category !== 'multi') throw invalid('includes or excludes operator only valid on multipicklist field');
    return;
  }
  const ordering = operator === '<' || operator === '<=' || operator === '>' || operator === '>=';
  if (category === 'multi' && (ordering || operator === 'LIKE'))
    throw invalid('invalid operator on multipicklist field');
  if (category === 'boolean' && (ordering || operator === 'LIKE')) throw invalid('invalid operator on boolean field');
  if (operator === 'LIKE' && category !== 'text') throw invalid(`invalid operator on ${field.type} field`);
}

type Key = string | number;

/** A record value in the comparable form of its category. */
function keyOf(category: Category, value: FieldValues[string], caseSensitive = false): Key | null {
  if (value === null || value === undefined) return null;
  switch (category) {
    case 'text':
      return caseSensitive ? String(value) : textKey(String(value));
    case 'id':
      return typeof value === 'string' ? (to18(value) ?? value) : null;
    case 'number':
      return typeof value === 'number' ? value : Number(value);
    case 'boolean':
      return value === true ? 1 : 0;
    case 'date':
      return typeof value === 'string' ? dayNumber(value.slice(0, 10)) : null;
    case 'datetime':
      return typeof value === 'string' ? (parseDateTime(value) ?? null) : null;
    default:
      return null;
  }
}

const todayByContext = new WeakMap<QueryContext, string>();

function today(ctx: QueryContext): string {
  let date = todayByContext.get(ctx);
  if (date === undefined) {
    date = localDate(ctx.now.getTime(), ctx.timeZone);
    todayByContext.set(ctx, date);
  }
  return date;
}

/** A date literal as a [start, end) range of keys of the category. */
function literalRange(category: Category, operand: Extract<Operand, { kind: 'days' }>, ctx: QueryContext) {
  const days = dateLiteralRange(operand.literal, operand.n, today(ctx));
  if (category === 'date') return days;
  return {
    start: startOfLocalDay(dateOfDay(days.start), ctx.timeZone),
    end: startOfLocalDay(dateOfDay(days.end), ctx.timeZone)
  };
}

function matches(
  category: Category,
  operator: Operator,
  key: Key | null,
  raw: FieldValues[string],
  operand: Operand,
  ctx: QueryContext
): boolean {
  const equal = operator === '=' || operator === 'IN';
  const notEqual = operator === '!=' || operator === 'NOT IN';
  switch (operand.kind) {
    case 'null':
      // "If you run a query on a boolean field, null matches FALSE values" (Use null in WHERE).
      if (category === 'boolean') return equal ? key !== 1 : notEqual && key === 1;
      if (equal) return key === null;
      if (notEqual) return key !== null;
      return false;
    case 'pattern':
      return typeof raw === 'string' && wildcardMatch(operand.pattern, raw);
    case 'set': {
      const values = typeof raw === 'string' ? multiValues(raw) : [];
      if (operator === 'INCLUDES' || operator === 'EXCLUDES') {
        const included = operand.values.every((value) => values.includes(value));
        return operator === 'INCLUDES' ? included : !included;
      }
      const same = values.length === operand.values.length && operand.values.every((value) => values.includes(value));
      if (equal) return raw !== null && same;
      return raw === null || !same;
    }
    case 'days': {
      const { start, end } = literalRange(category, operand, ctx);
      if (key === null) return notEqual;
      const within = (key as number) >= start && (key as number) < end;
      if (equal) return within;
      if (notEqual) return !within;
      if (operator === '<') return (key as number) < start;
      if (operator === '<=') return (key as number) < end;
      if (operator === '>') return (key as number) >= end;
      return (key as number) >= start;
    }
    case 'point': {
      if (key === null) return notEqual;
      const value = operand.value;
      if (equal) return key === value;
      if (notEqual) return key !== value;
      if (operator === '<') return key < value;
      if (operator === '<=') return key <= value;
      if (operator === '>') return key > value;
      return key >= value;
    }
  }
}

/** `Field = 'x'` and `Field IN ('x', 'y')` on the record's own text or id field: an index can find the rows. */
function valuesHint(
  path: FieldPath,
  category: Category,
  operator: Operator,
  operands: Operand[]
): IndexHint | undefined {
  if ((operator !== '=' && operator !== 'IN') || path.hops.length > 0) return undefined;
  if (category !== 'text' && category !== 'id') return undefined;
  const keys: string[] = [];
  for (const operand of operands) {
    if (operand.kind !== 'point' || typeof operand.value !== 'string') return undefined;
    keys.push(operand.value);
  }
  return { kind: 'values', lookup: { field: path.field, keys } };
}

function comparison(path: FieldPath, category: Category, operator: Operator, operands: Operand[]): Predicate {
  const read = (record: StoredRecord, ctx: QueryContext) => readPath(path, record, ctx);
  const exact = path.field.caseSensitive;
  const hint = valuesHint(path, category, operator, operands);
  if (operator === 'IN') {
    return withHint((record, ctx) => {
      const raw = read(record, ctx);
      const key = keyOf(category, raw, exact);
      return operands.some((operand) => matches(category, '=', key, raw, operand, ctx));
    }, hint);
  }
  if (operator === 'NOT IN') {
    return (record, ctx) => {
      const raw = read(record, ctx);
      const key = keyOf(category, raw, exact);
      return operands.every((operand) => matches(category, '!=', key, raw, operand, ctx));
    };
  }
  if (operator === 'INCLUDES' || operator === 'EXCLUDES') {
    return (record, ctx) => {
      const raw = read(record, ctx);
      const included = operands.some((operand) => matches(category, 'INCLUDES', null, raw, operand, ctx));
      return operator === 'INCLUDES' ? included : !included;
    };
  }
  const operand = operands[0] as Operand;
  return withHint((record, ctx) => {
    const raw = read(record, ctx);
    return matches(category, operator, keyOf(category, raw, exact), raw, operand, ctx);
  }, hint);
}
