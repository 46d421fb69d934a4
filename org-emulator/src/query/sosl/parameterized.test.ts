// parameterizedSearch, in both of its forms: GET query parameters and a POST JSON body.
import { runParameterizedSearch } from '../index.ts';
import type { ParameterizedSearchRequest } from '../index.ts';
import { catchSalesforceError, positionOf } from '../testing/catch-error.ts';
import { fixtureContext, fixtureSchema, MemoryRecords } from '../testing/fixture-schema.ts';

const options = { searchLagMs: 0, nowMs: Date.parse('2024-03-15T18:30:00.000Z') };

function org() {
  const schema = fixtureSchema();
  const data = new MemoryRecords(schema);
  data.add('Account', { Name: 'Acme', Phone: '(415) 555-0132', Industry: 'Technology' });
  data.add('Account', { Name: 'Acme Labs', Industry: 'Research' });
  data.add('Contact', { Name: 'Jo Acme', LastName: 'Acme', Phone: '415-555-0132', Email: 'jo@example.test' });
  data.add('Lead', { Name: 'Lee Lead', Company: 'Acme', MobilePhone: '415 555 0132' });
  return fixtureContext(schema, data);
}

type Row = Record<string, unknown>;
const search = (request: ParameterizedSearchRequest) => runParameterizedSearch(request, org(), options).searchRecords;
const found = (rows: Row[]) =>
  rows.map((row) => `${(row['attributes'] as { type: string }).type}:${row['Name'] ?? row['Id']}`);
const get = (query: string): ParameterizedSearchRequest => ({ kind: 'query', params: new URLSearchParams(query) });

describe('GET /parameterizedSearch', () => {
  it('searches the named objects with their fields, where and limit', () => {
    const rows = search(
      get("q=Acme&sobject=Account&Account.fields=id,name&Account.where=Industry='Research'&Account.limit=10")
    );
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0] ?? {})).toEqual(['attributes', 'Id', 'Name']);
    expect(rows[0]?.['Name']).toBe('Acme Labs');
  });

  it('accepts several sobject parameters, the global fields list, in= and overallLimit', () => {
    expect(found(search(get('q=acme&sobject=Account&sobject=Contact&fields=Name')))).toEqual([
      'Account:Acme',
      'Account:Acme Labs',
      'Contact:Jo Acme'
    ]);
    expect(
      found(search(get('q=4155550132&in=PHONE&sobject=Account&sobject=Contact&sobject=Lead&fields=Name')))
    ).toEqual(['Account:Acme', 'Contact:Jo Acme', 'Lead:Lee Lead']);
    expect(search(get('q=acme&sobject=Account&sobject=Contact&overallLimit=2&fields=Name'))).toHaveLength(2);
    expect(search(get('q=acme&sobject=Account&Account.limit=1&fields=Name'))).toHaveLength(1);
  });

  it('searches every searchable object for Ids without sobject', () => {
    expect(found(search(get('q=acme'))).map((entry) => entry.split(':')[0])).toEqual([
      'Account',
      'Account',
      'Contact',
      'Lead'
    ]);
  });

  it('also takes the parameters as a plain object (as web frameworks parse them)', () => {
    const rows = search({ kind: 'query', params: { q: 'acme', sobject: ['Lead'], 'Lead.fields': 'Name,Company' } });
    expect(rows).toMatchObject([{ Name: 'Lee Lead', Company: 'Acme' }]);
  });

  it('refuses bad input with Salesforce’s codes', () => {
    const ctx = org();
    const run = (query: string) => catchSalesforceError(() => runParameterizedSearch(get(query), ctx, options));
    expect(run('sobject=Account')).toMatchObject({
      errorCode: 'INVALID_SEARCH',
      message: 'search term must be longer than one character: '
    });
    expect(run('q=a')).toMatchObject({ errorCode: 'INVALID_SEARCH' });
    expect(run('q=acme&sobject=Nope__c').errorCode).toBe('INVALID_TYPE');
    expect(run('q=acme&sobject=Account&Account.fields=Name,Nope').errorCode).toBe('INVALID_FIELD');
    expect(run("q=acme&sobject=Account&Account.where=Name='a' OR Name='b' AND Name='c'").errorCode).toBe(
      'MALFORMED_QUERY'
    );
    expect(run('q=acme&sobject=Account&Account.where=Name = null LIMIT 1').errorCode).toBe('MALFORMED_QUERY');
    expect(run('q=acme&sobject=Account&Account.fields=Name FROM Lead').errorCode).toBe('MALFORMED_SEARCH');
    expect(run('q=acme&in=CITY').errorCode).toBe('MALFORMED_SEARCH');
    expect(run('q=acme&sobject=Account&Account.limit=ten').errorCode).toBe('MALFORMED_SEARCH');
    expect(run('q=acme&snippet=Account').errorCode).toBe('MALFORMED_SEARCH');
    expect(run('q=acme&q=other').errorCode).toBe('MALFORMED_SEARCH');
    expect(run('q=Smith %26 Sons').errorCode).toBe('MALFORMED_SEARCH');
  });

  it('points a where error into the where text', () => {
    const error = catchSalesforceError(() =>
      runParameterizedSearch(get("q=acme&sobject=Account&Account.where=Name = 'x' AND Nope = 1"), org(), options)
    );
    expect(error.errorCode).toBe('INVALID_FIELD');
    expect(positionOf(error)).toBe('Row:1:Column:16');
  });
});

describe('POST /parameterizedSearch', () => {
  it('searches with the JSON body', () => {
    const rows = search({
      kind: 'body',
      body: {
        q: 'acme',
        in: 'ALL',
        fields: ['Id'],
        sobjects: [
          { name: 'Account', fields: ['Name', 'Industry'], where: "Industry = 'Technology'", limit: 5 },
          { name: 'Lead' }
        ],
        overallLimit: 10
      }
    });
    expect(rows).toMatchObject([
      { attributes: { type: 'Account' }, Name: 'Acme', Industry: 'Technology' },
      { attributes: { type: 'Lead' } }
    ]);
    expect(Object.keys(rows[1] ?? {})).toEqual(['attributes', 'Id']);
  });

  it('refuses a body that is not the documented shape', () => {
    const ctx = org();
    const run = (body: unknown) =>
      catchSalesforceError(() => runParameterizedSearch({ kind: 'body', body }, ctx, options));
    expect(run([]).errorCode).toBe('MALFORMED_SEARCH');
    expect(run({ q: 5 }).errorCode).toBe('MALFORMED_SEARCH');
    expect(run({ q: 'acme', sobjects: 'Account' }).errorCode).toBe('MALFORMED_SEARCH');
    expect(run({ q: 'acme', sobjects: [{ name: 'Account', fields: 'Name' }] }).errorCode).toBe('MALFORMED_SEARCH');
    expect(run({ q: 'acme', dataCategories: [] }).errorCode).toBe('MALFORMED_SEARCH');
    expect(run({ q: 'acme', offset: 1, sobjects: [{ name: 'Account' }, { name: 'Lead' }] }).errorCode).toBe(
      'MALFORMED_SEARCH'
    );
    expect(run({ sobjects: [] }).errorCode).toBe('INVALID_SEARCH');
  });

  it('applies offset to its single object', () => {
    const rows = search({
      kind: 'body',
      body: { q: 'acme', offset: 1, sobjects: [{ name: 'Account', fields: ['Name'] }] }
    });
    expect(found(rows)).toEqual(['Account:Acme Labs']);
  });
});
