import { createOrg } from '../model/org.ts';
import type { FieldValues } from '../model/types.ts';
import { SEEDED_ADMIN_CREDENTIALS } from './index.ts';

const org = createOrg({ forceAppDir: null, instance: 'Sd' });
const seed = org.seed!;
const all = (type: string): FieldValues[] => [...org.source.records(type)].map((r) => r.values);

describe('the seeded org', () => {
  it('has one Organization: Switchboard Local, Developer Edition, in Los Angeles time', () => {
    expect(all('Organization')).toEqual([
      expect.objectContaining({
        Id: org.organizationId,
        Name: 'Switchboard Local',
        TimeZoneSidKey: 'America/Los_Angeles',
        OrganizationType: 'Developer Edition'
      })
    ]);
    expect(org.timeZone).toBe('America/Los_Angeles');
  });

  it('has Ada Admin, a System Administrator whose credentials the OAuth grant uses, and two reps', () => {
    expect(SEEDED_ADMIN_CREDENTIALS).toEqual({ username: 'admin@switchboard.test', password: 'switchboard' });
    const admin = org.retrieve('User', org.adminUserId, ['Username', 'Email', 'Name', 'ProfileId', 'IsActive']);
    expect(admin).toEqual({
      Username: 'admin@switchboard.test',
      Email: 'admin@switchboard.test',
      Name: 'Ada Admin',
      ProfileId: seed.profiles.systemAdministrator,
      IsActive: true
    });
    expect(org.retrieve('Profile', seed.profiles.systemAdministrator, ['Name'])).toEqual({
      Name: 'System Administrator'
    });
    expect(
      all('User')
        .map((u) => u['Username'])
        .sort()
    ).toEqual(['admin@switchboard.test', 'maya.rep@switchboard.test', 'sam.rep@switchboard.test']);
  });

  it('has a queue and default business hours, Monday to Friday 9 to 5 in the org time zone', () => {
    expect(org.retrieve('Group', seed.queueId, ['Type', 'Name'])).toEqual({ Type: 'Queue', Name: 'Inbound Calls' });
    const hours = org.retrieve('BusinessHours', seed.businessHoursId);
    expect(hours).toMatchObject({
      Name: 'Default',
      IsDefault: true,
      IsActive: true,
      TimeZoneSidKey: 'America/Los_Angeles',
      MondayStartTime: '09:00:00.000Z',
      FridayEndTime: '17:00:00.000Z',
      SaturdayStartTime: null,
      SundayEndTime: null
    });
  });

  it('stores phone numbers in mixed human formats, on Phone and MobilePhone', () => {
    const phones = [...all('Account'), ...all('Contact'), ...all('Lead')].flatMap((r) => [
      r['Phone'],
      r['MobilePhone']
    ]);
    for (const format of ['(415) 555-0132', '+1 415-555-0199', '415.555.0142', '4155550123', '+44 20 7946 0958']) {
      expect(phones).toContain(format);
    }
    expect(all('Contact').filter((c) => c['MobilePhone'] !== null).length).toBeGreaterThan(1);
    expect(all('Contact').every((c) => typeof c['Email'] === 'string')).toBe(true);
  });

  it('has a lead converted through Lead Convert', () => {
    const { leadId, contactId, accountId, opportunityId } = seed.convertedLead;
    expect(
      org.retrieve('Lead', leadId, [
        'IsConverted',
        'Status',
        'ConvertedContactId',
        'ConvertedAccountId',
        'ConvertedOpportunityId'
      ])
    ).toEqual({
      IsConverted: true,
      Status: 'Closed - Converted',
      ConvertedContactId: contactId,
      ConvertedAccountId: accountId,
      ConvertedOpportunityId: opportunityId
    });
    expect(all('Lead').filter((l) => l['IsConverted'] === false).length).toBeGreaterThanOrEqual(3);
  });

  it('has an open opportunity with two contact roles, one of them primary', () => {
    expect(org.retrieve('Opportunity', seed.opportunityId, ['IsClosed', 'AccountId'])).toEqual({
      IsClosed: false,
      AccountId: seed.accounts.acme
    });
    const roles = all('OpportunityContactRole').filter((r) => r['OpportunityId'] === seed.opportunityId);
    expect(roles).toHaveLength(2);
    expect(roles.filter((r) => r['IsPrimary'] === true).map((r) => r['ContactId'])).toEqual([seed.contacts.jane]);
  });

  it('has an open case on the default business hours', () => {
    expect(org.retrieve('Case', seed.caseId, ['IsClosed', 'Status', 'BusinessHoursId', 'ContactId'])).toEqual({
      IsClosed: false,
      Status: 'New',
      BusinessHoursId: seed.businessHoursId,
      ContactId: seed.contacts.jane
    });
  });

  it('takes every id from the org’s id factory (its instance code)', () => {
    for (const type of [
      'Organization',
      'User',
      'Account',
      'Contact',
      'Lead',
      'Opportunity',
      'Case',
      'BusinessHours',
      'Group'
    ]) {
      for (const r of org.source.records(type)) expect(r.id.slice(3, 5)).toBe('Sd');
    }
  });

  it('gives reps records to own, so owner mapping has something to map', () => {
    const owners = new Set([...all('Account'), ...all('Contact'), ...all('Lead')].map((r) => r['OwnerId']));
    expect(owners).toEqual(new Set([seed.users.maya, seed.users.sam, seed.queueId]));
  });
});
