import { createOrg } from './org.ts';
import { errorOf, testOrg, type TestOrg } from './testing/test-org.ts';

let t: TestOrg;
beforeEach(() => {
  t = testOrg();
});
afterEach(() => t.close());

const leadCount = () => [...t.org.source.records('Lead')].length;

describe('savepoints', () => {
  it('roll back creates, updates and deletes made since the savepoint, side effects included', () => {
    const s = t.org.seed!;
    const before = t.org.exportRecords();
    const sp = t.org.savepoint();
    t.org.create('Lead', { LastName: 'Temp', Company: 'Temp' }, t.admin);
    t.org.update('Contact', s.contacts.jane, { Title: 'Changed' }, t.admin);
    t.org.create('Task', { Subject: 'Call', WhoId: s.contacts.jane, WhatId: s.opportunityId }, t.admin);
    t.org.delete('Case', s.caseId, t.admin);
    t.org.rollback(sp);
    t.org.release(sp);
    expect(t.org.exportRecords()).toEqual(before);
    expect([...t.org.source.records('TaskRelation', { includeDeleted: true })]).toEqual([]);
  });

  it('keep what happened before the savepoint and restore lookups by external id', () => {
    const kept = t.org.create('Lead', { LastName: 'Kept', Company: 'K', External_Id__c: 'k-1' }, t.admin);
    const sp = t.org.savepoint();
    t.org.update('Lead', kept, { External_Id__c: 'k-2' }, t.admin);
    t.org.rollback(sp);
    t.org.release(sp);
    expect(t.org.findByField('Lead', 'External_Id__c', 'k-1').map((r) => r.id)).toEqual([kept]);
    expect(t.org.findByField('Lead', 'External_Id__c', 'k-2')).toEqual([]);
  });

  it('nest: rolling back an inner savepoint leaves the outer work in place', () => {
    const outer = t.org.savepoint();
    t.org.create('Lead', { LastName: 'Outer', Company: 'O' }, t.admin);
    const inner = t.org.savepoint();
    t.org.create('Lead', { LastName: 'Inner', Company: 'I' }, t.admin);
    t.org.rollback(inner);
    expect([...t.org.source.records('Lead')].map((r) => r.values['LastName'])).toContain('Outer');
    expect([...t.org.source.records('Lead')].map((r) => r.values['LastName'])).not.toContain('Inner');
    t.org.rollback(outer);
    t.org.release(outer);
    expect([...t.org.source.records('Lead')].map((r) => r.values['LastName'])).not.toContain('Outer');
  });

  it('make a failed DML call leave nothing behind', () => {
    const count = leadCount();
    expect(errorOf(() => t.org.create('Lead', { LastName: 'x'.repeat(81), Company: 'C' }, t.admin)).errorCode).toBe(
      'STRING_TOO_LONG'
    );
    expect(leadCount()).toBe(count);
  });

  it('refuse a savepoint that was released', () => {
    const sp = t.org.savepoint();
    t.org.release(sp);
    expect(() => t.org.rollback(sp)).toThrow(/savepoint/);
  });
});

describe('export and import', () => {
  it('round-trip: importing an export gives the same org', () => {
    const s = t.org.seed!;
    t.org.create('Task', { Subject: 'Call', WhoId: s.contacts.jane, External_Activity_Id__c: 'c-1' }, t.admin);
    t.org.create('ContentNote', { Title: 'Note', Content: Buffer.from('hi').toString('base64') }, t.admin);
    const exported = t.org.exportRecords();
    const other = testOrg();
    try {
      other.org.importRecords(JSON.parse(JSON.stringify(exported)));
      expect(other.org.exportRecords()).toEqual(exported);
      expect(other.org.organizationId).toBe(t.org.organizationId);
      expect(other.org.adminUserId).toBe(t.org.adminUserId);
      expect(other.org.findByField('Task', 'External_Activity_Id__c', 'c-1')).toHaveLength(1);
    } finally {
      other.close();
    }
  });

  it('leaves deleted records and custom metadata out of the export', () => {
    const id = t.org.create('Lead', { LastName: 'Gone', Company: 'G' }, t.admin);
    t.org.delete('Lead', id, t.admin);
    const exported = t.org.exportRecords();
    expect(exported['Lead']?.some((r) => r['Id'] === id)).toBe(false);
    expect(exported['Field_Mapping__mdt']).toBeUndefined();
  });

  it('continues ids and auto numbers after imported records', () => {
    const exported = t.org.exportRecords();
    t.org.importRecords(exported);
    const lead = t.org.create('Lead', { LastName: 'New', Company: 'N' }, t.admin);
    expect(exported['Lead']?.map((r) => r['Id'])).not.toContain(lead);
    const caseId = t.org.create('Case', { Subject: 'Next' }, t.admin);
    expect(t.org.retrieve('Case', caseId, ['CaseNumber'])).toEqual({ CaseNumber: '00001001' });
  });

  it('refuses a data file naming an unknown object or field, and changes nothing', () => {
    const count = leadCount();
    expect(() => t.org.importRecords({ Gizmo__c: [] })).toThrow('data: unknown object Gizmo__c');
    expect(() => t.org.importRecords({ Lead: [{ Id: t.org.seed!.leads.lena, Shoe__c: 1 }] })).toThrow(
      'data: Lead[0] has unknown field Shoe__c'
    );
    expect(() => t.org.importRecords({ Lead: [{ LastName: 'No Id' }] })).toThrow(
      'data: Lead[0] needs an 18-character Id'
    );
    expect(leadCount()).toBe(count);
  });
});

describe('reset', () => {
  it('returns to the seeded state with the same ids, and drops validation rules', () => {
    const seededLeads = [...t.org.source.records('Lead')].map((r) => r.id);
    const admin = t.org.adminUserId;
    t.org.create('Lead', { LastName: 'Extra', Company: 'E' }, t.admin);
    t.org.installValidationRule({
      name: 'No_Web',
      object: 'Lead',
      condition: "LeadSource = 'Web'",
      errorMessage: 'no'
    });
    t.org.reset();
    expect([...t.org.source.records('Lead')].map((r) => r.id)).toEqual(seededLeads);
    expect(t.org.adminUserId).toBe(admin);
    expect(t.org.validationRules()).toEqual([]);
  });
});

describe('ids', () => {
  it('carry the org’s instance code: random unless given, so two orgs’ ids differ', () => {
    const a = createOrg({ forceAppDir: null, instance: 'Aa' });
    const b = createOrg({ forceAppDir: null, instance: 'Bb' });
    expect(a.organizationId).toMatch(/^00DAa0/);
    expect(a.organizationId).toHaveLength(18);
    expect(a.organizationId).not.toBe(b.organizationId);
    // Five random instance codes all equal would be a 1 in 3844^4 event.
    const random = new Set(Array.from({ length: 5 }, () => createOrg({ forceAppDir: null }).instance));
    expect(random.size).toBeGreaterThan(1);
  });
});

describe('the record source for the query engines', () => {
  it('hides deleted records unless asked, and finds records by 15- or 18-character id', () => {
    const id = t.org.create('Lead', { LastName: 'Q', Company: 'Q' }, t.admin);
    expect(t.org.source.byId(id.slice(0, 15))?.id).toBe(id);
    t.org.delete('Lead', id, t.admin);
    expect(t.org.source.byId(id)).toBeUndefined();
    expect(t.org.source.byId(id, { includeDeleted: true })?.values['IsDeleted']).toBe(true);
    expect([...t.org.source.records('lead')].some((r) => r.id === id)).toBe(false);
    expect([...t.org.source.records('lead', { includeDeleted: true })].some((r) => r.id === id)).toBe(true);
  });

  it('gives a query context bound to the org, its time zone and its clock', () => {
    const ctx = t.org.queryContext(t.admin.userId, '62.0', false);
    expect(ctx).toMatchObject({
      userId: t.admin.userId,
      timeZone: 'America/Los_Angeles',
      apiVersion: '62.0',
      includeDeleted: false
    });
    expect(ctx.now.getTime()).toBe(t.clock.now());
    expect(ctx.schema).toBe(t.org.schema);
  });
});
