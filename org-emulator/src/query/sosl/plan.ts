// A search, whichever way it was asked (SOSL or parameterizedSearch): the parsed query, the field group, the
// objects to return — each as a compiled `SELECT <fields> FROM <object> [WHERE …] [ORDER BY …] [LIMIT n]` — and the
// overall row limit. Running it is the same for both.
import type { QueryContext, ResultRecord, Schema, SObjectDef, StoredRecord } from '../../model/types.ts';
import type { CompiledSelect } from '../soql/compile.ts';
import { mappedSource, notSupported } from '../soql/messages.ts';
import { compileStatement } from '../soql/run-soql.ts';
import { selectRecords } from '../soql/select-records.ts';
import { shapeRows } from '../soql/results.ts';
import type { SearchExpr } from './search-query.ts';
import type { SearchGroup } from './matcher.ts';
import { recordMatches, searchedFields } from './matcher.ts';

/** Salesforce returns at most 2,000 rows from one search. */
export const MAX_SEARCH_ROWS = 2000;

export interface SearchTarget {
  object: SObjectDef;
  select: CompiledSelect;
}

export interface SearchPlan {
  query: SearchExpr;
  group: SearchGroup;
  targets: SearchTarget[];
  limit: number;
}

/** A piece of the SELECT compiled for a search target, and where it came from in the caller's text. */
export interface StatementPiece {
  text: string;
  /** Offset in the caller's text where `text` starts; absent for glue text. */
  from?: number;
  /** Caller's offset errors inside glue text point at. */
  anchor: number;
}

/**
 * Compiles a search target. Errors point into the caller's text (`original`); syntax errors are
 * MALFORMED_SEARCH. Child subqueries and aggregates have no place in a search and are refused.
 */
export function compileTarget(schema: Schema, original: string, pieces: readonly StatementPiece[]): SearchTarget {
  const text = pieces.map((piece) => piece.text).join('');
  const toOriginal = (offset: number): number => {
    let start = 0;
    for (const piece of pieces) {
      const end = start + piece.text.length;
      if (offset < end || piece === pieces[pieces.length - 1]) {
        return piece.from === undefined ? piece.anchor : piece.from + Math.min(offset - start, piece.text.length);
      }
      start = end;
    }
    return 0;
  };
  const source = mappedSource(text, original, toOriginal, 'MALFORMED_SEARCH');
  const select = compileStatement(source, schema);
  const anchor = pieces[0]?.anchor ?? 0;
  if (select.columns.some((column) => column.kind === 'child') || select.aggregate !== undefined) {
    throw notSupported(
      mappedSource(original, original, (offset) => offset, 'MALFORMED_SEARCH'),
      anchor,
      'A subquery or aggregate in RETURNING'
    );
  }
  return { object: select.object, select };
}

/** Runs a search. Records indexed less than `searchLagMs` before `nowMs` are not in the index yet. */
export function runPlan(
  plan: SearchPlan,
  ctx: QueryContext,
  options: { searchLagMs: number; nowMs: number }
): { searchRecords: ResultRecord[] } {
  // Search never returns deleted records.
  const searchCtx: QueryContext = ctx.includeDeleted ? { ...ctx, includeDeleted: false } : ctx;
  const indexedBy = options.nowMs - options.searchLagMs;
  let remaining = Math.min(plan.limit, MAX_SEARCH_ROWS);
  const searchRecords: ResultRecord[] = [];
  for (const target of plan.targets) {
    if (remaining <= 0) break;
    const fields = searchedFields(target.object, plan.group);
    const matched = [];
    for (const record of candidates(plan, target.object, searchCtx)) {
      if (record.indexedAt > indexedBy) continue;
      if (recordMatches(plan.query, record, fields)) matched.push(record);
    }
    const rows = selectRecords(target.select, searchCtx, matched).slice(0, remaining);
    searchRecords.push(...shapeRows(target.select, rows, searchCtx));
    remaining -= rows.length;
  }
  return { searchRecords };
}

/**
 * Records that may match: under PHONE FIELDS only records holding the searched digits can (an index answers),
 * otherwise every live record of the object.
 */
function candidates(plan: SearchPlan, object: SObjectDef, ctx: QueryContext): Iterable<StoredRecord> {
  const digits = plan.group === 'PHONE' ? digitsNeeded(plan.query) : undefined;
  const indexed = digits && ctx.data.byPhoneDigits?.(object.name, digits);
  return indexed ?? ctx.data.records(object.name, { includeDeleted: false });
}

/** Digit strings one of which a phone field must hold for the expression to match; undefined if unbounded. */
function digitsNeeded(expr: SearchExpr): Set<string> | undefined {
  switch (expr.kind) {
    case 'term':
      // A term without digits (or with wildcards) matches no phone field at all.
      return new Set(expr.term.digits === '' ? [] : [expr.term.digits]);
    case 'or': {
      const left = digitsNeeded(expr.left);
      const right = digitsNeeded(expr.right);
      return left && right ? new Set([...left, ...right]) : undefined;
    }
    case 'and':
      return digitsNeeded(expr.left) ?? digitsNeeded(expr.right);
    case 'andNot':
      return digitsNeeded(expr.left);
  }
}
