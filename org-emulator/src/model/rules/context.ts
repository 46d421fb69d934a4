// What an object's save rules see and may do. Rules derive values (IsClosed from Status …), refuse saves with
// Salesforce's errors, and keep related records in step (TaskRelation rows, a note's ContentDocument …).
import type { FieldValues, Schema, SObjectDef, StoredRecord } from '../types.ts';

/** The org as rules use it: reads of live records and internal writes that skip the API's checks. */
export interface DataAccess {
  readonly schema: Schema;
  /** The org's time zone (IANA). */
  timeZone(): string;
  /** A live (not deleted) record by id (15 or 18 characters), of the object that owns the id's prefix. */
  live(id: string | null | undefined): StoredRecord | undefined;
  /** A live record of a given object (for views that share ids, such as ContentNote). */
  liveOf(type: string, id: string): StoredRecord | undefined;
  /** Live records of `type` whose reference `field` points at `id` (indexed: no scan). */
  children(type: string, field: string, id: string): StoredRecord[];
  /** Live records of an object matching a predicate (a scan: for small objects). */
  find(type: string, predicate: (values: FieldValues) => boolean): StoredRecord[];
  /** Writes on behalf of the platform: defaults, derived values and side effects apply; API checks do not. */
  insertSystem(type: string, values: FieldValues, userId: string, id?: string): string;
  updateSystem(type: string, id: string, changes: FieldValues, userId: string): void;
  deleteSystem(type: string, id: string, userId: string): void;
  nextId(keyPrefix: string): string;
}

export interface SaveContext {
  data: DataAccess;
  def: SObjectDef;
  op: 'insert' | 'update';
  id: string;
  /** The stored values before this save (update only). */
  before: FieldValues | undefined;
  /** The record as it will be saved; rules may set derived fields on it. */
  values: FieldValues;
  /** Fields the caller set in this save (canonical names). */
  changed: ReadonlySet<string>;
  userId: string;
  now: number;
  /** An internal write (seed, side effect): caller-facing validations are skipped. */
  system: boolean;
}

export interface DeleteContext {
  data: DataAccess;
  def: SObjectDef;
  record: StoredRecord;
  userId: string;
  now: number;
}

export interface ObjectRules {
  /** Before the generic checks: defaults and derived values (so required-field checks see them). */
  derive?(ctx: SaveContext): void;
  /** After the generic checks: object-specific refusals. Not run for system writes. */
  validate?(ctx: SaveContext): void;
  /** After the record is stored: related records. */
  afterSave?(ctx: SaveContext): void;
  /** Before a delete: refusals and related deletes. */
  beforeDelete?(ctx: DeleteContext): void;
}

/** True when the save sets or changes `field` (always true on insert when the value is set). */
export function touches(ctx: SaveContext, field: string): boolean {
  return ctx.changed.has(field) || ctx.op === 'insert';
}

export function str(values: FieldValues, field: string): string | null {
  const v = values[field];
  return typeof v === 'string' ? v : null;
}
