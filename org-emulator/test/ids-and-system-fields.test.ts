// Ids and system fields as a jsforce client sees them: 18-character ids with the object's key prefix and a
// correct case-safe suffix, 15-character ids accepted wherever an id goes in, and the audit fields, owner,
// IsDeleted and compound names the platform maintains.
import type { Connection } from 'jsforce';
import { ManualClock } from '../src/index.ts';
import { failureOf, startTestOrg } from './support.ts';
import type { TestOrg } from './support.ts';

/** The documented algorithm, written out here so the test does not trust the emulator's own implementation. */
function caseSafeSuffix(id15: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) if (/[A-Z]/.test(id15[chunk * 5 + i]!)) bits |= 1 << i;
    suffix += alphabet[bits];
  }
  return suffix;
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/;

describe('ids', () => {
  let org: TestOrg;
  let conn: Connection;

  beforeAll(async () => {
    org = await startTestOrg();
    conn = await org.login();
  });
  afterAll(() => org.stop());

  it('the suffix algorithm used here matches the published test vectors', () => {
    expect(caseSafeSuffix('70130000001tcyI')).toBe('AAQ');
    expect(caseSafeSuffix('00558000001N0Ke')).toBe('AAK');
    expect(caseSafeSuffix('a0BA0000000L2ZC')).toBe('MA0');
  });

  it.each([
    ['Account', '001', { Name: 'Id Co' }],
    ['Contact', '003', { LastName: 'Id' }],
    ['Lead', '00Q', { LastName: 'Id', Company: 'Id Co' }],
    ['Opportunity', '006', { Name: 'Id Deal', StageName: 'Prospecting', CloseDate: '2030-01-01' }],
    ['Case', '500', { Subject: 'Id case' }],
    ['Task', '00T', { Subject: 'Id task' }],
    ['Event', '00U', { Subject: 'Id event', StartDateTime: '2030-01-01T10:00:00Z', DurationInMinutes: 30 }]
  ])('a new %s gets an 18-character id starting %s with a correct case-safe suffix', async (type, prefix, values) => {
    const created = await conn.sobject(type).create(values);
    const id = created.id!;
    expect(id).toHaveLength(18);
    expect(id.slice(0, 3)).toBe(prefix);
    expect(id.slice(15)).toBe(caseSafeSuffix(id.slice(0, 15)));
  });

  it('a 15-character id is accepted to read, update, delete, filter and as a reference value; answers carry 18', async () => {
    const account = (await conn.sobject('Account').create({ Name: 'Short Id Co' })).id!;
    const short = account.slice(0, 15);
    expect((await conn.sobject('Account').retrieve(short))['Id']).toBe(account);
    const patch = await org.raw(`/services/data/v62.0/sobjects/Account/${short}`, {
      token: conn.accessToken!,
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Phone: '4155550100' })
    });
    expect(patch.status).toBe(204);
    const contact = await conn.sobject('Contact').create({ LastName: 'Short Ref', AccountId: short });
    const found = await conn.query<{ Id: string; AccountId: string; Account: { Phone: string } }>(
      `SELECT Id, AccountId, Account.Phone FROM Contact WHERE AccountId = '${short}'`
    );
    expect(found.records).toEqual([
      expect.objectContaining({
        Id: contact.id,
        AccountId: account,
        Account: expect.objectContaining({ Phone: '4155550100' })
      })
    ]);
    const retrieved = await conn.request<Array<{ Id: string } | null>>(
      `/services/data/v62.0/composite/sobjects/Contact?ids=${contact.id!.slice(0, 15)}&fields=Id`
    );
    expect(retrieved[0]?.Id).toBe(contact.id);
    await conn.sobject('Contact').destroy(contact.id!.slice(0, 15));
    expect((await conn.query(`SELECT Id FROM Contact WHERE Id = '${contact.id}'`)).totalSize).toBe(0);
  });

  it('an id of another object in the URL is MALFORMED_ID naming the id field', async () => {
    const lead = (await conn.sobject('Lead').create({ LastName: 'Wrong', Company: 'Type' })).id!;
    const response = await org.raw(`/services/data/v62.0/sobjects/Account/${lead}`, { token: conn.accessToken! });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual([
      { message: `Account ID: id value of incorrect type: ${lead}`, errorCode: 'MALFORMED_ID', fields: ['Id'] }
    ]);
  });
});

describe('system fields', () => {
  const clock = new ManualClock(Date.UTC(2030, 4, 1, 12, 0, 0));
  let org: TestOrg;
  let conn: Connection;

  beforeAll(async () => {
    org = await startTestOrg({ clock });
    conn = await org.login();
  });
  afterAll(() => org.stop());

  it('create sets CreatedDate, LastModifiedDate, SystemModstamp, CreatedById, LastModifiedById, the default owner and IsDeleted', async () => {
    const id = (await conn.sobject('Lead').create({ FirstName: 'Grace', LastName: 'Hopper', Company: 'Navy' })).id!;
    const lead = await conn.sobject('Lead').retrieve(id);
    expect(lead).toMatchObject({
      CreatedDate: '2030-05-01T12:00:00.000+0000',
      LastModifiedDate: '2030-05-01T12:00:00.000+0000',
      SystemModstamp: '2030-05-01T12:00:00.000+0000',
      CreatedById: org.org.adminUserId,
      LastModifiedById: org.org.adminUserId,
      OwnerId: org.org.adminUserId,
      IsDeleted: false,
      Name: 'Grace Hopper'
    });
  });

  it('update moves LastModifiedDate and SystemModstamp, keeps CreatedDate, and rebuilds the compound Name', async () => {
    const id = (await conn.sobject('Contact').create({ FirstName: 'Ada', LastName: 'Byron' })).id!;
    clock.advance(90_000);
    await conn.sobject('Contact').update({ Id: id, LastName: 'Lovelace' });
    const contact = await conn.sobject('Contact').retrieve(id);
    expect(contact['CreatedDate']).toBe('2030-05-01T12:00:00.000+0000');
    expect(contact['LastModifiedDate']).toBe('2030-05-01T12:01:30.000+0000');
    expect(contact['SystemModstamp']).toBe('2030-05-01T12:01:30.000+0000');
    expect(contact['LastModifiedDate']).toMatch(DATETIME);
    expect(contact['Name']).toBe('Ada Lovelace');
  });

  it('system fields and the compound Name cannot be written', async () => {
    for (const values of [
      { LastName: 'X', Company: 'Y', CreatedDate: '2020-01-01T00:00:00Z' },
      { LastName: 'X', Company: 'Y', SystemModstamp: '2020-01-01T00:00:00Z' },
      { LastName: 'X', Company: 'Y', Name: 'Someone Else' },
      { LastName: 'X', Company: 'Y', IsDeleted: true }
    ]) {
      const error = await failureOf(() => conn.sobject('Lead').create(values));
      expect(error.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    }
  });

  it('a delete sets IsDeleted, seen through queryAll', async () => {
    const id = (await conn.sobject('Account').create({ Name: 'Deleted Co' })).id!;
    await conn.sobject('Account').destroy(id);
    const all = await conn.query<{ IsDeleted: boolean }>(`SELECT IsDeleted FROM Account WHERE Id = '${id}'`, {
      scanAll: true
    });
    expect(all.records.map((r) => r.IsDeleted)).toEqual([true]);
  });
});
