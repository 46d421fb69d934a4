import type { Connection } from 'jsforce';
import type { RunningOrg } from '../testing/salesforceOrg.ts';
import { adminConnection, startTestOrg } from '../testing/salesforceOrg.ts';
import {
  MAX_SOSL_FIND_CHARS,
  escapeSoqlString,
  orGroups,
  phoneSearches,
  soqlInList,
  soqlLikeLiteral,
  soqlString,
  soslTerm,
  tasksByExternalIds
} from './queryText.ts';
import { salesforceSchema } from './schema.ts';

describe('SOQL string literals', () => {
  it('escape the quote and the backslash, and spell line breaks and tabs as escapes', () => {
    expect(soqlString("O'Brien")).toBe("'O\\'Brien'");
    expect(soqlString('C:\\temp')).toBe("'C:\\\\temp'");
    expect(soqlString('say "hi"')).toBe('\'say \\"hi\\"\'');
    expect(soqlString('a\nb\rc\td\be\ff')).toBe("'a\\nb\\rc\\td\\be\\ff'");
  });

  it('turn other control characters into \\uXXXX, so nothing raw reaches the parser', () => {
    expect(escapeSoqlString('a\u0000b\u001fc\u007f')).toBe('a\\u0000b\\u001fc\\u007f');
  });

  it('leave an injection attempt inside one literal', () => {
    const hostile = "x' OR Name LIKE '%";
    const literal = soqlString(hostile);
    expect(literal).toBe("'x\\' OR Name LIKE \\'%'");
    // Unescaped quotes: only the opening and closing ones.
    expect(literal.replace(/\\\\|\\'/g, '').match(/'/g)).toHaveLength(2);
  });

  it('make % and _ literal in LIKE patterns, keeping the wildcards the caller asks for', () => {
    expect(soqlLikeLiteral('50%_off', { suffix: true })).toBe("'50\\%\\_off%'");
    expect(soqlLikeLiteral("it's", { prefix: true, suffix: true })).toBe("'%it\\'s%'");
  });

  it('build IN lists from escaped literals, and refuse an empty one', () => {
    expect(soqlInList(['a', "b'c"])).toBe("('a', 'b\\'c')");
    expect(() => soqlInList([])).toThrow('an IN list needs at least one value');
  });
});

describe('SOSL search terms', () => {
  it('escape every reserved character with a backslash', () => {
    expect(soslTerm('?&|!{}[]()^~*:\\"\'+-')).toBe('\\?\\&\\|\\!\\{\\}\\[\\]\\(\\)\\^\\~\\*\\:\\\\\\"\\\'\\+\\-');
    expect(soslTerm('+14155550142')).toBe('\\+14155550142');
  });

  it('quote phrases and the operator words, so they are searched as text', () => {
    expect(soslTerm('Acme  Corp')).toBe('"Acme Corp"');
    expect(soslTerm('OR')).toBe('"OR"');
    expect(soslTerm('and')).toBe('"and"');
    expect(soslTerm('android')).toBe('android');
  });

  it('keep a closing brace from ending the FIND clause', () => {
    expect(soslTerm('x} RETURNING User(Id) FIND {y')).toBe('"x\\} RETURNING User\\(Id\\) FIND \\{y"');
  });

  it('refuse an empty term', () => {
    expect(() => soslTerm('   ')).toThrow('must not be empty');
  });

  it('split long OR lists under the 4,000 characters where Salesforce drops the operators', () => {
    const terms = Array.from({ length: 400 }, (_, i) => `4155550${String(i).padStart(3, '0')}`);
    const groups = orGroups(terms);
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.every((g) => g.length <= MAX_SOSL_FIND_CHARS)).toBe(true);
    expect(groups.join(' OR ').split(' OR ')).toEqual(terms);
  });
});

describe('query builders', () => {
  it('search Contacts and unconverted Leads by phone, with namespaced names untouched (standard fields only)', () => {
    const [sosl] = phoneSearches(salesforceSchema('swb'), ['4155550142', '\\+14155550142']);
    expect(sosl).toBe(
      'FIND {4155550142 OR \\+14155550142} IN PHONE FIELDS RETURNING Contact(Id, Name, Phone, MobilePhone ORDER BY Id), ' +
        'Lead(Id, Name, Phone, MobilePhone WHERE IsConverted = false ORDER BY Id)'
    );
  });

  it('read Tasks by External Activity ID with the namespace prefix and escaped ids', () => {
    expect(tasksByExternalIds(salesforceSchema('swb'), ["t:a'1"], ['id', 'externalActivityId', 'Who.Name'])).toBe(
      "SELECT Id, swb__External_Activity_Id__c, Who.Name FROM Task WHERE swb__External_Activity_Id__c IN ('t:a\\'1') " +
        'ORDER BY swb__External_Activity_Id__c'
    );
  });
});

describe('escaped text against the org emulator’s SOQL and SOSL parsers (which refuse anything malformed)', () => {
  let org: RunningOrg;
  let conn: Connection;
  const nasty = 'O\'Brien \\ "quoted" {braces} (parens) [brackets] ?*~^:!&|+- AND OR NOT\ttab\nline %_ \u0001';

  beforeAll(async () => {
    org = await startTestOrg();
    conn = await adminConnection(org);
  });
  afterAll(() => org.close());

  it('a SOQL literal holding every special character is one value: it parses, and matches the record holding it', async () => {
    const created = await conn.sobject('Account').create({ Name: nasty.replace(/[\t\n\u0001]/g, ' ') });
    const stored = nasty.replace(/[\t\n\u0001]/g, ' ');
    const result = await conn.query<{ Id: string }>(`SELECT Id FROM Account WHERE Name = ${soqlString(stored)}`);
    expect(result.records.map((r) => r.Id)).toEqual([(created as { id: string }).id]);
    const withControls = await conn.query(`SELECT Id FROM Account WHERE Name = ${soqlString(nasty)}`);
    expect(withControls.records).toEqual([]);
    const like = await conn.query(
      `SELECT Id FROM Account WHERE Name LIKE ${soqlLikeLiteral("O'Brien \\", { suffix: true })}`
    );
    expect(like.records).toHaveLength(1);
  });

  it('a SOSL term holding every reserved character parses', async () => {
    const result = await conn.search(`FIND {${soslTerm(nasty)}} IN ALL FIELDS RETURNING Account(Id)`);
    expect(result.searchRecords).toEqual(expect.any(Array));
    expect(org.control.requests({ pathContains: '/search' }).map((r) => r.status)).toEqual([200]);
  });
});
