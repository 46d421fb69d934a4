// query and queryAll through jsforce: paging with queryMore and autoFetch, batch sizes, locators, COUNT(),
// deleted rows, and query errors.
import type { Connection } from 'jsforce';
import { ManualClock } from '../src/index.ts';
import { STANDARD_FIXTURE, failureOf, startTestOrg } from './support.ts';
import type { TestOrg } from './support.ts';

describe('query and queryAll', () => {
  let org: TestOrg;
  let conn: Connection;
  const TOTAL = 2450;

  beforeAll(async () => {
    org = await startTestOrg();
    conn = await org.login();
    const records = Array.from({ length: TOTAL }, (_, i) => ({
      LastName: `Pager ${String(i).padStart(4, '0')}`,
      Company: 'Paging Inc'
    }));
    for (let i = 0; i < records.length; i += 200) {
      const results = await conn.sobject('Lead').create(records.slice(i, i + 200), { allOrNone: true });
      if (!results.every((r) => r.success))
        throw new Error(`could not seed paging leads: ${JSON.stringify(results[0])}`);
    }
  });
  afterAll(() => org.stop());

  const soql = "SELECT Id, LastName FROM Lead WHERE Company = 'Paging Inc' ORDER BY LastName";

  it('answers the first 2,000 rows with a nextRecordsUrl; queryMore fetches the rest', async () => {
    const first = await conn.query<{ LastName: string }>(soql);
    expect(first.totalSize).toBe(TOTAL);
    expect(first.done).toBe(false);
    expect(first.records).toHaveLength(2000);
    expect(first.records[0]?.LastName).toBe('Pager 0000');
    // jsforce prefixes the instance URL to the server's relative nextRecordsUrl.
    expect(first.nextRecordsUrl).toBe(
      `${org.baseUrl}/services/data/v62.0/query/${first.nextRecordsUrl!.split('/').pop()}`
    );
    expect(first.nextRecordsUrl).toMatch(/\/query\/01g\w{15}-2000$/);

    const rest = await conn.queryMore<{ LastName: string }>(first.nextRecordsUrl!);
    expect(rest.done).toBe(true);
    expect(rest.nextRecordsUrl).toBeUndefined();
    expect(rest.records).toHaveLength(TOTAL - 2000);
    expect(rest.records.at(-1)?.LastName).toBe(`Pager ${TOTAL - 1}`);
  });

  it('autoFetch follows every page', async () => {
    const records: unknown[] = [];
    await new Promise<void>((resolve, reject) => {
      conn
        .query(soql)
        .on('record', (r) => records.push(r))
        .on('end', () => resolve())
        .on('error', reject)
        .run({ autoFetch: true, maxFetch: 10_000 });
    });
    expect(records).toHaveLength(TOTAL);
  });

  it('honours Sforce-Query-Options batchSize (clamped to 200..2000)', async () => {
    const page = await conn.request<{ records: unknown[]; nextRecordsUrl: string }>({
      method: 'GET',
      url: `/services/data/v62.0/query?q=${encodeURIComponent(soql)}`,
      headers: { 'Sforce-Query-Options': 'batchSize=500' }
    });
    expect(page.records).toHaveLength(500);
    expect(page.nextRecordsUrl).toMatch(/^\/services\/data\/v62\.0\/query\/01g\w{15}-500$/);
    const tiny = await conn.request<{ records: unknown[] }>({
      method: 'GET',
      url: `/services/data/v62.0/query?q=${encodeURIComponent(soql)}`,
      headers: { 'Sforce-Query-Options': 'batchSize=10' }
    });
    expect(tiny.records).toHaveLength(200);
  });

  it('serves a locator under /queryAll/ as well, and refuses an invalid one with INVALID_QUERY_LOCATOR', async () => {
    const first = await conn.query(soql);
    const locator = first.nextRecordsUrl!.split('/').pop()!;
    const viaQueryAll = await conn.request<{ records: unknown[]; done: boolean }>(
      `/services/data/v62.0/queryAll/${locator}`
    );
    expect(viaQueryAll.records).toHaveLength(TOTAL - 2000);
    const error = await failureOf(() => conn.request(`/services/data/v62.0/query/01gZZ0000000000AAA-2000`));
    expect(error.errorCode).toBe('INVALID_QUERY_LOCATOR');
    const reused = await failureOf(() => conn.request(`/services/data/v62.0/query/${locator}`));
    expect(reused.errorCode).toBe('INVALID_QUERY_LOCATOR');
  });

  it('COUNT() answers totalSize with no records', async () => {
    const result = await conn.query("SELECT COUNT() FROM Lead WHERE Company = 'Paging Inc'");
    expect(result).toMatchObject({ totalSize: TOTAL, done: true, records: [] });
  });

  it('queryAll includes deleted rows (IsDeleted true); query does not', async () => {
    const created = await conn.sobject('Lead').create({ LastName: 'Ghost', Company: 'Deleted Co' });
    await conn.sobject('Lead').destroy(created.id!);
    const live = await conn.query(`SELECT Id FROM Lead WHERE Company = 'Deleted Co'`);
    expect(live.totalSize).toBe(0);
    const all = await conn.query<{ Id: string; IsDeleted: boolean }>(
      `SELECT Id, IsDeleted FROM Lead WHERE Company = 'Deleted Co'`,
      {
        scanAll: true
      }
    );
    expect(all.records).toEqual([expect.objectContaining({ Id: created.id, IsDeleted: true })]);
  });

  it('bad SOQL is MALFORMED_QUERY, an unknown field INVALID_FIELD, an unknown object INVALID_TYPE', async () => {
    const mixed = await failureOf(() =>
      conn.query("SELECT Id FROM Lead WHERE LastName = 'a' OR LastName = 'b' AND Company = 'c'")
    );
    expect(mixed.errorCode).toBe('MALFORMED_QUERY');
    const field = await failureOf(() => conn.query('SELECT Nope__c FROM Lead'));
    expect(field.errorCode).toBe('INVALID_FIELD');
    expect(field.message).toContain("No such column 'Nope__c' on entity 'Lead'");
    const type = await failureOf(() => conn.query('SELECT Id FROM Nope__c'));
    expect(type.errorCode).toBe('INVALID_TYPE');
    const empty = await failureOf(() => conn.request('/services/data/v62.0/query?q='));
    expect(empty.errorCode).toBe('MALFORMED_QUERY');
  });

  it('a query of the org answers relationship fields as nested records', async () => {
    const account = await conn.sobject('Account').create({ Name: 'Parent Co' });
    await conn.sobject('Contact').create({ LastName: 'Child', AccountId: account.id });
    const result = await conn.query<{ Account: { Name: string } | null }>(
      "SELECT Id, Account.Name FROM Contact WHERE LastName = 'Child'"
    );
    expect(result.records[0]?.Account?.Name).toBe('Parent Co');
  });
});

const topicsField = {
  object: 'Contact',
  name: 'Topics__c',
  xml: `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>Topics__c</fullName>
    <label>Topics</label>
    <type>MultiselectPicklist</type>
    <visibleLines>4</visibleLines>
    <valueSet>
        <valueSetDefinition>
            <sorted>false</sorted>
            <value><fullName>Pricing</fullName><default>false</default><label>Pricing</label></value>
            <value><fullName>Support</fullName><default>false</default><label>Support</label></value>
            <value><fullName>Renewal</fullName><default>false</default><label>Renewal</label></value>
        </valueSetDefinition>
    </valueSet>
</CustomField>
`
};

describe('the SOQL the product uses, through jsforce', () => {
  const clock = new ManualClock(Date.UTC(2030, 5, 15, 18, 0, 0));
  let org: TestOrg;
  let conn: Connection;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    org = await startTestOrg({ clock }, [...STANDARD_FIXTURE, topicsField]);
    conn = await org.login();
    id['account'] = (await conn.sobject('Account').create({ Name: 'Soql Alpha' })).id!;
    id['ann'] = (
      await conn.sobject('Contact').create({
        FirstName: 'Ann',
        LastName: 'Soql',
        AccountId: id['account'],
        Title: 'CTO',
        Topics__c: 'Pricing;Support'
      })
    ).id!;
    id['bob'] = (
      await conn.sobject('Contact').create({ FirstName: 'Bob', LastName: 'Soql', Topics__c: 'Renewal' })
    ).id!;
    id['cy'] = (await conn.sobject('Contact').create({ FirstName: 'Cy', LastName: 'Soql', Title: 'Buyer' })).id!;
    id['lead'] = (await conn.sobject('Lead').create({ LastName: 'Soql Lead', Company: 'Soql Co' })).id!;
    const task = (subject: string, who: string, activityDate: string | null) =>
      conn
        .sobject('Task')
        .create({ Subject: subject, WhoId: who, ActivityDate: activityDate, Status: 'Completed', Priority: 'Normal' });
    await task('Soql today', id['ann']!, '2030-06-15');
    await task('Soql last week', id['ann']!, '2030-06-09');
    await task('Soql undated', id['ann']!, null);
    await task('Soql lead call', id['lead']!, '2030-06-14');
  });
  afterAll(() => org.stop());

  const names = async (soql: string): Promise<string[]> =>
    (await conn.query<{ FirstName: string }>(soql)).records.map((r) => r.FirstName);

  it('parent relationship fields: Account.Name, Owner.Email, Who.Name', async () => {
    const contacts = await conn.query<{ Account: { Name: string } | null; Owner: { Email: string } }>(
      `SELECT Account.Name, Owner.Email FROM Contact WHERE Id IN ('${id['ann']}', '${id['bob']}') ORDER BY FirstName`
    );
    expect(contacts.records.map((r) => [r.Account?.Name ?? null, r.Owner.Email])).toEqual([
      ['Soql Alpha', 'admin@switchboard.test'],
      [null, 'admin@switchboard.test']
    ]);
    const tasks = await conn.query<{ Subject: string; Who: { Name: string } }>(
      "SELECT Subject, Who.Name FROM Task WHERE Subject LIKE 'Soql%' ORDER BY Subject"
    );
    expect(tasks.records.map((r) => `${r.Subject}: ${r.Who.Name}`)).toEqual([
      'Soql last week: Ann Soql',
      'Soql lead call: Soql Lead',
      'Soql today: Ann Soql',
      'Soql undated: Ann Soql'
    ]);
  });

  it('comparison, IN / NOT IN, LIKE, INCLUDES, null tests, AND/OR/NOT with parentheses', async () => {
    const base = "SELECT FirstName FROM Contact WHERE LastName = 'Soql'";
    expect(await names(`${base} AND FirstName IN ('Ann', 'Cy') ORDER BY FirstName`)).toEqual(['Ann', 'Cy']);
    expect(await names(`${base} AND FirstName NOT IN ('Ann') ORDER BY FirstName`)).toEqual(['Bob', 'Cy']);
    expect(await names(`${base} AND FirstName LIKE 'b%'`)).toEqual(['Bob']);
    expect(await names(`${base} AND Topics__c INCLUDES ('Support', 'Renewal') ORDER BY FirstName`)).toEqual([
      'Ann',
      'Bob'
    ]);
    expect(await names(`${base} AND Title = null`)).toEqual(['Bob']);
    expect(await names(`${base} AND (Title = 'CTO' OR Title = 'Buyer') AND NOT FirstName = 'Cy'`)).toEqual(['Ann']);
    expect(await names(`${base} AND FirstName > 'Ann' ORDER BY FirstName`)).toEqual(['Bob', 'Cy']);
  });

  it('date literals in the org time zone: TODAY, LAST_N_DAYS:n, YESTERDAY', async () => {
    const subjects = async (where: string): Promise<string[]> =>
      (
        await conn.query<{ Subject: string }>(
          `SELECT Subject FROM Task WHERE Subject LIKE 'Soql%' AND ${where} ORDER BY Subject`
        )
      ).records.map((r) => r.Subject);
    expect(await subjects('ActivityDate = TODAY')).toEqual(['Soql today']);
    expect(await subjects('ActivityDate = YESTERDAY')).toEqual(['Soql lead call']);
    expect(await subjects('ActivityDate = LAST_N_DAYS:7')).toEqual(['Soql last week', 'Soql lead call', 'Soql today']);
    expect(await subjects('ActivityDate < 2030-06-10')).toEqual(['Soql last week']);
  });

  it('ORDER BY with NULLS FIRST / LAST, LIMIT, OFFSET and COUNT()', async () => {
    const base = "SELECT FirstName FROM Contact WHERE LastName = 'Soql'";
    expect(await names(`${base} ORDER BY Title NULLS FIRST`)).toEqual(['Bob', 'Cy', 'Ann']);
    expect(await names(`${base} ORDER BY Title DESC NULLS LAST`)).toEqual(['Ann', 'Cy', 'Bob']);
    expect(await names(`${base} ORDER BY Title DESC`)).toEqual(['Bob', 'Ann', 'Cy']);
    expect(await names(`${base} ORDER BY FirstName LIMIT 1 OFFSET 1`)).toEqual(['Bob']);
    expect((await conn.query("SELECT COUNT() FROM Contact WHERE LastName = 'Soql'")).totalSize).toBe(3);
  });

  it('child subqueries for activity relationships (Tasks on Contact and Lead)', async () => {
    const result = await conn.query<{
      FirstName: string;
      Tasks: { totalSize: number; records: Array<{ Subject: string }> } | null;
    }>(
      "SELECT FirstName, (SELECT Subject FROM Tasks WHERE ActivityDate != null ORDER BY ActivityDate DESC) FROM Contact WHERE LastName = 'Soql' ORDER BY FirstName"
    );
    expect(result.records.map((r) => [r.FirstName, r.Tasks?.records.map((t) => t.Subject) ?? null])).toEqual([
      ['Ann', ['Soql today', 'Soql last week']],
      ['Bob', null],
      ['Cy', null]
    ]);
    const lead = await conn.query<{ Tasks: { records: Array<{ Subject: string }> } }>(
      `SELECT (SELECT Subject FROM Tasks) FROM Lead WHERE Id = '${id['lead']}'`
    );
    expect(lead.records[0]?.Tasks.records.map((t) => t.Subject)).toEqual(['Soql lead call']);
  });

  it('refuses what Salesforce refuses: a literal of the wrong type, an unknown relationship, a statement over 100,000 characters', async () => {
    const wrongType = await failureOf(() => conn.query("SELECT Id FROM Contact WHERE CreatedDate = 'yesterday'"));
    expect(wrongType.errorCode).toBe('INVALID_FIELD');
    const relationship = await failureOf(() => conn.query('SELECT Nope__r.Name FROM Contact'));
    expect(relationship.errorCode).toBe('INVALID_FIELD');
    expect(relationship.message).toContain("Didn't understand relationship 'Nope__r'");
    // Too long for a URL (414); a Composite subrequest carries it in the body, where the SOQL limit applies.
    const longSoql = `SELECT Id FROM Contact WHERE LastName IN (${"'x',".repeat(25_000)}'x')`;
    const composite = await conn.requestPost<{
      compositeResponse: Array<{ httpStatusCode: number; body: Array<{ errorCode: string; message: string }> }>;
    }>('/services/data/v62.0/composite', {
      compositeRequest: [
        { method: 'GET', url: `/services/data/v62.0/query?q=${encodeURIComponent(longSoql)}`, referenceId: 'long' }
      ]
    });
    expect(composite.compositeResponse[0]?.httpStatusCode).toBe(400);
    expect(composite.compositeResponse[0]?.body[0]).toEqual({
      errorCode: 'MALFORMED_QUERY',
      message: 'SOQL statements can not be longer than 100000 characters'
    });
  });
});
