import { apiCallFigures, compareWithNaive, kindOf } from './apiCalls.ts';
import type { RequestLogEntry } from './benchOrg.ts';

const entry = (method: string, path: string, counted = true): RequestLogEntry => ({
  method,
  path,
  status: 200,
  counted,
  durationMs: 1
});

describe('API calls read from the org’s request log', () => {
  it('names each kind of request the service makes', () => {
    expect(kindOf(entry('GET', '/services/data/v67.0/search'))).toBe('search');
    expect(kindOf(entry('PATCH', '/services/data/v67.0/composite/sobjects/Task/External_Activity_ID__c'))).toBe(
      'collection write'
    );
    expect(kindOf(entry('GET', '/services/data/v67.0/composite/sobjects/Contact'))).toBe('collection retrieve');
    expect(kindOf(entry('GET', '/services/data/v67.0/query'))).toBe('query');
    expect(kindOf(entry('GET', '/services/data/v67.0/query/01g000000000001-2000'))).toBe('query');
    expect(kindOf(entry('POST', '/services/oauth2/token'))).toBe('oauth');
    expect(kindOf(entry('GET', '/services/data/v67.0/sobjects/Task/describe'))).toBe('sobject GET');
  });

  it('counts only the requests charged to the allowance, by kind', () => {
    const figures = apiCallFigures({
      totals: { requests: 4, counted: 3 },
      requests: [
        entry('POST', '/services/oauth2/token', false),
        entry('GET', '/services/data/v67.0/search'),
        entry('GET', '/services/data/v67.0/search'),
        entry('PATCH', '/services/data/v67.0/composite/sobjects/Task/External_Activity_ID__c')
      ]
    });
    expect(figures).toEqual({ counted: 3, requests: 4, byKind: { search: 2, 'collection write': 1 } });
  });

  it('refuses a log that lost entries, rather than under-count by kind', () => {
    expect(() =>
      apiCallFigures({ totals: { requests: 3, counted: 3 }, requests: [entry('GET', '/services/data/v67.0/search')] })
    ).toThrow('kept 1 of 3 requests');
  });

  it('compares with a naive integration that spends a search and a write per activity', () => {
    expect(compareWithNaive(200, 5000)).toEqual({
      perHundredActivities: 4,
      naiveCalls: 10_000,
      timesFewerThanNaive: 50
    });
    expect(compareWithNaive(0, 200)).toEqual({ perHundredActivities: 0, naiveCalls: 400, timesFewerThanNaive: null });
    expect(() => compareWithNaive(1, 0)).toThrow('at least one activity');
  });
});
