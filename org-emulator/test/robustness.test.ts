// Bad input of every kind gets a Salesforce-shaped 4xx — never a 500, a stack trace or a hang — and the org keeps
// answering afterwards.
import type { Connection } from 'jsforce';
import { startTestOrg } from './support.ts';
import type { TestOrg } from './support.ts';

const v = '/services/data/v62.0';

describe('bad input', () => {
  let org: TestOrg;
  let conn: Connection;

  beforeAll(async () => {
    org = await startTestOrg();
    conn = await org.login();
  });
  afterAll(() => org.stop());

  const cases: Array<[string, string, string | undefined]> = [
    ['GET', `${v}/sobjects/Account/%E0%A4%A`, undefined],
    ['GET', `${v}/sobjects//describe`, undefined],
    ['GET', `${v}/sobjects/Account/001000000000000AAA?fields=Nope__c,,`, undefined],
    ['GET', `${v}/sobjects/Account/001000000000000ZZZ`, undefined],
    ['POST', `${v}/sobjects/Account`, '{"Name": {"nested": true}}'],
    ['POST', `${v}/sobjects/Account`, '{"Name": ["a", "b"]}'],
    ['POST', `${v}/sobjects/Account`, '{"NumberOfEmployees": "many"}'],
    ['POST', `${v}/sobjects/Lead`, '{"LastName": "\\u0000", "Company": "\u{1F600}"}'],
    ['POST', `${v}/sobjects/Account`, 'null'],
    ['POST', `${v}/sobjects/Account`, '{"attributes": "not an object", "Name": "x"}'],
    ['PATCH', `${v}/sobjects/Account/001000000000000AAA`, '{"Name": "x"}'],
    ['DELETE', `${v}/sobjects/Account/003000000000000AAA`, undefined],
    ['PATCH', `${v}/sobjects/Lead/Ext_Id__c/`, '{"LastName": "x"}'],
    ['PATCH', `${v}/sobjects/Lead/Ext_Id__c/${'k'.repeat(500)}`, '{"LastName": "x", "Company": "y"}'],
    ['GET', `${v}/query?q=${encodeURIComponent("SELECT Id FROM Lead WHERE LastName = 'unterminated")}`, undefined],
    ['GET', `${v}/query?q=${encodeURIComponent("SELECT Id FROM Lead WHERE Id = '' OR Id != ''")}`, undefined],
    ['GET', `${v}/query?q=${encodeURIComponent('SELECT Id FROM Lead // comment')}`, undefined],
    ['GET', `${v}/query?q=${encodeURIComponent('SELECT COUNT(Id), MAX(Name) FROM Lead GROUP BY Company')}`, undefined],
    ['GET', `${v}/query/..%2F..%2Fetc-2000`, undefined],
    ['GET', `${v}/search?q=${encodeURIComponent('FIND {a}')}`, undefined],
    ['GET', `${v}/search?q=${encodeURIComponent('FIND {"unbalanced} RETURNING Lead')}`, undefined],
    ['GET', `${v}/search`, undefined],
    ['GET', `${v}/parameterizedSearch?sobject=Lead`, undefined],
    ['POST', `${v}/parameterizedSearch`, '{"q": 42}'],
    ['POST', `${v}/composite/sobjects`, '{"records": "many"}'],
    ['POST', `${v}/composite/sobjects`, '{"allOrNone": "yes", "records": []}'],
    ['POST', `${v}/composite/sobjects`, '{"records": [null, 1, "x"]}'],
    ['PATCH', `${v}/composite/sobjects`, '{"records": [{"attributes": {"type": "Lead"}, "id": 7}]}'],
    ['PATCH', `${v}/composite/sobjects/Lead/LastName`, '{"records": []}'],
    ['DELETE', `${v}/composite/sobjects`, undefined],
    ['POST', `${v}/composite/sobjects/Lead`, '{"ids": "x", "fields": ["Id"]}'],
    ['GET', `${v}/composite/sobjects/Lead?ids=00Q000000000000AAA`, undefined],
    ['POST', `${v}/composite`, '{}'],
    ['POST', `${v}/composite`, '{"compositeRequest": [{"method": "GET", "url": "/elsewhere", "referenceId": "a"}]}'],
    [
      'POST',
      `${v}/composite`,
      '{"compositeRequest": [{"method": "GET", "url": "/services/data/v62.0/limits", "referenceId": "a b"}]}'
    ],
    [
      'POST',
      `${v}/composite`,
      '{"compositeRequest": [{"method": "GET", "url": "/services/data/v62.0/sobjects/Account/@{nobody.id}", "referenceId": "a"}]}'
    ],
    [
      'POST',
      `${v}/composite`,
      '{"compositeRequest": [{"method": "POST", "url": "/services/data/v62.0/composite", "referenceId": "nested", "body": {}}]}'
    ],
    ['POST', '/services/oauth2/token', 'grant_type=refresh_token&refresh_token=%ZZ'],
    ['GET', '/services/oauth2/authorize', undefined],
    ['GET', '/id/not/ids', undefined]
  ];

  it.each(cases)('%s %s answers a 4xx (or a Composite 200) in Salesforce shape', async (method, route, body) => {
    const form = route.startsWith('/services/oauth2');
    const response = await org.raw(route, {
      token: conn.accessToken!,
      method,
      ...(body === undefined
        ? {}
        : { body, headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' } })
    });
    expect(response.status).toBeLessThan(500);
    const text = await response.text();
    expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
    const restError = route.startsWith(v) && response.status >= 400;
    expect(!restError || isSalesforceErrorBody(text)).toBe(true);
  });

  it('the org still answers afterwards', async () => {
    expect((await conn.query('SELECT Id FROM User LIMIT 1')).records).toHaveLength(1);
  });
});

/** `[{"message": "...", "errorCode": "UPPER_CASE"}]` */
function isSalesforceErrorBody(text: string): boolean {
  try {
    const body = JSON.parse(text) as Array<{ errorCode?: unknown; message?: unknown }>;
    return Array.isArray(body) && typeof body[0]?.message === 'string' && /^[A-Z_]+$/.test(String(body[0]?.errorCode));
  } catch {
    return false;
  }
}
