import { buildSchema } from '../index.ts';
import type { FieldDef } from '../../model/types.ts';

const schema = buildSchema({ forceAppDir: null });
const field = (object: string, name: string): FieldDef => {
  const f = schema.field(object, name);
  if (!f) throw new Error(`${object}.${name} is not in the schema`);
  return f;
};

describe('standard objects', () => {
  it('have the key prefixes of a real org', () => {
    const prefixes = Object.fromEntries(schema.objects().map((o) => [o.name, o.keyPrefix]));
    expect(prefixes).toMatchObject({
      User: '005',
      Organization: '00D',
      Group: '00G',
      Account: '001',
      Contact: '003',
      Lead: '00Q',
      Opportunity: '006',
      OpportunityContactRole: '00K',
      Case: '500',
      Task: '00T',
      TaskRelation: '0RT',
      Event: '00U',
      EventRelation: '0RE',
      ContentDocument: '069',
      ContentNote: '069',
      ContentVersion: '068',
      ContentDocumentLink: '06A',
      BusinessHours: '01m'
    });
  });

  it('resolve a key prefix to the object that owns the ids (a note is its document)', () => {
    expect(schema.objectByKeyPrefix('069')?.name).toBe('ContentDocument');
    expect(schema.objectByKeyPrefix('0RT')?.name).toBe('TaskRelation');
    expect(schema.objectByKeyPrefix('00Q')?.name).toBe('Lead');
  });

  it('look names up case-insensitively and answer with the canonical name', () => {
    expect(schema.object('lead')?.name).toBe('Lead');
    expect(schema.field('LEAD', 'lastname')?.name).toBe('LastName');
    expect(schema.childRelationship('account', 'contacts')?.childSObject).toBe('Contact');
  });

  it('carry real types, lengths and required-ness on Lead', () => {
    expect(field('Lead', 'LastName')).toMatchObject({ type: 'string', length: 80, nillable: false, createable: true });
    expect(field('Lead', 'FirstName')).toMatchObject({ type: 'string', length: 40, nillable: true });
    expect(field('Lead', 'Company')).toMatchObject({ type: 'string', length: 255, nillable: false });
    expect(field('Lead', 'Email')).toMatchObject({ type: 'email', length: 80, idLookup: true, searchGroup: 'email' });
    expect(field('Lead', 'Phone')).toMatchObject({ type: 'phone', length: 40, searchGroup: 'phone' });
    expect(field('Lead', 'MobilePhone').searchGroup).toBe('phone');
    expect(field('Lead', 'Street')).toMatchObject({ type: 'textarea', length: 255, compoundFieldName: 'Address' });
    expect(field('Lead', 'Description')).toMatchObject({ type: 'textarea', length: 32000, filterable: false });
    expect(field('Lead', 'AnnualRevenue')).toMatchObject({ type: 'currency', precision: 18, scale: 0 });
    expect(field('Lead', 'NumberOfEmployees')).toMatchObject({ type: 'int', digits: 8 });
  });

  it('give Lead Status the fresh-org values with Open - Not Contacted as the default', () => {
    const status = field('Lead', 'Status');
    expect(status.picklistValues.map((p) => p.value)).toEqual([
      'Open - Not Contacted',
      'Working - Contacted',
      'Closed - Converted',
      'Closed - Not Converted'
    ]);
    expect(status.picklistValues.find((p) => p.defaultValue)?.value).toBe('Open - Not Contacted');
    expect(status).toMatchObject({ nillable: false, defaultedOnCreate: true, restrictedPicklist: false });
  });

  it('make compound names and conversion fields read-only', () => {
    for (const object of ['Contact', 'Lead']) {
      expect(field(object, 'Name')).toMatchObject({
        createable: false,
        updateable: false,
        nameField: true,
        length: 121
      });
    }
    expect(field('Lead', 'IsConverted')).toMatchObject({ createable: true, updateable: false });
    expect(field('Lead', 'ConvertedContactId')).toMatchObject({ createable: false, referenceTo: ['Contact'] });
  });

  it('describe Task as the call-logging fields need it', () => {
    expect(field('Task', 'Status').picklistValues.map((p) => p.value)).toEqual([
      'Not Started',
      'In Progress',
      'Completed',
      'Waiting on someone else',
      'Deferred'
    ]);
    expect(field('Task', 'Priority').picklistValues.map((p) => p.value)).toEqual(['High', 'Normal', 'Low']);
    expect(field('Task', 'CallType')).toMatchObject({ type: 'picklist', length: 40, restrictedPicklist: true });
    expect(field('Task', 'CallType').picklistValues.map((p) => p.value)).toEqual(['Inbound', 'Internal', 'Outbound']);
    expect(field('Task', 'TaskSubtype')).toMatchObject({
      createable: true,
      updateable: false,
      restrictedPicklist: true
    });
    expect(field('Task', 'TaskSubtype').picklistValues.map((p) => p.value)).toEqual([
      'Task',
      'Email',
      'ListEmail',
      'Cadence',
      'Call'
    ]);
    expect(field('Task', 'Subject')).toMatchObject({ type: 'combobox', length: 255 });
    expect(field('Task', 'Description')).toMatchObject({ type: 'textarea', length: 32000, label: 'Comments' });
    expect(field('Task', 'CallDurationInSeconds')).toMatchObject({ type: 'int', digits: 8 });
    expect(field('Task', 'IsClosed')).toMatchObject({ createable: false, updateable: false });
    expect(field('Task', 'AccountId')).toMatchObject({
      createable: false,
      updateable: false,
      referenceTo: ['Account']
    });
  });

  it('make Who, What and Owner polymorphic where they are in a real org', () => {
    expect(field('Task', 'WhoId')).toMatchObject({
      referenceTo: ['Contact', 'Lead'],
      relationshipName: 'Who',
      polymorphicForeignKey: true,
      label: 'Name ID'
    });
    expect(field('Task', 'WhatId')).toMatchObject({ relationshipName: 'What', label: 'Related To ID' });
    expect(field('Task', 'WhatId').referenceTo).toEqual(expect.arrayContaining(['Account', 'Opportunity', 'Case']));
    expect(field('Task', 'OwnerId').referenceTo).toEqual(['Group', 'User']);
    expect(field('Lead', 'OwnerId').referenceTo).toEqual(['Group', 'User']);
    expect(field('Contact', 'OwnerId')).toMatchObject({ referenceTo: ['User'], polymorphicForeignKey: false });
  });

  it('list the child relationships the product queries', () => {
    const rel = (parent: string, name: string) => schema.childRelationship(parent, name);
    expect(rel('Account', 'Contacts')).toMatchObject({ childSObject: 'Contact', field: 'AccountId' });
    expect(rel('Account', 'Opportunities')).toMatchObject({ childSObject: 'Opportunity', field: 'AccountId' });
    expect(rel('Contact', 'Tasks')).toMatchObject({ childSObject: 'Task', field: 'WhoId' });
    expect(rel('Lead', 'Tasks')).toMatchObject({ childSObject: 'Task', field: 'WhoId' });
    expect(rel('Account', 'Tasks')).toMatchObject({ childSObject: 'Task', field: 'WhatId' });
    expect(rel('Contact', 'Events')).toMatchObject({ childSObject: 'Event', field: 'WhoId' });
    expect(rel('Contact', 'OpportunityContactRoles')).toMatchObject({ childSObject: 'OpportunityContactRole' });
    expect(rel('Opportunity', 'OpportunityContactRoles')).toMatchObject({
      field: 'OpportunityId',
      cascadeDelete: true
    });
    expect(rel('Task', 'TaskRelations')).toMatchObject({ childSObject: 'TaskRelation', field: 'TaskId' });
    expect(rel('Event', 'EventRelations')).toMatchObject({ childSObject: 'EventRelation', field: 'EventId' });
    expect(rel('ContentDocument', 'ContentDocumentLinks')).toMatchObject({ field: 'ContentDocumentId' });
  });

  it('give Opportunity, Case and OpportunityContactRole their fresh-org picklists', () => {
    expect(field('Opportunity', 'StageName').picklistValues.map((p) => p.value)).toContain('Closed Won');
    expect(field('Opportunity', 'StageName').nillable).toBe(false);
    expect(field('Opportunity', 'CloseDate')).toMatchObject({ type: 'date', nillable: false });
    expect(field('Opportunity', 'IsWon')).toMatchObject({ createable: false });
    expect(field('Case', 'Status').picklistValues.map((p) => p.value)).toEqual([
      'New',
      'Working',
      'Escalated',
      'Closed'
    ]);
    expect(field('Case', 'Origin').picklistValues.map((p) => p.value)).toEqual(['Phone', 'Email', 'Web']);
    expect(field('Case', 'CaseNumber')).toMatchObject({ autoNumber: true, createable: false, idLookup: true });
    expect(field('OpportunityContactRole', 'Role').picklistValues.map((p) => p.value)).toContain('Decision Maker');
    expect(field('OpportunityContactRole', 'IsPrimary').type).toBe('boolean');
  });

  it('carry the system fields on every object that has them', () => {
    for (const o of schema.objects()) {
      if (o.name === 'ContentDocumentLink') continue; // only Id, IsDeleted and SystemModstamp in a real org
      expect(o.fields[0]?.name).toBe('Id');
      for (const name of ['CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById']) {
        expect(schema.field(o.name, name)).toMatchObject({ createable: false, updateable: false });
      }
    }
    expect(field('Account', 'IsDeleted')).toMatchObject({ type: 'boolean', createable: false });
    expect(field('Account', 'SystemModstamp').type).toBe('datetime');
    expect(field('ContentDocumentLink', 'SystemModstamp').type).toBe('datetime');
    expect(schema.field('ContentDocumentLink', 'CreatedDate')).toBeUndefined();
  });

  it('describe content notes and links as the notes feature writes them', () => {
    expect(field('ContentNote', 'Content').type).toBe('base64');
    expect(field('ContentNote', 'Title')).toMatchObject({ nillable: false, length: 255 });
    expect(field('ContentDocumentLink', 'ShareType').picklistValues.map((p) => p.value)).toEqual(['V', 'C', 'I']);
    expect(field('ContentDocumentLink', 'Visibility').picklistValues.map((p) => p.value)).toEqual([
      'AllUsers',
      'InternalUsers',
      'SharedUsers'
    ]);
    expect(field('ContentDocumentLink', 'LinkedEntityId').referenceTo).toEqual(
      expect.arrayContaining(['Account', 'Contact', 'Lead', 'Opportunity', 'Case', 'User'])
    );
  });
});

describe('person accounts', () => {
  it('are off by default: Account has no person fields and Company is required on Lead', () => {
    expect(schema.field('Account', 'PersonEmail')).toBeUndefined();
    expect(schema.field('Account', 'IsPersonAccount')).toBeUndefined();
    expect(schema.field('Lead', 'Company')?.nillable).toBe(false);
  });

  it('add the Person* fields when enabled', () => {
    const pa = buildSchema({ forceAppDir: null, personAccounts: true });
    for (const name of [
      'IsPersonAccount',
      'PersonEmail',
      'PersonMobilePhone',
      'PersonContactId',
      'FirstName',
      'LastName',
      'Salutation'
    ]) {
      expect(pa.field('Account', name)).toBeDefined();
    }
    expect(pa.field('Account', 'PersonMobilePhone')?.searchGroup).toBe('phone');
    expect(pa.field('Account', 'PersonContactId')?.referenceTo).toEqual(['Contact']);
    expect(pa.field('Contact', 'IsPersonAccount')).toBeDefined();
    expect(pa.field('Lead', 'Company')?.nillable).toBe(true);
  });
});
