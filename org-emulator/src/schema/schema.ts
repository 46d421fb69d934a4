// The Schema contract over a fixed list of objects: case-insensitive lookups as Salesforce resolves API names,
// key-prefix lookups for ids, and child relationships derived from the reference fields that point at an object.
import type { ChildRelationshipDef, FieldDef, Schema, SObjectDef } from '../model/types.ts';

export class OrgSchema implements Schema {
  readonly namespace: string | null;
  private readonly byName = new Map<string, SObjectDef>();
  private readonly byKeyPrefix = new Map<string, SObjectDef>();
  private readonly fieldsByObject = new Map<string, Map<string, FieldDef>>();
  private readonly childRelationships = new Map<string, Map<string, ChildRelationshipDef>>();
  private readonly sorted: SObjectDef[];

  /** `objects` must already carry their child relationships (see withChildRelationships). */
  constructor(namespace: string | null, objects: SObjectDef[]) {
    this.namespace = namespace;
    for (const o of objects) {
      const key = o.name.toLowerCase();
      if (this.byName.has(key)) throw new Error(`object ${o.name} is defined twice`);
      this.byName.set(key, o);
      // The first object with a prefix owns it (ContentDocument before ContentNote, TaskRelation before TaskWhoRelation).
      if (o.keyPrefix && !this.byKeyPrefix.has(o.keyPrefix)) this.byKeyPrefix.set(o.keyPrefix, o);
      this.fieldsByObject.set(key, new Map(o.fields.map((f) => [f.name.toLowerCase(), f])));
      const rels = new Map<string, ChildRelationshipDef>();
      for (const r of o.childRelationships) if (r.relationshipName) rels.set(r.relationshipName.toLowerCase(), r);
      this.childRelationships.set(key, rels);
    }
    this.sorted = [...objects].sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
  }

  object(name: string): SObjectDef | undefined {
    return this.byName.get(name.toLowerCase());
  }

  objectByKeyPrefix(keyPrefix: string): SObjectDef | undefined {
    return this.byKeyPrefix.get(keyPrefix);
  }

  field(objectName: string, fieldName: string): FieldDef | undefined {
    return this.fieldsByObject.get(objectName.toLowerCase())?.get(fieldName.toLowerCase());
  }

  childRelationship(parentObject: string, relationshipName: string): ChildRelationshipDef | undefined {
    return this.childRelationships.get(parentObject.toLowerCase())?.get(relationshipName.toLowerCase());
  }

  /** Every object, in name order (the order global describe lists them). */
  objects(): SObjectDef[] {
    return this.sorted;
  }
}

/**
 * Fills in each object's childRelationships from the reference fields of all objects: a field with a
 * childRelationshipName becomes a child relationship on every object it references.
 */
export function withChildRelationships(objects: SObjectDef[]): SObjectDef[] {
  const byParent = new Map<string, ChildRelationshipDef[]>();
  for (const child of objects) {
    for (const f of child.fields) {
      if (f.type !== 'reference' || !f.childRelationshipName) continue;
      for (const target of f.referenceTo) {
        const list = byParent.get(target.toLowerCase()) ?? [];
        list.push({
          childSObject: child.name,
          field: f.name,
          relationshipName: f.childRelationshipName,
          cascadeDelete: f.cascadeDelete ?? false,
          restrictedDelete: f.restrictedDelete ?? false
        });
        byParent.set(target.toLowerCase(), list);
      }
    }
  }
  return objects.map((o) => {
    const rels = (byParent.get(o.name.toLowerCase()) ?? []).sort((a, b) =>
      a.childSObject === b.childSObject ? (a.field < b.field ? -1 : 1) : a.childSObject < b.childSObject ? -1 : 1
    );
    assertUniqueRelationshipNames(o.name, rels);
    return { ...o, childRelationships: rels };
  });
}

function assertUniqueRelationshipNames(parent: string, rels: ChildRelationshipDef[]): void {
  const seen = new Map<string, ChildRelationshipDef>();
  for (const r of rels) {
    const key = (r.relationshipName ?? '').toLowerCase();
    const other = seen.get(key);
    if (other) {
      throw new Error(
        `${parent} has two child relationships named ${r.relationshipName}: ${other.childSObject}.${other.field} and ${r.childSObject}.${r.field}`
      );
    }
    seen.set(key, r);
  }
}
