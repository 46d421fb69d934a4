// sObject resources through jsforce: versions and resources, describe, create/read/update/delete, rows by
// external id (upsert 201/200/204/300/404), and the errors Salesforce gives for bad requests.
import { deflateSync, gzipSync } from 'node:zlib';
import type { Connection } from 'jsforce';
import { failureOf, startTestOrg } from './support.ts';
import type { TestOrg } from './support.ts';

describe('sObject resources', () => {
  let org: TestOrg;
  let conn: Connection;
  let token: string;

  beforeAll(async () => {
    org = await startTestOrg();
    conn = await org.login();
    token = conn.accessToken!;
  });
  afterAll(() => org.stop());

  describe('versions and resources', () => {
    it('GET /services/data lists v20.0 through v67.0 without a session and without counting', async () => {
      const before = (await org.controlCall<{ used: number }>('GET', '/usage')).body.used;
      const response = await fetch(`${org.baseUrl}/services/data`);
      expect(response.status).toBe(200);
      expect(response.headers.get('sforce-limit-info')).toBeNull();
      const versions = (await response.json()) as Array<{ version: string; url: string; label: string }>;
      expect(versions[0]).toEqual({ label: "Winter '11", url: '/services/data/v20.0', version: '20.0' });
      expect(versions.at(-1)?.version).toBe('67.0');
      expect((await org.controlCall<{ used: number }>('GET', '/usage')).body.used).toBe(before);
    });

    it('GET /services/data/vXX.X lists the resources of that version, including the identity URL', async () => {
      const resources = await conn.request<Record<string, string>>('/services/data/v62.0/');
      expect(resources['sobjects']).toBe('/services/data/v62.0/sobjects');
      expect(resources['query']).toBe('/services/data/v62.0/query');
      expect(resources['composite']).toBe('/services/data/v62.0/composite');
      expect(resources['identity']).toBe(`${org.baseUrl}/id/${org.org.organizationId}/${org.org.adminUserId}`);
      const old = await conn.request<Record<string, string>>('/services/data/v30.0/');
      expect(old['composite']).toBeUndefined();
    });

    it('an unknown version is 404 NOT_FOUND', async () => {
      const response = await org.raw('/services/data/v99.0/sobjects', { token });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual([
        { message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }
      ]);
    });
  });

  describe('object metadata', () => {
    it('global describe lists the standard objects with their key prefixes', async () => {
      const global = await conn.describeGlobal();
      const byName = new Map(global.sobjects.map((s) => [s.name, s]));
      expect(byName.get('Account')?.keyPrefix).toBe('001');
      expect(byName.get('Lead')?.keyPrefix).toBe('00Q');
      expect(byName.get('Task')?.keyPrefix).toBe('00T');
      expect(global.maxBatchSize).toBe(200);
    });

    it('object describe carries standard and force-app fields', async () => {
      const lead = await conn.sobject('Lead').describe();
      const fields = new Map(lead.fields.map((f) => [f.name, f]));
      expect(fields.get('LastName')?.nillable).toBe(false);
      expect(fields.get('Ext_Id__c')).toMatchObject({ externalId: true, unique: true, type: 'string', custom: true });
    });

    it('GET sobjects/{T} answers the object summary; an unknown object is 404', async () => {
      const info = await conn.request<{ objectDescribe: { name: string; keyPrefix: string }; recentItems: unknown[] }>(
        '/services/data/v62.0/sobjects/Contact'
      );
      expect(info.objectDescribe).toMatchObject({ name: 'Contact', keyPrefix: '003' });
      expect(info.recentItems).toEqual([]);
      const error = await failureOf(() => conn.sobject('Nope__c').describe());
      expect(error.errorCode).toBe('NOT_FOUND');
    });
  });

  describe('create, read, update, delete', () => {
    it('creates, reads (all fields or ?fields=), updates and deletes a record', async () => {
      const created = await conn.sobject('Account').create({ Name: 'Acme Rockets', Phone: '(415) 555-0100' });
      expect(created).toEqual({ id: expect.stringMatching(/^001\w{15}$/), success: true, errors: [] });
      const id = created.id!;

      const record = await conn.sobject('Account').retrieve(id);
      expect(record).toMatchObject({ Id: id, Name: 'Acme Rockets', Phone: '(415) 555-0100' });
      expect(record.attributes).toEqual({ type: 'Account', url: `/services/data/v62.0/sobjects/Account/${id}` });

      const some = await conn.request<Record<string, unknown>>(
        `/services/data/v62.0/sobjects/Account/${id}?fields=Name`
      );
      expect(some['Name']).toBe('Acme Rockets');
      expect(some['Phone']).toBeUndefined();

      const byShortId = await conn.sobject('Account').retrieve(id.slice(0, 15));
      expect(byShortId['Id']).toBe(id);

      const updated = await conn.sobject('Account').update({ Id: id, Name: 'Acme Rockets Ltd' });
      expect(updated).toMatchObject({ id, success: true });
      expect((await conn.sobject('Account').retrieve(id))['Name']).toBe('Acme Rockets Ltd');

      const patch = await org.raw(`/services/data/v62.0/sobjects/Account/${id}`, {
        token,
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ Phone: '4155550101' })
      });
      expect(patch.status).toBe(204);
      expect(await patch.text()).toBe('');

      expect(await conn.sobject('Account').destroy(id)).toMatchObject({ id, success: true });
      const gone = await failureOf(() => conn.sobject('Account').retrieve(id));
      expect(['NOT_FOUND', 'ENTITY_IS_DELETED']).toContain(gone.errorCode);
    });

    it('a create whose body names an Id is refused', async () => {
      const error = await failureOf(() =>
        conn.request({
          method: 'POST',
          url: '/services/data/v62.0/sobjects/Account',
          body: JSON.stringify({ Id: '001000000000000AAA', Name: 'x' }),
          headers: { 'content-type': 'application/json' }
        })
      );
      expect([error.errorCode, error.message]).toEqual([
        'INVALID_FIELD',
        'The Id field should not be specified in the sobject data.'
      ]);
    });

    it('a segment that is not an id is read as an unknown external id field', async () => {
      const response = await org.raw('/services/data/v62.0/sobjects/Account/not-an-id', { token });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual([
        { message: 'Provided external ID field does not exist or is not accessible: not-an-id', errorCode: 'NOT_FOUND' }
      ]);
    });

    it('a well-formed id with no record behind it is 404', async () => {
      const error = await failureOf(() => conn.sobject('Account').retrieve('001000000000000AAA'));
      expect(error.errorCode).toBe('NOT_FOUND');
    });
  });

  describe('rows by external id', () => {
    it('upsert creates (201, created:true) then updates (200, created:false)', async () => {
      const first = await conn
        .sobject('Lead')
        .upsert({ Ext_Id__c: 'LEAD-1', LastName: 'Lovelace', Company: 'Engines' }, 'Ext_Id__c');
      expect(first).toEqual({ id: expect.stringMatching(/^00Q/), success: true, errors: [], created: true });
      const second = await conn
        .sobject('Lead')
        .upsert({ Ext_Id__c: 'LEAD-1', Company: 'Analytical Engines' }, 'Ext_Id__c');
      expect(second).toEqual({ id: first.id, success: true, errors: [], created: false });
      expect((await conn.sobject('Lead').retrieve(first.id!))['Company']).toBe('Analytical Engines');

      const raw = await org.raw('/services/data/v62.0/sobjects/Lead/Ext_Id__c/LEAD-1', {
        token,
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ Title: 'Countess' })
      });
      expect(raw.status).toBe(200);
    });

    it('before API 46.0 an update by upsert answers 204 without a body', async () => {
      await conn.sobject('Lead').upsert({ Ext_Id__c: 'LEAD-45', LastName: 'Old', Company: 'Old Co' }, 'Ext_Id__c');
      const response = await org.raw('/services/data/v45.0/sobjects/Lead/Ext_Id__c/LEAD-45', {
        token,
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ Company: 'Older Co' })
      });
      expect(response.status).toBe(204);
      const created = await org.raw('/services/data/v45.0/sobjects/Lead/Ext_Id__c/LEAD-45b', {
        token,
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ LastName: 'New', Company: 'New Co' })
      });
      expect(created.status).toBe(201);
      expect(await created.json()).toEqual({ id: expect.stringMatching(/^00Q/), success: true, errors: [] });
    });

    it('an external id matching several records answers 300 with their URLs and changes nothing', async () => {
      const a = await conn.sobject('Contact').create({ LastName: 'Twin A', Legacy_Key__c: 'DUP' });
      const b = await conn.sobject('Contact').create({ LastName: 'Twin B', Legacy_Key__c: 'DUP' });
      const error = await failureOf(() =>
        conn.sobject('Contact').upsert({ Legacy_Key__c: 'DUP', LastName: 'Merged' }, 'Legacy_Key__c')
      );
      expect(error.errorCode).toBe('MULTIPLE_CHOICES');
      expect(new Set(error.data as string[])).toEqual(
        new Set([`/services/data/v62.0/sobjects/Contact/${a.id}`, `/services/data/v62.0/sobjects/Contact/${b.id}`])
      );
      expect((await conn.sobject('Contact').retrieve(a.id!))['LastName']).toBe('Twin A');
      const get = await org.raw('/services/data/v62.0/sobjects/Contact/Legacy_Key__c/DUP', { token });
      expect(get.status).toBe(300);
    });

    it('upsert by a field that is not an external id is 404 NOT_FOUND', async () => {
      const error = await failureOf(() => conn.sobject('Lead').upsert({ LastName: 'X', Company: 'Y' }, 'LastName'));
      expect([error.errorCode, error.message]).toEqual([
        'NOT_FOUND',
        'Provided external ID field does not exist or is not accessible: LastName'
      ]);
    });

    it('?updateOnly=true refuses to create', async () => {
      const response = await org.raw('/services/data/v62.0/sobjects/Lead/Ext_Id__c/NEVER-SEEN?updateOnly=true', {
        token,
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ LastName: 'No', Company: 'No' })
      });
      expect(response.status).toBe(404);
      const lookup = await conn.query(`SELECT Id FROM Lead WHERE Ext_Id__c = 'NEVER-SEEN'`);
      expect(lookup.totalSize).toBe(0);
    });

    it('GET by external id reads the record (values with spaces and slashes URL-encoded) or answers 404', async () => {
      const key = 'ext/with space';
      const created = await conn
        .sobject('Lead')
        .upsert({ Ext_Id__c: encodeURIComponent(key), LastName: 'Enc', Company: 'C' }, 'Ext_Id__c');
      const record = await conn.request<Record<string, unknown>>(
        `/services/data/v62.0/sobjects/Lead/Ext_Id__c/${encodeURIComponent(key)}`
      );
      expect(record['Id']).toBe(created.id);
      expect(record['Ext_Id__c']).toBe(key);
      const missing = await org.raw('/services/data/v62.0/sobjects/Lead/Ext_Id__c/nobody', { token });
      expect(missing.status).toBe(404);
    });
    it('DELETE by external id removes the one matching record', async () => {
      const created = await conn
        .sobject('Lead')
        .upsert({ Ext_Id__c: 'GONE-1', LastName: 'Gone', Company: 'G' }, 'Ext_Id__c');
      const response = await org.raw('/services/data/v62.0/sobjects/Lead/Ext_Id__c/GONE-1', {
        token,
        method: 'DELETE'
      });
      expect(response.status).toBe(204);
      expect((await conn.query(`SELECT Id FROM Lead WHERE Id = '${created.id}'`)).totalSize).toBe(0);
    });

    it('a body that also names the external id field is refused: its value belongs in the URL', async () => {
      const response = await org.raw('/services/data/v62.0/sobjects/Lead/Ext_Id__c/IN-BODY', {
        token,
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ Ext_Id__c: 'IN-BODY', LastName: 'Body', Company: 'B' })
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual([
        {
          message:
            'The external ID field Ext_Id__c should not be specified in the sobject data: its value is in the URL.',
          errorCode: 'INVALID_FIELD',
          fields: ['Ext_Id__c']
        }
      ]);
      expect((await conn.query("SELECT Id FROM Lead WHERE Ext_Id__c = 'IN-BODY'")).totalSize).toBe(0);
    });

    it('an external id value ending in .inc is 404, as documented (it reads as a file extension)', async () => {
      await conn.sobject('Lead').create({ LastName: 'Inc', Company: 'Inc', Email: 'someone@example.inc' });
      for (const method of ['GET', 'PATCH', 'DELETE']) {
        const response = await org.raw('/services/data/v62.0/sobjects/Lead/Email/someone@example.inc', {
          token,
          method,
          ...(method === 'PATCH'
            ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ Title: 'x' }) }
            : {})
        });
        expect(response.status).toBe(404);
      }
    });

    it('an upsert that matches takes the update path: a create-only field (Task.TaskSubtype) is refused there', async () => {
      const task = { Subject: 'Call', TaskSubtype: 'Call', Status: 'Completed', Priority: 'Normal' };
      const created = await conn.sobject('Task').upsert({ ...task, Call_Key__c: 'CALL-1' }, 'Call_Key__c');
      expect(created).toMatchObject({ success: true, created: true });

      const again = await failureOf(() =>
        conn.sobject('Task').upsert({ ...task, Call_Key__c: 'CALL-1' }, 'Call_Key__c')
      );
      expect(again.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
      expect(again.message).toBe(
        'Unable to create/update fields: TaskSubtype. Please check the security settings of this field and verify that it is read/write for your profile or permission set.'
      );
      expect((again.data as { fields?: string[] }).fields).toEqual(['TaskSubtype']);

      const { TaskSubtype: _createOnly, ...updatable } = task;
      const updated = await conn.sobject('Task').upsert({ ...updatable, Call_Key__c: 'CALL-1' }, 'Call_Key__c');
      expect(updated).toMatchObject({ id: created.id, success: true, created: false });

      const many = (await conn.sobject('Task').upsert(
        [
          { ...task, Call_Key__c: 'CALL-1' },
          { ...task, Call_Key__c: 'CALL-2' }
        ],
        'Call_Key__c'
      )) as Array<{ success: boolean; created?: boolean; errors: Array<{ statusCode: string; fields: string[] }> }>;
      expect(many[0]).toMatchObject({
        success: false,
        errors: [{ statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['TaskSubtype'] }]
      });
      expect(many[1]).toMatchObject({ success: true, created: true });
    });

    it('POST sobjects/{T}/Id creates a record from API 37.0 on and is 404 before', async () => {
      const post = (version: string): Promise<Response> =>
        org.raw(`/services/data/v${version}/sobjects/Account/Id`, {
          token,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ Name: 'Posted By Id' })
        });
      const created = await post('37.0');
      expect(created.status).toBe(201);
      expect(((await created.json()) as { id: string }).id).toMatch(/^001/);
      expect((await post('36.0')).status).toBe(404);
    });
  });

  describe('bad requests get Salesforce errors and the server stays healthy', () => {
    it('malformed JSON is 400 JSON_PARSER_ERROR', async () => {
      const response = await org.raw('/services/data/v62.0/sobjects/Account', {
        token,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"Name": }'
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as Array<{ errorCode: string; message: string }>;
      expect(body[0]?.errorCode).toBe('JSON_PARSER_ERROR');
      expect(body[0]?.message).toMatch(/line:1, column:10/);
    });

    it('a body compressed with gzip or deflate is read; another encoding is 415, and undecodable data 400', async () => {
      for (const [encoding, compress] of [
        ['gzip', gzipSync],
        ['deflate', deflateSync]
      ] as const) {
        const response = await org.raw('/services/data/v62.0/sobjects/Account', {
          token,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-encoding': encoding },
          body: compress(JSON.stringify({ Name: `Compressed ${encoding}` }))
        });
        expect(response.status).toBe(201);
      }
      expect((await conn.query("SELECT Id FROM Account WHERE Name LIKE 'Compressed %'")).totalSize).toBe(2);

      const brotli = await org.raw('/services/data/v62.0/sobjects/Account', {
        token,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'br' },
        body: JSON.stringify({ Name: 'Brotli' })
      });
      expect(brotli.status).toBe(415);
      expect(brotli.headers.get('sforce-limit-info')).toMatch(/^api-usage=/);
      expect(((await brotli.json()) as Array<{ errorCode: string }>)[0]?.errorCode).toBe('UNSUPPORTED_MEDIA_TYPE');

      const garbage = await org.raw('/services/data/v62.0/sobjects/Account', {
        token,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: '{"Name": "not compressed"}'
      });
      expect(garbage.status).toBe(400);
      expect(await garbage.json()).toEqual([
        { message: 'The request body could not be decompressed.', errorCode: 'JSON_PARSER_ERROR' }
      ]);
    });

    it('a body nested deeper than 1,000 levels is JSON_PARSER_ERROR, not a crash', async () => {
      const response = await org.raw('/services/data/v62.0/sobjects/Account', {
        token,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '['.repeat(100_000)
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as Array<{ errorCode: string; message: string }>;
      expect(body[0]?.errorCode).toBe('JSON_PARSER_ERROR');
      expect(body[0]?.message).toContain('exceeds the maximum allowed (1000');
    });

    it('a body that is not a record object is JSON_PARSER_ERROR too', async () => {
      for (const body of ['[1,2]', '"text"', '']) {
        const response = await org.raw('/services/data/v62.0/sobjects/Account', {
          token,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body
        });
        expect(response.status).toBe(400);
        expect(((await response.json()) as Array<{ errorCode: string }>)[0]?.errorCode).toBe('JSON_PARSER_ERROR');
      }
    });

    it('a wrong method is 405 with the allowed list', async () => {
      const response = await org.raw('/services/data/v62.0/sobjects/Account', { token, method: 'PUT' });
      expect(response.status).toBe(405);
      expect(await response.json()).toEqual([
        { message: "HTTP Method 'PUT' not allowed. Allowed are HEAD,GET,POST", errorCode: 'METHOD_NOT_ALLOWED' }
      ]);
    });

    it('unknown resources and paths are 404 in Salesforce shape', async () => {
      for (const route of [
        '/services/data/v62.0/nothing',
        '/services/data/v62.0/sobjects/Account/describe/extra/more',
        '/nowhere'
      ]) {
        const response = await org.raw(route, { token });
        expect(response.status).toBe(404);
        expect(((await response.json()) as Array<{ errorCode: string }>)[0]?.errorCode).toBe('NOT_FOUND');
      }
    });

    it('a missing or invalid bearer token is 401 INVALID_SESSION_ID, not counted', async () => {
      const before = (await org.controlCall<{ used: number }>('GET', '/usage')).body.used;
      for (const auth of [undefined, 'Bearer nonsense', 'Basic abc']) {
        const response = await fetch(`${org.baseUrl}/services/data/v62.0/limits`, {
          headers: auth ? { authorization: auth } : {}
        });
        expect(response.status).toBe(401);
        expect(await response.json()).toEqual([
          { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }
        ]);
      }
      expect((await org.controlCall<{ used: number }>('GET', '/usage')).body.used).toBe(before);
    });

    it('accepts the OAuth authorization scheme as well as Bearer', async () => {
      const response = await fetch(`${org.baseUrl}/services/data/v62.0/limits`, {
        headers: { authorization: `OAuth ${token}` }
      });
      expect(response.status).toBe(200);
    });

    it('a URI over 16,384 bytes is 414; URI plus headers over it is 431; the server keeps answering', async () => {
      const longQuery = `SELECT Id FROM Lead WHERE LastName = '${'x'.repeat(17_000)}'`;
      const tooLong = await failureOf(() => conn.query(longQuery));
      expect(tooLong.errorCode).toBe('ERROR_HTTP_414');
      expect(tooLong.message).toContain('URI Too Long');

      const bigHeaders = await fetch(`${org.baseUrl}/services/data/v62.0/limits`, {
        headers: { authorization: `Bearer ${token}`, 'x-filler': 'y'.repeat(16_400) }
      });
      expect(bigHeaders.status).toBe(431);

      const huge = await fetch(`${org.baseUrl}/services/data/v62.0/query?q=${'z'.repeat(300_000)}`, {
        headers: { authorization: `Bearer ${token}` }
      });
      expect([414, 431]).toContain(huge.status);

      expect((await conn.query('SELECT Id FROM User LIMIT 1')).records).toHaveLength(1);
    });

    it('X-PrettyPrint: 1 indents the JSON answer', async () => {
      const response = await org.raw('/services/data/v62.0/limits', { token, headers: { 'X-PrettyPrint': '1' } });
      const text = await response.text();
      expect(text).toMatch(/^\{\n {2}"/);
      expect(JSON.parse(text)).toHaveProperty('DailyApiRequests');
    });

    it('HEAD answers like GET without a body', async () => {
      const response = await org.raw('/services/data/v62.0/limits', { token, method: 'HEAD' });
      expect(response.status).toBe(200);
      expect(response.headers.get('sforce-limit-info')).toMatch(/^api-usage=\d+\/15000$/);
      expect(await response.text()).toBe('');
    });
  });
});
