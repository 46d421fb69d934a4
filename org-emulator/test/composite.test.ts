// Composite through jsforce: references between subrequests, allOrNone true and false, limits, one API call.
import type { Connection } from 'jsforce';
import { startTestOrg } from './support.ts';
import type { TestOrg } from './support.ts';

interface CompositeResponse {
  compositeResponse: Array<{
    body: unknown;
    httpHeaders: Record<string, string>;
    httpStatusCode: number;
    referenceId: string;
  }>;
}

describe('Composite', () => {
  let org: TestOrg;
  let conn: Connection;

  beforeAll(async () => {
    org = await startTestOrg();
    conn = await org.login();
  });
  afterAll(() => org.stop());

  const composite = (body: object): Promise<CompositeResponse> =>
    conn.requestPost<CompositeResponse>('/services/data/v62.0/composite', body as object);

  it('runs subrequests in order, resolving @{ref.id} and @{ref.records[0].Id} in urls and bodies, as one API call', async () => {
    const before = (await org.controlCall<{ used: number }>('GET', '/usage')).body.used;
    const result = await composite({
      allOrNone: true,
      compositeRequest: [
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/Account',
          referenceId: 'newAccount',
          body: { Name: 'Composite Co' }
        },
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/Contact',
          referenceId: 'newContact',
          body: { LastName: 'Ref', AccountId: '@{newAccount.id}' }
        },
        {
          method: 'GET',
          url: "/services/data/v62.0/query?q=SELECT+Id,AccountId+FROM+Contact+WHERE+Id='@{newContact.id}'",
          referenceId: 'found'
        },
        {
          method: 'PATCH',
          url: '/services/data/v62.0/sobjects/Contact/@{found.records[0].Id}',
          referenceId: 'rename',
          body: { Title: 'Referenced' }
        },
        {
          method: 'GET',
          url: '/services/data/v62.0/sobjects/Account/@{found.records[0].AccountId}?fields=Name',
          referenceId: 'account'
        }
      ]
    });
    const [account, contact, found, rename, read] = result.compositeResponse;
    expect(account).toMatchObject({ httpStatusCode: 201, referenceId: 'newAccount' });
    const accountId = (account!.body as { id: string }).id;
    expect(account!.httpHeaders).toEqual({ Location: `/services/data/v62.0/sobjects/Account/${accountId}` });
    expect(contact!.httpStatusCode).toBe(201);
    expect((found!.body as { records: Array<{ AccountId: string }> }).records[0]?.AccountId).toBe(accountId);
    expect(rename).toEqual({ body: null, httpHeaders: {}, httpStatusCode: 204, referenceId: 'rename' });
    expect((read!.body as { Name: string }).Name).toBe('Composite Co');
    expect((await org.controlCall<{ used: number }>('GET', '/usage')).body.used).toBe(before + 1);
  });

  it('allOrNone true: a failure rolls everything back; the others answer PROCESSING_HALTED', async () => {
    const result = await composite({
      allOrNone: true,
      compositeRequest: [
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/Account',
          referenceId: 'ok',
          body: { Name: 'Rolled Back Co' }
        },
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/Lead',
          referenceId: 'bad',
          body: { LastName: 'No Company' }
        },
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/Account',
          referenceId: 'after',
          body: { Name: 'Never Co' }
        }
      ]
    });
    const [ok, bad, after] = result.compositeResponse;
    expect(bad!.httpStatusCode).toBe(400);
    expect((bad!.body as Array<{ errorCode: string }>)[0]?.errorCode).toBe('REQUIRED_FIELD_MISSING');
    for (const halted of [ok!, after!]) {
      expect(halted.httpStatusCode).toBe(400);
      expect(halted.body).toEqual([
        {
          message: 'The transaction was rolled back since another operation in the same transaction failed.',
          errorCode: 'PROCESSING_HALTED'
        }
      ]);
    }
    const accounts = await conn.query("SELECT Id FROM Account WHERE Name IN ('Rolled Back Co', 'Never Co')");
    expect(accounts.totalSize).toBe(0);
  });

  it('allOrNone false: independent subrequests stand; one depending on a failure is not executed', async () => {
    const result = await composite({
      allOrNone: false,
      compositeRequest: [
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/Lead',
          referenceId: 'badLead',
          body: { LastName: 'No Company' }
        },
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/Task',
          referenceId: 'dependent',
          body: { Subject: 'Call', WhoId: '@{badLead.id}' }
        },
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/Account',
          referenceId: 'independent',
          body: { Name: 'Survivor Co' }
        }
      ]
    });
    const [bad, dependent, independent] = result.compositeResponse;
    expect(bad!.httpStatusCode).toBe(400);
    expect(dependent!.httpStatusCode).toBe(400);
    expect(dependent!.body).toEqual([
      {
        message: 'Invalid reference specified. No value for badLead.id found in badLead.',
        errorCode: 'PROCESSING_HALTED'
      }
    ]);
    expect(independent!.httpStatusCode).toBe(201);
    expect((await conn.query("SELECT Id FROM Account WHERE Name = 'Survivor Co'")).totalSize).toBe(1);
    expect((await conn.query("SELECT Id FROM Task WHERE Subject = 'Call' AND WhoId = null")).totalSize).toBe(0);
  });

  it('a reference into an empty query result is PROCESSING_HALTED with Salesforce’s message', async () => {
    const result = await composite({
      compositeRequest: [
        {
          method: 'GET',
          url: "/services/data/v62.0/query?q=SELECT+Id+FROM+Account+WHERE+Name='Nobody+Here'",
          referenceId: 'none'
        },
        { method: 'GET', url: '/services/data/v62.0/sobjects/Account/@{none.records[0].Id}', referenceId: 'use' }
      ]
    });
    expect(result.compositeResponse[1]?.body).toEqual([
      {
        message: 'Invalid reference specified. No value for none.records[0].Id found in none.',
        errorCode: 'PROCESSING_HALTED'
      }
    ]);
  });

  it('collections work as subrequests', async () => {
    const result = await composite({
      compositeRequest: [
        {
          method: 'POST',
          url: '/services/data/v62.0/composite/sobjects',
          referenceId: 'many',
          body: {
            records: [
              { attributes: { type: 'Account' }, Name: 'Batch A' },
              { attributes: { type: 'Account' }, Name: 'Batch B' }
            ]
          }
        },
        { method: 'GET', url: '/services/data/v62.0/sobjects/Account/@{many[1].id}?fields=Name', referenceId: 'second' }
      ]
    });
    expect((result.compositeResponse[1]?.body as { Name: string }).Name).toBe('Batch B');
  });

  it('allOrNone true overrides a collection subrequest’s allOrNone false: one bad record halts and rolls back everything', async () => {
    const body = (outer: boolean) => ({
      allOrNone: outer,
      collateSubrequests: false,
      compositeRequest: [
        {
          method: 'POST',
          url: '/services/data/v62.0/composite/sobjects',
          referenceId: 'newLeads',
          body: {
            allOrNone: false,
            records: [
              { attributes: { type: 'Lead' }, LastName: 'Kept?', Company: `Override ${String(outer)}` },
              { attributes: { type: 'Lead' }, LastName: 'No company' }
            ]
          }
        },
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/Account',
          referenceId: 'newAccount',
          body: { Name: `Override ${String(outer)}` }
        }
      ]
    });
    const strict = await composite(body(true));
    const [leads, account] = strict.compositeResponse;
    expect(leads!.httpStatusCode).toBe(200);
    expect(
      (leads!.body as Array<{ errors: Array<{ statusCode: string }> }>).map((r) => r.errors[0]?.statusCode)
    ).toEqual(['ALL_OR_NONE_OPERATION_ROLLED_BACK', 'REQUIRED_FIELD_MISSING']);
    expect(account!.httpStatusCode).toBe(400);
    expect((account!.body as Array<{ errorCode: string }>)[0]?.errorCode).toBe('PROCESSING_HALTED');
    expect((await conn.query("SELECT Id FROM Lead WHERE Company = 'Override true'")).totalSize).toBe(0);
    expect((await conn.query("SELECT Id FROM Account WHERE Name = 'Override true'")).totalSize).toBe(0);

    const lenient = await composite(body(false));
    expect(lenient.compositeResponse.map((r) => r.httpStatusCode)).toEqual([200, 201]);
    expect((await conn.query("SELECT Id FROM Lead WHERE Company = 'Override false'")).totalSize).toBe(1);
    expect((await conn.query("SELECT Id FROM Account WHERE Name = 'Override false'")).totalSize).toBe(1);
  });

  it('refuses more than 25 subrequests, and resources composite does not serve', async () => {
    const tooMany = Array.from({ length: 26 }, (_, i) => ({
      method: 'GET',
      url: '/services/data/v62.0/limits',
      referenceId: `r${i}`
    }));
    const response = await org.raw('/services/data/v62.0/composite', {
      token: conn.accessToken!,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ compositeRequest: tooMany })
    });
    expect(response.status).toBe(400);

    const result = await composite({
      compositeRequest: [{ method: 'GET', url: '/services/data/v62.0/limits', referenceId: 'limits' }]
    });
    expect(result.compositeResponse[0]?.httpStatusCode).toBe(404);
  });
});
