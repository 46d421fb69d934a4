import { buildSchema } from './index.ts';
import { describeGlobal, describeSObject, MASTER_RECORD_TYPE_ID } from './describe.ts';
import { packageFixture, removeForceApp, writeForceApp } from './testing/force-app-fixture.ts';

// Every key of the WSDL Field type (jsforce's `Field`), which describe must always send.
const FIELD_KEYS = [
  'aggregatable',
  'aiPredictionField',
  'autoNumber',
  'byteLength',
  'calculated',
  'calculatedFormula',
  'cascadeDelete',
  'caseSensitive',
  'compoundFieldName',
  'controllerName',
  'createable',
  'custom',
  'defaultValue',
  'defaultValueFormula',
  'defaultedOnCreate',
  'dependentPicklist',
  'deprecatedAndHidden',
  'digits',
  'displayLocationInDecimal',
  'encrypted',
  'externalId',
  'extraTypeInfo',
  'filterable',
  'filteredLookupInfo',
  'formulaTreatNullNumberAsZero',
  'groupable',
  'highScaleNumber',
  'htmlFormatted',
  'idLookup',
  'inlineHelpText',
  'label',
  'length',
  'mask',
  'maskType',
  'name',
  'nameField',
  'namePointing',
  'nillable',
  'permissionable',
  'picklistValues',
  'polymorphicForeignKey',
  'precision',
  'queryByDistance',
  'referenceTargetField',
  'referenceTo',
  'relationshipName',
  'relationshipOrder',
  'restrictedDelete',
  'restrictedPicklist',
  'scale',
  'searchPrefilterable',
  'soapType',
  'sortable',
  'type',
  'unique',
  'updateable',
  'writeRequiresMasterRead'
];

type FieldJson = Record<string, unknown> & { name: string };
type DescribeJson = { fields: FieldJson[]; [key: string]: unknown };

const dir = writeForceApp(packageFixture());
afterAll(() => removeForceApp(dir));
const schema = buildSchema({ forceAppDir: dir, namespace: 'swb' });
const lead = describeSObject(schema, 'lead', '62.0') as DescribeJson;
const fieldOf = (d: DescribeJson, name: string): FieldJson => {
  const f = d.fields.find((x) => x.name === name);
  if (!f) throw new Error(`no field ${name}`);
  return f;
};

describe('global describe', () => {
  const global = describeGlobal(schema, 'v62.0') as {
    encoding: string;
    maxBatchSize: number;
    sobjects: Array<Record<string, unknown>>;
  };

  it('has the envelope Salesforce sends', () => {
    expect(global.encoding).toBe('UTF-8');
    expect(global.maxBatchSize).toBe(200);
  });

  it('lists every object in name order with its flags and urls', () => {
    const names = global.sobjects.map((o) => o['name'] as string);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    const account = global.sobjects.find((o) => o['name'] === 'Account')!;
    expect(account).toMatchObject({
      keyPrefix: '001',
      label: 'Account',
      labelPlural: 'Accounts',
      createable: true,
      queryable: true,
      custom: false,
      urls: {
        sobject: '/services/data/v62.0/sobjects/Account',
        describe: '/services/data/v62.0/sobjects/Account/describe',
        rowTemplate: '/services/data/v62.0/sobjects/Account/{ID}'
      }
    });
    for (const key of [
      'activateable',
      'deepCloneable',
      'deprecatedAndHidden',
      'feedEnabled',
      'hasSubtypes',
      'isSubtype',
      'layoutable',
      'mergeable',
      'mruEnabled',
      'replicateable',
      'retrieveable',
      'searchable',
      'triggerable',
      'undeletable',
      'updateable',
      'deletable',
      'customSetting'
    ]) {
      expect(typeof account[key]).toBe('boolean');
    }
    expect(global.sobjects.find((o) => o['name'] === 'swb__Engagement_Event__c')).toMatchObject({ custom: true });
  });
});

describe('object describe', () => {
  it('answers NOT_FOUND for an unknown object', () => {
    expect(() => describeSObject(schema, 'Nope__c', '62.0')).toThrow(
      expect.objectContaining({ errorCode: 'NOT_FOUND', status: 404 })
    );
  });

  it('sends every key of the WSDL Field type on every field', () => {
    for (const f of lead.fields) expect(Object.keys(f).sort()).toEqual([...FIELD_KEYS].sort());
  });

  it('reports lengths and byte lengths as Salesforce does', () => {
    expect(fieldOf(lead, 'LastName')).toMatchObject({ length: 80, byteLength: 240, soapType: 'xsd:string' });
    expect(fieldOf(lead, 'Id')).toMatchObject({ type: 'id', length: 18, byteLength: 18, soapType: 'tns:ID' });
    expect(fieldOf(lead, 'OwnerId')).toMatchObject({ type: 'reference', length: 18, byteLength: 18 });
    expect(fieldOf(lead, 'AnnualRevenue')).toMatchObject({
      length: 0,
      byteLength: 0,
      precision: 18,
      soapType: 'xsd:double'
    });
    expect(fieldOf(lead, 'IsConverted')).toMatchObject({ length: 0, defaultValue: false, soapType: 'xsd:boolean' });
    expect(fieldOf(lead, 'CreatedDate')).toMatchObject({ soapType: 'xsd:dateTime' });
    expect(fieldOf(lead, 'Address')).toMatchObject({ type: 'address', soapType: 'urn:address', createable: false });
  });

  it('reports picklist entries with validFor and package fields with the namespace', () => {
    expect((fieldOf(lead, 'Status')['picklistValues'] as unknown[])[0]).toEqual({
      active: true,
      defaultValue: true,
      label: 'Open - Not Contacted',
      validFor: null,
      value: 'Open - Not Contacted'
    });
    expect(fieldOf(lead, 'swb__Sync_Status__c')).toMatchObject({ custom: true, restrictedPicklist: true, length: 255 });
  });

  it('lists child relationships, a Master record type and the urls', () => {
    expect(lead['childRelationships']).toEqual(
      expect.arrayContaining([
        {
          cascadeDelete: true,
          childSObject: 'Task',
          deprecatedAndHidden: false,
          field: 'WhoId',
          junctionIdListNames: [],
          junctionReferenceTo: [],
          relationshipName: 'Tasks',
          restrictedDelete: false
        }
      ])
    );
    expect(lead['recordTypeInfos']).toEqual([
      expect.objectContaining({
        master: true,
        name: 'Master',
        developerName: 'Master',
        recordTypeId: MASTER_RECORD_TYPE_ID
      })
    ]);
    expect(lead['urls']).toMatchObject({ describe: '/services/data/v62.0/sobjects/Lead/describe' });
    expect(lead).toMatchObject({ name: 'Lead', keyPrefix: '00Q', createable: true, custom: false });
  });

  it('reports a custom metadata type as read-only', () => {
    const mdt = describeSObject(schema, 'swb__Field_Mapping__mdt', '62.0');
    expect(mdt).toMatchObject({
      createable: false,
      updateable: false,
      deletable: false,
      queryable: true,
      custom: true
    });
  });

  it('refuses an API version that is not of the form 62.0', () => {
    expect(() => describeSObject(schema, 'Lead', 'latest')).toThrow(/API version/);
  });
});
