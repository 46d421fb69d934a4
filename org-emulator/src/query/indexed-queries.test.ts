// Queries served from the record store's indexes (Id, external ids, references, phone and email fields, phone
// digits for SOSL) answer exactly what a full scan answers, in the same order, and the indexes follow every write.
import { testOrg } from '../model/testing/test-org.ts';
import type { TestOrg } from '../model/testing/test-org.ts';
import type { QueryContext, RecordSource, ResultRecord } from '../model/types.ts';
import { runSoql, runSosl } from './index.ts';

const scanOnly = (data: RecordSource): RecordSource => ({
  records: (name, options) => data.records(name, options),
  byId: (id, options) => data.byId(id, options)
});

interface Probe {
  ctx: QueryContext;
  scan: QueryContext;
  lookups: () => number;
}

function probe(t: TestOrg, includeDeleted = false): Probe {
  const ctx = t.org.queryContext(t.admin.userId, '62.0', includeDeleted);
  let calls = 0;
  const data = ctx.data;
  const counted: RecordSource = {
    ...data,
    lookup: (name, lookups, options) => {
      calls++;
      return data.lookup!(name, lookups, options);
    },
    byPhoneDigits: (name, digits) => {
      calls++;
      return data.byPhoneDigits!(name, digits);
    }
  };
  return { ctx: { ...ctx, data: counted }, scan: { ...ctx, data: scanOnly(data) }, lookups: () => calls };
}

const ids = (records: ResultRecord[]): unknown[] => records.map((r) => r['Id']);

describe('queries served from indexes', () => {
  let t: TestOrg;
  const leadIds: string[] = [];

  beforeAll(() => {
    t = testOrg();
    const phones = ['(415) 555-0100', '415.555.0100', '4155550101', '+1 415 555 0100', null];
    for (let i = 0; i < 60; i++) {
      leadIds.push(
        t.org.create(
          'Lead',
          {
            LastName: `Lead ${String(i).padStart(2, '0')}`,
            Company: i % 2 ? 'Odd Co' : 'Even Co',
            Phone: phones[i % phones.length],
            MobilePhone: i % 7 === 0 ? '(415) 555-0100' : null,
            Email: i % 3 === 0 ? `Person${i % 6}@Example.com` : null,
            External_Id__c: `Ext-${i % 20}-${i}`
          },
          t.admin
        )
      );
    }
    t.org.delete('Lead', leadIds[5]!, t.admin);
    t.org.delete('Lead', leadIds[10]!, t.admin);
  });
  afterAll(() => t.close());

  it.each([
    "SELECT Id FROM Lead WHERE Phone IN ('(415) 555-0100', '4155550101')",
    "SELECT Id FROM Lead WHERE Phone = '415.555.0100' ORDER BY LastName DESC",
    "SELECT Id FROM Lead WHERE Email = 'PERSON0@EXAMPLE.COM'",
    "SELECT Id FROM Lead WHERE External_Id__c IN ('ext-3-3', 'EXT-4-24', 'nobody')",
    "SELECT Id FROM Lead WHERE Phone = '(415) 555-0100' OR MobilePhone = '(415) 555-0100'",
    "SELECT Id FROM Lead WHERE Phone = '(415) 555-0100' AND Company = 'Odd Co' LIMIT 3 OFFSET 1",
    "SELECT Id FROM Lead WHERE (Email = 'person3@example.com' OR External_Id__c = 'Ext-1-1') AND LastName != null"
  ])('%s', (soql) => {
    const p = probe(t);
    const indexed = runSoql(soql, p.ctx);
    expect(p.lookups()).toBe(1);
    expect(indexed.totalSize).toBeGreaterThan(0);
    expect(ids(indexed.records)).toEqual(ids(runSoql(soql, p.scan).records));
  });

  it('Id IN (…) takes 15- and 18-character ids and leaves deleted rows to queryAll', () => {
    const soql = `SELECT Id FROM Lead WHERE Id IN ('${leadIds[1]}', '${leadIds[2]!.slice(0, 15)}', '${leadIds[5]}')`;
    const live = probe(t);
    expect(ids(runSoql(soql, live.ctx).records)).toEqual([leadIds[1], leadIds[2]]);
    expect(live.lookups()).toBe(1);
    const all = probe(t, true);
    expect(ids(runSoql(soql, all.ctx).records)).toEqual(ids(runSoql(soql, all.scan).records));
    expect(ids(runSoql(soql, all.ctx).records)).toContain(leadIds[5]);
  });

  it('a condition an index cannot serve alone (OR with an unindexed field, NOT, LIKE) is scanned', () => {
    for (const soql of [
      "SELECT Id FROM Lead WHERE Phone = '4155550101' OR Company = 'Odd Co'",
      "SELECT Id FROM Lead WHERE NOT Phone = '4155550101'",
      "SELECT Id FROM Lead WHERE Phone LIKE '415%'"
    ]) {
      const p = probe(t);
      expect(ids(runSoql(soql, p.ctx).records)).toEqual(ids(runSoql(soql, p.scan).records));
      expect(p.lookups()).toBe(0);
    }
  });

  it('SOSL IN PHONE FIELDS finds by digits from the index, exactly as a scan does', () => {
    const sosl = 'FIND {4155550100 OR 4155550101} IN PHONE FIELDS RETURNING Lead(Id ORDER BY LastName)';
    const p = probe(t);
    const options = { searchLagMs: 0, nowMs: t.clock.now() };
    const indexed = runSosl(sosl, p.ctx, options).searchRecords;
    expect(p.lookups()).toBe(1);
    expect(indexed.length).toBeGreaterThan(10);
    expect(ids(indexed)).toEqual(ids(runSosl(sosl, p.scan, options).searchRecords));
  });
});

describe('the indexes follow writes', () => {
  let t: TestOrg;
  beforeEach(() => {
    t = testOrg();
  });
  afterEach(() => t.close());

  const find = (soql: string): unknown[] =>
    ids(runSoql(soql, t.org.queryContext(t.admin.userId, '62.0', false)).records);
  const search = (digits: string): unknown[] =>
    ids(
      runSosl(
        `FIND {${digits}} IN PHONE FIELDS RETURNING Contact(Id)`,
        t.org.queryContext(t.admin.userId, '62.0', false),
        { searchLagMs: 0, nowMs: t.clock.now() }
      ).searchRecords
    );

  it('after an update the old value no longer finds the record and the new one does', () => {
    const id = t.org.create('Contact', { LastName: 'Mover', MobilePhone: '(212) 555-0199' }, t.admin);
    expect(find("SELECT Id FROM Contact WHERE MobilePhone = '(212) 555-0199'")).toEqual([id]);
    expect(search('2125550199')).toEqual([id]);
    t.org.update('Contact', id, { MobilePhone: '+33 1 70 36 39 99' }, t.admin);
    expect(find("SELECT Id FROM Contact WHERE MobilePhone = '(212) 555-0199'")).toEqual([]);
    expect(search('2125550199')).toEqual([]);
    expect(search('33170363999')).toEqual([id]);
  });

  it('a record with the same digits in two phone fields stays found until both change', () => {
    const id = t.org.create(
      'Contact',
      { LastName: 'Twice', Phone: '212-555-0100', MobilePhone: '(212) 555-0100' },
      t.admin
    );
    t.org.update('Contact', id, { Phone: null }, t.admin);
    expect(search('2125550100')).toEqual([id]);
    t.org.update('Contact', id, { MobilePhone: null }, t.admin);
    expect(search('2125550100')).toEqual([]);
  });

  it('a rolled-back save leaves nothing in the indexes, and rows keep their original order', () => {
    const first = t.org.create('Contact', { LastName: 'First', Phone: '3125550100' }, t.admin);
    const savepoint = t.org.savepoint();
    t.org.create('Contact', { LastName: 'Ghost', Phone: '3125550100', External_Id__c: 'GHOST' }, t.admin);
    t.org.update('Contact', first, { Phone: '9999999999' }, t.admin);
    t.org.rollback(savepoint);
    t.org.release(savepoint);
    const second = t.org.create('Contact', { LastName: 'Second', Phone: '3125550100' }, t.admin);
    expect(find("SELECT Id FROM Contact WHERE External_Id__c = 'GHOST'")).toEqual([]);
    expect(find("SELECT Id FROM Contact WHERE Phone = '3125550100'")).toEqual([first, second]);
    expect(search('3125550100')).toEqual([first, second]);
    expect(search('9999999999')).toEqual([]);
  });

  it('a deleted record leaves query and search, and queryAll still finds it', () => {
    const id = t.org.create('Contact', { LastName: 'Gone', Email: 'gone@example.com' }, t.admin);
    t.org.delete('Contact', id, t.admin);
    expect(find("SELECT Id FROM Contact WHERE Email = 'gone@example.com'")).toEqual([]);
    const all = runSoql(
      "SELECT Id FROM Contact WHERE Email = 'gone@example.com'",
      t.org.queryContext(t.admin.userId, '62.0', true)
    );
    expect(ids(all.records)).toEqual([id]);
  });
});
