// A small org for the query engines' unit tests: a handful of standard objects with the fields, relationships
// (polymorphic Who/What/Owner included) and search groups the engines care about, and an in-memory record
// source filled by each test. The engines only read through Schema and RecordSource, so this is a legitimate
// seam; the real schema is exercised in real-schema.test.ts.
import type {
  ChildRelationshipDef,
  FieldDef,
  FieldType,
  FieldValues,
  QueryContext,
  RecordSource,
  Schema,
  SObjectDef,
  StoredRecord
} from '../../model/types.ts';
import { IdFactory, to18 } from '../../ids.ts';

type FieldOptions = Partial<FieldDef>;

function field(name: string, type: FieldType, options: FieldOptions = {}): FieldDef {
  const longText = type === 'textarea' && (options.length ?? 255) > 255;
  const searchGroup: FieldDef['searchGroup'] =
    type === 'email' ? 'email' : type === 'phone' ? 'phone' : type === 'string' || type === 'textarea' ? 'text' : null;
  return {
    name,
    label: name,
    type,
    length: 0,
    precision: 0,
    scale: 0,
    digits: 0,
    nillable: type !== 'boolean',
    createable: true,
    updateable: true,
    defaultedOnCreate: type === 'boolean',
    defaultValue: type === 'boolean' ? false : null,
    unique: false,
    caseSensitive: false,
    externalId: false,
    idLookup: false,
    nameField: false,
    calculated: false,
    custom: name.endsWith('__c'),
    filterable: !longText,
    sortable: !longText && type !== 'multipicklist',
    groupable: !longText,
    htmlFormatted: false,
    picklistValues: [],
    restrictedPicklist: false,
    referenceTo: [],
    relationshipName: null,
    polymorphicForeignKey: false,
    inlineHelpText: null,
    searchGroup,
    soapType: 'xsd:string',
    ...options
  };
}

const reference = (name: string, to: string[], relationshipName: string, options: FieldOptions = {}): FieldDef =>
  field(name, 'reference', {
    referenceTo: to,
    relationshipName,
    polymorphicForeignKey: to.length > 1,
    namePointing: to.length > 1,
    ...options
  });

const nameOf = (name = 'Name', options: FieldOptions = {}): FieldDef =>
  field(name, 'string', { nameField: true, searchGroup: 'name', ...options });

function systemFields(owner: FieldDef | undefined): FieldDef[] {
  return [
    field('Id', 'id', { idLookup: true }),
    field('IsDeleted', 'boolean'),
    ...(owner ? [owner] : []),
    field('CreatedDate', 'datetime'),
    reference('CreatedById', ['User'], 'CreatedBy'),
    field('LastModifiedDate', 'datetime'),
    field('SystemModstamp', 'datetime')
  ];
}

function object(
  name: string,
  keyPrefix: string,
  fields: FieldDef[],
  childRelationships: ChildRelationshipDef[] = []
): SObjectDef {
  return {
    name,
    label: name,
    labelPlural: `${name}s`,
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
    childRelationships
  };
}

const child = (childSObject: string, fieldName: string, relationshipName: string): ChildRelationshipDef => ({
  childSObject,
  field: fieldName,
  relationshipName,
  cascadeDelete: false,
  restrictedDelete: false
});

const userOwner = () => reference('OwnerId', ['User'], 'Owner');
const queueOrUserOwner = () => reference('OwnerId', ['Group', 'User'], 'Owner');

export const FIXTURE_OBJECTS: SObjectDef[] = [
  object('User', '005', [
    ...systemFields(undefined),
    nameOf(),
    field('FirstName', 'string', { searchGroup: 'name' }),
    field('LastName', 'string', { searchGroup: 'name' }),
    field('Email', 'email'),
    field('Phone', 'phone'),
    field('Alias', 'string'),
    field('Username', 'string'),
    field('Title', 'string'),
    field('CommunityNickname', 'string'),
    field('IsActive', 'boolean')
  ]),
  object('Group', '00G', [...systemFields(undefined), nameOf(), field('Email', 'email'), field('Type', 'picklist')]),
  object(
    'Account',
    '001',
    [
      ...systemFields(userOwner()),
      nameOf(),
      field('Phone', 'phone'),
      field('Website', 'url'),
      field('Site', 'string'),
      field('Industry', 'picklist'),
      field('NumberOfEmployees', 'int'),
      field('AnnualRevenue', 'currency'),
      field('Description', 'textarea', { length: 32000 })
    ],
    [
      child('Contact', 'AccountId', 'Contacts'),
      child('Opportunity', 'AccountId', 'Opportunities'),
      child('Task', 'WhatId', 'Tasks')
    ]
  ),
  object(
    'Contact',
    '003',
    [
      ...systemFields(userOwner()),
      field('FirstName', 'string', { searchGroup: 'name' }),
      field('LastName', 'string', { searchGroup: 'name' }),
      nameOf('Name', { createable: false, updateable: false }),
      field('Email', 'email'),
      field('Phone', 'phone'),
      field('MobilePhone', 'phone'),
      field('AssistantName', 'string'),
      reference('AccountId', ['Account'], 'Account'),
      field('Birthdate', 'date'),
      field('HasOptedOutOfEmail', 'boolean'),
      field('Languages__c', 'multipicklist'),
      field('External_Key__c', 'string', { unique: true, caseSensitive: true, externalId: true }),
      reference('ReportsToId', ['Contact'], 'ReportsTo')
    ],
    [child('Task', 'WhoId', 'Tasks'), child('Contact', 'ReportsToId', 'DirectReports')]
  ),
  object(
    'Lead',
    '00Q',
    [
      ...systemFields(queueOrUserOwner()),
      field('FirstName', 'string', { searchGroup: 'name' }),
      field('LastName', 'string', { searchGroup: 'name' }),
      nameOf('Name', { createable: false, updateable: false }),
      field('Company', 'string'),
      field('Email', 'email'),
      field('Phone', 'phone'),
      field('MobilePhone', 'phone'),
      field('Status', 'picklist'),
      field('LeadSource', 'picklist'),
      field('IsConverted', 'boolean'),
      field('AnnualRevenue', 'currency'),
      field('Description', 'textarea', { length: 32000 })
    ],
    [child('Task', 'WhoId', 'Tasks')]
  ),
  object(
    'Opportunity',
    '006',
    [
      ...systemFields(userOwner()),
      nameOf(),
      field('StageName', 'picklist'),
      field('CloseDate', 'date'),
      field('Amount', 'currency'),
      reference('AccountId', ['Account'], 'Account')
    ],
    [child('Task', 'WhatId', 'Tasks')]
  ),
  object('Task', '00T', [
    ...systemFields(queueOrUserOwner()),
    field('Subject', 'combobox', { nameField: true, searchGroup: 'text' }),
    field('ActivityDate', 'date'),
    field('Status', 'picklist'),
    reference('WhoId', ['Contact', 'Lead'], 'Who'),
    reference('WhatId', ['Account', 'Opportunity'], 'What'),
    field('CallDurationInSeconds', 'int'),
    field('Description', 'textarea', { length: 32000 })
  ])
];

/** Case-insensitive lookups, as Salesforce resolves API names. */
export function fixtureSchema(objects: SObjectDef[] = FIXTURE_OBJECTS): Schema {
  const byName = new Map(objects.map((o) => [o.name.toLowerCase(), o]));
  return {
    namespace: null,
    object: (name) => byName.get(name.toLowerCase()),
    objectByKeyPrefix: (prefix) => objects.find((o) => o.keyPrefix === prefix),
    field: (objectName, fieldName) =>
      byName.get(objectName.toLowerCase())?.fields.find((f) => f.name.toLowerCase() === fieldName.toLowerCase()),
    childRelationship: (parent, relationshipName) =>
      byName
        .get(parent.toLowerCase())
        ?.childRelationships.find((r) => r.relationshipName?.toLowerCase() === relationshipName.toLowerCase()),
    objects: () => objects
  };
}

/** An in-memory record store the tests fill. Records come back in insertion order. */
export class MemoryRecords implements RecordSource {
  private readonly rows: Array<{ record: StoredRecord; deleted: boolean }> = [];
  private readonly ids = new IdFactory('Qe');
  private readonly schema: Schema;

  constructor(schema: Schema) {
    this.schema = schema;
  }

  /** Adds a record and returns its 18-character id. */
  add(type: string, values: FieldValues, options: { deleted?: boolean; indexedAt?: number } = {}): string {
    const object = this.schema.object(type);
    if (object === undefined) throw new Error(`fixture has no object ${type}`);
    const id = this.ids.next(object.keyPrefix);
    const record: StoredRecord = {
      type: object.name,
      id,
      values: {
        Id: id,
        IsDeleted: options.deleted ?? false,
        CreatedDate: '2024-01-01T00:00:00.000+0000',
        ...values
      },
      indexedAt: options.indexedAt ?? 0
    };
    this.rows.push({ record, deleted: options.deleted ?? false });
    return id;
  }

  *records(objectName: string, options: { includeDeleted?: boolean } = {}): Iterable<StoredRecord> {
    for (const row of this.rows) {
      if (row.record.type.toLowerCase() !== objectName.toLowerCase()) continue;
      if (row.deleted && !options.includeDeleted) continue;
      yield row.record;
    }
  }

  byId(id: string, options: { includeDeleted?: boolean } = {}): StoredRecord | undefined {
    const wanted = to18(id);
    const row = this.rows.find((candidate) => candidate.record.id === wanted);
    if (row === undefined || (row.deleted && !options.includeDeleted)) return undefined;
    return row.record;
  }
}

/** Friday 15 March 2024, 11:30 in Los Angeles (18:30 UTC). */
export const FIXED_NOW = new Date('2024-03-15T18:30:00.000Z');

export function fixtureContext(
  schema: Schema,
  data: RecordSource,
  overrides: Partial<QueryContext> = {}
): QueryContext {
  return {
    schema,
    data,
    // The first User a MemoryRecords adds.
    userId: IdFactory.build('005', 'Qe', 1),
    timeZone: 'America/Los_Angeles',
    now: FIXED_NOW,
    apiVersion: '62.0',
    includeDeleted: false,
    ...overrides
  };
}
