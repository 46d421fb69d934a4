import { IdFactory } from '../ids.ts';
import { MultipleChoicesError } from './dml-errors.ts';
import { errorOf, testOrg, type TestOrg } from './testing/test-org.ts';

let t: TestOrg;
beforeEach(() => {
  t = testOrg();
});
afterEach(() => t.close());

const lead = (extra: Record<string, unknown> = {}) =>
  t.org.create('Lead', { LastName: 'Doe', Company: 'Acme', ...extra }, t.admin);

describe('REQUIRED_FIELD_MISSING', () => {
  it('lists every missing required field in describe order', () => {
    const e = errorOf(() => t.org.create('Lead', { FirstName: 'Jo' }, t.admin));
    expect(e).toMatchObject({
      errorCode: 'REQUIRED_FIELD_MISSING',
      message: 'Required fields are missing: [LastName, Company]',
      fields: ['LastName', 'Company'],
      status: 400
    });
  });

  it('is raised when an update clears a required field', () => {
    const id = lead();
    expect(errorOf(() => t.org.update('Lead', id, { LastName: null }, t.admin))).toMatchObject({
      errorCode: 'REQUIRED_FIELD_MISSING',
      fields: ['LastName']
    });
  });

  it('treats an empty string as no value, as Salesforce stores it', () => {
    expect(errorOf(() => t.org.create('Lead', { LastName: '', Company: 'Acme' }, t.admin)).fields).toEqual([
      'LastName'
    ]);
  });
});

describe('INVALID_FIELD and INVALID_TYPE', () => {
  it('names an unknown field in a write', () => {
    expect(errorOf(() => lead({ Shoe_Size__c: 9 }))).toMatchObject({
      errorCode: 'INVALID_FIELD',
      message: "No such column 'Shoe_Size__c' on sobject of type Lead",
      fields: ['Shoe_Size__c']
    });
  });

  it('names an unknown object', () => {
    expect(errorOf(() => t.org.create('Widget__c', { Name: 'x' }, t.admin))).toMatchObject({
      errorCode: 'INVALID_TYPE',
      message: expect.stringMatching(/^sObject type 'Widget__c' is not supported\./)
    });
  });

  it('refuses an Id in the body of a create', () => {
    expect(errorOf(() => lead({ Id: t.org.seed!.leads.lena })).message).toBe(
      'The Id field should not be specified in the sobject data.'
    );
  });

  it('names an unknown field in a retrieve', () => {
    expect(errorOf(() => t.org.retrieve('Lead', lead(), ['LastName', 'Nope']))).toMatchObject({
      errorCode: 'INVALID_FIELD',
      message: expect.stringMatching(/^No such column 'Nope' on entity 'Lead'\./)
    });
  });
});

describe('INVALID_FIELD_FOR_INSERT_UPDATE', () => {
  const suffix =
    '. Please check the security settings of this field and verify that it is read/write for your profile or permission set.';

  it('lists every read-only field a create sets', () => {
    expect(
      errorOf(() => t.org.create('Task', { Subject: 'Call', IsClosed: true, AccountId: null }, t.admin))
    ).toMatchObject({
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      message: `Unable to create/update fields: IsClosed, AccountId${suffix}`,
      fields: ['IsClosed', 'AccountId']
    });
  });

  it('refuses the compound Name of a Lead or Contact', () => {
    expect(errorOf(() => lead({ Name: 'Jo Doe' })).fields).toEqual(['Name']);
  });

  it('refuses a create-only field on update (TaskSubtype, Lead.IsConverted)', () => {
    const task = t.org.create('Task', { Subject: 'Call', TaskSubtype: 'Call' }, t.admin);
    expect(errorOf(() => t.org.update('Task', task, { TaskSubtype: 'Email' }, t.admin))).toMatchObject({
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      fields: ['TaskSubtype']
    });
    expect(errorOf(() => t.org.update('Lead', lead(), { IsConverted: true }, t.admin)).fields).toEqual(['IsConverted']);
  });
});

describe('value checks', () => {
  it('STRING_TOO_LONG names the field label, the value and the limit', () => {
    const long = 'x'.repeat(41);
    expect(errorOf(() => lead({ FirstName: long }))).toMatchObject({
      errorCode: 'STRING_TOO_LONG',
      message: `First Name: data value too large: ${long} (max length=40)`,
      fields: ['FirstName']
    });
  });

  it('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST for a value outside a restricted picklist', () => {
    expect(errorOf(() => lead({ Sync_Status__c: 'Bogus' }))).toMatchObject({
      errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      message: 'Sync Status: bad value for restricted picklist field: Bogus',
      fields: ['Sync_Status__c']
    });
  });

  it('accepts any value in an unrestricted picklist, as a real org does', () => {
    const id = lead({ LeadSource: 'Billboard' });
    expect(t.org.retrieve('Lead', id, ['LeadSource'])).toEqual({ LeadSource: 'Billboard' });
  });

  it('INVALID_EMAIL_ADDRESS for an email field that is not an address', () => {
    expect(errorOf(() => lead({ Email: 'not-an-email' }))).toMatchObject({
      errorCode: 'INVALID_EMAIL_ADDRESS',
      message: 'Email: invalid email address: not-an-email',
      fields: ['Email']
    });
  });

  it('NUMBER_OUTSIDE_VALID_RANGE for a number too large for its precision', () => {
    expect(errorOf(() => lead({ NumberOfEmployees: 123456789 }))).toMatchObject({
      errorCode: 'NUMBER_OUTSIDE_VALID_RANGE',
      fields: ['NumberOfEmployees']
    });
  });
});

describe('JSON_PARSER_ERROR', () => {
  it('reports a value that does not parse as the field type, in the parser’s words', () => {
    expect(errorOf(() => lead({ NumberOfEmployees: 'many' }))).toMatchObject({
      errorCode: 'JSON_PARSER_ERROR',
      message: expect.stringMatching(
        /^Cannot deserialize instance of int from VALUE_STRING value many or request may be missing a required field at \[line:1, column:\d+\]$/
      )
    });
    expect(errorOf(() => lead({ HasOptedOutOfEmail: 'yes' })).message).toMatch(
      /instance of boolean from VALUE_STRING value yes/
    );
    expect(errorOf(() => lead({ EmailBouncedDate: '2025-02-30T10:00:00Z' })).message).toMatch(
      /instance of datetime from VALUE_STRING value 2025-02-30T10:00:00Z/
    );
    expect(errorOf(() => lead({ FirstName: { nested: true } })).message).toMatch(
      /instance of string from START_OBJECT value \{/
    );
  });
});

describe('references', () => {
  it('MALFORMED_ID for a value that is not an id', () => {
    expect(errorOf(() => t.org.create('Task', { Subject: 'Call', WhatId: '006B000002nBrQ' }, t.admin))).toMatchObject({
      errorCode: 'MALFORMED_ID',
      message: 'Related To ID: id value of incorrect type: 006B000002nBrQ',
      fields: ['WhatId']
    });
  });

  it('FIELD_INTEGRITY_EXCEPTION for an id of an object the field cannot point at', () => {
    const opportunity = t.org.seed!.opportunityId;
    expect(errorOf(() => t.org.create('Task', { Subject: 'Call', WhoId: opportunity }, t.admin))).toMatchObject({
      errorCode: 'FIELD_INTEGRITY_EXCEPTION',
      message: `Name ID: id value of incorrect type: ${opportunity}`,
      fields: ['WhoId']
    });
  });

  it('INVALID_CROSS_REFERENCE_KEY for a well-formed id of a record that does not exist or was deleted', () => {
    const missing = IdFactory.build('001', 'Te', 9999);
    expect(errorOf(() => t.org.create('Contact', { LastName: 'Ng', AccountId: missing }, t.admin))).toMatchObject({
      errorCode: 'INVALID_CROSS_REFERENCE_KEY',
      message: 'invalid cross reference id',
      fields: ['AccountId']
    });
    const account = t.org.create('Account', { Name: 'Gone Inc' }, t.admin);
    t.org.delete('Account', account, t.admin);
    expect(errorOf(() => t.org.create('Contact', { LastName: 'Ng', AccountId: account }, t.admin)).errorCode).toBe(
      'INVALID_CROSS_REFERENCE_KEY'
    );
  });

  it('accepts a 15-character id and stores the 18-character form', () => {
    const account = t.org.seed!.accounts.acme;
    const id = t.org.create('Contact', { LastName: 'Ng', AccountId: account.slice(0, 15) }, t.admin);
    expect(t.org.retrieve('Contact', id.slice(0, 15), ['AccountId'])).toEqual({ AccountId: account });
  });
});

describe('record ids in update, delete and retrieve', () => {
  it('MALFORMED_ID (on Id) for a malformed id or one of another object', () => {
    expect(errorOf(() => t.org.update('Lead', 'abc123', { FirstName: 'x' }, t.admin))).toMatchObject({
      errorCode: 'MALFORMED_ID',
      message: 'Lead ID: id value of incorrect type: abc123',
      fields: ['Id']
    });
    const account = t.org.seed!.accounts.acme;
    expect(errorOf(() => t.org.retrieve('Lead', account)).message).toBe(
      `Lead ID: id value of incorrect type: ${account}`
    );
  });

  it('NOT_FOUND (404) for a well-formed id with no record', () => {
    expect(errorOf(() => t.org.retrieve('Lead', IdFactory.build('00Q', 'Te', 4242)))).toMatchObject({
      errorCode: 'NOT_FOUND',
      status: 404,
      message: 'The requested resource does not exist'
    });
  });

  it('ENTITY_IS_DELETED (404) once the record is deleted', () => {
    const id = lead();
    t.org.delete('Lead', id, t.admin);
    for (const call of [
      () => t.org.retrieve('Lead', id),
      () => t.org.update('Lead', id, { FirstName: 'x' }, t.admin),
      () => t.org.delete('Lead', id, t.admin)
    ]) {
      expect(errorOf(call)).toMatchObject({
        errorCode: 'ENTITY_IS_DELETED',
        status: 404,
        message: 'entity is deleted',
        fields: []
      });
    }
  });
});

describe('DUPLICATE_VALUE', () => {
  it('refuses a unique value already held, comparing case-insensitively by default', () => {
    const first = lead({ External_Id__c: 'ext-1' });
    expect(errorOf(() => lead({ External_Id__c: 'EXT-1' }))).toMatchObject({
      errorCode: 'DUPLICATE_VALUE',
      message: `duplicate value found: External_Id__c duplicates value on record with id: ${first}`,
      fields: []
    });
  });

  it('compares exactly when the field is case-sensitive', () => {
    t.org.create('Task', { Subject: 'a', External_Activity_Id__c: 'call:ABC' }, t.admin);
    expect(() => t.org.create('Task', { Subject: 'b', External_Activity_Id__c: 'call:abc' }, t.admin)).not.toThrow();
    expect(
      errorOf(() => t.org.create('Task', { Subject: 'c', External_Activity_Id__c: 'call:abc' }, t.admin)).errorCode
    ).toBe('DUPLICATE_VALUE');
  });
});

describe('converted leads', () => {
  it('CANNOT_UPDATE_CONVERTED_LEAD for an update of a converted lead', () => {
    const { leadId } = t.org.seed!.convertedLead;
    expect(errorOf(() => t.org.update('Lead', leadId, { FirstName: 'x' }, t.admin))).toMatchObject({
      errorCode: 'CANNOT_UPDATE_CONVERTED_LEAD',
      message: 'cannot reference converted lead'
    });
  });

  it('CANNOT_UPDATE_CONVERTED_LEAD for a Task or Event whose WhoId is a converted lead', () => {
    const { leadId } = t.org.seed!.convertedLead;
    expect(errorOf(() => t.org.create('Task', { Subject: 'Call', WhoId: leadId }, t.admin)).errorCode).toBe(
      'CANNOT_UPDATE_CONVERTED_LEAD'
    );
    expect(
      errorOf(() =>
        t.org.create(
          'Event',
          { Subject: 'Meet', WhoId: leadId, StartDateTime: '2025-01-20T10:00:00Z', DurationInMinutes: 30 },
          t.admin
        )
      ).errorCode
    ).toBe('CANNOT_UPDATE_CONVERTED_LEAD');
  });
});

describe('FIELD_INTEGRITY_EXCEPTION for a lead with a What', () => {
  it('refuses a Task or Event whose WhoId is a Lead and that also has a WhatId', () => {
    const who = t.org.seed!.leads.lena;
    const what = t.org.seed!.accounts.acme;
    expect(errorOf(() => t.org.create('Task', { Subject: 'Call', WhoId: who, WhatId: what }, t.admin))).toMatchObject({
      errorCode: 'FIELD_INTEGRITY_EXCEPTION',
      fields: ['WhoId', 'WhatId']
    });
    const task = t.org.create('Task', { Subject: 'Call', WhoId: who }, t.admin);
    expect(errorOf(() => t.org.update('Task', task, { WhatId: what }, t.admin)).errorCode).toBe(
      'FIELD_INTEGRITY_EXCEPTION'
    );
  });
});

describe('objects the API cannot write', () => {
  it('answers CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY for DML on a custom metadata type', () => {
    const [row] = [...t.org.source.records('Field_Mapping__mdt')];
    expect(row).toBeDefined();
    expect(errorOf(() => t.org.create('Field_Mapping__mdt', { DeveloperName: 'x' }, t.admin))).toMatchObject({
      errorCode: 'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY',
      message: 'entity type cannot be inserted: Field Mapping'
    });
    expect(errorOf(() => t.org.update('Field_Mapping__mdt', row!.id, { Label: 'x' }, t.admin)).message).toBe(
      'entity type cannot be updated: Field Mapping'
    );
    expect(errorOf(() => t.org.delete('Field_Mapping__mdt', row!.id, t.admin)).message).toBe(
      'entity type cannot be deleted: Field Mapping'
    );
  });

  it('refuses to create an Organization', () => {
    expect(errorOf(() => t.org.create('Organization', { Name: 'Other' }, t.admin)).message).toBe(
      'entity type cannot be inserted: Organization'
    );
  });
});

describe('upsert', () => {
  it('creates when nothing matches and updates when one record does', () => {
    const created = t.org.upsert('Lead', 'External_Id__c', 'p-1', { LastName: 'Pham', Company: 'Pho Co' }, t.admin);
    expect(created.created).toBe(true);
    expect(t.org.retrieve('Lead', created.id, ['External_Id__c'])).toEqual({ External_Id__c: 'p-1' });
    const updated = t.org.upsert('Lead', 'external_id__c', 'P-1', { Title: 'Owner' }, t.admin);
    expect(updated).toEqual({ id: created.id, created: false });
    expect(t.org.retrieve('Lead', created.id, ['Title'])).toEqual({ Title: 'Owner' });
  });

  it('throws MULTIPLE_CHOICES (300) with the matching ids when several records match', () => {
    const a = t.org.create('Contact', { LastName: 'A', External_Id__c: 'dup' }, t.admin);
    const b = t.org.create('Contact', { LastName: 'B', External_Id__c: 'dup' }, t.admin);
    const e = errorOf(() => t.org.upsert('Contact', 'External_Id__c', 'dup', { Title: 'x' }, t.admin));
    expect(e).toBeInstanceOf(MultipleChoicesError);
    expect(e).toMatchObject({ errorCode: 'MULTIPLE_CHOICES', status: 300 });
    expect((e as MultipleChoicesError).ids.sort()).toEqual([a, b].sort());
  });

  it('answers NOT_FOUND when the field is not an external id or idLookup field', () => {
    expect(errorOf(() => t.org.upsert('Lead', 'LastName', 'Doe', {}, t.admin))).toMatchObject({
      errorCode: 'NOT_FOUND',
      status: 404,
      message: 'Provided external ID field does not exist or is not accessible: LastName'
    });
    expect(errorOf(() => t.org.upsert('Lead', 'Nope__c', 'x', {}, t.admin)).message).toBe(
      'Provided external ID field does not exist or is not accessible: Nope__c'
    );
  });

  it('accepts the external id in the body only when it agrees with the URL', () => {
    expect(
      t.org.upsert('Lead', 'External_Id__c', 'q-1', { External_Id__c: 'q-1', LastName: 'Q', Company: 'Q' }, t.admin)
        .created
    ).toBe(true);
    expect(
      errorOf(() => t.org.upsert('Lead', 'External_Id__c', 'q-1', { External_Id__c: 'q-2' }, t.admin))
    ).toMatchObject({
      errorCode: 'INVALID_FIELD',
      fields: ['External_Id__c']
    });
  });

  it('upserts by an idLookup field such as Email, and by Id', () => {
    const byEmail = t.org.upsert('Lead', 'Email', 'LENA.LOPEZ@umbrella.example', { Title: 'CEO' }, t.admin);
    expect(byEmail).toEqual({ id: t.org.seed!.leads.lena, created: false });
    const byId = t.org.upsert('Lead', 'Id', t.org.seed!.leads.lena.slice(0, 15), { Title: 'CFO' }, t.admin);
    expect(byId).toEqual({ id: t.org.seed!.leads.lena, created: false });
  });
});
