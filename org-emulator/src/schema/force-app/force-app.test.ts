import { buildOrgSchema } from '../index.ts';
import {
  customField,
  customMetadataRecord,
  customObject,
  packageFixture,
  picklistValues,
  removeForceApp,
  writeForceApp
} from '../testing/force-app-fixture.ts';
import { describeSObject } from '../describe.ts';
import type { FieldDef } from '../../model/types.ts';

const made: string[] = [];
function tree(files: Record<string, string>): string {
  const dir = writeForceApp(files);
  made.push(dir);
  return dir;
}
afterAll(() => made.forEach(removeForceApp));

/** One field of each CustomField type on a custom object, to check the describe mapping of every type. */
const everyType: Record<string, string> = {
  'objects/Widget__c/Widget__c.object-meta.xml': customObject(
    '<label>Widget</label><pluralLabel>Widgets</pluralLabel><nameField><label>Widget Name</label><type>Text</type></nameField>'
  ),
  'objects/Widget__c/fields/Code__c.field-meta.xml': customField(
    'Code__c',
    '<label>Code</label><type>Text</type><length>32</length><externalId>true</externalId><unique>true</unique><caseSensitive>true</caseSensitive><inlineHelpText>The code\n   of the widget.</inlineHelpText>'
  ),
  'objects/Widget__c/fields/Notes__c.field-meta.xml': customField(
    'Notes__c',
    '<label>Notes</label><type>TextArea</type>'
  ),
  'objects/Widget__c/fields/Story__c.field-meta.xml': customField(
    'Story__c',
    '<label>Story</label><type>LongTextArea</type><length>32768</length><visibleLines>5</visibleLines>'
  ),
  'objects/Widget__c/fields/Rich__c.field-meta.xml': customField(
    'Rich__c',
    '<label>Rich</label><type>Html</type><length>10000</length><visibleLines>5</visibleLines>'
  ),
  'objects/Widget__c/fields/Secret__c.field-meta.xml': customField(
    'Secret__c',
    '<label>Secret</label><type>EncryptedText</type><length>20</length><maskChar>X</maskChar><maskType>lastFour</maskType>'
  ),
  'objects/Widget__c/fields/Color__c.field-meta.xml': customField(
    'Color__c',
    `<label>Color</label><type>Picklist</type>${picklistValues(['Red', 'Blue'], { restricted: true, defaultValue: 'Blue' })}`
  ),
  'objects/Widget__c/fields/Sizes__c.field-meta.xml': customField(
    'Sizes__c',
    `<label>Sizes</label><type>MultiselectPicklist</type><visibleLines>4</visibleLines>${picklistValues(['S', 'M', 'L'])}`
  ),
  'objects/Widget__c/fields/Active__c.field-meta.xml': customField(
    'Active__c',
    '<label>Active</label><type>Checkbox</type><defaultValue>true</defaultValue>'
  ),
  'objects/Widget__c/fields/Count__c.field-meta.xml': customField(
    'Count__c',
    '<label>Count</label><type>Number</type><precision>18</precision><scale>0</scale><required>true</required>'
  ),
  'objects/Widget__c/fields/Weight__c.field-meta.xml': customField(
    'Weight__c',
    '<label>Weight</label><type>Number</type><precision>10</precision><scale>3</scale><defaultValue>1.5</defaultValue>'
  ),
  'objects/Widget__c/fields/Price__c.field-meta.xml': customField(
    'Price__c',
    '<label>Price</label><type>Currency</type><precision>16</precision><scale>2</scale>'
  ),
  'objects/Widget__c/fields/Share__c.field-meta.xml': customField(
    'Share__c',
    '<label>Share</label><type>Percent</type><precision>5</precision><scale>2</scale>'
  ),
  'objects/Widget__c/fields/Built__c.field-meta.xml': customField('Built__c', '<label>Built</label><type>Date</type>'),
  'objects/Widget__c/fields/Seen_At__c.field-meta.xml': customField(
    'Seen_At__c',
    '<label>Seen At</label><type>DateTime</type>'
  ),
  'objects/Widget__c/fields/Opens__c.field-meta.xml': customField('Opens__c', '<label>Opens</label><type>Time</type>'),
  'objects/Widget__c/fields/Mail__c.field-meta.xml': customField('Mail__c', '<label>Mail</label><type>Email</type>'),
  'objects/Widget__c/fields/Tel__c.field-meta.xml': customField('Tel__c', '<label>Tel</label><type>Phone</type>'),
  'objects/Widget__c/fields/Site__c.field-meta.xml': customField('Site__c', '<label>Site</label><type>Url</type>'),
  'objects/Widget__c/fields/Account__c.field-meta.xml': customField(
    'Account__c',
    '<label>Account</label><type>Lookup</type><referenceTo>Account</referenceTo><relationshipName>Widgets</relationshipName><deleteConstraint>Restrict</deleteConstraint>'
  ),
  'objects/Widget__c/fields/Serial__c.field-meta.xml': customField(
    'Serial__c',
    '<label>Serial</label><type>AutoNumber</type><displayFormat>W-{0000}</displayFormat><startingNumber>7</startingNumber>'
  ),
  'objects/Widget__c/fields/Doubled__c.field-meta.xml': customField(
    'Doubled__c',
    '<label>Doubled</label><type>Number</type><precision>18</precision><scale>0</scale><formula>Count__c * 2</formula>'
  ),
  'objects/Widget__c/fields/Where__c.field-meta.xml': customField(
    'Where__c',
    '<label>Where</label><type>Location</type><scale>5</scale><displayLocationInDecimal>true</displayLocationInDecimal>'
  ),
  'objects/Part__c/Part__c.object-meta.xml': customObject(
    '<label>Part</label><pluralLabel>Parts</pluralLabel><nameField><label>Part Number</label><type>AutoNumber</type><displayFormat>P-{000}</displayFormat></nameField>'
  ),
  'objects/Part__c/fields/Widget__c.field-meta.xml': customField(
    'Widget__c',
    '<label>Widget</label><type>MasterDetail</type><referenceTo>Widget__c</referenceTo><relationshipName>Parts</relationshipName><relationshipOrder>0</relationshipOrder><writeRequiresMasterRead>false</writeRequiresMasterRead>'
  ),
  'objects/Part__c/fields/Total__c.field-meta.xml': customField(
    'Total__c',
    '<label>Total</label><type>Summary</type><summaryOperation>count</summaryOperation>'
  )
};

describe('the force-app loader', () => {
  const { schema } = buildOrgSchema({ forceAppDir: tree(everyType) });
  const f = (name: string): FieldDef => {
    const found = schema.field('Widget__c', name);
    if (!found) throw new Error(`Widget__c.${name} missing`);
    return found;
  };

  it('maps Text with its length, external id, uniqueness, case sensitivity and help text', () => {
    expect(f('Code__c')).toMatchObject({
      type: 'string',
      length: 32,
      externalId: true,
      unique: true,
      caseSensitive: true,
      idLookup: true,
      custom: true,
      inlineHelpText: 'The code of the widget.'
    });
  });

  it('maps the text areas: plain 255, long and rich text (not filterable or sortable)', () => {
    expect(f('Notes__c')).toMatchObject({
      type: 'textarea',
      length: 255,
      filterable: true,
      extraTypeInfo: 'plaintextarea'
    });
    expect(f('Story__c')).toMatchObject({ type: 'textarea', length: 32768, filterable: false, sortable: false });
    expect(f('Rich__c')).toMatchObject({ type: 'textarea', htmlFormatted: true, extraTypeInfo: 'richtextarea' });
  });

  it('maps EncryptedText to encryptedstring with its mask', () => {
    expect(f('Secret__c')).toMatchObject({ type: 'encryptedstring', length: 20, mask: 'X', maskType: 'lastFour' });
  });

  it('maps picklists with their values, restriction and default', () => {
    expect(f('Color__c')).toMatchObject({ type: 'picklist', restrictedPicklist: true, defaultedOnCreate: true });
    expect(f('Color__c').picklistValues.map((p) => [p.value, p.defaultValue])).toEqual([
      ['Red', false],
      ['Blue', true]
    ]);
    expect(f('Sizes__c')).toMatchObject({ type: 'multipicklist', restrictedPicklist: false, sortable: false });
  });

  it('maps Checkbox to a non-nillable boolean defaulted on create', () => {
    expect(f('Active__c')).toMatchObject({
      type: 'boolean',
      nillable: false,
      defaultedOnCreate: true,
      defaultValue: true
    });
  });

  it('maps every Number to double (as describe reports, even with scale 0), required making it not nillable', () => {
    expect(f('Count__c')).toMatchObject({
      type: 'double',
      precision: 18,
      scale: 0,
      nillable: false,
      soapType: 'xsd:double'
    });
    expect(f('Weight__c')).toMatchObject({
      type: 'double',
      precision: 10,
      scale: 3,
      defaultValue: 1.5,
      defaultValueFormula: '1.5'
    });
    expect(f('Price__c')).toMatchObject({ type: 'currency', precision: 16, scale: 2 });
    expect(f('Share__c')).toMatchObject({ type: 'percent', precision: 5, scale: 2 });
  });

  it('maps dates, times, email, phone and url', () => {
    expect(
      [f('Built__c'), f('Seen_At__c'), f('Opens__c'), f('Mail__c'), f('Tel__c'), f('Site__c')].map((x) => x.type)
    ).toEqual(['date', 'datetime', 'time', 'email', 'phone', 'url']);
    expect(f('Mail__c').length).toBe(80);
    expect(f('Tel__c').length).toBe(40);
  });

  it('maps a Lookup to a reference with a __r relationship and the child relationship on the parent', () => {
    expect(f('Account__c')).toMatchObject({
      type: 'reference',
      referenceTo: ['Account'],
      relationshipName: 'Account__r',
      restrictedDelete: true
    });
    expect(schema.childRelationship('Account', 'Widgets__r')).toMatchObject({
      childSObject: 'Widget__c',
      field: 'Account__c',
      restrictedDelete: true
    });
  });

  it('maps AutoNumber and Formula fields as read-only', () => {
    expect(f('Serial__c')).toMatchObject({
      type: 'string',
      autoNumber: true,
      createable: false,
      displayFormat: 'W-{0000}',
      startingNumber: 7
    });
    expect(f('Doubled__c')).toMatchObject({
      type: 'double',
      calculated: true,
      calculatedFormula: 'Count__c * 2',
      createable: false,
      updateable: false
    });
  });

  it('maps a Geolocation to a location plus its latitude and longitude components', () => {
    expect(f('Where__c')).toMatchObject({ type: 'location', displayLocationInDecimal: true });
    expect(schema.field('Widget__c', 'Where__Latitude__s')).toMatchObject({
      type: 'double',
      scale: 5,
      compoundFieldName: 'Where__c'
    });
    expect(schema.field('Widget__c', 'Where__Longitude__s')).toBeDefined();
  });

  it('gives a custom object its standard fields, a text Name and an owner', () => {
    const widget = schema.object('Widget__c')!;
    expect(widget.fields.slice(0, 4).map((x) => x.name)).toEqual(['Id', 'OwnerId', 'IsDeleted', 'Name']);
    expect(schema.field('Widget__c', 'Name')).toMatchObject({
      type: 'string',
      length: 80,
      nameField: true,
      label: 'Widget Name'
    });
    expect(widget).toMatchObject({ custom: true, label: 'Widget', labelPlural: 'Widgets' });
  });

  it('leaves OwnerId off a master-detail child and makes its master field required and cascading', () => {
    expect(schema.field('Part__c', 'OwnerId')).toBeUndefined();
    expect(schema.field('Part__c', 'Widget__c')).toMatchObject({
      nillable: false,
      cascadeDelete: true,
      relationshipOrder: 0
    });
    expect(schema.field('Part__c', 'Name')).toMatchObject({ autoNumber: true, displayFormat: 'P-{000}' });
    expect(schema.field('Part__c', 'Total__c')).toMatchObject({ calculated: true, createable: false });
  });

  it('hands out key prefixes a00, a01 … in name order', () => {
    expect(schema.object('Part__c')!.keyPrefix).toBe('a00');
    expect(schema.object('Widget__c')!.keyPrefix).toBe('a01');
    expect(schema.objectByKeyPrefix('a01')?.name).toBe('Widget__c');
  });
});

describe('namespaces', () => {
  const dir = tree(packageFixture());

  it('prefixes every custom object, field, relationship and metadata type, never a standard name', () => {
    const { schema } = buildOrgSchema({ forceAppDir: dir, namespace: 'swb' });
    expect(schema.namespace).toBe('swb');
    expect(schema.field('Lead', 'swb__Sync_Status__c')).toBeDefined();
    expect(schema.field('Lead', 'Sync_Status__c')).toBeUndefined();
    expect(schema.object('swb__Engagement_Event__c')).toBeDefined();
    expect(schema.object('Engagement_Event__c')).toBeUndefined();
    expect(schema.field('swb__Engagement_Event__c', 'swb__Lead__c')).toMatchObject({
      relationshipName: 'swb__Lead__r',
      referenceTo: ['Lead']
    });
    expect(schema.childRelationship('Lead', 'swb__Engagement_Events__r')).toBeDefined();
    expect(schema.object('swb__Field_Mapping__mdt')).toBeDefined();
    expect(schema.field('Lead', 'LastName')).toBeDefined();
  });

  it('uses the plain names when no namespace is given', () => {
    const { schema } = buildOrgSchema({ forceAppDir: dir });
    expect(schema.namespace).toBeNull();
    expect(schema.field('Lead', 'Sync_Status__c')).toBeDefined();
    expect(schema.childRelationship('Lead', 'Engagement_Events__r')).toBeDefined();
  });

  it('refuses a namespace that is not 1–15 letters and digits', () => {
    expect(() => buildOrgSchema({ forceAppDir: null, namespace: 'sw b' })).toThrow(/namespace must be/);
  });
});

describe('Activity fields', () => {
  it('appear on both Task and Event', () => {
    const { schema } = buildOrgSchema({ forceAppDir: tree(packageFixture()) });
    for (const object of ['Task', 'Event']) {
      expect(schema.field(object, 'External_Activity_Id__c')).toMatchObject({
        externalId: true,
        unique: true,
        caseSensitive: true
      });
      expect(schema.field(object, 'Provider__c')?.restrictedPicklist).toBe(true);
    }
  });

  it('add activity-enabled custom objects to the targets of WhatId', () => {
    const { schema } = buildOrgSchema({ forceAppDir: tree(packageFixture()) });
    expect(schema.field('Task', 'WhatId')?.referenceTo).toContain('Engagement_Event__c');
    expect(schema.childRelationship('Engagement_Event__c', 'Tasks')).toMatchObject({
      childSObject: 'Task',
      field: 'WhatId'
    });
  });
});

describe('custom metadata types', () => {
  it('get the metadata standard fields, are read-only, and their records load from customMetadata/', () => {
    const bundle = buildOrgSchema({ forceAppDir: tree(packageFixture()), namespace: 'swb' });
    const type = bundle.schema.object('swb__Field_Mapping__mdt')!;
    expect(type).toMatchObject({
      customMetadata: true,
      createable: false,
      updateable: false,
      deletable: false,
      keyPrefix: 'm00'
    });
    expect(type.fields.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'DeveloperName',
        'MasterLabel',
        'Label',
        'Language',
        'NamespacePrefix',
        'QualifiedApiName'
      ])
    );
    expect(bundle.customMetadataRecords).toEqual([
      {
        type: 'swb__Field_Mapping__mdt',
        values: expect.objectContaining({
          DeveloperName: 'Lead_Email',
          MasterLabel: 'Lead email',
          NamespacePrefix: 'swb',
          QualifiedApiName: 'swb__Lead_Email',
          swb__Salesforce_Field__c: 'Email',
          swb__Active__c: true
        })
      }
    ]);
  });

  it('refuses a record of an undefined type, naming the file', () => {
    const dir = tree({
      'customMetadata/Missing.Row.md-meta.xml': customMetadataRecord('Row', [])
    });
    expect(() => buildOrgSchema({ forceAppDir: dir })).toThrow(
      /Missing\.Row\.md-meta\.xml: custom metadata type Missing__mdt is not defined/
    );
  });
});

describe('bad metadata', () => {
  it('is refused with the file and the problem named', () => {
    const malformed = tree({ 'objects/Lead/fields/Broken__c.field-meta.xml': '<CustomField><type>Text</type>' });
    expect(() => buildOrgSchema({ forceAppDir: malformed })).toThrow(/Broken__c\.field-meta\.xml: not well-formed XML/);
    const noLength = tree({
      'objects/Lead/fields/Short__c.field-meta.xml': customField('Short__c', '<label>Short</label><type>Text</type>')
    });
    expect(() => buildOrgSchema({ forceAppDir: noLength })).toThrow(/Short__c\.field-meta\.xml: missing <length>/);
    const unknownType = tree({
      'objects/Lead/fields/Odd__c.field-meta.xml': customField('Odd__c', '<label>Odd</label><type>Hologram</type>')
    });
    expect(() => buildOrgSchema({ forceAppDir: unknownType })).toThrow(/unsupported field type Hologram/);
  });

  it('refuses a force-app directory that does not exist', () => {
    expect(() => buildOrgSchema({ forceAppDir: '/nonexistent/force-app' })).toThrow(
      '/nonexistent/force-app: force-app directory does not exist'
    );
  });

  it('reports standard objects the emulator does not model instead of failing', () => {
    const dir = tree({
      'objects/Campaign/fields/Channel__c.field-meta.xml': customField(
        'Channel__c',
        '<label>Channel</label><type>Text</type><length>10</length>'
      )
    });
    const bundle = buildOrgSchema({ forceAppDir: dir });
    expect(bundle.warnings).toEqual([expect.stringContaining('objects/Campaign: standard object not modelled')]);
  });
});

describe('a field added to force-app', () => {
  it('exists in the schema and in describe with no other change', () => {
    const dir = tree({
      'objects/Contact/fields/Favourite_Color__c.field-meta.xml': customField(
        'Favourite_Color__c',
        '<label>Favourite Color</label><type>Text</type><length>20</length>'
      )
    });
    const { schema } = buildOrgSchema({ forceAppDir: dir, namespace: 'swb' });
    const describe = describeSObject(schema, 'Contact', '62.0') as { fields: Array<{ name: string; length: number }> };
    expect(describe.fields.find((x) => x.name === 'swb__Favourite_Color__c')).toMatchObject({ length: 20 });
  });
});
