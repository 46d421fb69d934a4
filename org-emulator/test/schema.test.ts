// A field added to force-app exists in the emulator with no other change: in describe, in writes and in SOQL,
// with the namespace prefix applied when the org is started with one (as in a subscriber org).
import { STANDARD_FIXTURE, startTestOrg, textField } from './support.ts';

const fixture = [...STANDARD_FIXTURE, textField('Lead', 'Call_Notes__c', { length: 120 })];

describe('force-app fields in the emulated org', () => {
  it('without a namespace, a fixture field shows in describe and can be written and queried', async () => {
    const org = await startTestOrg({}, fixture);
    try {
      const conn = await org.login();
      const describe = await conn.sobject('Lead').describe();
      expect(describe.fields.find((f) => f.name === 'Call_Notes__c')).toMatchObject({
        type: 'string',
        length: 120,
        custom: true
      });
      const created = await conn.sobject('Lead').create({ LastName: 'Schema', Company: 'S', Call_Notes__c: 'hello' });
      const found = await conn.query<{ Call_Notes__c: string }>(
        `SELECT Call_Notes__c FROM Lead WHERE Id = '${created.id}'`
      );
      expect(found.records[0]?.Call_Notes__c).toBe('hello');
    } finally {
      await org.stop();
    }
  });

  it('with namespace swb, the same field is swb__Call_Notes__c and the bare name does not exist', async () => {
    const org = await startTestOrg({ namespace: 'swb' }, fixture);
    try {
      const conn = await org.login();
      const describe = await conn.sobject('Lead').describe();
      const names = describe.fields.map((f) => f.name);
      expect(names).toContain('swb__Call_Notes__c');
      expect(names).not.toContain('Call_Notes__c');
      expect(names).toContain('LastName');
      const created = await conn
        .sobject('Lead')
        .create({ LastName: 'Ns', Company: 'S', swb__Call_Notes__c: 'namespaced' });
      expect(created.success).toBe(true);
      const upserted = await conn
        .sobject('Lead')
        .upsert({ swb__Ext_Id__c: 'NS-1', LastName: 'Ns', Company: 'S' }, 'swb__Ext_Id__c');
      expect(upserted.created).toBe(true);
    } finally {
      await org.stop();
    }
  });

  it('with Person Accounts enabled, Account carries the person fields; without, it does not', async () => {
    const personal = await startTestOrg({ personAccounts: true });
    const plain = await startTestOrg();
    try {
      const withPersons = (await (await personal.login()).sobject('Account').describe()).fields.map((f) => f.name);
      expect(withPersons).toEqual(expect.arrayContaining(['IsPersonAccount', 'PersonEmail', 'PersonMobilePhone']));
      const without = (await (await plain.login()).sobject('Account').describe()).fields.map((f) => f.name);
      expect(without).not.toContain('IsPersonAccount');
    } finally {
      await personal.stop();
      await plain.stop();
    }
  });
});
