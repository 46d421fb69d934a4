// SOQL syntax as Salesforce enforces it: mixed AND/OR, string escapes, characters that are not SOQL, limits,
// and the position every syntax error names.
import { runSoql } from '../index.ts';
import { catchSalesforceError, detailOf, positionOf } from '../testing/catch-error.ts';
import { fixtureContext, fixtureSchema, MemoryRecords } from '../testing/fixture-schema.ts';

function org() {
  const schema = fixtureSchema();
  const data = new MemoryRecords(schema);
  data.add('User', { Name: 'Ada Admin' });
  return { data, ctx: fixtureContext(schema, data) };
}

const names = (result: { records: Array<Record<string, unknown>> }) => result.records.map((r) => r['Name']);

describe('AND and OR at one parenthesis level', () => {
  it('is refused with Salesforce’s positioned MALFORMED_QUERY naming the second operator', () => {
    const { ctx } = org();
    const error = catchSalesforceError(() =>
      runSoql("SELECT Id FROM Lead WHERE Phone = '1' OR MobilePhone = '2' AND IsConverted = false", ctx)
    );
    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(error.status).toBe(400);
    expect(error.message).toBe(
      "\nPhone = '1' OR MobilePhone = '2' AND IsConverted = false\n" +
        `${' '.repeat(33)}^\nERROR at Row:1:Column:60\nunexpected token: 'AND'`
    );
  });

  it('counts rows and columns on the line where the operator is', () => {
    const { ctx } = org();
    const error = catchSalesforceError(() =>
      runSoql("SELECT Id\nFROM Lead\nWHERE Name = 'a' AND Name = 'b' or Name = 'c'", ctx)
    );
    expect(positionOf(error)).toBe('Row:3:Column:33');
    expect(detailOf(error)).toBe("unexpected token: 'or'");
  });

  it('is refused inside parentheses and after NOT as well', () => {
    const { ctx } = org();
    expect(
      detailOf(
        catchSalesforceError(() => runSoql("SELECT Id FROM Lead WHERE (Name = 'a' OR Name = 'b' AND Name = 'c')", ctx))
      )
    ).toBe("unexpected token: 'AND'");
    expect(
      detailOf(
        catchSalesforceError(() =>
          runSoql("SELECT Id FROM Lead WHERE NOT Name = 'a' AND Name = 'b' OR Name = 'c'", ctx)
        )
      )
    ).toBe("unexpected token: 'OR'");
  });

  it('is evaluated as written once parentheses say which comes first', () => {
    const { data, ctx } = org();
    data.add('Lead', { Name: 'Web lead', LeadSource: 'Web', Status: 'Open' });
    data.add('Lead', { Name: 'Phone lead', LeadSource: 'Phone Inquiry', Status: 'Closed' });
    data.add('Lead', { Name: 'Other lead', LeadSource: 'Other', Status: 'Open' });
    const orFirst =
      "SELECT Name FROM Lead WHERE (LeadSource = 'Web' OR LeadSource = 'Phone Inquiry') AND Status = 'Open'";
    const andFirst =
      "SELECT Name FROM Lead WHERE LeadSource = 'Web' OR (LeadSource = 'Phone Inquiry' AND Status = 'Open')";
    expect(names(runSoql(orFirst, ctx))).toEqual(['Web lead']);
    expect(names(runSoql(andFirst, ctx))).toEqual(['Web lead']);
    const notGroup =
      "SELECT Name FROM Lead WHERE NOT (LeadSource = 'Web' OR LeadSource = 'Other') AND Status = 'Closed'";
    expect(names(runSoql(notGroup, ctx))).toEqual(['Phone lead']);
    const notFirst = "SELECT Name FROM Lead WHERE NOT LeadSource = 'Web' AND Status = 'Open'";
    expect(names(runSoql(notFirst, ctx))).toEqual(['Other lead']);
  });
});

describe('syntax errors', () => {
  it.each([
    ["SELECT Id FROM Lead WHERE Name = 'a' LIMIT 5 garbage", "unexpected token: 'garbage'", 'Row:1:Column:46'],
    ['SELECT Id FROM Lead WHERE', "unexpected token: '<EOF>'", 'Row:1:Column:26'],
    ['SELECT Id, FROM Lead', "unexpected token: 'FROM'", 'Row:1:Column:12'],
    ["SELECT Id FROM Lead WHERE (Name = 'x'", "unexpected token: '<EOF>'", 'Row:1:Column:38'],
    ["SELECT Id FROM Lead WHERE Name = 'x')", "unexpected token: ')'", 'Row:1:Column:37'],
    ['SELECT Id FROM Lead WHERE Email = :email', "unexpected token: ':'", 'Row:1:Column:35'],
    ['SELECT Id FROM Lead WHERE Status = Open', "expecting a colon, found 'Open'", 'Row:1:Column:36'],
    [
      'SELECT Id FROM Lead WHERE CreatedDate = LAST_120_DAYS',
      "expecting a colon, found 'LAST_120_DAYS'",
      'Row:1:Column:41'
    ]
  ])('%s → %s', (soql, detail, position) => {
    const { ctx } = org();
    const error = catchSalesforceError(() => runSoql(soql, ctx));
    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(detailOf(error)).toBe(detail);
    expect(positionOf(error)).toBe(position);
  });

  it('refuses double-quoted strings the way Salesforce’s lexer does', () => {
    const { ctx } = org();
    const error = catchSalesforceError(() => runSoql('SELECT Id FROM Lead WHERE Name = "x"', ctx));
    expect(error.message).toBe(
      '\nSELECT Id FROM Lead WHERE Name = "x"\n' +
        `${' '.repeat(33)}^\nERROR at Row:1:Column:34\nline 1:33 no viable alternative at character '"'`
    );
  });

  it.each([
    ['SELECT Id FROM Lead // comment', "line 1:20 no viable alternative at character '/'"],
    ['SELECT Id FROM Lead /* comment */', "line 1:20 no viable alternative at character '/'"],
    ["SELECT Id FROM Lead WHERE Name = 'x'; DELETE", "line 1:36 no viable alternative at character ';'"],
    ["SELECT Id FROM Lead WHERE Name = 'x' -- comment", "line 1:37 no viable alternative at character '-'"]
  ])('refuses comments and statement separators: %s', (soql, detail) => {
    const { ctx } = org();
    const error = catchSalesforceError(() => runSoql(soql, ctx));
    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(detailOf(error)).toBe(detail);
  });

  it('refuses a statement longer than 100,000 characters without evaluating it', () => {
    const { ctx } = org();
    const soql = `SELECT Id FROM Lead WHERE Name IN (${Array.from({ length: 9000 }, () => "'abcdefghij'").join(',')})`;
    expect(soql.length).toBeGreaterThan(100_000);
    const error = catchSalesforceError(() => runSoql(soql, ctx));
    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(error.message).toBe('SOQL statements can not be longer than 100000 characters');
  });
});

describe('string literals', () => {
  it.each([
    ["'O\\'Brien'", "O'Brien"],
    ["'back\\\\slash'", 'back\\slash'],
    ["'two\\nlines'", 'two\nlines'],
    ["'two\\Nlines'", 'two\nlines'],
    ["'tab\\there'", 'tab\there'],
    ["'cr\\rlf'", 'cr\rlf'],
    ["'bell\\bform\\ffeed'", 'bell\bform\ffeed'],
    ['\'say \\"hi\\"\'', 'say "hi"'],
    ["'caf\\u00e9'", 'café']
  ])('decodes the escape in %s', (literal, value) => {
    const { data, ctx } = org();
    data.add('Lead', { Name: value });
    data.add('Lead', { Name: 'someone else' });
    expect(names(runSoql(`SELECT Name FROM Lead WHERE Name = ${literal}`, ctx))).toEqual([value]);
  });

  it('refuses an escape Salesforce does not define', () => {
    const { ctx } = org();
    const error = catchSalesforceError(() => runSoql("SELECT Id FROM Lead WHERE Name = 'a\\qb'", ctx));
    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(detailOf(error)).toBe("Invalid string literal 'a\\qb'. Illegal character sequence '\\q' in string literal.");
    expect(positionOf(error)).toBe('Row:1:Column:34');
  });

  it('refuses \\% and \\_ outside LIKE and a short \\u escape', () => {
    const { ctx } = org();
    expect(detailOf(catchSalesforceError(() => runSoql("SELECT Id FROM Lead WHERE Name = '50\\%'", ctx)))).toBe(
      "Invalid string literal '50\\%'. Illegal character sequence '\\%' in string literal."
    );
    expect(detailOf(catchSalesforceError(() => runSoql("SELECT Id FROM Lead WHERE Name = 'a\\u00'", ctx)))).toBe(
      "Invalid string literal 'a\\u00'. Illegal character sequence '\\u00'' in string literal."
    );
  });

  it('refuses a string of more than 4,000 characters in WHERE', () => {
    const { ctx } = org();
    const error = catchSalesforceError(() => runSoql(`SELECT Id FROM Lead WHERE Name = '${'x'.repeat(4001)}'`, ctx));
    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(detailOf(error)).toContain('at most 4000 characters');
    const { data, ctx: ok } = org();
    data.add('Lead', { Name: 'x'.repeat(4000) });
    expect(runSoql(`SELECT Id FROM Lead WHERE Name = '${'x'.repeat(4000)}'`, ok).totalSize).toBe(1);
  });
});

describe('injection-shaped input', () => {
  // What a careless caller produces by pasting a value between quotes without escaping it.
  it.each([
    ["SELECT Id FROM Lead WHERE Name = 'x' OR Id != ''", 'INVALID_QUERY_FILTER_OPERATOR'],
    ["SELECT Id FROM Lead WHERE Name = 'O'Brien'", 'MALFORMED_QUERY'],
    ["SELECT Id FROM Lead WHERE Name = 'x\\'", 'MALFORMED_QUERY'],
    ["SELECT Id FROM Lead WHERE Name = 'O' Brien = 'x'", 'MALFORMED_QUERY'],
    ["SELECT Id FROM Lead WHERE Name = 'x') OR (Name != null", 'MALFORMED_QUERY'],
    ["SELECT Id FROM Lead WHERE (Name = 'x'", 'MALFORMED_QUERY'],
    ["SELECT Id FROM Lead WHERE Name = 'x'' OR Name != ''", 'MALFORMED_QUERY'],
    ["SELECT Id FROM Lead WHERE Name = 'x' LIMIT 1; SELECT Id FROM User", 'MALFORMED_QUERY']
  ])('%s is refused (%s)', (soql, code) => {
    const { data, ctx } = org();
    data.add('Lead', { Name: 'victim' });
    expect(catchSalesforceError(() => runSoql(soql, ctx)).errorCode).toBe(code);
  });

  it('runs an unescaped value that happens to form valid SOQL, exactly as Salesforce would: hence the escaping', () => {
    const { data, ctx } = org();
    data.add('Lead', { Name: 'victim' });
    const pasted = "x' OR Name != null OR Name = '";
    expect(names(runSoql(`SELECT Name FROM Lead WHERE Name = '${pasted}'`, ctx))).toEqual(['victim']);
  });

  it('names the stray word when two conditions have no operator between them', () => {
    const { ctx } = org();
    const error = catchSalesforceError(() => runSoql("SELECT Id FROM Lead WHERE Name = 'O' Brien = 'x'", ctx));
    expect(detailOf(error)).toBe("unexpected token: 'Brien'");
    expect(positionOf(error)).toBe('Row:1:Column:38');
  });

  it('reports the first wrong token before an unterminated quote, as Salesforce reads left to right', () => {
    const { ctx } = org();
    expect(detailOf(catchSalesforceError(() => runSoql("SELECT Id FROM Lead WHERE Name = 'O'Brien'", ctx)))).toBe(
      "unexpected token: 'Brien'"
    );
  });

  it.each([
    ["x' OR Id != '", "'x\\' OR Id != \\''"],
    ["O'Brien", "'O\\'Brien'"],
    ['\\', "'\\\\'"],
    ["') OR (Name != null", "'\\') OR (Name != null'"],
    ['%', "'%'"]
  ])('the same text escaped (%s) is one plain literal that matches only itself', (value, literal) => {
    const { data, ctx } = org();
    data.add('Lead', { Name: value });
    data.add('Lead', { Name: 'victim' });
    expect(names(runSoql(`SELECT Name FROM Lead WHERE Name = ${literal}`, ctx))).toEqual([value]);
  });
});
