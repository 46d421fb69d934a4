// The repository's own package: whatever it holds when the tests run must load, with and without a namespace.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildOrgSchema, DEFAULT_FORCE_APP_DIR } from './index.ts';

const objectsDir = path.join(DEFAULT_FORCE_APP_DIR, 'main', 'default', 'objects');
const defined = (...parts: string[]): boolean => existsSync(path.join(objectsDir, ...parts));

describe("the repository's force-app", () => {
  const plain = buildOrgSchema();
  const namespaced = buildOrgSchema({ namespace: 'swb' });

  it('loads without errors or skipped content', () => {
    expect(existsSync(objectsDir)).toBe(true);
    expect(plain.warnings).toEqual([]);
  });

  it('adds every custom object with a unique key prefix, an Id and its custom fields', () => {
    const custom = plain.schema.objects().filter((o) => o.custom);
    const prefixes = custom.map((o) => o.keyPrefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    // Platform events have no Id; every stored object starts with it.
    const stored = custom.filter((o) => !o.name.endsWith('__e'));
    expect(stored.map((o) => o.fields[0]?.name)).toEqual(stored.map(() => 'Id'));
    expect(custom.filter((o) => !o.fields.some((f) => f.custom)).map((o) => o.name)).toEqual([]);
  });

  it('prefixes every package name with the namespace, and only those', () => {
    const objects = namespaced.schema.objects();
    expect(objects.filter((o) => o.custom && !o.name.startsWith('swb__')).map((o) => o.name)).toEqual([]);
    const fields = objects.flatMap((o) => o.fields.map((f) => ({ object: o.name, f })));
    expect(fields.filter(({ f }) => f.custom && !/^swb__.*__(c|s)$/.test(f.name)).map(({ f }) => f.name)).toEqual([]);
    expect(fields.filter(({ f }) => !f.custom && f.name.startsWith('swb__')).map(({ f }) => f.name)).toEqual([]);
    expect(objects.filter((o) => o.custom).length).toBe(plain.schema.objects().filter((o) => o.custom).length);
  });

  it('has Lead.Sync_Status__c and Task/Event.External_Activity_Id__c once the package defines them', () => {
    const syncStatus = namespaced.schema.field('Lead', 'swb__Sync_Status__c');
    expect(syncStatus?.restrictedPicklist ?? 'absent').toBe(
      defined('Lead', 'fields', 'Sync_Status__c.field-meta.xml') ? true : 'absent'
    );
    const activityIdDefined = defined('Activity', 'fields', 'External_Activity_Id__c.field-meta.xml');
    for (const object of ['Task', 'Event']) {
      const f = namespaced.schema.field(object, 'swb__External_Activity_Id__c');
      expect(f?.externalId ?? 'absent').toBe(activityIdDefined ? true : 'absent');
    }
  });

  it('loads the custom metadata records as rows of their namespaced types', () => {
    const records = namespaced.customMetadataRecords;
    expect(records.filter((r) => !namespaced.schema.object(r.type)?.customMetadata)).toEqual([]);
    expect(records.filter((r) => r.values['NamespacePrefix'] !== 'swb')).toEqual([]);
  });
});
