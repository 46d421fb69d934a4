import { errorOf, testOrg, type TestOrg } from './testing/test-org.ts';
import type { FieldValues } from './types.ts';

let t: TestOrg;
beforeEach(() => {
  t = testOrg();
});
afterEach(() => t.close());

const get = (type: string, id: string, fields: string[]): FieldValues => t.org.retrieve(type, id, fields);
const rows = (type: string, predicate: (v: FieldValues) => boolean = () => true): FieldValues[] =>
  [...t.org.source.records(type)].map((r) => r.values).filter(predicate);

describe('system fields', () => {
  it('are set on create and maintained on update, with datetimes in the REST form', () => {
    const maya = t.org.seed!.users.maya;
    const id = t.org.create('Lead', { LastName: 'Doe', Company: 'Acme' }, { userId: maya });
    expect(
      get('Lead', id, ['CreatedDate', 'CreatedById', 'LastModifiedById', 'OwnerId', 'IsDeleted', 'SystemModstamp'])
    ).toEqual({
      CreatedDate: '2025-01-15T17:00:00.000+0000',
      CreatedById: maya,
      LastModifiedById: maya,
      OwnerId: maya,
      IsDeleted: false,
      SystemModstamp: '2025-01-15T17:00:00.000+0000'
    });
    t.clock.advance(90_000);
    t.org.update('Lead', id, { Title: 'CTO' }, t.admin);
    expect(get('Lead', id, ['CreatedDate', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp'])).toEqual({
      CreatedDate: '2025-01-15T17:00:00.000+0000',
      LastModifiedDate: '2025-01-15T17:01:30.000+0000',
      LastModifiedById: t.admin.userId,
      SystemModstamp: '2025-01-15T17:01:30.000+0000'
    });
  });

  it('record when a record became searchable in indexedAt (created or last updated)', () => {
    const id = t.org.create('Lead', { LastName: 'Doe', Company: 'Acme' }, t.admin);
    expect(t.org.source.byId(id)?.indexedAt).toBe(t.clock.now());
    t.clock.advance(5_000);
    t.org.update('Lead', id, { Phone: '415 555 0100' }, t.admin);
    expect(t.org.source.byId(id)?.indexedAt).toBe(t.clock.now());
  });

  it('apply picklist and checkbox defaults on create', () => {
    const id = t.org.create('Lead', { LastName: 'Doe', Company: 'Acme' }, t.admin);
    expect(get('Lead', id, ['Status', 'IsConverted', 'DoNotCall'])).toEqual({
      Status: 'Open - Not Contacted',
      IsConverted: false,
      DoNotCall: false
    });
  });
});

describe('compound names', () => {
  it('make Name from FirstName and LastName (without the salutation), and follow updates', () => {
    const id = t.org.create('Contact', { Salutation: 'Dr.', FirstName: 'Ana', LastName: 'Silva' }, t.admin);
    expect(get('Contact', id, ['Name'])).toEqual({ Name: 'Ana Silva' });
    t.org.update('Contact', id, { FirstName: null }, t.admin);
    expect(get('Contact', id, ['Name'])).toEqual({ Name: 'Silva' });
  });
});

describe('Task', () => {
  it('derives IsClosed, IsHighPriority, CompletedDateTime and the default subtype', () => {
    const id = t.org.create('Task', { Subject: 'Call', Priority: 'High' }, t.admin);
    expect(get('Task', id, ['Status', 'IsClosed', 'IsHighPriority', 'TaskSubtype', 'CompletedDateTime'])).toEqual({
      Status: 'Not Started',
      IsClosed: false,
      IsHighPriority: true,
      TaskSubtype: 'Task',
      CompletedDateTime: null
    });
    t.org.update('Task', id, { Status: 'Completed' }, t.admin);
    expect(get('Task', id, ['IsClosed', 'CompletedDateTime'])).toEqual({
      IsClosed: true,
      CompletedDateTime: '2025-01-15T17:00:00.000+0000'
    });
  });

  it('takes its AccountId from the What (account or opportunity), otherwise from the contact', () => {
    const s = t.org.seed!;
    const viaOpportunity = t.org.create('Task', { Subject: 'a', WhatId: s.opportunityId }, t.admin);
    const viaAccount = t.org.create(
      'Task',
      { Subject: 'b', WhatId: s.accounts.globex, WhoId: s.contacts.jane },
      t.admin
    );
    const viaContact = t.org.create('Task', { Subject: 'c', WhoId: s.contacts.priya, WhatId: s.caseId }, t.admin);
    const none = t.org.create('Task', { Subject: 'd', WhoId: s.leads.lena }, t.admin);
    expect(get('Task', viaOpportunity, ['AccountId'])).toEqual({ AccountId: s.accounts.acme });
    expect(get('Task', viaAccount, ['AccountId'])).toEqual({ AccountId: s.accounts.globex });
    expect(get('Task', viaContact, ['AccountId'])).toEqual({ AccountId: s.accounts.initech });
    expect(get('Task', none, ['AccountId'])).toEqual({ AccountId: null });
  });

  it('keeps TaskRelation rows (and the TaskWhoRelation view) in step with WhoId and WhatId', () => {
    const s = t.org.seed!;
    const task = t.org.create('Task', { Subject: 'Call', WhoId: s.contacts.jane, WhatId: s.opportunityId }, t.admin);
    const relations = () =>
      rows('TaskRelation', (r) => r['TaskId'] === task)
        .map((r) => [r['RelationId'], r['IsWhat']])
        .sort();
    expect(relations()).toEqual(
      [
        [s.contacts.jane, false],
        [s.opportunityId, true]
      ].sort()
    );
    expect(rows('TaskWhoRelation', (r) => r['TaskId'] === task).map((r) => [r['RelationId'], r['Type']])).toEqual([
      [s.contacts.jane, 'Contact']
    ]);
    t.org.update('Task', task, { WhoId: s.contacts.omar, WhatId: null }, t.admin);
    expect(relations()).toEqual([[s.contacts.omar, false]]);
    expect(rows('TaskWhoRelation', (r) => r['TaskId'] === task).map((r) => r['RelationId'])).toEqual([s.contacts.omar]);
    t.org.delete('Task', task, t.admin);
    expect(relations()).toEqual([]);
  });
});

describe('Event', () => {
  const start = '2025-01-15T17:00:00.000+0000';

  it('computes the end from a duration, and the duration from an end', () => {
    const byDuration = t.org.create('Event', { Subject: 'Demo', StartDateTime: start, DurationInMinutes: 45 }, t.admin);
    expect(get('Event', byDuration, ['EndDateTime', 'ActivityDateTime', 'ActivityDate'])).toEqual({
      EndDateTime: '2025-01-15T17:45:00.000+0000',
      ActivityDateTime: start,
      // The owner is in America/Los_Angeles: 17:00 UTC is 09:00 that morning.
      ActivityDate: '2025-01-15'
    });
    const byEnd = t.org.create(
      'Event',
      { Subject: 'Demo', ActivityDateTime: start, EndDateTime: '2025-01-15T18:30:00Z' },
      t.admin
    );
    expect(get('Event', byEnd, ['DurationInMinutes', 'StartDateTime'])).toEqual({
      DurationInMinutes: 90,
      StartDateTime: start
    });
  });

  it('uses the owner’s time zone for the activity date', () => {
    const late = t.org.create(
      'Event',
      { Subject: 'Late call', StartDateTime: '2025-01-16T05:00:00Z', DurationInMinutes: 30 },
      t.admin
    );
    expect(get('Event', late, ['ActivityDate'])).toEqual({ ActivityDate: '2025-01-15' });
  });

  it('needs a start and a duration or an end', () => {
    expect(errorOf(() => t.org.create('Event', { Subject: 'x', StartDateTime: start }, t.admin))).toMatchObject({
      errorCode: 'REQUIRED_FIELD_MISSING',
      message: 'Required fields are missing: [DurationInMinutes]',
      fields: ['DurationInMinutes']
    });
    expect(errorOf(() => t.org.create('Event', { Subject: 'x' }, t.admin)).fields).toEqual([
      'ActivityDateTime',
      'DurationInMinutes'
    ]);
  });

  it('refuses a duration and an end that disagree, an end before the start, and more than 14 days', () => {
    expect(
      errorOf(() =>
        t.org.create(
          'Event',
          { Subject: 'x', StartDateTime: start, DurationInMinutes: 30, EndDateTime: '2025-01-15T19:00:00Z' },
          t.admin
        )
      ).errorCode
    ).toBe('FIELD_INTEGRITY_EXCEPTION');
    expect(
      errorOf(() =>
        t.org.create('Event', { Subject: 'x', StartDateTime: start, EndDateTime: '2025-01-15T16:00:00Z' }, t.admin)
      ).errorCode
    ).toBe('FIELD_INTEGRITY_EXCEPTION');
    expect(
      errorOf(() =>
        t.org.create('Event', { Subject: 'x', StartDateTime: start, DurationInMinutes: 15 * 24 * 60 }, t.admin)
      ).errorCode
    ).toBe('FIELD_INTEGRITY_EXCEPTION');
  });

  it('makes an all-day event last whole days from midnight GMT', () => {
    const id = t.org.create('Event', { Subject: 'Offsite', IsAllDayEvent: true, ActivityDate: '2025-02-03' }, t.admin);
    expect(get('Event', id, ['StartDateTime', 'DurationInMinutes', 'EndDate'])).toEqual({
      StartDateTime: '2025-02-03T00:00:00.000+0000',
      DurationInMinutes: 1440,
      EndDate: '2025-02-03'
    });
  });

  it('keeps the duration when the event moves', () => {
    const id = t.org.create('Event', { Subject: 'Demo', StartDateTime: start, DurationInMinutes: 30 }, t.admin);
    t.org.update('Event', id, { StartDateTime: '2025-01-16T17:00:00Z' }, t.admin);
    expect(get('Event', id, ['EndDateTime', 'DurationInMinutes'])).toEqual({
      EndDateTime: '2025-01-16T17:30:00.000+0000',
      DurationInMinutes: 30
    });
  });

  it('keeps an EventRelation row for its Who and its What', () => {
    const s = t.org.seed!;
    const id = t.org.create(
      'Event',
      { Subject: 'Demo', StartDateTime: start, DurationInMinutes: 30, WhoId: s.contacts.jane, WhatId: s.accounts.acme },
      t.admin
    );
    expect(
      rows('EventRelation', (r) => r['EventId'] === id)
        .map((r) => [r['RelationId'], r['IsWhat'], r['IsParent']])
        .sort()
    ).toEqual(
      [
        [s.accounts.acme, true, false],
        [s.contacts.jane, false, true]
      ].sort()
    );
  });
});

describe('Opportunity', () => {
  it('derives IsClosed, IsWon, Probability and ForecastCategory from the stage', () => {
    const id = t.org.create(
      'Opportunity',
      { Name: 'Deal', StageName: 'Prospecting', CloseDate: '2025-03-31', Amount: 1000 },
      t.admin
    );
    expect(
      get('Opportunity', id, [
        'IsClosed',
        'IsWon',
        'Probability',
        'ForecastCategoryName',
        'ExpectedRevenue',
        'FiscalQuarter'
      ])
    ).toEqual({
      IsClosed: false,
      IsWon: false,
      Probability: 10,
      ForecastCategoryName: 'Pipeline',
      ExpectedRevenue: 100,
      FiscalQuarter: 1
    });
    t.org.update('Opportunity', id, { StageName: 'Closed Won' }, t.admin);
    expect(get('Opportunity', id, ['IsClosed', 'IsWon', 'Probability', 'ForecastCategory'])).toEqual({
      IsClosed: true,
      IsWon: true,
      Probability: 100,
      ForecastCategory: 'Closed'
    });
  });
});

describe('Case', () => {
  it('numbers cases, defaults the business hours and follows Status into IsClosed', () => {
    const s = t.org.seed!;
    const id = t.org.create('Case', { Subject: 'Broken', ContactId: s.contacts.tom }, t.admin);
    const created = get('Case', id, [
      'CaseNumber',
      'BusinessHoursId',
      'AccountId',
      'ContactPhone',
      'IsClosed',
      'Status'
    ]);
    expect(created).toEqual({
      CaseNumber: '00001001',
      BusinessHoursId: s.businessHoursId,
      AccountId: s.accounts.globex,
      ContactPhone: '+1 415-555-0199',
      IsClosed: false,
      Status: 'New'
    });
    t.clock.advance(60_000);
    t.org.update('Case', id, { Status: 'Closed' }, t.admin);
    expect(get('Case', id, ['IsClosed', 'ClosedDate'])).toEqual({
      IsClosed: true,
      ClosedDate: '2025-01-15T17:01:00.000+0000'
    });
  });
});

describe('OpportunityContactRole', () => {
  it('keeps at most one primary role per opportunity', () => {
    const s = t.org.seed!;
    t.org.create(
      'OpportunityContactRole',
      { OpportunityId: s.opportunityId, ContactId: s.contacts.tom, IsPrimary: true },
      t.admin
    );
    const primaries = rows(
      'OpportunityContactRole',
      (r) => r['OpportunityId'] === s.opportunityId && r['IsPrimary'] === true
    );
    expect(primaries.map((r) => r['ContactId'])).toEqual([s.contacts.tom]);
  });
});

describe('ContentNote', () => {
  const body = Buffer.from('Customer asked for a <b>callback</b> &amp; a quote').toString('base64');

  it('creates its ContentDocument with the same 069 id, a first ContentVersion and an owner link', () => {
    const id = t.org.create('ContentNote', { Title: 'Call summary', Content: body }, t.admin);
    expect(id.startsWith('069')).toBe(true);
    expect(t.org.source.byId(id)?.type).toBe('ContentDocument');
    const note = get('ContentNote', id, ['FileType', 'TextPreview', 'LatestPublishedVersionId']);
    expect(note).toMatchObject({ FileType: 'SNOTE', TextPreview: 'Customer asked for a callback & a quote' });
    expect(get('ContentDocument', id, ['Title', 'FileType', 'LatestPublishedVersionId'])).toEqual({
      Title: 'Call summary',
      FileType: 'SNOTE',
      LatestPublishedVersionId: note['LatestPublishedVersionId']
    });
    expect(
      rows('ContentVersion', (v) => v['ContentDocumentId'] === id).map((v) => [
        v['VersionData'],
        v['IsLatest'],
        v['VersionNumber']
      ])
    ).toEqual([[body, true, '1']]);
    expect(rows('ContentDocumentLink', (l) => l['ContentDocumentId'] === id).map((l) => l['LinkedEntityId'])).toEqual([
      t.admin.userId
    ]);
  });

  it('adds a version when its content changes, and is deleted with its document', () => {
    const id = t.org.create('ContentNote', { Title: 'Call summary', Content: body }, t.admin);
    t.org.update('ContentNote', id, { Content: Buffer.from('Updated').toString('base64') }, t.admin);
    expect(
      rows('ContentVersion', (v) => v['ContentDocumentId'] === id).map((v) => [v['VersionNumber'], v['IsLatest']])
    ).toEqual([
      ['1', false],
      ['2', true]
    ]);
    t.org.delete('ContentNote', id, t.admin);
    expect(errorOf(() => t.org.retrieve('ContentDocument', id)).errorCode).toBe('ENTITY_IS_DELETED');
    expect(rows('ContentDocumentLink', (l) => l['ContentDocumentId'] === id)).toEqual([]);
  });

  it('is shared with a record through a ContentDocumentLink, which needs both ids', () => {
    const id = t.org.create('ContentNote', { Title: 'Call summary', Content: body }, t.admin);
    const link = t.org.create(
      'ContentDocumentLink',
      { ContentDocumentId: id, LinkedEntityId: t.org.seed!.contacts.jane },
      t.admin
    );
    expect(get('ContentDocumentLink', link, ['ShareType', 'Visibility'])).toEqual({
      ShareType: 'V',
      Visibility: 'AllUsers'
    });
    expect(errorOf(() => t.org.create('ContentDocumentLink', { ShareType: 'V' }, t.admin))).toMatchObject({
      errorCode: 'REQUIRED_FIELD_MISSING',
      fields: ['LinkedEntityId', 'ContentDocumentId']
    });
    expect(
      errorOf(() =>
        t.org.create(
          'ContentDocumentLink',
          { ContentDocumentId: id, LinkedEntityId: t.org.seed!.contacts.jane, ShareType: 'X' },
          t.admin
        )
      ).errorCode
    ).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
  });
});

describe('lead conversion', () => {
  it('creates the account, contact, opportunity and primary role, moves activities, and freezes the lead', () => {
    const leadId = t.org.seed!.leads.lena;
    const task = t.org.create('Task', { Subject: 'Intro call', WhoId: leadId }, t.admin);
    const result = t.org.convertLead({ leadId }, t.admin);
    expect(
      get('Lead', leadId, [
        'IsConverted',
        'Status',
        'ConvertedAccountId',
        'ConvertedContactId',
        'ConvertedOpportunityId'
      ])
    ).toEqual({
      IsConverted: true,
      Status: 'Closed - Converted',
      ConvertedAccountId: result.accountId,
      ConvertedContactId: result.contactId,
      ConvertedOpportunityId: result.opportunityId
    });
    expect(get('Account', result.accountId, ['Name'])).toEqual({ Name: 'Umbrella Logistics' });
    expect(get('Contact', result.contactId, ['Name', 'Email', 'AccountId'])).toEqual({
      Name: 'Lena Lopez',
      Email: 'lena.lopez@umbrella.example',
      AccountId: result.accountId
    });
    expect(
      rows('OpportunityContactRole', (r) => r['OpportunityId'] === result.opportunityId).map((r) => [
        r['ContactId'],
        r['IsPrimary']
      ])
    ).toEqual([[result.contactId, true]]);
    expect(get('Task', task, ['WhoId', 'WhatId'])).toEqual({ WhoId: result.contactId, WhatId: result.opportunityId });
    expect(errorOf(() => t.org.convertLead({ leadId }, t.admin)).errorCode).toBe('CANNOT_UPDATE_CONVERTED_LEAD');
  });
});

describe('person accounts', () => {
  let pa: TestOrg;
  beforeEach(() => {
    pa = testOrg({ personAccounts: true });
  });
  afterEach(() => pa.close());

  it('make an account created with a LastName a person account with its person contact', () => {
    const id = pa.org.create(
      'Account',
      { FirstName: 'Rosa', LastName: 'Diaz', PersonEmail: 'rosa@example.com', PersonMobilePhone: '+1 415 555 0190' },
      pa.admin
    );
    const account = pa.org.retrieve('Account', id, ['Name', 'IsPersonAccount', 'PersonContactId']);
    expect(account).toMatchObject({ Name: 'Rosa Diaz', IsPersonAccount: true });
    const contactId = String(account['PersonContactId']);
    expect(pa.org.retrieve('Contact', contactId, ['Email', 'MobilePhone', 'AccountId', 'IsPersonAccount'])).toEqual({
      Email: 'rosa@example.com',
      MobilePhone: '+1 415 555 0190',
      AccountId: id,
      IsPersonAccount: true
    });
    pa.org.update('Account', id, { PersonEmail: 'rosa.diaz@example.com' }, pa.admin);
    expect(pa.org.retrieve('Contact', contactId, ['Email'])).toEqual({ Email: 'rosa.diaz@example.com' });
  });

  it('refuse person fields on a business account', () => {
    expect(
      errorOf(() => pa.org.create('Account', { Name: 'Biz', PersonEmail: 'x@example.com' }, pa.admin))
    ).toMatchObject({
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      fields: ['PersonEmail']
    });
  });
});

describe('custom objects', () => {
  it('number auto-number names and let a record be related to a Task', () => {
    const s = t.org.seed!;
    const first = t.org.create('Engagement_Event__c', { Lead__c: s.leads.lena, Score__c: '7' }, t.admin);
    const second = t.org.create('Engagement_Event__c', {}, t.admin);
    expect(get('Engagement_Event__c', first, ['Name', 'Score__c', 'OwnerId'])).toEqual({
      Name: 'EE-00000001',
      Score__c: 7,
      OwnerId: t.admin.userId
    });
    expect(get('Engagement_Event__c', second, ['Name'])).toEqual({ Name: 'EE-00000002' });
    const task = t.org.create('Task', { Subject: 'Follow up', WhatId: first }, t.admin);
    expect(get('Task', task, ['WhatId'])).toEqual({ WhatId: first });
  });

  it('clear a lookup when its parent is deleted (delete constraint Set Null)', () => {
    const lead = t.org.create('Lead', { LastName: 'Gone', Company: 'Gone' }, t.admin);
    const event = t.org.create('Engagement_Event__c', { Lead__c: lead }, t.admin);
    t.org.delete('Lead', lead, t.admin);
    expect(get('Engagement_Event__c', event, ['Lead__c'])).toEqual({ Lead__c: null });
  });
});

describe('deletes', () => {
  it('cascade from an account to its contacts, opportunities and their activities', () => {
    const account = t.org.create('Account', { Name: 'Parent' }, t.admin);
    const contact = t.org.create('Contact', { LastName: 'Child', AccountId: account }, t.admin);
    const task = t.org.create('Task', { Subject: 'x', WhoId: contact }, t.admin);
    t.org.delete('Account', account, t.admin);
    for (const [type, id] of [
      ['Contact', contact],
      ['Task', task]
    ] as const) {
      expect(errorOf(() => t.org.retrieve(type, id)).errorCode).toBe('ENTITY_IS_DELETED');
    }
    expect([...t.org.source.records('Contact', { includeDeleted: true })].some((r) => r.id === contact)).toBe(true);
  });

  it('are refused while a restricting child exists (DELETE_FAILED), and leave everything in place', () => {
    const account = t.org.create('Account', { Name: 'Held' }, t.admin);
    t.org.create('Contract_Hold__c', { Name: 'Legal hold', Account__c: account }, t.admin);
    expect(errorOf(() => t.org.delete('Account', account, t.admin))).toMatchObject({
      errorCode: 'DELETE_FAILED',
      message: expect.stringContaining('Legal hold')
    });
    expect(get('Account', account, ['IsDeleted'])).toEqual({ IsDeleted: false });
  });
});

describe('parent references by external id', () => {
  it('resolve a relationship given as {External ID field: value} to the parent’s id', () => {
    const lead = t.org.create('Lead', { LastName: 'Ext', Company: 'E', External_Id__c: 'lead-7' }, t.admin);
    const event = t.org.create('Engagement_Event__c', { Lead__r: { External_Id__c: 'LEAD-7' } }, t.admin);
    expect(get('Engagement_Event__c', event, ['Lead__c'])).toEqual({ Lead__c: lead });
  });

  it('name the missing external id when no parent has it', () => {
    expect(
      errorOf(() => t.org.create('Engagement_Event__c', { Lead__r: { External_Id__c: 'nobody' } }, t.admin))
    ).toMatchObject({
      errorCode: 'INVALID_FIELD',
      message: 'Foreign key external ID: nobody not found for field External_Id__c in entity Lead'
    });
  });
});
