// The org emulator serves the repository's real force-app (not a fixture) through its REST API, with and without a
// package namespace: describe shows every custom field of the package with its type, the sync fields and the
// external IDs the service relies on behave as the package defines them, and the new objects and the default field
// mappings are there. Expectations come from the package source itself (lib/package-source.ts), so a field added to
// force-app is checked here without editing this test.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Connection, OAuth2 } from 'jsforce';
import { SEEDED_ADMIN_CREDENTIALS, SEEDED_CONNECTED_APP, startOrg } from '../../org-emulator/src/index.ts';
import type { RunningOrg } from '../../org-emulator/src/index.ts';
import { loadPackage } from './lib/package-source.ts';
import type { FieldSource } from './lib/package-source.ts';

const FORCE_APP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../force-app');
const API_VERSION = '62.0';
const pkg = loadPackage(FORCE_APP);

// Metadata API field types → the `type` describe reports for them.
const DESCRIBE_TYPE: Record<string, string> = {
  Text: 'string',
  TextArea: 'textarea',
  LongTextArea: 'textarea',
  Picklist: 'picklist',
  DateTime: 'datetime',
  Date: 'date',
  Url: 'url',
  Phone: 'phone',
  Email: 'email',
  Checkbox: 'boolean',
  Number: 'double',
  Lookup: 'reference'
};

interface DescribedField {
  name: string;
  type: string;
  externalId: boolean;
  unique: boolean;
  restrictedPicklist: boolean;
  calculated: boolean;
  picklistValues: { value: string; active: boolean }[];
  referenceTo: string[];
}

/** The objects a source field appears on: an Activity field is one field on Task and on Event. */
const objectsOf = (f: FieldSource): string[] => (f.object === 'Activity' ? ['Task', 'Event'] : [f.object]);

describe.each([
  { label: 'without a namespace', namespace: null, ns: '' },
  { label: 'with the namespace swb', namespace: 'swb', ns: 'swb__' }
])('the org emulator serving the real force-app $label', ({ namespace, ns }) => {
  let org: RunningOrg;
  let conn: Connection;
  const described = new Map<string, DescribedField[]>();
  /** Our name as the subscriber org spells it: custom objects and fields get the namespace, standard ones not. */
  const named = (apiName: string): string =>
    apiName.endsWith('__c') || apiName.endsWith('__mdt') ? ns + apiName : apiName;

  async function fieldsOf(object: string): Promise<DescribedField[]> {
    const name = named(object);
    if (!described.has(name)) {
      described.set(name, (await conn.sobject(name).describe()).fields as unknown as DescribedField[]);
    }
    return described.get(name) ?? [];
  }

  async function field(object: string, name: string): Promise<DescribedField | undefined> {
    return (await fieldsOf(object)).find((f) => f.name === named(name));
  }

  beforeAll(async () => {
    org = await startOrg({ namespace, forceAppDir: FORCE_APP });
    const oauth2 = new OAuth2({
      loginUrl: org.baseUrl,
      clientId: SEEDED_CONNECTED_APP.clientId,
      clientSecret: SEEDED_CONNECTED_APP.clientSecret,
      redirectUri: `${org.baseUrl}/callback`
    });
    conn = new Connection({ oauth2, version: API_VERSION });
    await conn.login(SEEDED_ADMIN_CREDENTIALS.username, SEEDED_ADMIN_CREDENTIALS.password);
  });

  afterAll(async () => {
    await org?.close();
  });

  it('describes every custom field of the package, namespaced as in a subscriber org, with its type', async () => {
    const expected: string[] = [];
    const actual: string[] = [];
    for (const f of pkg.fields) {
      for (const object of objectsOf(f)) {
        expected.push(`${named(object)}.${named(f.name)}: ${DESCRIBE_TYPE[f.type ?? ''] ?? f.type}`);
        const d = await field(object, f.name);
        actual.push(`${named(object)}.${d?.name ?? `${named(f.name)} (absent)`}: ${d?.type}`);
      }
    }
    expect(actual).toEqual(expected);
    expect(expected.length).toBeGreaterThan(50);
  });

  it.each(['Lead', 'Contact'])(
    'describes %s.Sync_Status__c as the restricted picklist Pending, Synced, Error, Excluded',
    async (object) => {
      const syncStatus = await field(object, 'Sync_Status__c');
      expect(syncStatus).toMatchObject({ type: 'picklist', restrictedPicklist: true });
      expect(syncStatus?.picklistValues.filter((v) => v.active).map((v) => v.value)).toEqual([
        'Pending',
        'Synced',
        'Error',
        'Excluded'
      ]);
      expect(await field(object, 'External_Id__c')).toMatchObject({ type: 'string', externalId: true, unique: true });
    }
  );

  it.each(['Task', 'Event'])('describes %s.External_Activity_Id__c as a unique external ID', async (object) => {
    expect(await field(object, 'External_Activity_Id__c')).toMatchObject({
      type: 'string',
      externalId: true,
      unique: true
    });
    expect(await field(object, 'Timeline_At__c')).toMatchObject({ type: 'datetime', calculated: true });
  });

  it('lists the new objects in the global describe and describes their lookups and external IDs', async () => {
    const names = (await conn.describeGlobal()).sobjects.map((o) => o.name);
    for (const object of ['Engagement_Event__c', 'Sync_Issue__c', 'Field_Mapping__mdt']) {
      expect(names).toContain(named(object));
    }
    expect(await field('Engagement_Event__c', 'Lead__c')).toMatchObject({ type: 'reference', referenceTo: ['Lead'] });
    expect(await field('Engagement_Event__c', 'Contact__c')).toMatchObject({
      type: 'reference',
      referenceTo: ['Contact']
    });
    expect(await field('Engagement_Event__c', 'External_Id__c')).toMatchObject({ externalId: true, unique: true });
    expect(await field('Sync_Issue__c', 'Issue_Fingerprint__c')).toMatchObject({ externalId: true, unique: true });
    const errorClass = await field('Sync_Issue__c', 'Error_Class__c');
    expect(errorClass?.picklistValues.map((v) => v.value)).toEqual([
      'Validation Rule',
      'Duplicate',
      'Permission or Field Access',
      'Converted or Deleted Record',
      'API Limit',
      'Other'
    ]);
  });

  it('answers SOQL on the default field mappings the package ships', async () => {
    const mappings = await conn.query<Record<string, unknown>>(
      `SELECT DeveloperName, ${named('Object__c')}, ${named('Salesforce_Field__c')} FROM ${named('Field_Mapping__mdt')}`
    );
    const byName = new Map(mappings.records.map((r) => [r['DeveloperName'], r]));
    expect([...byName.keys()].sort()).toEqual(pkg.customMetadataRecords.map((r) => r.name.split('.')[1]).sort());
    expect(byName.get('Lead_Email')).toMatchObject({
      [named('Object__c')]: 'Lead',
      [named('Salesforce_Field__c')]: 'Email'
    });
  });

  it('upserts a Task by External_Activity_Id__c idempotently, as the service writes activity', async () => {
    const externalId = named('External_Activity_Id__c');
    const task = { Subject: 'Inbound call', [externalId]: `aircall:call:${ns || 'plain'}-1` };
    const first = await conn.sobject('Task').upsert(task, externalId);
    const second = await conn.sobject('Task').upsert({ ...task, Subject: 'Inbound call (2 min)' }, externalId);
    expect(first).toMatchObject({ success: true, created: true });
    expect(second).toMatchObject({ success: true, created: false, id: (first as { id: string }).id });
  });
});
