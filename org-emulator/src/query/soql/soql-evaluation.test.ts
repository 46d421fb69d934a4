// How queries are answered: comparisons, LIKE, IN and semi-joins, multi-select picklists, nulls, ordering,
// paging clauses, COUNT, relationships (polymorphic ones included), child subqueries, queryAll and the REST
// shape of the rows.
import { runSoql } from '../index.ts';
import { IdFactory } from '../../ids.ts';
import { fixtureContext, fixtureSchema, MemoryRecords } from '../testing/fixture-schema.ts';

function org() {
  const schema = fixtureSchema();
  const data = new MemoryRecords(schema);
  const admin = data.add('User', {
    Name: 'Ada Admin',
    Email: 'ada@switchboard.test',
    FirstName: 'Ada',
    LastName: 'Admin'
  });
  const rep = data.add('User', { Name: 'Rex Rep', Email: 'rex@switchboard.test' });
  const queue = data.add('Group', { Name: 'Inbound Queue', Email: 'queue@switchboard.test', Type: 'Queue' });
  const acme = data.add('Account', { Name: 'Acme', OwnerId: admin, Industry: 'Technology', NumberOfEmployees: 250 });
  const globex = data.add('Account', { Name: 'Globex', OwnerId: rep, Industry: null, NumberOfEmployees: 40 });
  const jo = data.add('Contact', {
    FirstName: 'Jo',
    LastName: "O'Brien",
    Name: "Jo O'Brien",
    Email: 'jo@acme.test',
    AccountId: acme,
    OwnerId: admin,
    Languages__c: 'English;French',
    Birthdate: '1990-05-01',
    HasOptedOutOfEmail: false
  });
  const max = data.add('Contact', {
    FirstName: 'Max',
    LastName: 'Mustermann',
    Name: 'Max Mustermann',
    Email: null,
    AccountId: null,
    OwnerId: rep,
    Languages__c: 'German',
    HasOptedOutOfEmail: true
  });
  const lena = data.add('Lead', { Name: 'Lena Lead', Company: '100% Natural_Foods', Status: 'Open', OwnerId: queue });
  const leo = data.add('Lead', { Name: 'Leo Lead', Company: 'Leo & Co', Status: 'Working', OwnerId: admin });
  const call = (subject: string, date: string | null, who: string | null, what: string | null) =>
    data.add('Task', { Subject: subject, ActivityDate: date, WhoId: who, WhatId: what, OwnerId: admin });
  call('First call', '2024-03-01', jo, acme);
  call('Second call', '2024-03-10', jo, acme);
  call('Third call', '2024-03-12', jo, null);
  call('Lead call', '2024-03-11', lena, null);
  call('Orphan task', null, null, globex);
  return {
    schema,
    data,
    ctx: fixtureContext(schema, data),
    ids: { admin, rep, queue, acme, globex, jo, max, lena, leo }
  };
}

type Row = Record<string, unknown>;
const column = (result: { records: Row[] }, name: string) => result.records.map((record) => record[name]);
const nested = (record: Row | undefined, key: string) => record?.[key] as Row | null | undefined;

describe('comparisons', () => {
  it('compares text case-insensitively with = and treats != as matching nulls too', () => {
    const { ctx } = org();
    expect(column(runSoql("SELECT Name FROM Account WHERE Name = 'ACME'", ctx), 'Name')).toEqual(['Acme']);
    expect(column(runSoql("SELECT Name FROM Account WHERE Industry != 'Technology'", ctx), 'Name')).toEqual(['Globex']);
    expect(column(runSoql('SELECT Name FROM Account WHERE Industry = null', ctx), 'Name')).toEqual(['Globex']);
    expect(column(runSoql('SELECT Name FROM Account WHERE Industry != null', ctx), 'Name')).toEqual(['Acme']);
  });

  it('orders text case-insensitively and numbers numerically with < <= > >=', () => {
    const { ctx } = org();
    expect(column(runSoql("SELECT Name FROM Account WHERE Name > 'b'", ctx), 'Name')).toEqual(['Globex']);
    expect(column(runSoql('SELECT Name FROM Account WHERE NumberOfEmployees >= 250', ctx), 'Name')).toEqual(['Acme']);
    expect(column(runSoql('SELECT Name FROM Account WHERE NumberOfEmployees < 100.5', ctx), 'Name')).toEqual([
      'Globex'
    ]);
    expect(column(runSoql('SELECT Name FROM Account WHERE NumberOfEmployees <= 40', ctx), 'Name')).toEqual(['Globex']);
    expect(runSoql("SELECT Name FROM Account WHERE Industry > 'a'", ctx).totalSize).toBe(1);
  });

  it('compares booleans, where null means false', () => {
    const { ctx } = org();
    const names = (where: string) => column(runSoql(`SELECT Name FROM Contact WHERE ${where}`, ctx), 'Name');
    expect(names('HasOptedOutOfEmail = true')).toEqual(['Max Mustermann']);
    expect(names('HasOptedOutOfEmail = FALSE')).toEqual(["Jo O'Brien"]);
    expect(names('HasOptedOutOfEmail = null')).toEqual(["Jo O'Brien"]);
    expect(names('HasOptedOutOfEmail != null')).toEqual(['Max Mustermann']);
  });

  it('compares a unique case-sensitive field case-sensitively', () => {
    const { data, ctx } = org();
    data.add('Contact', { Name: 'Keyed', External_Key__c: 'AbC-1' });
    const names = (where: string) => column(runSoql(`SELECT Name FROM Contact WHERE ${where}`, ctx), 'Name');
    expect(names("External_Key__c = 'AbC-1'")).toEqual(['Keyed']);
    expect(names("External_Key__c = 'abc-1'")).toEqual([]);
    expect(names("External_Key__c IN ('ABC-1')")).toEqual([]);
  });

  it('matches ids in their 15- and 18-character forms', () => {
    const { ctx, ids } = org();
    const id15 = ids.acme.slice(0, 15);
    expect(column(runSoql(`SELECT Name FROM Account WHERE Id = '${id15}'`, ctx), 'Name')).toEqual(['Acme']);
    expect(column(runSoql(`SELECT Name FROM Account WHERE Id = '${ids.acme}'`, ctx), 'Name')).toEqual(['Acme']);
    expect(column(runSoql(`SELECT Name FROM Contact WHERE AccountId = '${id15}'`, ctx), 'Name')).toEqual([
      "Jo O'Brien"
    ]);
    expect(runSoql(`SELECT Name FROM Account WHERE Id = '${IdFactory.build('001', 'Zz', 9)}'`, ctx).totalSize).toBe(0);
  });
});

describe('LIKE', () => {
  it('is case-insensitive with % and _ wildcards', () => {
    const { ctx } = org();
    expect(column(runSoql("SELECT Name FROM Lead WHERE Name LIKE 'le%'", ctx), 'Name')).toEqual([
      'Lena Lead',
      'Leo Lead'
    ]);
    expect(column(runSoql("SELECT Name FROM Lead WHERE Name LIKE 'le_ lead'", ctx), 'Name')).toEqual(['Leo Lead']);
    expect(runSoql("SELECT Name FROM Lead WHERE Name LIKE 'lead'", ctx).totalSize).toBe(0);
  });

  it('takes \\% and \\_ as the literal characters', () => {
    const { ctx } = org();
    expect(column(runSoql("SELECT Name FROM Lead WHERE Company LIKE '100\\% Natural\\_%'", ctx), 'Name')).toEqual([
      'Lena Lead'
    ]);
    expect(runSoql("SELECT Name FROM Lead WHERE Company LIKE '100\\%Natural%'", ctx).totalSize).toBe(0);
    expect(runSoql("SELECT Name FROM Lead WHERE Company LIKE '%Natural\\_'", ctx).totalSize).toBe(0);
  });

  it('never matches null', () => {
    const { ctx } = org();
    expect(column(runSoql("SELECT Name FROM Contact WHERE Email LIKE '%'", ctx), 'Name')).toEqual(["Jo O'Brien"]);
  });
});

describe('IN and NOT IN', () => {
  it('matches a literal list, NULL included', () => {
    const { ctx } = org();
    expect(column(runSoql("SELECT Name FROM Account WHERE Industry IN ('technology', 'Retail')", ctx), 'Name')).toEqual(
      ['Acme']
    );
    expect(column(runSoql("SELECT Name FROM Account WHERE Industry IN ('Retail', NULL)", ctx), 'Name')).toEqual([
      'Globex'
    ]);
    expect(column(runSoql("SELECT Name FROM Account WHERE Industry NOT IN ('Retail')", ctx), 'Name')).toEqual([
      'Acme',
      'Globex'
    ]);
    expect(column(runSoql('SELECT Name FROM Account WHERE Industry NOT IN (null)', ctx), 'Name')).toEqual(['Acme']);
  });

  it('semi-joins and anti-joins on a subquery', () => {
    const { ctx } = org();
    const called = "SELECT Name FROM Contact WHERE Id IN (SELECT WhoId FROM Task WHERE Subject LIKE '%call')";
    expect(column(runSoql(called, ctx), 'Name')).toEqual(["Jo O'Brien"]);
    const notCalled = 'SELECT Name FROM Contact WHERE Id NOT IN (SELECT WhoId FROM Task)';
    expect(column(runSoql(notCalled, ctx), 'Name')).toEqual(['Max Mustermann']);
    const leads =
      "SELECT Name FROM Lead WHERE Id IN (SELECT WhoId FROM Task WHERE ActivityDate = 2024-03-11) AND Status = 'Open'";
    expect(column(runSoql(leads, ctx), 'Name')).toEqual(['Lena Lead']);
  });
});

describe('multi-select picklists', () => {
  it('INCLUDES and EXCLUDES values; a;b means both', () => {
    const { ctx } = org();
    expect(column(runSoql("SELECT Name FROM Contact WHERE Languages__c INCLUDES ('french')", ctx), 'Name')).toEqual([
      "Jo O'Brien"
    ]);
    expect(
      column(runSoql("SELECT Name FROM Contact WHERE Languages__c INCLUDES ('French;German')", ctx), 'Name')
    ).toEqual([]);
    expect(
      column(runSoql("SELECT Name FROM Contact WHERE Languages__c INCLUDES ('French', 'German')", ctx), 'Name')
    ).toEqual(["Jo O'Brien", 'Max Mustermann']);
    expect(column(runSoql("SELECT Name FROM Contact WHERE Languages__c EXCLUDES ('English')", ctx), 'Name')).toEqual([
      'Max Mustermann'
    ]);
  });

  it('= compares the whole set, in any order', () => {
    const { ctx } = org();
    expect(column(runSoql("SELECT Name FROM Contact WHERE Languages__c = 'French;English'", ctx), 'Name')).toEqual([
      "Jo O'Brien"
    ]);
    expect(runSoql("SELECT Name FROM Contact WHERE Languages__c = 'French'", ctx).totalSize).toBe(0);
  });
});

describe('dates and datetimes', () => {
  it('compares date literals with date fields and datetime literals (with offsets) with datetime fields', () => {
    const { data, ctx } = org();
    data.add('Lead', { Name: 'Early', CreatedDate: '2024-01-31T09:59:59.000+0000' });
    data.add('Lead', { Name: 'Late', CreatedDate: '2024-01-31T10:00:01.000+0000' });
    expect(column(runSoql('SELECT Name FROM Lead WHERE CreatedDate > 2024-01-31T10:00:00Z', ctx), 'Name')).toEqual([
      'Late'
    ]);
    expect(column(runSoql('SELECT Name FROM Lead WHERE CreatedDate > 2024-01-31T11:00:00+01:00', ctx), 'Name')).toEqual(
      ['Late']
    );
    expect(column(runSoql('SELECT Name FROM Lead WHERE CreatedDate < 2024-01-31T02:00:00-08:00', ctx), 'Name')).toEqual(
      ['Lena Lead', 'Leo Lead', 'Early']
    );
    expect(
      column(
        runSoql('SELECT Subject FROM Task WHERE ActivityDate >= 2024-03-10 AND ActivityDate < 2024-03-12', ctx),
        'Subject'
      )
    ).toEqual(['Second call', 'Lead call']);
  });
});

describe('ORDER BY, LIMIT, OFFSET', () => {
  it('puts nulls first in either direction unless told otherwise, as the SOQL reference documents', () => {
    const { ctx } = org();
    expect(column(runSoql('SELECT Subject FROM Task ORDER BY ActivityDate', ctx), 'Subject')).toEqual([
      'Orphan task',
      'First call',
      'Second call',
      'Lead call',
      'Third call'
    ]);
    expect(column(runSoql('SELECT Subject FROM Task ORDER BY ActivityDate DESC', ctx), 'Subject')).toEqual([
      'Orphan task',
      'Third call',
      'Lead call',
      'Second call',
      'First call'
    ]);
    expect(column(runSoql('SELECT Subject FROM Task ORDER BY ActivityDate DESC NULLS LAST', ctx), 'Subject')).toEqual([
      'Third call',
      'Lead call',
      'Second call',
      'First call',
      'Orphan task'
    ]);
    expect(
      column(runSoql('SELECT Subject FROM Task ORDER BY ActivityDate ASC NULLS LAST LIMIT 2', ctx), 'Subject')
    ).toEqual(['First call', 'Second call']);
    expect(
      column(runSoql('SELECT Subject FROM Task ORDER BY ActivityDate DESC NULLS FIRST LIMIT 2', ctx), 'Subject')
    ).toEqual(['Orphan task', 'Third call']);
  });

  it('sorts on several keys and on relationship fields, case-insensitively', () => {
    const { data, ctx } = org();
    data.add('Account', { Name: 'acme', NumberOfEmployees: 5 });
    expect(
      column(
        runSoql('SELECT NumberOfEmployees FROM Account ORDER BY Name, NumberOfEmployees DESC', ctx),
        'NumberOfEmployees'
      )
    ).toEqual([250, 5, 40]);
    expect(column(runSoql('SELECT Name FROM Contact ORDER BY Account.Name DESC NULLS LAST', ctx), 'Name')).toEqual([
      "Jo O'Brien",
      'Max Mustermann'
    ]);
  });

  it('applies OFFSET before LIMIT and reports the rows it returns', () => {
    const { ctx } = org();
    const result = runSoql('SELECT Subject FROM Task ORDER BY Subject LIMIT 2 OFFSET 1', ctx);
    expect(result.totalSize).toBe(2);
    expect(column(result, 'Subject')).toEqual(['Lead call', 'Orphan task']);
  });
});

describe('COUNT', () => {
  it('COUNT() answers totalSize with no records', () => {
    const { ctx } = org();
    expect(runSoql('SELECT COUNT() FROM Task', ctx)).toEqual({ totalSize: 5, records: [] });
    expect(runSoql("SELECT COUNT() FROM Task WHERE Subject LIKE '%call'", ctx)).toEqual({ totalSize: 4, records: [] });
  });

  it('COUNT(field) answers one AggregateResult row counting non-null values', () => {
    const { ctx } = org();
    expect(runSoql('SELECT COUNT(Id) FROM Contact', ctx)).toEqual({
      totalSize: 1,
      records: [{ attributes: { type: 'AggregateResult' }, expr0: 2 }]
    });
    expect(runSoql('SELECT COUNT(Email) total FROM Contact', ctx).records[0]?.['total']).toBe(1);
  });
});

describe('parent relationships', () => {
  it('nests the parent record in SELECT order, or null when the lookup is empty', () => {
    const { ctx, ids } = org();
    const result = runSoql('SELECT Name, Account.Name, Account.Owner.Email, AccountId FROM Contact ORDER BY Name', ctx);
    const [jo, max] = result.records;
    expect(Object.keys(jo ?? {})).toEqual(['attributes', 'Name', 'Account', 'AccountId']);
    expect(nested(jo, 'Account')).toEqual({
      attributes: { type: 'Account', url: `/services/data/v62.0/sobjects/Account/${ids.acme}` },
      Name: 'Acme',
      Owner: {
        attributes: { type: 'User', url: `/services/data/v62.0/sobjects/User/${ids.admin}` },
        Email: 'ada@switchboard.test'
      }
    });
    expect(nested(max, 'Account')).toBeNull();
  });

  it('resolves polymorphic Who, What and Owner through the Name object, whatever the related type', () => {
    const { ctx, ids } = org();
    const tasks = runSoql(
      'SELECT Subject, Who.Name, Who.Type, What.Name, What.Type FROM Task ORDER BY Subject',
      ctx
    ).records;
    const bySubject = new Map(tasks.map((task) => [task['Subject'], task]));
    expect(nested(bySubject.get('Lead call'), 'Who')).toEqual({
      attributes: { type: 'Name', url: `/services/data/v62.0/sobjects/Lead/${ids.lena}` },
      Name: 'Lena Lead',
      Type: 'Lead'
    });
    expect(nested(bySubject.get('First call'), 'Who')?.['Type']).toBe('Contact');
    expect(nested(bySubject.get('First call'), 'What')?.['Name']).toBe('Acme');
    expect(nested(bySubject.get('Third call'), 'What')).toBeNull();
    const leads = runSoql('SELECT Name, Owner.Name, Owner.Email, Owner.Type FROM Lead ORDER BY Name', ctx).records;
    expect(nested(leads[0], 'Owner')).toMatchObject({
      Name: 'Inbound Queue',
      Email: 'queue@switchboard.test',
      Type: 'Group'
    });
    expect(nested(leads[1], 'Owner')).toMatchObject({ Name: 'Ada Admin', Type: 'User' });
  });

  it('fills a Name-object field only for the types Salesforce fills it for', () => {
    const { ctx } = org();
    const tasks = runSoql("SELECT Who.FirstName, Who.Email FROM Task WHERE Subject = 'First call'", ctx).records;
    expect(nested(tasks[0], 'Who')).toMatchObject({ FirstName: 'Jo', Email: null });
  });

  it('filters on parent fields, polymorphic ones included', () => {
    const { ctx } = org();
    expect(
      column(runSoql("SELECT Subject FROM Task WHERE What.Type = 'Account' AND Who.Name LIKE 'jo%'", ctx), 'Subject')
    ).toEqual(['First call', 'Second call']);
    expect(column(runSoql("SELECT Name FROM Lead WHERE Owner.Type = 'Group'", ctx), 'Name')).toEqual(['Lena Lead']);
    expect(column(runSoql("SELECT Name FROM Contact WHERE Account.Name != 'Acme'", ctx), 'Name')).toEqual([
      'Max Mustermann'
    ]);
  });
});

describe('child subqueries', () => {
  it('nests child rows with their own WHERE, ORDER BY and LIMIT, and null when there are none', () => {
    const { ctx } = org();
    const soql =
      'SELECT Name, (SELECT Subject, ActivityDate FROM Tasks ORDER BY ActivityDate DESC LIMIT 2) FROM Contact ORDER BY Name';
    const [jo, max] = runSoql(soql, ctx).records;
    expect(nested(jo, 'Tasks')).toMatchObject({
      totalSize: 2,
      done: true,
      records: [
        { attributes: { type: 'Task' }, Subject: 'Third call', ActivityDate: '2024-03-12' },
        { attributes: { type: 'Task' }, Subject: 'Second call', ActivityDate: '2024-03-10' }
      ]
    });
    expect(nested(max, 'Tasks')).toBeNull();
    const accounts = runSoql(
      "SELECT Name, (SELECT Subject FROM Tasks WHERE Subject LIKE 'first%') FROM Account ORDER BY Name",
      ctx
    ).records;
    expect(column({ records: (nested(accounts[0], 'Tasks')?.['records'] ?? []) as Row[] }, 'Subject')).toEqual([
      'First call'
    ]);
    expect(nested(accounts[1], 'Tasks')).toBeNull();
  });

  it('allows parent paths inside the subquery and the parent-prefixed relationship name', () => {
    const { ctx } = org();
    const [acme] = runSoql(
      "SELECT Name, (SELECT Name, Account.Name FROM Account.Contacts) FROM Account WHERE Name = 'Acme'",
      ctx
    ).records;
    const contacts = nested(acme, 'Contacts')?.['records'] as Row[];
    expect(nested(contacts[0], 'Account')?.['Name']).toBe('Acme');
  });
});

describe('queryAll, scopes and accepted clauses', () => {
  it('includes deleted rows, with IsDeleted true, only for queryAll', () => {
    const { schema, data, ctx } = org();
    data.add('Lead', { Name: 'Gone Lead' }, { deleted: true });
    expect(column(runSoql('SELECT Name FROM Lead', ctx), 'Name')).not.toContain('Gone Lead');
    const all = runSoql(
      "SELECT Name, IsDeleted FROM Lead WHERE Name = 'Gone Lead'",
      fixtureContext(schema, data, { includeDeleted: true })
    );
    expect(all.records).toMatchObject([{ Name: 'Gone Lead', IsDeleted: true }]);
  });

  it('accepts WITH SECURITY_ENFORCED, WITH USER_MODE and FOR VIEW/UPDATE/REFERENCE', () => {
    const { ctx } = org();
    for (const tail of [
      'WITH SECURITY_ENFORCED',
      'WITH USER_MODE',
      'WITH SYSTEM_MODE',
      'FOR VIEW',
      'FOR UPDATE',
      'FOR REFERENCE'
    ]) {
      expect(runSoql(`SELECT Name FROM Account ${tail}`, ctx).totalSize).toBe(2);
    }
  });

  it('USING SCOPE mine keeps the running user’s records', () => {
    const { ctx } = org();
    expect(column(runSoql('SELECT Name FROM Account USING SCOPE mine', ctx), 'Name')).toEqual(['Acme']);
    expect(runSoql('SELECT Name FROM Account USING SCOPE everything', ctx).totalSize).toBe(2);
  });

  it('builds record urls from the API version of the call', () => {
    const { schema, data, ids } = org();
    const result = runSoql(
      'SELECT Id FROM Account ORDER BY Name LIMIT 1',
      fixtureContext(schema, data, { apiVersion: '58.0' })
    );
    expect(result.records[0]).toEqual({
      attributes: { type: 'Account', url: `/services/data/v58.0/sobjects/Account/${ids.acme}` },
      Id: ids.acme
    });
  });
});
