// query and queryAll through jsforce: paging with queryMore and autoFetch, batch sizes, locators, COUNT(),
// deleted rows, and query errors.
import type { Connection } from 'jsforce';
import { failureOf, startTestOrg } from './support.ts';
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
