// SOSL search and parameterizedSearch through jsforce: phone numbers in several formats, the index lag, the
// response shapes by version, and search errors.
import type { Connection } from 'jsforce';
import { ManualClock } from '../src/index.ts';
import { failureOf, startTestOrg } from './support.ts';
import type { TestOrg } from './support.ts';

type Found = { attributes: { type: string }; Id: string; Phone?: string; Name?: string };

describe('search', () => {
  let org: TestOrg;
  let conn: Connection;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    org = await startTestOrg();
    conn = await org.login();
    const formats = ['(415) 555-0132', '415.555.0132', '415-555-0132', '4155550132'];
    for (const [i, phone] of formats.entries()) {
      const created = await conn.sobject('Contact').create({ LastName: `Dialer ${i}`, Phone: phone });
      ids.set(phone, created.id!);
    }
    const lead = await conn
      .sobject('Lead')
      .create({ LastName: 'Dialer Lead', Company: 'Zyxwv Phones', MobilePhone: '(415) 555-0132' });
    ids.set('lead', lead.id!);
    await conn.sobject('Contact').create({ LastName: 'Other Number', Phone: '(415) 555-0199' });
  });
  afterAll(() => org.stop());

  const phoneSearch = async (term: string): Promise<Found[]> =>
    (await conn.search(`FIND {${term}} IN PHONE FIELDS RETURNING Contact(Id, Phone), Lead(Id, MobilePhone)`))
      .searchRecords as unknown as Found[];

  it.each([['4155550132'], ['415.555.0132'], ['415\\-555\\-0132']])(
    'IN PHONE FIELDS finds the number stored in every format, searching %s',
    async (term) => {
      const found = await phoneSearch(term);
      const foundIds = new Set(found.map((r) => r.Id));
      for (const phone of ['(415) 555-0132', '415.555.0132', '415-555-0132', '4155550132']) {
        expect(foundIds.has(ids.get(phone)!)).toBe(true);
      }
      expect(foundIds.has(ids.get('lead')!)).toBe(true);
      expect(found.every((r) => r.Phone !== '(415) 555-0199')).toBe(true);
    }
  );

  it('answers {searchRecords:[…]} from v36.0 and a bare array before', async () => {
    const sosl = encodeURIComponent('FIND {Zyxwv} IN ALL FIELDS RETURNING Lead(Id, Company)');
    const modern = await conn.request<{ searchRecords: Found[] }>(`/services/data/v62.0/search?q=${sosl}`);
    expect(modern.searchRecords.map((r) => r.Id)).toEqual([ids.get('lead')]);
    expect(modern.searchRecords[0]?.attributes.type).toBe('Lead');
    const old = await conn.request<Found[]>(`/services/data/v35.0/search?q=${sosl}`);
    expect(Array.isArray(old)).toBe(true);
    expect(old.map((r) => r.Id)).toEqual([ids.get('lead')]);
  });

  it('malformed SOSL is MALFORMED_SEARCH; an unknown object is INVALID_TYPE', async () => {
    const malformed = await failureOf(() => conn.search('FIND {unclosed RETURNING Lead'));
    expect(malformed.errorCode).toBe('MALFORMED_SEARCH');
    const unknown = await failureOf(() => conn.search('FIND {Zyxwv} RETURNING Nope__c(Id)'));
    expect(unknown.errorCode).toBe('INVALID_TYPE');
  });

  it('parameterizedSearch answers GET query parameters and a POST body', async () => {
    const viaGet = await conn.request<{ searchRecords: Found[] }>(
      '/services/data/v62.0/parameterizedSearch/?q=Zyxwv&sobject=Lead&Lead.fields=Id,Company&Lead.limit=10'
    );
    expect(viaGet.searchRecords.map((r) => r.Id)).toEqual([ids.get('lead')]);
    const viaPost = await conn.requestPost<{ searchRecords: Found[] }>('/services/data/v62.0/parameterizedSearch', {
      q: 'Zyxwv',
      fields: ['Id', 'Company'],
      sobjects: [{ name: 'Lead' }],
      in: 'ALL'
    });
    expect(viaPost.searchRecords.map((r) => r.Id)).toEqual([ids.get('lead')]);
  });
});

describe('SOSL search groups, RETURNING options and escaping, through jsforce', () => {
  let org: TestOrg;
  let conn: Connection;

  beforeAll(async () => {
    org = await startTestOrg();
    conn = await org.login();
    await conn.sobject('Contact').create([
      { FirstName: 'Quentin', LastName: 'Vexley', Email: 'qv@vexley.example', Title: 'Vexley fan' },
      { FirstName: 'Rita', LastName: 'Vexley', Email: 'rita@elsewhere.example' },
      { FirstName: 'Sol', LastName: 'Vexley-Hart', Email: 'sol@elsewhere.example' }
    ]);
    await conn.sobject('Lead').create({ LastName: 'Plain', Company: 'Vexley Holdings', Email: 'lead@vexley.example' });
  });
  afterAll(() => org.stop());

  const found = async (sosl: string): Promise<string[]> =>
    ((await conn.search(sosl)).searchRecords as unknown as Array<{ attributes: { type: string }; Name: string }>).map(
      (r) => `${r.attributes.type}:${r.Name}`
    );

  it('IN NAME FIELDS searches names (and Lead.Company); IN EMAIL FIELDS searches emails; ALL FIELDS both and more', async () => {
    expect(await found('FIND {Vexley} IN NAME FIELDS RETURNING Contact(Name ORDER BY Name), Lead(Name)')).toEqual([
      'Contact:Quentin Vexley',
      'Contact:Rita Vexley',
      'Contact:Sol Vexley-Hart',
      'Lead:Plain'
    ]);
    expect(await found('FIND {vexley} IN EMAIL FIELDS RETURNING Contact(Name), Lead(Name)')).toEqual([
      'Contact:Quentin Vexley',
      'Lead:Plain'
    ]);
    expect(await found('FIND {fan} IN ALL FIELDS RETURNING Contact(Name)')).toEqual(['Contact:Quentin Vexley']);
    expect(await found('FIND {fan} IN NAME FIELDS RETURNING Contact(Name)')).toEqual([]);
  });

  it('RETURNING takes WHERE, ORDER BY and LIMIT per object, and the statement an overall LIMIT', async () => {
    expect(
      await found(
        "FIND {Vexley} IN NAME FIELDS RETURNING Contact(Name WHERE FirstName != 'Rita' ORDER BY Name DESC LIMIT 1)"
      )
    ).toEqual(['Contact:Sol Vexley-Hart']);
    expect(
      await found('FIND {Vexley} IN NAME FIELDS RETURNING Contact(Name ORDER BY Name), Lead(Name) LIMIT 2')
    ).toEqual(['Contact:Quentin Vexley', 'Contact:Rita Vexley']);
  });

  it('reserved characters must be escaped; escaped they are punctuation the index splits on', async () => {
    const unescaped = await failureOf(() => conn.search('FIND {Vexley-Hart} RETURNING Contact(Name)'));
    expect(unescaped.errorCode).toBe('MALFORMED_SEARCH');
    expect(await found('FIND {Vexley\\-Hart} RETURNING Contact(Name)')).toEqual(['Contact:Sol Vexley-Hart']);
    expect(await found('FIND {"rita vexley"} RETURNING Contact(Name)')).toEqual(['Contact:Rita Vexley']);
    expect(await found('FIND {Vexley AND NOT Rita} IN NAME FIELDS RETURNING Contact(Name ORDER BY Name)')).toEqual([
      'Contact:Quentin Vexley',
      'Contact:Sol Vexley-Hart'
    ]);
    expect(await found('FIND {Vex*} IN NAME FIELDS RETURNING Lead(Name)')).toEqual(['Lead:Plain']);
  });
});

describe('the search index lag', () => {
  it('records created in the last N seconds are not found by SOSL, then are', async () => {
    const clock = new ManualClock();
    const org = await startTestOrg({ searchLagSeconds: 120, clock });
    try {
      const conn = await org.login();
      const created = await conn.sobject('Lead').create({ LastName: 'Fresh', Company: 'Qwertyuiop Labs' });
      const search = async (): Promise<string[]> =>
        ((await conn.search('FIND {Qwertyuiop} RETURNING Lead(Id)')).searchRecords as unknown as Found[]).map(
          (r) => r.Id
        );
      expect(await search()).toEqual([]);
      const byQuery = await conn.query(`SELECT Id FROM Lead WHERE Company = 'Qwertyuiop Labs'`);
      expect(byQuery.totalSize).toBe(1);
      clock.advance(121_000);
      expect(await search()).toEqual([created.id]);
      await org.controlCall('PATCH', '/settings', { searchLagSeconds: 0 });
      expect(await search()).toEqual([created.id]);
    } finally {
      await org.stop();
    }
  });
});
