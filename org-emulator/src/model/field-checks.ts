// The platform's own checks on a record about to be saved, in the order Salesforce runs them: required fields,
// then each written value (length, restricted picklist, email format, references), and last unique values.
import { isIdShaped, keyPrefixOf, to18 } from '../ids.ts';
import {
  badRestrictedPicklist,
  duplicateValue,
  idOfWrongType,
  invalidCrossReference,
  invalidEmail,
  malformedId,
  requiredFieldsMissing,
  stringTooLong
} from './dml-errors.ts';
import { isIndexed, type RecordStore } from './record-store.ts';
import type { FieldDef, FieldValues, Schema, SObjectDef } from './types.ts';

/** Fields the API requires on create: createable, not nillable, no default. */
export function requiredOnCreate(f: FieldDef): boolean {
  return f.createable && !f.nillable && !f.defaultedOnCreate && f.type !== 'boolean';
}

/**
 * REQUIRED_FIELD_MISSING with every missing field in describe order. On insert every required field must have a
 * value; on update only the fields this save sets are checked (a required field can't be cleared).
 */
export function checkRequired(
  def: SObjectDef,
  values: FieldValues,
  op: 'insert' | 'update',
  changed: ReadonlySet<string>
): void {
  const missing = def.fields.filter((f) => {
    const empty = values[f.name] === null || values[f.name] === undefined;
    if (!empty) return false;
    if (op === 'insert') return requiredOnCreate(f);
    return changed.has(f.name) && !f.nillable && f.updateable && f.type !== 'boolean';
  });
  if (missing.length) throw requiredFieldsMissing(missing.map((f) => f.name));
}

// Close to what Salesforce accepts: a local part, one @, a dotted domain; no spaces.
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** Checks the values this save writes, field by field in describe order; references become 18-character ids. */
export function checkValues(
  schema: Schema,
  store: RecordStore,
  def: SObjectDef,
  values: FieldValues,
  changed: ReadonlySet<string>
): void {
  for (const f of def.fields) {
    if (!changed.has(f.name)) continue;
    const value = values[f.name];
    if (value === null || value === undefined) continue;
    if (typeof value === 'string') {
      if (f.length > 0 && f.type !== 'reference' && f.type !== 'id' && [...value].length > f.length) {
        throw stringTooLong(f, value);
      }
      if (f.restrictedPicklist && (f.type === 'picklist' || f.type === 'multipicklist')) {
        const allowed = new Set(f.picklistValues.filter((p) => p.active).map((p) => p.value));
        const chosen = f.type === 'multipicklist' ? value.split(';') : [value];
        const bad = chosen.find((v) => !allowed.has(v));
        if (bad !== undefined) throw badRestrictedPicklist(f, bad);
      }
      if (f.type === 'email' && !EMAIL.test(value)) throw invalidEmail(f, value);
      if (f.type === 'reference') values[f.name] = checkReference(schema, store, f, value);
    }
  }
}

/**
 * A reference must be an id (MALFORMED_ID), of an object the field points at (FIELD_INTEGRITY_EXCEPTION, the
 * code Salesforce uses for a well-formed id of the wrong type), of a live record (INVALID_CROSS_REFERENCE_KEY).
 */
export function checkReference(schema: Schema, store: RecordStore, f: FieldDef, value: string): string {
  if (!isIdShaped(value)) throw malformedId(f, value);
  const id = to18(value)!;
  const target = schema.objectByKeyPrefix(keyPrefixOf(id));
  if (!target) throw malformedId(f, value);
  if (!f.referenceTo.some((t) => t.toLowerCase() === target.name.toLowerCase())) throw idOfWrongType(f, value);
  const record = store.get(target.name, id);
  if (!record || record.values['IsDeleted'] === true) throw invalidCrossReference(f);
  return id;
}

/** DUPLICATE_VALUE when a unique field's value is held by another live record. */
export function checkUnique(
  store: RecordStore,
  def: SObjectDef,
  id: string,
  values: FieldValues,
  changed: ReadonlySet<string>
): void {
  for (const f of def.fields) {
    if (!f.unique || !isIndexed(f) || !changed.has(f.name)) continue;
    const value = values[f.name];
    if (value === null || value === undefined) continue;
    // Deleted records don't hold their unique values here (an undelete would re-check them).
    const other = store
      .lookup(def.name, f, value)
      .find((otherId) => otherId !== id && store.get(def.name, otherId)?.values['IsDeleted'] !== true);
    if (other) throw duplicateValue(f, other);
  }
}
