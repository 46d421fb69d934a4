// Running a compiled SELECT over the record store: scope, WHERE, ORDER BY, OFFSET, LIMIT.
import type { FieldValues, QueryContext, StoredRecord, ValueLookup } from '../../model/types.ts';
import { to18 } from '../../ids.ts';
import type { CompiledSelect, OrderKey } from './compile.ts';
import type { IndexHint } from './predicates.ts';
import type { Category } from './literals.ts';
import { textKey } from './literals.ts';
import { dayNumber, parseDateTime } from './dates.ts';
import { readPath } from './paths.ts';

/** Records of the statement's object that pass its scope and WHERE, sorted and sliced. */
export function selectRecords(
  select: CompiledSelect,
  ctx: QueryContext,
  candidates?: Iterable<StoredRecord>
): StoredRecord[] {
  const source =
    candidates ??
    fromIndexes(select, ctx) ??
    ctx.data.records(select.object.name, { includeDeleted: ctx.includeDeleted });
  const rows: StoredRecord[] = [];
  for (const record of source) {
    if (select.mineOnly && record.values['OwnerId'] !== ctx.userId) continue;
    if (select.where !== undefined && !select.where(record, ctx)) continue;
    rows.push(record);
  }
  sortRecords(rows, select.orderBy, ctx);
  const start = select.offset ?? 0;
  return rows.slice(start, select.limit === undefined ? undefined : start + select.limit);
}

/** The candidate rows an index gives for the WHERE clause's hint; undefined when no index applies (a scan). */
function fromIndexes(select: CompiledSelect, ctx: QueryContext): StoredRecord[] | undefined {
  const hint = select.where?.hint;
  if (hint === undefined || ctx.data.lookup === undefined || ctx.data.canLookUp === undefined) return undefined;
  const canLookUp = (lookup: ValueLookup): boolean =>
    lookup.field.name === 'Id' || ctx.data.canLookUp!(select.object.name, lookup.field);
  const lookups = usableLookups(hint, canLookUp);
  return lookups && ctx.data.lookup(select.object.name, lookups, { includeDeleted: ctx.includeDeleted });
}

/** An OR-list of lookups that covers every row the hint allows, using only indexed fields; or undefined. */
function usableLookups(hint: IndexHint, canLookUp: (lookup: ValueLookup) => boolean): ValueLookup[] | undefined {
  switch (hint.kind) {
    case 'values':
      return canLookUp(hint.lookup) ? [hint.lookup] : undefined;
    case 'and': {
      // Any one conjunct's rows cover the conjunction; take the narrowest usable one.
      let best: ValueLookup[] | undefined;
      for (const part of hint.parts) {
        const lookups = usableLookups(part, canLookUp);
        if (lookups && (!best || keyCount(lookups) < keyCount(best))) best = lookups;
      }
      return best;
    }
    case 'or': {
      const all: ValueLookup[] = [];
      for (const part of hint.parts) {
        const lookups = usableLookups(part, canLookUp);
        if (!lookups) return undefined;
        all.push(...lookups);
      }
      return all;
    }
  }
}

const keyCount = (lookups: readonly ValueLookup[]): number => lookups.reduce((n, l) => n + l.keys.length, 0);

function sortKey(category: Category, value: FieldValues[string]): string | number | null {
  if (value === null || value === undefined) return null;
  switch (category) {
    case 'number':
      return Number(value);
    case 'boolean':
      return value === true ? 1 : 0;
    case 'date':
      return dayNumber(String(value).slice(0, 10));
    case 'datetime':
      return parseDateTime(String(value)) ?? null;
    case 'id':
      return to18(String(value)) ?? String(value);
    default:
      return textKey(String(value));
  }
}

/** Stable multi-key sort; the store's order breaks ties, as an unordered query would return them. */
export function sortRecords(rows: StoredRecord[], keys: readonly OrderKey[], ctx: QueryContext): void {
  if (keys.length === 0) return;
  const decorated = rows.map((record, index) => ({
    record,
    index,
    values: keys.map((key) => sortKey(key.category, readPath(key.path, record, ctx)))
  }));
  decorated.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as OrderKey;
      const left = a.values[i] ?? null;
      const right = b.values[i] ?? null;
      if (left === right) continue;
      if (left === null) return key.nullsFirst ? -1 : 1;
      if (right === null) return key.nullsFirst ? 1 : -1;
      const order = left < right ? -1 : 1;
      return key.descending ? -order : order;
    }
    return a.index - b.index;
  });
  decorated.forEach((entry, index) => {
    rows[index] = entry.record;
  });
}
