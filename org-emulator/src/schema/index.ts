// The org's schema: the standard objects the emulator knows, plus every object and field in force-app (with the
// namespace prefix when one is given, as in a subscriber org). Adding a field XML to force-app is all it takes
// for the field to exist here.
import { fileURLToPath } from 'node:url';
import type { FieldDef, Schema, SObjectDef } from '../model/types.ts';
import { loadForceApp, type CustomMetadataRecord } from './force-app/index.ts';
import { OrgSchema, withChildRelationships } from './schema.ts';
import { ID_SHARING_OBJECTS, standardObjects } from './standard/index.ts';

export { OrgSchema } from './schema.ts';
export { MetadataError } from './force-app/index.ts';
export type { CustomMetadataRecord } from './force-app/index.ts';
export { describeGlobal, describeSObject } from './describe.ts';

/** The repository's own package directory: the default source of custom objects and fields. */
export const DEFAULT_FORCE_APP_DIR = fileURLToPath(new URL('../../../force-app', import.meta.url));

export interface SchemaOptions {
  /** Namespace prefix applied to everything from force-app (`swb` → `swb__Sync_Status__c`); none by default. */
  namespace?: string | null;
  /** Package directory to read; the repository's force-app by default; null for standard objects only. */
  forceAppDir?: string | null;
  /** Person Accounts enabled (adds the Person* fields to Account); off by default, as in a new org. */
  personAccounts?: boolean;
}

export interface OrgSchemaBundle {
  schema: OrgSchema;
  customMetadataRecords: CustomMetadataRecord[];
  /** force-app content the emulator does not model (skipped, not fatal). */
  warnings: string[];
}

export function buildSchema(options: SchemaOptions = {}): Schema {
  return buildOrgSchema(options).schema;
}

/** Objects that can be a Task/Event WhatId besides the standard ones: custom objects with activities enabled. */
function activityTargets(customObjects: SObjectDef[]): string[] {
  return customObjects.filter((o) => o.enableActivities).map((o) => o.name);
}

export function buildOrgSchema(options: SchemaOptions = {}): OrgSchemaBundle {
  const namespace = normaliseNamespace(options.namespace);
  const forceAppDir = options.forceAppDir === undefined ? DEFAULT_FORCE_APP_DIR : options.forceAppDir;
  const standard = standardObjects({ personAccounts: options.personAccounts ?? false });
  const loaded = forceAppDir
    ? loadForceApp(forceAppDir, namespace)
    : { objects: [], standardObjectFields: new Map<string, FieldDef[]>(), customMetadataRecords: [], warnings: [] };
  const warnings = [...loaded.warnings];

  const extra = new Map<string, FieldDef[]>();
  for (const [objectName, fields] of loaded.standardObjectFields) {
    // Activity custom fields exist on both Task and Event.
    const targets = objectName.toLowerCase() === 'activity' ? ['Task', 'Event'] : [objectName];
    for (const target of targets) {
      const known = standard.find((o) => o.name.toLowerCase() === target.toLowerCase());
      if (!known) {
        warnings.push(`objects/${objectName}: standard object not modelled by the emulator; its fields are skipped`);
        continue;
      }
      extra.set(known.name, [...(extra.get(known.name) ?? []), ...fields]);
    }
  }

  const whatTargets = activityTargets(loaded.objects);
  const fileOwners = [
    ...['Account', 'Case', 'Contact', 'Event', 'Lead', 'Opportunity', 'Task', 'User'],
    ...loaded.objects.filter((o) => !o.customMetadata && !o.customSetting && o.queryable).map((o) => o.name)
  ];
  const assembled = [...standard, ...loaded.objects].map((o) => {
    const fields = [...o.fields, ...(extra.get(o.name) ?? [])].map((f) =>
      widenPolymorphic(o.name, f, whatTargets, fileOwners)
    );
    assertUniqueFields(o.name, fields);
    return { ...o, fields };
  });
  assertUniqueKeyPrefixes(assembled);
  const schema = new OrgSchema(namespace, withChildRelationships(assembled));
  return { schema, customMetadataRecords: loaded.customMetadataRecords, warnings };
}

function normaliseNamespace(namespace: string | null | undefined): string | null {
  if (namespace === undefined || namespace === null || namespace === '') return null;
  if (!/^[A-Za-z][A-Za-z0-9]{0,14}$/.test(namespace)) {
    throw new Error(`namespace must be 1–15 letters and digits starting with a letter: ${namespace}`);
  }
  return namespace;
}

/** Adds the objects that only exist once force-app is loaded to the polymorphic references that accept them. */
function widenPolymorphic(objectName: string, f: FieldDef, whatTargets: string[], fileOwners: string[]): FieldDef {
  const isActivityWhat = (objectName === 'Task' || objectName === 'Event') && f.name === 'WhatId';
  const isRelation = (objectName === 'TaskRelation' || objectName === 'EventRelation') && f.name === 'RelationId';
  if ((isActivityWhat || isRelation) && whatTargets.length) {
    return { ...f, referenceTo: [...f.referenceTo, ...whatTargets], polymorphicForeignKey: true };
  }
  if (objectName === 'ContentDocumentLink' && f.name === 'LinkedEntityId') {
    return { ...f, referenceTo: [...fileOwners], polymorphicForeignKey: true };
  }
  return f;
}

function assertUniqueFields(objectName: string, fields: FieldDef[]): void {
  const seen = new Set<string>();
  for (const f of fields) {
    const key = f.name.toLowerCase();
    if (seen.has(key))
      throw new Error(`${objectName}.${f.name} is defined twice (force-app repeats a standard field?)`);
    seen.add(key);
  }
}

function assertUniqueKeyPrefixes(objects: SObjectDef[]): void {
  const owners = new Map<string, string>();
  const sharing = new Set(Object.keys(ID_SHARING_OBJECTS));
  for (const o of objects) {
    if (sharing.has(o.name)) continue;
    const other = owners.get(o.keyPrefix);
    if (other) throw new Error(`key prefix ${o.keyPrefix} is used by both ${other} and ${o.name}`);
    owners.set(o.keyPrefix, o.name);
  }
}
