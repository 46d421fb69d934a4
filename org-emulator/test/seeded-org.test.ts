// The seeded org and the standard schema as a jsforce client sees them: the organization, the admin user, the
// connected app and its callback, the sample data, and every standard object the product touches with its key
// prefix, field types, lengths, required-ness, picklist values and createable/updateable flags.
import type { Connection } from 'jsforce';
import { CLIENT_ID, CLIENT_SECRET, startTestOrg } from './support.ts';
import type { TestOrg } from './support.ts';

const SEEDED_CALLBACK = 'http://127.0.0.1:3000/oauth/salesforce/callback';

describe('the seeded org', () => {
  let org: TestOrg;
  let conn: Connection;

  beforeAll(async () => {
    org = await startTestOrg();
    conn = await org.login();
  });
  afterAll(() => org.stop());

  it('has one organization with an id, a name and a time zone', async () => {
    const result = await conn.query<{ Id: string; Name: string; TimeZoneSidKey: string }>(
      'SELECT Id, Name, TimeZoneSidKey FROM Organization'
    );
    expect(result.records).toEqual([
      expect.objectContaining({
        Id: org.org.organizationId,
        Name: 'Switchboard Local',
        TimeZoneSidKey: 'America/Los_Angeles'
      })
    ]);
    expect(org.org.organizationId).toMatch(/^00D\w{15}$/);
  });

  it('has the admin user admin@switchboard.test with the System Administrator profile', async () => {
    const result = await conn.query<{ Id: string; IsActive: boolean; Profile: { Name: string } }>(
      "SELECT Id, IsActive, Profile.Name FROM User WHERE Username = 'admin@switchboard.test'"
    );
    expect(result.records).toEqual([
      expect.objectContaining({
        Id: org.org.adminUserId,
        IsActive: true,
        Profile: expect.objectContaining({ Name: 'System Administrator' })
      })
    ]);
  });

  it('has the connected app switchboard-local, whose registered callback receives the authorization code', async () => {
    const authorize = new URL(`${org.baseUrl}/services/oauth2/authorize`);
    authorize.searchParams.set('response_type', 'code');
    authorize.searchParams.set('client_id', CLIENT_ID);
    authorize.searchParams.set('redirect_uri', SEEDED_CALLBACK);
    authorize.searchParams.set('state', 's1');
    const redirected = await fetch(authorize, { redirect: 'manual' });
    expect(redirected.status).toBe(302);
    const location = new URL(redirected.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(SEEDED_CALLBACK);
    expect(location.searchParams.get('state')).toBe('s1');
    const token = await fetch(`${org.baseUrl}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: location.searchParams.get('code')!,
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uri: SEEDED_CALLBACK
      })
    });
    expect(token.status).toBe(200);
    expect(((await token.json()) as { access_token: string }).access_token).toMatch(/^00D\w{12}!/);
  });

  it('has accounts, contacts and leads whose phone numbers are stored in mixed human formats', async () => {
    const phones: string[] = [];
    for (const object of ['Account', 'Contact', 'Lead']) {
      const result = await conn.query<{ Phone: string | null }>(`SELECT Phone FROM ${object} WHERE Phone != null`);
      expect(result.totalSize).toBeGreaterThanOrEqual(3);
      phones.push(...result.records.map((r) => r.Phone!));
    }
    const shapes = new Set(
      phones.map((p) =>
        p.startsWith('+')
          ? 'international'
          : p.startsWith('(')
            ? 'parentheses'
            : /\./.test(p)
              ? 'dots'
              : /-/.test(p)
                ? 'dashes'
                : 'digits'
      )
    );
    expect(shapes.size).toBeGreaterThanOrEqual(4);
  });

  it('has an open opportunity with contact roles, one of them primary', async () => {
    const result = await conn.query<{
      IsClosed: boolean;
      OpportunityContactRoles: { records: Array<{ Role: string; IsPrimary: boolean; ContactId: string }> } | null;
    }>(
      'SELECT Id, IsClosed, (SELECT ContactId, Role, IsPrimary FROM OpportunityContactRoles) FROM Opportunity WHERE IsClosed = false'
    );
    const withRoles = result.records.filter((o) => (o.OpportunityContactRoles?.records.length ?? 0) >= 2);
    expect(withRoles.length).toBeGreaterThanOrEqual(1);
    expect(withRoles[0]!.OpportunityContactRoles!.records.filter((r) => r.IsPrimary)).toHaveLength(1);
  });

  it('has an open case and default business hours', async () => {
    expect((await conn.query('SELECT Id FROM Case WHERE IsClosed = false')).totalSize).toBeGreaterThanOrEqual(1);
    const hours = await conn.query<{ IsDefault: boolean; MondayStartTime: string | null }>(
      'SELECT IsDefault, MondayStartTime FROM BusinessHours WHERE IsDefault = true'
    );
    expect(hours.records).toEqual([expect.objectContaining({ IsDefault: true, MondayStartTime: '09:00:00.000Z' })]);
  });
});

describe('the standard schema over the wire', () => {
  let org: TestOrg;
  let conn: Connection;

  beforeAll(async () => {
    org = await startTestOrg();
    conn = await org.login();
  });
  afterAll(() => org.stop());

  it('global describe lists every standard object the product touches, with its real key prefix', async () => {
    const global = await conn.describeGlobal();
    const prefixes = Object.fromEntries(global.sobjects.map((s) => [s.name, s.keyPrefix]));
    expect(prefixes).toMatchObject({
      User: '005',
      Organization: '00D',
      Account: '001',
      Contact: '003',
      Lead: '00Q',
      Opportunity: '006',
      OpportunityContactRole: '00K',
      Case: '500',
      Task: '00T',
      TaskRelation: '0RT',
      Event: '00U',
      EventRelation: '0RE',
      ContentNote: '069',
      ContentVersion: '068',
      ContentDocument: '069',
      ContentDocumentLink: '06A',
      BusinessHours: '01m'
    });
  });

  it('object describe carries types, lengths, required-ness, picklist values and write flags', async () => {
    const fields = async (object: string) =>
      new Map((await conn.sobject(object).describe()).fields.map((f) => [f.name, f]));
    const lead = await fields('Lead');
    expect(lead.get('LastName')).toMatchObject({
      type: 'string',
      length: 80,
      nillable: false,
      createable: true,
      updateable: true
    });
    expect(lead.get('Company')).toMatchObject({ type: 'string', length: 255, nillable: false });
    expect(lead.get('Phone')).toMatchObject({ type: 'phone', length: 40 });
    expect(lead.get('Status')?.picklistValues?.map((p) => p.value)).toContain('Open - Not Contacted');
    expect(lead.get('Name')).toMatchObject({ type: 'string', createable: false, updateable: false });
    expect(lead.get('IsConverted')).toMatchObject({ type: 'boolean', createable: true, updateable: false });

    const task = await fields('Task');
    expect(task.get('TaskSubtype')).toMatchObject({ type: 'picklist', createable: true, updateable: false });
    expect(task.get('Description')).toMatchObject({ type: 'textarea', length: 32000 });
    expect(task.get('WhoId')?.referenceTo).toEqual(expect.arrayContaining(['Contact', 'Lead']));
    expect(task.get('AccountId')).toMatchObject({ type: 'reference', createable: false, updateable: false });
    expect(task.get('Priority')?.picklistValues?.map((p) => p.value)).toEqual(['High', 'Normal', 'Low']);

    const role = await fields('OpportunityContactRole');
    expect(role.get('OpportunityId')).toMatchObject({ type: 'reference', nillable: false, updateable: false });
    const note = await fields('ContentNote');
    expect(note.get('Content')).toMatchObject({ type: 'base64', createable: true, updateable: true });
  });
});
