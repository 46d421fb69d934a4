// Query rows in the REST shape: `attributes`, then the selected fields in SELECT order with canonical names;
// parent relationships nest as records (or null when the lookup is empty; the Name object's type for
// polymorphic ones); child subqueries nest as `{ totalSize, done: true, records }` or null when empty.
import type { QueryContext, ResultRecord, StoredRecord } from '../../model/types.ts';
import { to18 } from '../../ids.ts';
import type { Column, CompiledSelect } from './compile.ts';
import { selectRecords } from './select-records.ts';
import type { FieldPath } from './paths.ts';
import { fieldValue } from './paths.ts';
import { NAME_ENTITY } from './name-entity.ts';

function recordUrl(ctx: QueryContext, type: string, id: string): string {
  return `/services/data/v${ctx.apiVersion.replace(/^v/i, '')}/sobjects/${type}/${id}`;
}

function attributesOf(ctx: QueryContext, type: string, record: StoredRecord): ResultRecord {
  return { attributes: { type, url: recordUrl(ctx, record.type, record.id) } };
}

/** Child rows of each parent, grouped once per execution so a subquery does not rescan the store per parent. */
class ChildIndex {
  private readonly byQuery = new Map<Column, Map<string, StoredRecord[]>>();

  rowsFor(column: Extract<Column, { kind: 'child' }>, parentId: string, ctx: QueryContext): StoredRecord[] {
    let groups = this.byQuery.get(column);
    if (groups === undefined) {
      groups = new Map();
      const records = ctx.data.records(column.query.object.name, { includeDeleted: ctx.includeDeleted });
      for (const record of records) {
        const value = record.values[column.parentField.name];
        if (typeof value !== 'string') continue;
        const key = to18(value) ?? value;
        const group = groups.get(key);
        if (group === undefined) groups.set(key, [record]);
        else group.push(record);
      }
      this.byQuery.set(column, groups);
    }
    return groups.get(parentId) ?? [];
  }
}

export function shapeRows(select: CompiledSelect, rows: readonly StoredRecord[], ctx: QueryContext): ResultRecord[] {
  const children = new ChildIndex();
  return rows.map((row) => shapeRow(select, row, ctx, children));
}

function shapeRow(select: CompiledSelect, record: StoredRecord, ctx: QueryContext, children: ChildIndex): ResultRecord {
  const out = attributesOf(ctx, record.type, record);
  for (const column of select.columns) {
    if (column.kind === 'field') {
      place(out, column.path, record, ctx);
      continue;
    }
    const rows = selectRecords(column.query, ctx, children.rowsFor(column, record.id, ctx));
    out[column.relationshipName] =
      rows.length === 0
        ? null
        : {
            totalSize: rows.length,
            done: true,
            records: rows.map((row) => shapeRow(column.query, row, ctx, children))
          };
  }
  return out;
}

/** The stored record behind each nested parent record of the output. */
const parentBehind = new WeakMap<object, StoredRecord>();

/** Writes one selected path into the output record, creating (or reusing) the nested parent records. */
function place(out: ResultRecord, path: FieldPath, record: StoredRecord, ctx: QueryContext): void {
  let container: Record<string, unknown> = out;
  let current = record;
  for (const hop of path.hops) {
    const existing = container[hop.relationshipName];
    if (existing === null) return;
    if (existing !== undefined) {
      container = existing as Record<string, unknown>;
      current = parentBehind.get(container) ?? current;
      continue;
    }
    const id = current.values[hop.field.name];
    const parent = typeof id === 'string' ? ctx.data.byId(id) : undefined;
    if (parent === undefined) {
      container[hop.relationshipName] = null;
      return;
    }
    const nested = attributesOf(ctx, hop.target === NAME_ENTITY ? NAME_ENTITY : parent.type, parent);
    parentBehind.set(nested, parent);
    container[hop.relationshipName] = nested;
    container = nested;
    current = parent;
  }
  container[path.field.name] = fieldValue(path, current, ctx);
}
