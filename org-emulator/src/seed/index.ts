// The seeded org: the Organization row, a System Administrator and two reps, a queue, business hours, and a
// little sample data (accounts, contacts and leads with phone numbers in mixed human formats, a converted lead, an
// open opportunity with contact roles, an open case). Ids come from the org's IdFactory in a fixed order, so a
// reset gives the same ids again.
import { formatDate } from '../model/dates.ts';
import { convertLead } from '../model/lead-convert.ts';
import type { DataAccess } from '../model/rules/context.ts';
import type { FieldValues } from '../model/types.ts';
import { SEEDED_ADMIN_CREDENTIALS } from './credentials.ts';

export { SEEDED_ADMIN_CREDENTIALS } from './credentials.ts';

export const SEEDED_ORG_NAME = 'Switchboard Local';
export const SEEDED_TIME_ZONE = 'America/Los_Angeles';

export interface SeedResult {
  organizationId: string;
  adminUserId: string;
  users: { admin: string; maya: string; sam: string };
  profiles: { systemAdministrator: string; standardUser: string };
  queueId: string;
  businessHoursId: string;
  accounts: { acme: string; globex: string; initech: string };
  contacts: { jane: string; omar: string; priya: string; tom: string };
  leads: { lena: string; marco: string; wei: string };
  convertedLead: { leadId: string; accountId: string; contactId: string; opportunityId: string };
  opportunityId: string;
  contactRoles: { primary: string; secondary: string };
  caseId: string;
}

const DAY_MS = 86_400_000;

const USER_DEFAULTS: FieldValues = {
  TimeZoneSidKey: SEEDED_TIME_ZONE,
  LocaleSidKey: 'en_US',
  EmailEncodingKey: 'UTF-8',
  LanguageLocaleKey: 'en_US',
  IsActive: true
};

export function seedOrg(data: DataAccess, options: { now: number }): SeedResult {
  // The admin creates everything, including itself and the org row, as the platform's first user does.
  const admin = data.nextId('005');
  const insert = (type: string, values: FieldValues, id?: string): string => data.insertSystem(type, values, admin, id);

  const organizationId = insert('Organization', {
    Name: SEEDED_ORG_NAME,
    TimeZoneSidKey: SEEDED_TIME_ZONE,
    DefaultLocaleSidKey: 'en_US',
    LanguageLocaleKey: 'en_US',
    OrganizationType: 'Developer Edition',
    Country: 'United States',
    FiscalYearStartMonth: 1,
    IsSandbox: false,
    InstanceName: 'LOCAL'
  });
  const systemAdministrator = insert('Profile', { Name: 'System Administrator', UserType: 'Standard' });
  const standardUser = insert('Profile', { Name: 'Standard User', UserType: 'Standard' });
  const user = (first: string, last: string, username: string, alias: string, profile: string, id?: string) =>
    insert(
      'User',
      {
        ...USER_DEFAULTS,
        FirstName: first,
        LastName: last,
        Username: username,
        Email: username,
        Alias: alias,
        ProfileId: profile,
        CompanyName: SEEDED_ORG_NAME
      },
      id
    );
  user('Ada', 'Admin', SEEDED_ADMIN_CREDENTIALS.username, 'aadmi', systemAdministrator, admin);
  const maya = user('Maya', 'Rep', 'maya.rep@switchboard.test', 'mrep', standardUser);
  const sam = user('Sam', 'Rep', 'sam.rep@switchboard.test', 'srep', standardUser);
  const queueId = insert('Group', { Name: 'Inbound Calls', DeveloperName: 'Inbound_Calls', Type: 'Queue' });

  const businessHoursId = insert('BusinessHours', {
    Name: 'Default',
    IsActive: true,
    IsDefault: true,
    TimeZoneSidKey: SEEDED_TIME_ZONE,
    ...weekdayHours('09:00:00.000Z', '17:00:00.000Z')
  });

  const acme = insert('Account', {
    Name: 'Acme Corporation',
    Phone: '(415) 555-0132',
    Website: 'https://acme.example',
    Industry: 'Technology',
    Type: 'Customer - Direct',
    BillingCity: 'San Francisco',
    BillingState: 'CA',
    BillingCountry: 'United States',
    OwnerId: maya
  });
  const globex = insert('Account', {
    Name: 'Globex Industries',
    Phone: '+1 415-555-0199',
    Industry: 'Manufacturing',
    Type: 'Prospect',
    BillingCity: 'Oakland',
    BillingState: 'CA',
    BillingCountry: 'United States',
    OwnerId: sam
  });
  const initech = insert('Account', {
    Name: 'Initech UK Ltd',
    Phone: '+44 20 7946 0958',
    Industry: 'Finance',
    BillingCity: 'London',
    BillingCountry: 'United Kingdom',
    OwnerId: maya
  });

  const jane = insert('Contact', {
    AccountId: acme,
    Salutation: 'Ms.',
    FirstName: 'Jane',
    LastName: 'Doe',
    Title: 'VP Operations',
    Email: 'jane.doe@acme.example',
    Phone: '415.555.0142',
    MobilePhone: '4155550123',
    LeadSource: 'Web',
    OwnerId: maya
  });
  const omar = insert('Contact', {
    AccountId: acme,
    FirstName: 'Omar',
    LastName: 'Haddad',
    Title: 'IT Manager',
    Email: 'omar.haddad@acme.example',
    Phone: '(415) 555-0132',
    MobilePhone: '+1 (415) 555-0187',
    OwnerId: maya
  });
  const priya = insert('Contact', {
    AccountId: initech,
    FirstName: 'Priya',
    LastName: 'Patel',
    Email: 'priya.patel@initech.example',
    Phone: '+44 20 7946 0958',
    MobilePhone: '+44 7700 900123',
    OwnerId: maya
  });
  const tom = insert('Contact', {
    AccountId: globex,
    FirstName: 'Tom',
    LastName: 'Nguyen',
    Email: 'tom.nguyen@globex.example',
    Phone: '+1 415-555-0199',
    MobilePhone: '415-555-0166',
    OwnerId: sam
  });

  const lena = insert('Lead', {
    FirstName: 'Lena',
    LastName: 'Lopez',
    Company: 'Umbrella Logistics',
    Email: 'lena.lopez@umbrella.example',
    Phone: '(415) 555-0100',
    MobilePhone: '+1 415 555 0111',
    LeadSource: 'Web',
    OwnerId: maya
  });
  const marco = insert('Lead', {
    FirstName: 'Marco',
    LastName: 'Rossi',
    Company: 'Rossi & Figli',
    Email: 'marco@rossi.example',
    Phone: '+39 06 6982 0000',
    Status: 'Working - Contacted',
    LeadSource: 'Phone Inquiry',
    OwnerId: sam
  });
  const wei = insert('Lead', {
    FirstName: 'Wei',
    LastName: 'Chen',
    Company: 'Chen Analytics',
    Email: 'wei.chen@chen.example',
    Phone: '415-555-0177',
    OwnerId: queueId
  });

  // A lead converted into Globex through Lead Convert: it left a contact and an opportunity behind.
  const convertedLeadId = insert('Lead', {
    FirstName: 'Carla',
    LastName: 'Gomez',
    Company: 'Globex Industries',
    Email: 'carla.gomez@globex.example',
    Phone: '+1 (415) 555-0155',
    LeadSource: 'Partner Referral',
    Status: 'Working - Contacted',
    OwnerId: sam
  });
  const converted = convertLead(
    data,
    { leadId: convertedLeadId, accountId: globex, opportunityName: 'Globex Industries - Contact Center' },
    admin,
    options.now
  );

  const opportunityId = insert('Opportunity', {
    AccountId: acme,
    Name: 'Acme Corporation - Phone System Rollout',
    StageName: 'Qualification',
    Amount: 25000,
    CloseDate: formatDate(options.now + 30 * DAY_MS),
    Type: 'New Customer',
    LeadSource: 'Web',
    OwnerId: maya
  });
  const primary = insert('OpportunityContactRole', {
    OpportunityId: opportunityId,
    ContactId: jane,
    Role: 'Decision Maker',
    IsPrimary: true
  });
  const secondary = insert('OpportunityContactRole', {
    OpportunityId: opportunityId,
    ContactId: omar,
    Role: 'Technical Buyer',
    IsPrimary: false
  });

  const caseId = insert('Case', {
    AccountId: acme,
    ContactId: jane,
    Subject: 'Callers cannot hear agents on inbound calls',
    Description: 'Reported by phone; affects the main support line.',
    Status: 'New',
    Origin: 'Phone',
    Priority: 'High',
    OwnerId: maya
  });

  return {
    organizationId,
    adminUserId: admin,
    users: { admin, maya, sam },
    profiles: { systemAdministrator, standardUser },
    queueId,
    businessHoursId,
    accounts: { acme, globex, initech },
    contacts: { jane, omar, priya, tom },
    leads: { lena, marco, wei },
    convertedLead: { ...converted, opportunityId: converted.opportunityId ?? '' },
    opportunityId,
    contactRoles: { primary, secondary },
    caseId
  };
}

function weekdayHours(start: string, end: string): FieldValues {
  const values: FieldValues = {};
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
    values[`${day}StartTime`] = start;
    values[`${day}EndTime`] = end;
  }
  return values;
}
