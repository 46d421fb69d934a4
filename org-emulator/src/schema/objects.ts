// Builder for object definitions: the flags describe reports for an ordinary standard object, overridable.
import type { FieldDef, SObjectDef } from '../model/types.ts';

export type ObjectOptions = Partial<Omit<SObjectDef, 'name' | 'label' | 'labelPlural' | 'keyPrefix' | 'fields'>>;

export function sobject(
  name: string,
  label: string,
  labelPlural: string,
  keyPrefix: string,
  fields: FieldDef[],
  options: ObjectOptions = {}
): SObjectDef {
  assertUniqueFieldNames(name, fields);
  return {
    name,
    label,
    labelPlural,
    keyPrefix,
    custom: false,
    customSetting: false,
    createable: true,
    updateable: true,
    deletable: true,
    queryable: true,
    searchable: true,
    retrieveable: true,
    fields,
    childRelationships: [],
    activateable: false,
    feedEnabled: false,
    layoutable: true,
    mergeable: false,
    mruEnabled: true,
    replicateable: true,
    triggerable: true,
    undeletable: true,
    deepCloneable: false,
    ...options
  };
}

function assertUniqueFieldNames(objectName: string, fields: FieldDef[]): void {
  const seen = new Set<string>();
  for (const f of fields) {
    const key = f.name.toLowerCase();
    if (seen.has(key)) throw new Error(`${objectName} defines field ${f.name} twice`);
    seen.add(key);
  }
}
