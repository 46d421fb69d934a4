// Reading a record body into field changes: unknown fields, fields the caller may not write, values that don't
// parse as the field's type, and parent references given by external id (`"Account": {"Ext__c": "x"}`).
import { SalesforceError } from '../errors.ts';
import { coerceValue, positionInBody, type StoredValue } from './coerce.ts';
import { noSuchColumn, notWritable } from './dml-errors.ts';
import type { RecordStore } from './record-store.ts';
import type { FieldDef, Schema, SObjectDef } from './types.ts';

export type Operation = 'insert' | 'update';

/** Field changes by canonical field name, in body order. */
export type Changes = Map<string, StoredValue>;

export function readInput(
  schema: Schema,
  store: RecordStore,
  def: SObjectDef,
  body: Record<string, unknown>,
  op: Operation
): Changes {
  const changes: Changes = new Map();
  const notAllowed: string[] = [];
  for (const [key, raw] of Object.entries(body)) {
    if (key === 'attributes') continue;
    const f = schema.field(def.name, key);
    if (!f) {
      const viaRelationship = relationshipField(def, key);
      if (viaRelationship && typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
        const id = resolveForeignKey(schema, store, viaRelationship, raw as Record<string, unknown>);
        if (!(op === 'insert' ? viaRelationship.createable : viaRelationship.updateable)) {
          notAllowed.push(viaRelationship.name);
        }
        changes.set(viaRelationship.name, id);
        continue;
      }
      throw noSuchColumn(key, def.name);
    }
    if (f.name === 'Id') continue; // the caller of create/update decides what an Id in the body means
    if (!(op === 'insert' ? f.createable : f.updateable)) {
      notAllowed.push(f.name);
      continue;
    }
    changes.set(
      f.name,
      coerceValue(f, raw, () => positionInBody(body, key))
    );
  }
  if (notAllowed.length) throw notWritable(notAllowed);
  return changes;
}

function relationshipField(def: SObjectDef, relationshipName: string): FieldDef | undefined {
  const wanted = relationshipName.toLowerCase();
  return def.fields.find(
    (f) => f.type === 'reference' && f.relationshipName?.toLowerCase() === wanted && f.referenceTo.length === 1
  );
}

/** `{"Ext__c": "x"}` (optionally with attributes) → the id of the one parent with that external id. */
function resolveForeignKey(schema: Schema, store: RecordStore, f: FieldDef, ref: Record<string, unknown>): string {
  const target = schema.object(f.referenceTo[0] ?? '');
  const keys = Object.keys(ref).filter((k) => k !== 'attributes');
  const keyName = keys[0];
  if (!target || keys.length !== 1 || keyName === undefined) {
    throw new SalesforceError(
      'INVALID_FIELD',
      `Foreign key reference for field ${f.name} must name one external ID field`,
      {
        fields: [f.name]
      }
    );
  }
  const keyField = schema.field(target.name, keyName);
  if (!keyField || !(keyField.externalId || keyField.idLookup)) {
    throw new SalesforceError(
      'INVALID_FIELD',
      `Field ${keyName} does not exist or is not an External ID field on ${target.name}`,
      {
        fields: [f.name]
      }
    );
  }
  const value = ref[keyName];
  const text = value === null || value === undefined ? '' : String(value);
  const ids = store
    .lookup(target.name, keyField, text)
    .filter((id) => store.get(target.name, id)?.values['IsDeleted'] !== true);
  if (ids.length === 0) {
    throw new SalesforceError(
      'INVALID_FIELD',
      `Foreign key external ID: ${text} not found for field ${keyField.name} in entity ${target.name}`,
      { fields: [f.name] }
    );
  }
  if (ids.length > 1) {
    throw new SalesforceError(
      'INVALID_FIELD',
      `Foreign key external ID: ${text} matches more than one record for field ${keyField.name} in entity ${target.name}`,
      { fields: [f.name] }
    );
  }
  return ids[0]!;
}
