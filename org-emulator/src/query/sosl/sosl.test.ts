// SOSL as Salesforce answers it: the FIND syntax and its refusals, the search query language, the field groups,
// phone numbers in any format, the search-index lag, RETURNING and the row limits.
import { runSosl } from '../index.ts';
import { catchSalesforceError, detailOf, positionOf } from '../testing/catch-error.ts';
import { fixtureContext, fixtureSchema, MemoryRecords } from '../testing/fixture-schema.ts';

const NOW = Date.parse('2024-03-15T18:30:00.000Z');
const noLag = { searchLagMs: 0, nowMs: NOW };

function org() {
  const schema = fixtureSchema();
  const data = new MemoryRecords(schema);
  const admin = data.add('User', { Name: 'Ada Admin', Email: 'ada@switchboard.test' });
  const acme = data.add('Account', { Name: 'Acme Corporation', Phone: '(415) 555-0132', Website: 'acme.example.com' });
  data.add('Account', { Name: 'Globex', Phone: '212 555 0100' });
  data.add('Contact', {
    FirstName: 'John',
    LastName: 'Smith',
    Name: 'John Smith',
    Email: 'john.smith@acme.example.com',
    Phone: '415.555.0132',
    MobilePhone: null,
    AccountId: acme,
    OwnerId: admin,
    AssistantName: 'Pat Helper'
  });
  data.add('Contact', {
    FirstName: 'Jane',
    LastName: 'Smythe',
    Name: 'Jane Smythe',
    Phone: '4155550132',
    Email: 'jane@globex.test'
  });
  data.add('Contact', { FirstName: 'Sean', LastName: "O'Brien", Name: "Sean O'Brien", MobilePhone: '+1 415 555 0132' });
  data.add('Lead', {
    FirstName: 'Lee',
    LastName: 'Lead',
    Name: 'Lee Lead',
    Company: 'Smith & Sons',
    Phone: '415 555 0132'
  });
  data.add('Lead', {
    FirstName: 'Ann',
    LastName: 'Other',
    Name: 'Ann Other',
    Company: 'Initech',
    Email: 'smith@initech.test'
  });
  return { data, ctx: fixtureContext(schema, data) };
}

type Row = Record<string, unknown>;
const found = (result: { searchRecords: Row[] }) =>
  result.searchRecords.map(
    (record) => `${(record['attributes'] as { type: string }).type}:${record['Name'] ?? record['Id']}`
  );

describe('FIND syntax', () => {
  it('requires the search query in braces', () => {
    const { ctx } = org();
    for (const sosl of ["FIND 'acme' IN ALL FIELDS", 'FIND acme', 'FIND {acme']) {
      const error = catchSalesforceError(() => runSosl(sosl, ctx, noLag));
      expect(error.errorCode).toBe('MALFORMED_SEARCH');
      expect(error.status).toBe(400);
      expect(error.message).toBe('No search term found. The search term must be enclosed in braces.');
    }
  });

  it('refuses a query shorter than two characters with INVALID_SEARCH', () => {
    const { ctx } = org();
    for (const [sosl, term] of [
      ['FIND {a}', 'a'],
      ['FIND {}', ''],
      ['FIND {a*}', 'a*'],
      ['FIND {"a"}', '"a"']
    ] as const) {
      const error = catchSalesforceError(() => runSosl(sosl, ctx, noLag));
      expect(error.errorCode).toBe('INVALID_SEARCH');
      expect(error.message).toBe(`search term must be longer than one character: ${term}`);
    }
    expect(found(runSosl('FIND {ac*} RETURNING Account(Name)', ctx, noLag))).toEqual(['Account:Acme Corporation']);
  });

  it('refuses a bad field group, stray text and statements that are not SOSL', () => {
    const { ctx } = org();
    expect(detailOf(catchSalesforceError(() => runSosl('FIND {acme} IN CITY FIELDS', ctx, noLag)))).toBe(
      "unexpected token: 'CITY'"
    );
    expect(detailOf(catchSalesforceError(() => runSosl('FIND {acme} IN NAME', ctx, noLag)))).toBe(
      "unexpected token: '<EOF>'"
    );
    expect(
      detailOf(catchSalesforceError(() => runSosl('FIND {acme} RETURNING Account LIMIT 5 extra', ctx, noLag)))
    ).toBe("unexpected token: 'extra'");
    const notSosl = catchSalesforceError(() => runSosl('SELECT Id FROM Account', ctx, noLag));
    expect(notSosl.errorCode).toBe('MALFORMED_SEARCH');
    expect(detailOf(notSosl)).toBe("unexpected token: 'SELECT'");
  });

  it('refuses an unknown object with INVALID_TYPE and an unknown field with INVALID_FIELD, positioned', () => {
    const { ctx } = org();
    const type = catchSalesforceError(() => runSosl('FIND {acme} RETURNING Account, Foo__c(Id)', ctx, noLag));
    expect(type.errorCode).toBe('INVALID_TYPE');
    expect(positionOf(type)).toBe('Row:1:Column:32');
    expect(detailOf(type)).toContain("sObject type 'Foo__c' is not supported.");
    const field = catchSalesforceError(() => runSosl('FIND {acme} RETURNING Account(Name, Nope)', ctx, noLag));
    expect(field.errorCode).toBe('INVALID_FIELD');
    expect(positionOf(field)).toBe('Row:1:Column:37');
    expect(detailOf(field)).toContain("No such column 'Nope' on entity 'Account'.");
  });

  it('checks a RETURNING WHERE clause as SOQL does, with MALFORMED_SEARCH for syntax', () => {
    const { ctx } = org();
    const mixed = catchSalesforceError(() =>
      runSosl("FIND {smith} RETURNING Contact(Name WHERE Name = 'a' OR Name = 'b' AND Name = 'c')", ctx, noLag)
    );
    expect(mixed.errorCode).toBe('MALFORMED_SEARCH');
    expect(detailOf(mixed)).toBe("unexpected token: 'AND'");
    expect(positionOf(mixed)).toBe('Row:1:Column:68');
    const typed = catchSalesforceError(() =>
      runSosl("FIND {smith} RETURNING Contact(Name WHERE CreatedDate > '2024')", ctx, noLag)
    );
    expect(typed.errorCode).toBe('INVALID_FIELD');
    const empty = catchSalesforceError(() => runSosl("FIND {smith} RETURNING Contact(WHERE Name = 'x')", ctx, noLag));
    expect(empty.errorCode).toBe('MALFORMED_SEARCH');
  });

  it('accepts the access-mode WITH clauses', () => {
    const { ctx } = org();
    for (const mode of ['SECURITY_ENFORCED', 'USER_MODE', 'SYSTEM_MODE']) {
      expect(found(runSosl(`FIND {globex} RETURNING Account(Name) WITH ${mode} LIMIT 5`, ctx, noLag))).toEqual([
        'Account:Globex'
      ]);
    }
  });

  it('refuses what it does not model and an object named twice', () => {
    const { ctx } = org();
    expect(
      catchSalesforceError(() => runSosl('FIND {acme} RETURNING Account WITH SNIPPET', ctx, noLag)).errorCode
    ).toBe('MALFORMED_SEARCH');
    expect(
      catchSalesforceError(() => runSosl('FIND {acme} RETURNING Account(Name USING LISTVIEW=Recent)', ctx, noLag))
        .errorCode
    ).toBe('MALFORMED_SEARCH');
    expect(
      catchSalesforceError(() => runSosl('FIND {acme} RETURNING Account(Name, (SELECT Id FROM Contacts))', ctx, noLag))
        .errorCode
    ).toBe('MALFORMED_SEARCH');
    expect(
      catchSalesforceError(() => runSosl('FIND {acme} RETURNING Account, account(Name)', ctx, noLag)).errorCode
    ).toBe('MALFORMED_SEARCH');
  });
});

describe('the search query', () => {
  it('matches whole tokens case-insensitively, splitting stored text on punctuation', () => {
    const { ctx } = org();
    expect(found(runSosl('FIND {ACME} RETURNING Account(Name), Contact(Name)', ctx, noLag))).toEqual([
      'Account:Acme Corporation',
      'Contact:John Smith'
    ]);
    expect(found(runSosl('FIND {corp} RETURNING Account(Name)', ctx, noLag))).toEqual([]);
  });

  it('supports * and ? wildcards inside a word, never at its start', () => {
    const { ctx } = org();
    expect(found(runSosl('FIND {sm?th*} RETURNING Contact(Name), Lead(Name)', ctx, noLag))).toEqual([
      'Contact:John Smith',
      'Contact:Jane Smythe',
      'Lead:Lee Lead',
      'Lead:Ann Other'
    ]);
    expect(found(runSosl('FIND {sm?th} RETURNING Contact(Name)', ctx, noLag))).toEqual(['Contact:John Smith']);
    expect(catchSalesforceError(() => runSosl('FIND {*mith}', ctx, noLag)).errorCode).toBe('MALFORMED_SEARCH');
  });

  it('ANDs adjacent words and honours AND, OR, AND NOT, parentheses and quoted phrases', () => {
    const { ctx } = org();
    const contacts = (query: string) =>
      found(runSosl(`FIND {${query}} IN NAME FIELDS RETURNING Contact(Name)`, ctx, noLag));
    expect(contacts('john smith')).toEqual(['Contact:John Smith']);
    expect(contacts('smith AND jane')).toEqual([]);
    expect(contacts('smith OR smythe')).toEqual(['Contact:John Smith', 'Contact:Jane Smythe']);
    expect(contacts('(smith OR smythe) AND NOT john')).toEqual(['Contact:Jane Smythe']);
    expect(contacts('"john smith"')).toEqual(['Contact:John Smith']);
    expect(contacts('"smith john"')).toEqual([]);
    expect(contacts('"and" OR smythe')).toEqual(['Contact:Jane Smythe']);
  });

  it('past 4,000 characters ignores its logical operators (AND becomes OR); past 10,000 it finds nothing', () => {
    const { ctx } = org();
    const contacts = (query: string) =>
      found(runSosl(`FIND {${query}} IN NAME FIELDS RETURNING Contact(Name ORDER BY Name)`, ctx, noLag));
    const padded = (length: number) => {
      const head = 'john AND smythe ';
      return head + 'zq'.repeat(Math.floor((length - head.length) / 2)).padEnd(length - head.length, 'q');
    };
    expect(padded(4000)).toHaveLength(4000);
    expect(contacts(padded(4000))).toEqual([]);
    expect(contacts(padded(4001))).toEqual(['Contact:Jane Smythe', 'Contact:John Smith']);
    expect(contacts(`smith ${'zq '.repeat(3334)}`.slice(0, 10_001))).toEqual([]);
    expect(contacts('smith')).toEqual(['Contact:John Smith']);
  });

  it('takes deeply nested parentheses within the length limits without failing', () => {
    const { ctx } = org();
    const contacts = (query: string) =>
      found(runSosl(`FIND {${query}} IN NAME FIELDS RETURNING Contact(Name)`, ctx, noLag));
    expect(contacts(`${'('.repeat(1900)}smith${')'.repeat(1900)}`)).toEqual(['Contact:John Smith']);
    expect(contacts(`${'('.repeat(20_000)}smith${')'.repeat(20_000)}`)).toEqual([]);
    expect(contacts(Array.from({ length: 450 }, (_, i) => `w${i}`).join(' OR ') + ' OR smythe')).toEqual([
      'Contact:Jane Smythe'
    ]);
  });

  it('searches a reserved character only when it is escaped', () => {
    const { ctx } = org();
    expect(found(runSosl("FIND {O\\'Brien} RETURNING Contact(Name)", ctx, noLag))).toEqual(["Contact:Sean O'Brien"]);
    expect(found(runSosl('FIND {Smith \\& Sons} RETURNING Lead(Name)', ctx, noLag))).toEqual(['Lead:Lee Lead']);
    for (const reserved of [
      "O'Brien",
      'Smith & Sons',
      'a+b',
      'x-y',
      'a:b',
      'a!',
      'a~',
      'a^2',
      'a|b',
      'a[1]',
      'a{1',
      '"(415) 555"'
    ]) {
      const error = catchSalesforceError(() => runSosl(`FIND {${reserved}} RETURNING Contact(Name)`, ctx, noLag));
      expect(error.errorCode).toBe('MALFORMED_SEARCH');
    }
  });

  it('finds an escaped closing brace inside the query', () => {
    const { data, ctx } = org();
    data.add('Account', { Name: 'Brace } Works' });
    expect(found(runSosl('FIND {brace \\} works} RETURNING Account(Name)', ctx, noLag))).toEqual([
      'Account:Brace } Works'
    ]);
  });
});

describe('field groups', () => {
  it('IN NAME FIELDS searches name fields and the extra fields Salesforce lists', () => {
    const { ctx } = org();
    expect(found(runSosl('FIND {smith} IN NAME FIELDS RETURNING Contact(Name), Lead(Name)', ctx, noLag))).toEqual([
      'Contact:John Smith',
      'Lead:Lee Lead'
    ]);
    expect(found(runSosl('FIND {helper} IN NAME FIELDS RETURNING Contact(Name)', ctx, noLag))).toEqual([
      'Contact:John Smith'
    ]);
    expect(found(runSosl('FIND {example} IN NAME FIELDS RETURNING Account(Name), Contact(Name)', ctx, noLag))).toEqual([
      'Account:Acme Corporation'
    ]);
  });

  it('IN EMAIL FIELDS searches only email fields', () => {
    const { ctx } = org();
    expect(found(runSosl('FIND {smith} IN EMAIL FIELDS RETURNING Contact(Name), Lead(Name)', ctx, noLag))).toEqual([
      'Contact:John Smith',
      'Lead:Ann Other'
    ]);
    expect(
      found(runSosl('FIND {john.smith@acme.example.com} IN EMAIL FIELDS RETURNING Contact(Name)', ctx, noLag))
    ).toEqual(['Contact:John Smith']);
  });

  it('IN ALL FIELDS (the default) searches every text field', () => {
    const { ctx } = org();
    expect(found(runSosl('FIND {smith} RETURNING Contact(Name), Lead(Name)', ctx, noLag))).toEqual([
      'Contact:John Smith',
      'Lead:Lee Lead',
      'Lead:Ann Other'
    ]);
  });
});

describe('phone numbers', () => {
  it('match by their digits whatever the stored or searched formatting', () => {
    const { ctx } = org();
    const expected = ['Account:Acme Corporation', 'Contact:John Smith', 'Contact:Jane Smythe', 'Lead:Lee Lead'];
    for (const term of ['4155550132', '415.555.0132', '"\\(415\\) 555\\-0132"', '"415 555 0132"']) {
      const sosl = `FIND {${term}} IN PHONE FIELDS RETURNING Account(Name), Contact(Name), Lead(Name)`;
      expect(found(runSosl(sosl, ctx, noLag))).toEqual(expected);
    }
  });

  it('do not match on a country code or a part of the number (unverified in Salesforce, so off)', () => {
    const { ctx } = org();
    expect(found(runSosl('FIND {14155550132} IN PHONE FIELDS RETURNING Contact(Name)', ctx, noLag))).toEqual([
      "Contact:Sean O'Brien"
    ]);
    expect(found(runSosl('FIND {5550132} IN PHONE FIELDS RETURNING Contact(Name)', ctx, noLag))).toEqual([]);
  });

  it('are not searched by IN NAME FIELDS', () => {
    const { ctx } = org();
    expect(found(runSosl('FIND {4155550132} IN NAME FIELDS RETURNING Contact(Name)', ctx, noLag))).toEqual([]);
  });
});

describe('the search index', () => {
  it('does not find records indexed within the lag window yet', () => {
    const { data, ctx } = org();
    data.add('Account', { Name: 'Fresh Start' }, { indexedAt: NOW - 1000 });
    data.add('Account', { Name: 'Fresh Older' }, { indexedAt: NOW - 5000 });
    const sosl = 'FIND {fresh} RETURNING Account(Name)';
    expect(found(runSosl(sosl, ctx, { searchLagMs: 5000, nowMs: NOW }))).toEqual(['Account:Fresh Older']);
    expect(found(runSosl(sosl, ctx, { searchLagMs: 0, nowMs: NOW }))).toEqual([
      'Account:Fresh Start',
      'Account:Fresh Older'
    ]);
  });

  it('never finds deleted records, even from a queryAll context', () => {
    const { data, ctx } = org();
    data.add('Account', { Name: 'Deleted Acme' }, { deleted: true });
    expect(found(runSosl('FIND {deleted} RETURNING Account(Name)', { ...ctx, includeDeleted: true }, noLag))).toEqual(
      []
    );
  });
});

describe('RETURNING and limits', () => {
  it('returns objects in RETURNING order with only the fields asked for, Id when none', () => {
    const { ctx } = org();
    const result = runSosl('FIND {acme} RETURNING Contact(Email, Account.Name), Account', ctx, noLag);
    const [contact, account] = result.searchRecords;
    expect(Object.keys(contact ?? {})).toEqual(['attributes', 'Email', 'Account']);
    expect((contact?.['Account'] as Row)['Name']).toBe('Acme Corporation');
    expect(Object.keys(account ?? {})).toEqual(['attributes', 'Id']);
    expect(account?.['attributes']).toEqual({
      type: 'Account',
      url: `/services/data/v62.0/sobjects/Account/${account?.['Id'] as string}`
    });
  });

  it('honours per-object WHERE, ORDER BY, LIMIT and OFFSET, and the overall LIMIT', () => {
    const { ctx } = org();
    const perObject =
      "FIND {smith} RETURNING Contact(Name WHERE FirstName != 'Jane' ORDER BY Name DESC), Lead(Name ORDER BY Name LIMIT 1 OFFSET 1)";
    expect(found(runSosl(perObject, ctx, noLag))).toEqual(['Contact:John Smith', 'Lead:Lee Lead']);
    expect(found(runSosl('FIND {smith} RETURNING Contact(Name), Lead(Name) LIMIT 2', ctx, noLag))).toEqual([
      'Contact:John Smith',
      'Lead:Lee Lead'
    ]);
  });

  it('searches every searchable object, returning Ids, without RETURNING', () => {
    const { ctx } = org();
    const types = runSosl('FIND {acme}', ctx, noLag).searchRecords.map(
      (r) => (r['attributes'] as { type: string }).type
    );
    expect(types).toEqual(['Account', 'Contact']);
  });

  it('returns at most 2,000 rows', () => {
    const { data, ctx } = org();
    for (let i = 0; i < 2005; i++) data.add('Lead', { Name: `Bulk ${i}`, Company: 'Bulkco' });
    expect(runSosl('FIND {bulkco} RETURNING Lead(Name)', ctx, noLag).searchRecords).toHaveLength(2000);
    expect(runSosl('FIND {bulkco} RETURNING Lead(Name) LIMIT 5000', ctx, noLag).searchRecords).toHaveLength(2000);
  });
});
