// The excerpt Salesforce shows above the caret: the whitespace-delimited chunks within 30 characters of the error.
// Each case is a message captured from a real org (sources in messages.ts), rebuilt from a statement that has
// the same text around the error.
import { positioned, soqlSource } from './messages.ts';

function excerpt(statement: string, at: string): string[] {
  const offset = statement.indexOf(at);
  return positioned(soqlSource(statement), offset, 'detail').split('\n').slice(1, 4);
}

describe('positioned query errors', () => {
  it('show a short statement whole', () => {
    expect(excerpt('Select Id, Status, Location, Body from ApexLog', 'Body')).toEqual([
      'Select Id, Status, Location, Body from ApexLog',
      `${' '.repeat(29)}^`,
      'ERROR at Row:1:Column:30'
    ]);
  });

  it('cut a long line to the chunks near the error (forcedotcom/cli#1356)', () => {
    const statement =
      'SELECT Id, Name, Opportunity__c, Opportunity__r.Name, Opportunity__r.Id, Stage                          FROM X__c';
    expect(excerpt(statement, 'Stage')).toEqual([
      'Opportunity__r.Name, Opportunity__r.Id, Stage                          ',
      `${' '.repeat(40)}^`,
      'ERROR at Row:1:Column:74'
    ]);
  });

  it('keep a chunk that straddles the window edge whole (Anypoint template capture)', () => {
    const statement =
      'SELECT Account.Name, Account.Phone, Account.Rating, Account.RecordTypeId, Account.ShippingCity FROM Contact';
    expect(excerpt(statement, 'Account.RecordTypeId')).toEqual([
      'Account.Phone, Account.Rating, Account.RecordTypeId, Account.ShippingCity',
      `${' '.repeat(31)}^`,
      'ERROR at Row:1:Column:53'
    ]);
  });

  it('count the row and the column on the line of the error', () => {
    const statement =
      "SELECT Id, Email, Name\nFROM Contact\nWHERE AccountId = '0014000000p6XlS' AND LastName LIKE 'test' OR email LIKE 'test'";
    const [line, caret, position] = excerpt(statement, 'OR email');
    expect(position).toBe('ERROR at Row:3:Column:62');
    expect(line).toBe("'0014000000p6XlS' AND LastName LIKE 'test' OR email LIKE 'test'");
    expect(caret).toBe(`${' '.repeat(43)}^`);
  });

  it('point past the end for an unexpected end of input', () => {
    expect(positioned(soqlSource('SELECT Id FROM'), 14, "unexpected token: '<EOF>'")).toBe(
      `\nSELECT Id FROM\n${' '.repeat(14)}^\nERROR at Row:1:Column:15\nunexpected token: '<EOF>'`
    );
  });
});
