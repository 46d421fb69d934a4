// The write errors Salesforce gives, as they reach jsforce over the wire: single-record bodies
// `[{message, errorCode, fields}]` (jsforce: error.errorCode, error.data.fields).
import type { Connection } from 'jsforce';
import { failureOf, startTestOrg, STANDARD_FIXTURE } from './support.ts';
import type { TestOrg } from './support.ts';

const restrictedPicklist = {
  object: 'Lead',
  name: 'Tier__c',
  xml: `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>Tier__c</fullName>
    <label>Tier</label>
    <required>false</required>
    <type>Picklist</type>
    <valueSet>
        <restricted>true</restricted>
        <valueSetDefinition>
            <sorted>false</sorted>
            <value><fullName>Gold</fullName><default>false</default><label>Gold</label></value>
            <value><fullName>Silver</fullName><default>false</default><label>Silver</label></value>
        </valueSetDefinition>
    </valueSet>
</CustomField>
`
};

describe('DML errors over the wire', () => {
  let org: TestOrg;
  let conn: Connection;

  beforeAll(async () => {
    org = await startTestOrg({}, [...STANDARD_FIXTURE, restrictedPicklist]);
    conn = await org.login();
  });
  afterAll(() => org.stop());

  const fieldsOf = (error: { data?: unknown }): string[] => (error.data as { fields?: string[] })?.fields ?? [];

  it('REQUIRED_FIELD_MISSING names the missing fields', async () => {
    const error = await failureOf(() => conn.sobject('Lead').create({ FirstName: 'Only' }));
    expect([error.errorCode, error.message]).toEqual([
      'REQUIRED_FIELD_MISSING',
      'Required fields are missing: [LastName, Company]'
    ]);
    expect(fieldsOf(error)).toEqual(['LastName', 'Company']);
  });

  it('INVALID_FIELD for a field the object does not have', async () => {
    const error = await failureOf(() => conn.sobject('Lead').create({ LastName: 'X', Company: 'Y', Bogus__c: 1 }));
    expect([error.errorCode, error.message]).toEqual([
      'INVALID_FIELD',
      "No such column 'Bogus__c' on sobject of type Lead"
    ]);
  });

  it('STRING_TOO_LONG past the field length', async () => {
    const error = await failureOf(() => conn.sobject('Lead').create({ LastName: 'x'.repeat(81), Company: 'Y' }));
    expect([error.errorCode, error.message]).toEqual([
      'STRING_TOO_LONG',
      `Last Name: data value too large: ${'x'.repeat(81)} (max length=80)`
    ]);
    expect(fieldsOf(error)).toEqual(['LastName']);
  });

  it('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST for a value outside a restricted picklist', async () => {
    const error = await failureOf(() =>
      conn.sobject('Lead').create({ LastName: 'X', Company: 'Y', Tier__c: 'Platinum' })
    );
    expect([error.errorCode, error.message]).toEqual([
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      'Tier: bad value for restricted picklist field: Platinum'
    ]);
    expect(fieldsOf(error)).toEqual(['Tier__c']);
  });

  it('DUPLICATE_VALUE on a unique field', async () => {
    const first = await conn.sobject('Contact').create({ LastName: 'First', Ext_Id__c: 'UNIQUE-1' });
    const error = await failureOf(() => conn.sobject('Contact').create({ LastName: 'Second', Ext_Id__c: 'unique-1' }));
    expect([error.errorCode, error.message]).toEqual([
      'DUPLICATE_VALUE',
      `duplicate value found: Ext_Id__c duplicates value on record with id: ${first.id}`
    ]);
  });

  it('MALFORMED_ID for a reference that is not an id; INVALID_CROSS_REFERENCE_KEY for one that points nowhere', async () => {
    const malformed = await failureOf(() => conn.sobject('Contact').create({ LastName: 'X', AccountId: 'not-an-id' }));
    expect([malformed.errorCode, malformed.message]).toEqual([
      'MALFORMED_ID',
      'Account ID: id value of incorrect type: not-an-id'
    ]);
    expect(fieldsOf(malformed)).toEqual(['AccountId']);
    const dangling = await failureOf(() =>
      conn.sobject('Contact').create({ LastName: 'X', AccountId: '001000000000000AAA' })
    );
    expect([dangling.errorCode, dangling.message]).toEqual([
      'INVALID_CROSS_REFERENCE_KEY',
      'invalid cross reference id'
    ]);
    expect(fieldsOf(dangling)).toEqual(['AccountId']);
  });

  it('INVALID_FIELD_FOR_INSERT_UPDATE for a read-only field', async () => {
    const error = await failureOf(() => conn.sobject('Contact').create({ LastName: 'X', Name: 'Not Writable' }));
    expect([error.errorCode, error.message]).toEqual([
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      'Unable to create/update fields: Name. Please check the security settings of this field and verify that it is read/write for your profile or permission set.'
    ]);
    expect(fieldsOf(error)).toEqual(['Name']);
  });

  it('FIELD_INTEGRITY_EXCEPTION for a Task whose WhoId is a Lead and that also has a WhatId', async () => {
    const lead = await conn.sobject('Lead').create({ LastName: 'Who', Company: 'Lead Co' });
    const account = await conn.sobject('Account').create({ Name: 'What Co' });
    const error = await failureOf(() =>
      conn
        .sobject('Task')
        .create({ Subject: 'Call', WhoId: lead.id, WhatId: account.id, Status: 'Completed', Priority: 'Normal' })
    );
    expect(error.errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    expect(fieldsOf(error)).toEqual(['WhoId', 'WhatId']);
    const withoutWhat = await conn
      .sobject('Task')
      .create({ Subject: 'Call', WhoId: lead.id, Status: 'Completed', Priority: 'Normal' });
    expect(withoutWhat.success).toBe(true);
  });

  it('CANNOT_UPDATE_CONVERTED_LEAD when updating a converted lead', async () => {
    const converted = await conn.query<{ Id: string }>('SELECT Id FROM Lead WHERE IsConverted = true LIMIT 1');
    expect(converted.records).toHaveLength(1);
    const error = await failureOf(() =>
      conn.sobject('Lead').update({ Id: converted.records[0]!.Id, Title: 'Changed' })
    );
    expect([error.errorCode, error.message]).toEqual([
      'CANNOT_UPDATE_CONVERTED_LEAD',
      'cannot reference converted lead'
    ]);
  });

  it('FIELD_CUSTOM_VALIDATION_EXCEPTION from a validation rule installed through the control surface', async () => {
    const rule = {
      name: 'Web_Leads_Need_Phone',
      object: 'Lead',
      condition: "Phone = null AND LeadSource = 'Web'",
      errorMessage: 'Web leads need a phone number.',
      errorField: 'Phone'
    };
    expect((await org.controlCall('POST', '/validation-rules', rule)).status).toBe(201);
    expect(
      (await org.controlCall<Array<{ name: string }>>('GET', '/validation-rules')).body.map((r) => r.name)
    ).toContain(rule.name);
    const error = await failureOf(() =>
      conn.sobject('Lead').create({ LastName: 'Web', Company: 'W', LeadSource: 'Web' })
    );
    expect([error.errorCode, error.message]).toEqual([
      'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      'Web leads need a phone number.'
    ]);
    expect(fieldsOf(error)).toEqual(['Phone']);
    expect(
      (await conn.sobject('Lead').create({ LastName: 'Web', Company: 'W', LeadSource: 'Web', Phone: '4155550100' }))
        .success
    ).toBe(true);

    expect((await org.controlCall('DELETE', `/validation-rules/${rule.name}`)).status).toBe(204);
    expect((await conn.sobject('Lead').create({ LastName: 'Web', Company: 'W', LeadSource: 'Web' })).success).toBe(
      true
    );
    expect((await org.controlCall('DELETE', `/validation-rules/${rule.name}`)).status).toBe(404);
  });

  it('a validation rule with a bad condition is refused by the control surface with the query error', async () => {
    const response = await org.controlCall<{ error: string }>('POST', '/validation-rules', {
      name: 'Broken',
      object: 'Lead',
      condition: 'Nope__c = 1',
      errorMessage: 'x'
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toBeTruthy();
  });
});
