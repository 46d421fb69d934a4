// The engines over the real schema (buildSchema: the standard objects plus force-app), with records a test puts
// in a RecordSource, and once end to end through the data model's own store (createOrg).
import { compileCondition, runSoql, runSosl } from './index.ts';
import { buildSchema } from '../schema/index.ts';
import { createOrg } from '../model/org.ts';
import type { Schema } from '../model/types.ts';
import { catchSalesforceError, detailOf } from './testing/catch-error.ts';
import { fixtureContext, MemoryRecords } from './testing/fixture-schema.ts';

const standardOnly = buildSchema({ forceAppDir: null });
const withPackage = buildSchema();
const noLag = { searchLagMs: 0, nowMs: Date.parse('2024-03-15T18:30:00.000Z') };

function org(schema: Schema = standardOnly) {
  const data = new MemoryRecords(schema);
  const admin = data.add('User', {
    Name: 'Ada Admin',
    FirstName: 'Ada',
    LastName: 'Admin',
    Email: 'ada@switchboard.test',
    IsActive: true
  });
  const queue = data.add('Group', { Name: 'Inbound Queue', Type: 'Queue' });
  const acme = data.add('Account', { Name: 'Acme Corporation', Phone: '(415) 555-0132', OwnerId: admin });
  const contact = data.add('Contact', {
    FirstName: 'Jo',
    LastName: 'Lee',
    Name: 'Jo Lee',
    Phone: '415.555.0132',
    Email: 'jo.lee@acme.test',
    AccountId: acme,
    OwnerId: admin
  });
  const lead = data.add('Lead', {
    FirstName: 'Sam',
    LastName: 'Ray',
    Name: 'Sam Ray',
    Company: 'Ray Labs',
    Phone: '4155550132',
    OwnerId: queue
  });
  data.add('Task', {
    Subject: 'Call',
    WhoId: contact,
    WhatId: acme,
    ActivityDate: '2024-03-14',
    OwnerId: admin,
    Status: 'Completed'
  });
  data.add('Task', {
    Subject: 'Lead call',
    WhoId: lead,
    ActivityDate: '2024-03-15',
    OwnerId: queue,
    Status: 'Not Started'
  });
  return { data, ctx: fixtureContext(schema, data), ids: { admin, queue, acme, contact, lead } };
}

describe('SOQL over the standard objects', () => {
  it('answers relationship, polymorphic and child-subquery queries', () => {
    const { ctx, ids } = org();
    const [contact] = runSoql(
      'SELECT Name, Account.Name, Owner.Email, (SELECT Subject, What.Name FROM Tasks ORDER BY ActivityDate DESC) FROM Contact',
      ctx
    ).records;
    expect(contact).toMatchObject({
      Name: 'Jo Lee',
      Account: { Name: 'Acme Corporation' },
      Owner: { attributes: { type: 'User' }, Email: 'ada@switchboard.test' },
      Tasks: {
        totalSize: 1,
        done: true,
        records: [{ Subject: 'Call', What: { attributes: { type: 'Name' }, Name: 'Acme Corporation' } }]
      }
    });
    const leads = runSoql("SELECT Name, Owner.Name FROM Lead WHERE Owner.Type = 'Group'", ctx).records;
    expect(leads).toMatchObject([
      { Name: 'Sam Ray', Owner: { attributes: { type: 'Name', url: expect.stringContaining(ids.queue) } } }
    ]);
    const called = runSoql(
      "SELECT Name FROM Lead WHERE Id IN (SELECT WhoId FROM Task WHERE Status = 'Not Started')",
      ctx
    );
    expect(called.records.map((r) => r['Name'])).toEqual(['Sam Ray']);
  });

  it('refuses what Salesforce refuses on the real objects', () => {
    const { ctx } = org();
    expect(detailOf(catchSalesforceError(() => runSoql('SELECT Id, Nickname FROM Lead', ctx)))).toContain(
      "No such column 'Nickname' on entity 'Lead'."
    );
    expect(detailOf(catchSalesforceError(() => runSoql("SELECT Id FROM Account WHERE Description = 'x'", ctx)))).toBe(
      "field 'Description' can not be filtered in query call"
    );
    expect(
      catchSalesforceError(() => runSoql("SELECT Id FROM Task WHERE ActivityDate = '2024-03-14'", ctx)).errorCode
    ).toBe('INVALID_FIELD');
  });

  it('can select every field of every queryable object and filter every filterable one', () => {
    const { ctx } = org(withPackage);
    for (const object of withPackage.objects().filter((o) => o.queryable)) {
      const fields = object.fields.filter((field) => field.type !== 'address' && field.type !== 'location');
      expect(() => runSoql(`SELECT ${fields.map((f) => f.name).join(', ')} FROM ${object.name}`, ctx)).not.toThrow();
      for (const field of fields.filter((f) => f.filterable)) {
        expect(() => runSoql(`SELECT Id FROM ${object.name} WHERE ${field.name} = null`, ctx)).not.toThrow();
      }
      for (const relationship of object.childRelationships.filter((r) => r.relationshipName)) {
        expect(() =>
          runSoql(`SELECT Id, (SELECT Id FROM ${relationship.relationshipName}) FROM ${object.name}`, ctx)
        ).not.toThrow();
      }
    }
  });
});

describe('SOSL over the standard objects', () => {
  it('finds one number stored in several formats in PHONE FIELDS', () => {
    const { ctx } = org();
    const result = runSosl(
      'FIND {4155550132} IN PHONE FIELDS RETURNING Account(Name), Contact(Name), Lead(Name)',
      ctx,
      noLag
    );
    expect(result.searchRecords.map((r) => r['Name'])).toEqual(['Acme Corporation', 'Jo Lee', 'Sam Ray']);
  });

  it('searches a lead’s company IN NAME FIELDS, as Salesforce lists it', () => {
    const { ctx } = org();
    expect(
      runSosl('FIND {ray labs} IN NAME FIELDS RETURNING Lead(Name)', ctx, noLag).searchRecords.map((r) => r['Name'])
    ).toEqual(['Sam Ray']);
  });
});

describe('end to end through the data model’s store', () => {
  it('queries and searches records the org created, with the values it stores', () => {
    const emulated = createOrg({ forceAppDir: null, instance: 'Zq' });
    const options = { userId: emulated.adminUserId };
    const account = emulated.create('Account', { Name: 'Query Engine Test Co', Phone: '(646) 555-0199' }, options);
    emulated.create(
      'Contact',
      { LastName: 'Tester', FirstName: 'Quinn', AccountId: account, Phone: '646.555.0199' },
      options
    );
    const ctx = emulated.queryContext(emulated.adminUserId, '62.0', false);
    const contacts = runSoql(
      "SELECT Name, Account.Name, CreatedDate FROM Contact WHERE Account.Name = 'query engine test co' AND CreatedDate = LAST_N_DAYS:1",
      ctx
    ).records;
    expect(contacts).toMatchObject([{ Name: 'Quinn Tester', Account: { Name: 'Query Engine Test Co' } }]);
    const found = runSosl('FIND {6465550199} IN PHONE FIELDS RETURNING Account(Name), Contact(Name)', ctx, {
      searchLagMs: 0,
      nowMs: Date.now()
    });
    expect(found.searchRecords.map((r) => r['Name'])).toEqual(['Query Engine Test Co', 'Quinn Tester']);
    const rule = compileCondition(emulated.schema, 'Contact', "Account.Name = 'Query Engine Test Co'");
    const [stored] = [...ctx.data.records('Contact')].filter((record) => record.values['LastName'] === 'Tester');
    expect(stored && rule(stored, ctx)).toBe(true);
  });
});
