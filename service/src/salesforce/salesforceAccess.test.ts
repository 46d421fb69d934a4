// The jsforce access module against hosts that misbehave: what leaves the service, and what it does with the answer.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestApp } from '../testing/testApp.ts';
import { startTestApp } from '../testing/testApp.ts';
import { TEST_ENGINES } from '../testing/stores.ts';

interface SeenRequest {
  method: string;
  url: string;
  authorization: string | undefined;
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
    req.resume();
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('talking to an org', () => {
  let app: TestApp;
  afterEach(async () => {
    await app?.close();
  });

  it('when the instance answers with a redirect to another host, then the access token is not sent there and the call fails', async () => {
    const elsewhere = await listen((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    const instance = await listen((_req, res) =>
      res.writeHead(302, { location: `${elsewhere.url}/steal`, 'content-type': 'application/json' }).end()
    );
    try {
      app = await startTestApp(TEST_ENGINES[0] as (typeof TEST_ENGINES)[number], {
        salesforce: { loginUrl: instance.url }
      });
      const tenant = await app.createTenant();
      await app.store.salesforceConnections.save({
        tenantId: tenant.tenantId,
        instanceUrl: instance.url,
        orgId: '00D000000000001AAA',
        userId: '005000000000001AAA',
        environment: 'production',
        loginHost: instance.url,
        refreshToken: 'refresh-token-for-the-redirect-test',
        accessToken: 'access-token-for-the-redirect-test'
      });
      const org = await app.salesforce!.open(tenant.tenantId);

      await expect(org.query('SELECT Id FROM Account')).rejects.toThrow(/Cannot handle redirect/);
      const upserted = await org.upsert('Task', 'External_Activity_Id__c', [{ External_Activity_Id__c: 'x' }]);
      expect(upserted).toEqual([{ ok: false, requestError: expect.any(Error) }]);
      await org.close();

      expect(instance.seen.map((r) => [r.method, r.authorization])).toEqual([
        ['GET', 'Bearer access-token-for-the-redirect-test'],
        ['PATCH', 'Bearer access-token-for-the-redirect-test']
      ]);
      expect(elsewhere.seen).toEqual([]);
    } finally {
      await instance.close();
      await elsewhere.close();
    }
  });
});
