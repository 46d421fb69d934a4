// What Salesforce checks against the schema before it runs a query: objects, fields, relationships, literal
// types, filterability, limits — with its codes and messages.
import { runSoql } from '../index.ts';
import { catchSalesforceError, detailOf, positionOf } from '../testing/catch-error.ts';
import { fixtureContext, fixtureSchema, MemoryRecords } from '../testing/fixture-schema.ts';

const ctx = () => {
  const schema = fixtureSchema();
  return fixtureContext(schema, new MemoryRecords(schema));
};

const CUSTOM_FIELD_HINT =
  "If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. " +
  'Please reference your WSDL or the describe call for the appropriate names.';
const CUSTOM_RELATIONSHIP_HINT =
  "If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship " +
  'name. Please reference your WSDL or the describe call for the appropriate names.';

describe('objects', () => {
  it('refuses an unknown object with INVALID_TYPE, pointing at it', () => {
    const error = catchSalesforceError(() => runSoql('SELECT Id FROM Foo', ctx()));
    expect(error.errorCode).toBe('INVALID_TYPE');
    expect(error.message).toBe(
      `\nSELECT Id FROM Foo\n${' '.repeat(15)}^\nERROR at Row:1:Column:16\n` +
        "sObject type 'Foo' is not supported. If you are attempting to use a custom object, be sure to append the " +
        "'__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names."
    );
  });

  it('resolves object and field names case-insensitively and answers with canonical names', () => {
    const schema = fixtureSchema();
    const data = new MemoryRecords(schema);
    data.add('Lead', { Name: 'Ann Lee', Phone: '555' });
    const result = runSoql('select name, PHONE from lead', fixtureContext(schema, data));
    expect(Object.keys(result.records[0] ?? {})).toEqual(['attributes', 'Name', 'Phone']);
    expect(result.records[0]?.attributes.type).toBe('Lead');
  });
});

describe('fields', () => {
  it('refuses an unknown field with Salesforce’s multi-line INVALID_FIELD message', () => {
    const error = catchSalesforceError(() => runSoql('SELECT Id, Foo FROM Lead', ctx()));
    expect(error.errorCode).toBe('INVALID_FIELD');
    expect(error.message).toBe(
      `\nSELECT Id, Foo FROM Lead\n${' '.repeat(11)}^\nERROR at Row:1:Column:12\n` +
        `No such column 'Foo' on entity 'Lead'. ${CUSTOM_FIELD_HINT}`
    );
  });

  it.each([
    ["SELECT Id FROM Lead WHERE Foo__c = 'x'", "No such column 'Foo__c' on entity 'Lead'.", 'Row:1:Column:27'],
    ['SELECT Id FROM Lead ORDER BY Nope', "No such column 'Nope' on entity 'Lead'.", 'Row:1:Column:30'],
    ['SELECT Id, (SELECT Nope FROM Tasks) FROM Contact', "No such column 'Nope' on entity 'Task'.", 'Row:1:Column:20'],
    [
      'SELECT Id FROM Lead WHERE Id IN (SELECT Nope FROM Task)',
      "No such column 'Nope' on entity 'Task'.",
      'Row:1:Column:41'
    ],
    ['SELECT Id, Account.Foo FROM Contact', "No such column 'Foo' on entity 'Account'.", 'Row:1:Column:12'],
    ['SELECT Id, Owner.Foo FROM Lead', "No such column 'Foo' on entity 'Name'.", 'Row:1:Column:12'],
    ['SELECT Id, Account FROM Contact', "No such column 'Account' on entity 'Contact'.", 'Row:1:Column:12']
  ])('%s → %s', (soql, detail, position) => {
    const error = catchSalesforceError(() => runSoql(soql, ctx()));
    expect(error.errorCode).toBe('INVALID_FIELD');
    expect(detailOf(error)).toBe(`${detail} ${CUSTOM_FIELD_HINT}`);
    expect(positionOf(error)).toBe(position);
  });

  it('shows a window of a long statement around the error, as Salesforce does', () => {
    const soql = 'SELECT Id, FirstName, LastName, Company, Email, Phone, MobilePhone, Statuss, LeadSource FROM Lead';
    const error = catchSalesforceError(() => runSoql(soql, ctx()));
    expect(error.message.split('\n').slice(0, 4)).toEqual([
      '',
      'Company, Email, Phone, MobilePhone, Statuss, LeadSource FROM Lead',
      `${' '.repeat(36)}^`,
      'ERROR at Row:1:Column:69'
    ]);
  });

  it('refuses a field selected twice', () => {
    const error = catchSalesforceError(() => runSoql('SELECT Id, Name, id FROM Lead', ctx()));
    expect(error.errorCode).toBe('INVALID_FIELD');
    expect(error.message).toBe('duplicate field selected: id');
  });

  it('refuses an alias on a plain field', () => {
    const error = catchSalesforceError(() => runSoql('SELECT Name n FROM Lead', ctx()));
    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(detailOf(error)).toBe('Only aggregate expressions use field aliasing');
  });
});

describe('relationships', () => {
  it.each([
    ['SELECT Id, Account__c.Name FROM Contact', 'Account__c'],
    ['SELECT Id, AccountId.Name FROM Contact', 'AccountId'],
    ['SELECT Id, Foo.Bar FROM Contact', 'Foo'],
    ["SELECT Id FROM Task WHERE Who.Account.Name = 'x'", 'Account'],
    ['SELECT Id, Lead.Name FROM Contact', 'Lead']
  ])('%s → Didn’t understand relationship %s', (soql, relationship) => {
    const error = catchSalesforceError(() => runSoql(soql, ctx()));
    expect(error.errorCode).toBe('INVALID_FIELD');
    expect(detailOf(error)).toBe(
      `Didn't understand relationship '${relationship}' in field path. ${CUSTOM_RELATIONSHIP_HINT}`
    );
  });

  it('refuses an unknown child relationship in a subquery with INVALID_TYPE', () => {
    const error = catchSalesforceError(() => runSoql('SELECT Id, (SELECT Id FROM Task) FROM Contact', ctx()));
    expect(error.errorCode).toBe('INVALID_TYPE');
    expect(detailOf(error)).toBe(
      `Didn't understand relationship 'Task' in FROM part of query call. ${CUSTOM_RELATIONSHIP_HINT}`
    );
    expect(positionOf(error)).toBe('Row:1:Column:28');
  });

  it('follows parent relationships five levels deep and refuses a sixth', () => {
    const five = 'SELECT ReportsTo.ReportsTo.ReportsTo.ReportsTo.ReportsTo.Name FROM Contact';
    expect(runSoql(five, ctx()).totalSize).toBe(0);
    const six = 'SELECT ReportsTo.ReportsTo.ReportsTo.ReportsTo.ReportsTo.ReportsTo.Name FROM Contact';
    expect(catchSalesforceError(() => runSoql(six, ctx())).errorCode).toBe('INVALID_FIELD');
  });

  it('accepts the FROM alias or the object’s own name as a path prefix', () => {
    const schema = fixtureSchema();
    const data = new MemoryRecords(schema);
    const account = data.add('Account', { Name: 'Acme' });
    data.add('Contact', { Name: 'Jo Lee', FirstName: 'Jo', AccountId: account });
    const context = fixtureContext(schema, data);
    const aliased = runSoql("SELECT c.FirstName, c.Account.Name FROM Contact c WHERE c.Name = 'jo lee'", context);
    const prefixed = runSoql('SELECT Contact.FirstName, Contact.Account.Name FROM Contact', context);
    for (const result of [aliased, prefixed]) {
      expect(result.records[0]?.['FirstName']).toBe('Jo');
      expect((result.records[0]?.['Account'] as Record<string, unknown>)['Name']).toBe('Acme');
    }
  });
});

describe('literal types', () => {
  const typeMessage = (field: string, type: string, quoted: boolean) =>
    `value of filter criterion for field '${field}' must be of type ${type} and ` +
    (quoted ? 'should be enclosed in quotes' : 'should not be enclosed in quotes');

  it.each([
    ["SELECT Id FROM Lead WHERE CreatedDate > '2024-01-01T00:00:00Z'", 'CreatedDate', 'dateTime', false],
    ['SELECT Id FROM Lead WHERE CreatedDate > 2024-01-01', 'CreatedDate', 'dateTime', false],
    ["SELECT Id FROM Task WHERE ActivityDate = '2024-01-01'", 'ActivityDate', 'date', false],
    ['SELECT Id FROM Task WHERE ActivityDate = 2024-01-01T00:00:00Z', 'ActivityDate', 'date', false],
    ["SELECT Id FROM Account WHERE NumberOfEmployees > '5'", 'NumberOfEmployees', 'integer', false],
    ["SELECT Id FROM Account WHERE AnnualRevenue > '5'", 'AnnualRevenue', 'double', false],
    ["SELECT Id FROM Lead WHERE IsConverted = 'true'", 'IsConverted', 'boolean', false],
    ['SELECT Id FROM Lead WHERE Name = 5', 'Name', 'string', true],
    ['SELECT Id FROM Lead WHERE Name = TRUE', 'Name', 'string', true],
    ['SELECT Id FROM Lead WHERE Name = TODAY', 'Name', 'string', true],
    ["SELECT Id FROM Lead WHERE Name IN ('a', 5)", 'Name', 'string', true],
    ['SELECT Id FROM Lead WHERE OwnerId = 5', 'OwnerId', 'id', true]
  ])('%s is refused', (soql, field, type, quoted) => {
    const error = catchSalesforceError(() => runSoql(soql, ctx()));
    expect(error.errorCode).toBe('INVALID_FIELD');
    expect(detailOf(error)).toBe(typeMessage(field, type, quoted));
  });

  it.each([
    ["SELECT Id FROM Lead WHERE Id = 'abc'", 'abc'],
    ["SELECT Id FROM Contact WHERE AccountId IN ('001Qe0000000001', 'nope')", 'nope'],
    ["SELECT Id FROM Lead WHERE OwnerId = '005Qe0000000001AAB'", '005Qe0000000001AAB']
  ])('%s → invalid ID field: %s', (soql, value) => {
    const error = catchSalesforceError(() => runSoql(soql, ctx()));
    expect(error.errorCode).toBe('INVALID_QUERY_FILTER_OPERATOR');
    expect(detailOf(error)).toBe(`invalid ID field: ${value}`);
  });

  it.each([
    [
      "SELECT Id FROM Lead WHERE Name INCLUDES ('a')",
      'includes or excludes operator only valid on multipicklist field'
    ],
    ["SELECT Id FROM Contact WHERE Languages__c > 'a'", 'invalid operator on multipicklist field'],
    ["SELECT Id FROM Lead WHERE Id LIKE '00Q%'", 'invalid operator on id field'],
    ['SELECT Id FROM Lead WHERE IsConverted < true', 'invalid operator on boolean field']
  ])('%s → INVALID_QUERY_FILTER_OPERATOR', (soql, detail) => {
    const error = catchSalesforceError(() => runSoql(soql, ctx()));
    expect(error.errorCode).toBe('INVALID_QUERY_FILTER_OPERATOR');
    expect(detailOf(error)).toBe(detail);
  });

  it('refuses impossible dates', () => {
    const error = catchSalesforceError(() => runSoql('SELECT Id FROM Task WHERE ActivityDate = 2024-02-30', ctx()));
    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(detailOf(error)).toBe('Invalid date: 2024-02-30');
  });
});

describe('long text areas and limits', () => {
  it('refuses filtering and sorting on a long text area', () => {
    const filtered = catchSalesforceError(() => runSoql("SELECT Id FROM Account WHERE Description = 'x'", ctx()));
    expect(filtered.errorCode).toBe('INVALID_FIELD');
    expect(detailOf(filtered)).toBe("field 'Description' can not be filtered in query call");
    const sorted = catchSalesforceError(() => runSoql('SELECT Id FROM Account ORDER BY Description', ctx()));
    expect(detailOf(sorted)).toBe("field 'Description' can not be sorted in a query call");
  });

  it('selects a long text area without complaint', () => {
    const schema = fixtureSchema();
    const data = new MemoryRecords(schema);
    data.add('Account', { Name: 'Acme', Description: 'd'.repeat(5000) });
    expect(
      runSoql('SELECT Description FROM Account', fixtureContext(schema, data)).records[0]?.['Description']
    ).toHaveLength(5000);
  });

  it('refuses an OFFSET above 2,000', () => {
    const error = catchSalesforceError(() => runSoql('SELECT Id FROM Lead LIMIT 10 OFFSET 2001', ctx()));
    expect(error.errorCode).toBe('NUMBER_OUTSIDE_VALID_RANGE');
    expect(error.message).toBe('Maximum SOQL offset allowed is 2000');
    expect(runSoql('SELECT Id FROM Lead LIMIT 10 OFFSET 2000', ctx()).totalSize).toBe(0);
  });
});

describe('what the emulator does not model is refused, never answered wrongly', () => {
  it.each([
    ['SELECT TYPEOF What WHEN Account THEN Phone END FROM Task', 'TYPEOF'],
    ['SELECT Name, COUNT(Id) FROM Lead GROUP BY Name', 'GROUP BY'],
    ['SELECT SUM(AnnualRevenue) FROM Lead', 'SUM()'],
    ['SELECT FIELDS(ALL) FROM Lead LIMIT 200', 'FIELDS()'],
    ['SELECT toLabel(Status) FROM Lead', 'toLabel()'],
    ['SELECT Id FROM Lead WHERE CALENDAR_YEAR(CreatedDate) = 2024', 'CALENDAR_YEAR()'],
    ['SELECT Id FROM Lead UPDATE TRACKING', 'UPDATE TRACKING'],
    ['SELECT Id FROM Lead USING SCOPE team', 'USING SCOPE team']
  ])('%s', (soql, what) => {
    const error = catchSalesforceError(() => runSoql(soql, ctx()));
    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(detailOf(error)).toContain(what);
    expect(detailOf(error)).toContain('not supported by the org emulator');
  });

  it('refuses COUNT() next to other fields and a field next to COUNT(field)', () => {
    expect(detailOf(catchSalesforceError(() => runSoql('SELECT Id, COUNT() FROM Lead', ctx())))).toBe(
      'COUNT() must be the only element in the SELECT list'
    );
    expect(detailOf(catchSalesforceError(() => runSoql('SELECT Name, COUNT(Id) FROM Lead', ctx())))).toBe(
      'Field must be grouped or aggregated: Name'
    );
  });
});

describe('semi-joins', () => {
  it('refuses a semi-join on the object of the outer query', () => {
    const error = catchSalesforceError(() =>
      runSoql("SELECT Id FROM Lead WHERE Id IN (SELECT Id FROM Lead WHERE Name = 'x')", ctx())
    );
    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(detailOf(error)).toBe('The inner and outer selects should not be on the same object type');
    expect(positionOf(error)).toBe('Row:1:Column:49');
  });

  it('refuses a semi-join that selects anything but one Id or reference field', () => {
    expect(
      catchSalesforceError(() => runSoql('SELECT Id FROM Contact WHERE Id IN (SELECT Subject FROM Task)', ctx()))
        .errorCode
    ).toBe('INVALID_FIELD');
    expect(
      catchSalesforceError(() => runSoql('SELECT Id FROM Contact WHERE Id IN (SELECT Id, WhoId FROM Task)', ctx()))
        .errorCode
    ).toBe('MALFORMED_QUERY');
    expect(
      catchSalesforceError(() => runSoql('SELECT Id FROM Contact WHERE Name IN (SELECT WhoId FROM Task)', ctx()))
        .errorCode
    ).toBe('INVALID_FIELD');
  });
});
