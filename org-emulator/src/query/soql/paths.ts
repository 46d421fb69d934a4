// Field paths: `Phone`, `Account.Name`, `Account.Owner.Email`, `Who.Name`. A path walks parent relationships
// (child → parent, at most 5 levels) and ends on a field; polymorphic relationships end on the Name object.
import type { FieldDef, FieldValues, QueryContext, Schema, StoredRecord } from '../../model/types.ts';
import type { QuerySource } from './messages.ts';
import { errorAt, noSuchColumn, unknownRelationship } from './messages.ts';
import { NAME_ENTITY, nameEntityField, nameEntityValue } from './name-entity.ts';

const MAX_PARENT_LEVELS = 5;

export interface Hop {
  /** The reference field followed (AccountId, WhoId …). */
  field: FieldDef;
  /** Output key: the relationship name in its canonical case. */
  relationshipName: string;
  /** Target object, or `Name` for a polymorphic relationship. */
  target: string;
}

export interface FieldPath {
  /** As written. */
  text: string;
  hops: Hop[];
  field: FieldDef;
  /** Object that owns `field` (`Name` at the end of a polymorphic hop). */
  owner: string;
}

export function isPolymorphic(field: FieldDef): boolean {
  return field.polymorphicForeignKey || field.namePointing === true || field.referenceTo.length > 1;
}

/**
 * Resolves a path written in a query on `objectName`. A path may start with the FROM alias
 * (`SELECT c.Name FROM Contact c`) or the object's own name (`SELECT Contact.FirstName FROM Contact`, as in
 * "Understanding Relationship Names").
 * Errors are Salesforce's: INVALID_FIELD `No such column …` or `Didn't understand relationship …`, pointing at
 * the start of the path.
 */
export function resolvePath(
  schema: Schema,
  objectName: string,
  text: string,
  source: QuerySource,
  offset: number,
  alias?: string
): FieldPath {
  let segments = text.split('.');
  const first = segments[0]?.toLowerCase();
  if (segments.length > 1 && first !== undefined) {
    const isAlias = alias !== undefined && first === alias.toLowerCase();
    const isOwnName =
      first === objectName.toLowerCase() &&
      !schema.object(objectName)?.fields.some((field) => field.relationshipName?.toLowerCase() === first);
    if (isAlias || isOwnName) segments = segments.slice(1);
  }
  const hops: Hop[] = [];
  let owner = objectName;
  for (const segment of segments.slice(0, -1)) {
    const reference =
      owner === NAME_ENTITY
        ? undefined
        : schema.object(owner)?.fields.find((field) => field.relationshipName?.toLowerCase() === segment.toLowerCase());
    const target =
      reference === undefined ? undefined : isPolymorphic(reference) ? NAME_ENTITY : reference.referenceTo[0];
    if (reference === undefined || target === undefined || (target !== NAME_ENTITY && !schema.object(target))) {
      throw unknownRelationship(source, offset, segment);
    }
    hops.push({ field: reference, relationshipName: reference.relationshipName ?? segment, target });
    owner = target;
  }
  if (hops.length > MAX_PARENT_LEVELS) {
    throw errorAt(
      source,
      offset,
      'INVALID_FIELD',
      `SOQL statements cannot query more than ${MAX_PARENT_LEVELS} levels of parent relationships`
    );
  }
  const last = segments[segments.length - 1] as string;
  const field = owner === NAME_ENTITY ? nameEntityField(last) : schema.field(owner, last);
  if (field === undefined) throw noSuchColumn(source, offset, last, owner);
  return { text, hops, field, owner };
}

/** The records a path passes through from `record`, or null where a lookup is empty. */
export function followHops(path: FieldPath, record: StoredRecord, ctx: QueryContext): Array<StoredRecord | null> {
  const chain: Array<StoredRecord | null> = [];
  let current: StoredRecord | null = record;
  for (const hop of path.hops) {
    const id: FieldValues[string] | undefined = current?.values[hop.field.name];
    current = typeof id === 'string' ? (ctx.data.byId(id) ?? null) : null;
    chain.push(current);
  }
  return chain;
}

/** A field's value on a record reached by a path (the record itself when the path has no hops). */
export function fieldValue(path: FieldPath, record: StoredRecord, ctx: QueryContext): FieldValues[string] {
  if (path.owner === NAME_ENTITY) return nameEntityValue(ctx.schema, record, path.field.name);
  return record.values[path.field.name] ?? null;
}

/** The value at the end of a path, or null when any lookup on the way is empty. */
export function readPath(path: FieldPath, record: StoredRecord, ctx: QueryContext): FieldValues[string] {
  const chain = followHops(path, record, ctx);
  const target = chain.length === 0 ? record : chain[chain.length - 1];
  return target == null ? null : fieldValue(path, target, ctx);
}
