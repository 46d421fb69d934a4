// Running a compiled SELECT over the record store: scope, WHERE, ORDER BY, OFFSET, LIMIT.
import type { FieldValues, QueryContext, StoredRecord } from '../../model/types.ts';
import { to18 } from '../../ids.ts';
import type { CompiledSelect, OrderKey } from './compile.ts';
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
  const source = candidates ?? ctx.data.records(select.object.name, { includeDeleted: ctx.includeDeleted });
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
