// sObject Collections through jsforce: create, update, upsert, retrieve and delete many records per call, with
// allOrNone true (rollback) and false (independent results), the 200-record limit and per-record errors.
import type { Connection } from 'jsforce';
import { failureOf, startTestOrg } from './support.ts';
import type { TestOrg } from './support.ts';

interface Result {
  id?: string;
  success: boolean;
  errors: Array<{ statusCode: string; message: string; fields: string[] }>;
  created?: boolean;
}

describe('sObject Collections', () => {
  let org: TestOrg;
  let conn: Connection;

  beforeAll(async () => {
    org = await startTestOrg();
    conn = await org.login();
  });
  afterAll(() => org.stop());

  const countLeads = async (company: string): Promise<number> =>
    (await conn.query(`SELECT COUNT() FROM Lead WHERE Company = '${company}'`)).totalSize;

  it('allOrNone false: good records are saved, the bad one reports its error with statusCode', async () => {
    const results = (await conn
      .sobject('Lead')
      .create(
        [{ LastName: 'One', Company: 'Mixed Co' }, { Company: 'Mixed Co' }, { LastName: 'Three', Company: 'Mixed Co' }],
        { allOrNone: false }
      )) as Result[];
    expect(results[0]).toEqual({ id: expect.stringMatching(/^00Q/), success: true, errors: [] });
    expect(results[1]?.success).toBe(false);
    expect(results[1]?.errors[0]).toMatchObject({ statusCode: 'REQUIRED_FIELD_MISSING', fields: ['LastName'] });
    expect(results[2]?.success).toBe(true);
    expect(await countLeads('Mixed Co')).toBe(2);
  });

  it('allOrNone true: nothing is saved, the bad record keeps its error, the others are rolled back', async () => {
    const results = (await conn
      .sobject('Lead')
      .create(
        [
          { LastName: 'One', Company: 'Atomic Co' },
          { Company: 'Atomic Co' },
          { LastName: 'Three', Company: 'Atomic Co' }
        ],
        { allOrNone: true }
      )) as Result[];
    expect(results.map((r) => r.success)).toEqual([false, false, false]);
    expect(results[1]?.errors[0]?.statusCode).toBe('REQUIRED_FIELD_MISSING');
    for (const i of [0, 2]) {
      expect(results[i]?.errors).toEqual([
        {
          statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
          message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
          fields: []
        }
      ]);
    }
    expect(await countLeads('Atomic Co')).toBe(0);
  });

  it('updates many records and reports a missing id per record', async () => {
    const [a, b] = (await conn.sobject('Lead').create(
      [
        { LastName: 'U1', Company: 'Update Co' },
        { LastName: 'U2', Company: 'Update Co' }
      ],
      { allOrNone: true }
    )) as Result[];
    const results = (await conn.requestPatch('/services/data/v62.0/composite/sobjects', {
      allOrNone: false,
      records: [
        { attributes: { type: 'Lead' }, id: a!.id, Title: 'First' },
        { attributes: { type: 'Lead' }, Title: 'No id' },
        { attributes: { type: 'Lead' }, id: b!.id, Title: 'Second' }
      ]
    })) as Result[];
    expect(results.map((r) => r.success)).toEqual([true, false, true]);
    expect(results[1]?.errors[0]?.statusCode).toBe('MISSING_ARGUMENT');
    const titles = await conn.query<{ Title: string }>(
      "SELECT Title FROM Lead WHERE Company = 'Update Co' ORDER BY LastName"
    );
    expect(titles.records.map((r) => r.Title)).toEqual(['First', 'Second']);
  });

  it('upserts by external id: created and updated flags per record; duplicate keys in one call fail', async () => {
    const first = (await conn.sobject('Contact').upsert(
      [
        { LastName: 'Hopper', Ext_Id__c: 'C-1' },
        { LastName: 'Turing', Ext_Id__c: 'C-2' }
      ],
      'Ext_Id__c'
    )) as Result[];
    expect(first.map((r) => [r.success, r.created])).toEqual([
      [true, true],
      [true, true]
    ]);
    const second = (await conn.sobject('Contact').upsert(
      [
        { LastName: 'Hopper Grace', Ext_Id__c: 'C-1' },
        { LastName: 'Lamarr', Ext_Id__c: 'C-3' },
        { LastName: 'Twice', Ext_Id__c: 'C-9' },
        { LastName: 'Twice again', Ext_Id__c: 'C-9' }
      ],
      'Ext_Id__c'
    )) as Result[];
    expect(second[0]).toEqual({ id: first[0]!.id, success: true, errors: [], created: false });
    expect(second[1]).toMatchObject({ success: true, created: true });
    expect(second[2]?.errors[0]?.statusCode).toBe('DUPLICATE_VALUE');
    expect(second[3]?.errors[0]?.statusCode).toBe('DUPLICATE_VALUE');
  });

  it('retrieves many records by id (POST form, as jsforce sends it), null for ids it cannot read', async () => {
    const [a, b] = (await conn.sobject('Lead').create(
      [
        { LastName: 'R1', Company: 'Retrieve Co' },
        { LastName: 'R2', Company: 'Retrieve Co' }
      ],
      { allOrNone: true }
    )) as Result[];
    const records = await conn.sobject('Lead').retrieve([a!.id!, b!.id!], { fields: ['LastName', 'Company'] });
    expect(records.map((r) => r['LastName'])).toEqual(['R1', 'R2']);
    const viaGet = await conn.request<Array<Record<string, unknown> | null>>(
      `/services/data/v62.0/composite/sobjects/Lead?ids=${a!.id},00Q000000000000AAA&fields=LastName`
    );
    expect(viaGet[0]?.['LastName']).toBe('R1');
    expect(viaGet[1]).toBeNull();
    const badField = await failureOf(() =>
      conn.request(`/services/data/v62.0/composite/sobjects/Lead?ids=${a!.id}&fields=Nope__c`)
    );
    expect(badField.errorCode).toBe('INVALID_FIELD');
  });

  it('deletes many records by id, with per-record errors for ids that are not valid', async () => {
    const [a, b] = (await conn.sobject('Lead').create(
      [
        { LastName: 'D1', Company: 'Delete Co' },
        { LastName: 'D2', Company: 'Delete Co' }
      ],
      { allOrNone: true }
    )) as Result[];
    const results = (await conn.requestDelete(
      `/services/data/v62.0/composite/sobjects?ids=${a!.id},nonsense,${b!.id}`
    )) as Result[];
    expect(results.map((r) => r.success)).toEqual([true, false, true]);
    expect(results[1]?.errors[0]?.statusCode).toBe('MALFORMED_ID');
    expect(await countLeads('Delete Co')).toBe(0);
  });

  it('more than 200 records is refused as a whole with EXCEEDED_ID_LIMIT', async () => {
    const records = Array.from({ length: 201 }, (_, i) => ({ LastName: `Bulk ${i}`, Company: 'Too Many Co' }));
    const error = await failureOf(() => conn.sobject('Lead').create(records));
    expect([error.errorCode, error.message]).toEqual([
      'EXCEEDED_ID_LIMIT',
      'record limit reached. cannot submit more than 200 records into this call'
    ]);
    expect(await countLeads('Too Many Co')).toBe(0);
    const chunked = (await conn.sobject('Lead').create(records, { allowRecursive: true })) as Result[];
    expect(chunked.filter((r) => r.success)).toHaveLength(201);
  });

  it('a record without attributes.type fails on its own', async () => {
    const results = (await conn.requestPost('/services/data/v62.0/composite/sobjects', {
      allOrNone: false,
      records: [
        { LastName: 'Typeless', Company: 'X' },
        { attributes: { type: 'Lead' }, LastName: 'Typed', Company: 'X' }
      ]
    })) as Result[];
    expect(results.map((r) => r.success)).toEqual([false, true]);
    expect(results[0]?.errors[0]?.statusCode).toBe('INVALID_TYPE');
  });
});
