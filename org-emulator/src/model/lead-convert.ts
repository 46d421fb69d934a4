// Lead conversion as Database.convertLead / LeadConvert does it: the lead becomes an Account (or joins a given
// one), a Contact (or merges into a given one) and optionally an Opportunity with the contact as primary role;
// its activities move to the contact; the lead is frozen as converted. REST has no convert resource, so this is
// reached through the org (control surface, seed and tests).
import { SalesforceError } from '../errors.ts';
import { LEAD_CONVERTED_STATUSES, OPPORTUNITY_STAGES } from '../schema/standard/picklists.ts';
import { formatDateInZone } from './dates.ts';
import { convertedLead } from './dml-errors.ts';
import type { DataAccess } from './rules/context.ts';
import { str } from './rules/context.ts';
import type { FieldValues } from './types.ts';

export interface LeadConvertRequest {
  leadId: string;
  /** Join this account instead of creating one. */
  accountId?: string;
  /** Merge into this contact (of the account) instead of creating one. */
  contactId?: string;
  doNotCreateOpportunity?: boolean;
  opportunityName?: string;
  /** A LeadStatus with IsConverted = true; the org's converted status by default. */
  convertedStatus?: string;
  ownerId?: string;
}

export interface LeadConvertResult {
  leadId: string;
  accountId: string;
  contactId: string;
  opportunityId: string | null;
}

const copy = (from: FieldValues, pairs: Array<[string, string]>): FieldValues =>
  Object.fromEntries(pairs.map(([source, target]) => [target, from[source] ?? null]));

/** The last day of the quarter a date falls in: the close date Lead Convert gives a new opportunity. */
function endOfQuarter(day: string): string {
  const year = Number(day.slice(0, 4));
  const quarterEndMonth = Math.ceil(Number(day.slice(5, 7)) / 3) * 3;
  const last = new Date(Date.UTC(year, quarterEndMonth, 0));
  return last.toISOString().slice(0, 10);
}

export function convertLead(
  data: DataAccess,
  request: LeadConvertRequest,
  userId: string,
  now: number
): LeadConvertResult {
  const lead = data.live(request.leadId);
  if (!lead || lead.type !== 'Lead') {
    throw new SalesforceError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', { fields: ['LeadId'] });
  }
  if (lead.values['IsConverted'] === true) throw convertedLead();
  const status = request.convertedStatus ?? LEAD_CONVERTED_STATUSES[0]!;
  if (!LEAD_CONVERTED_STATUSES.includes(status)) {
    throw new SalesforceError('INVALID_STATUS', `invalid convertedStatus: ${status}`, { fields: ['Status'] });
  }
  const v = lead.values;
  const ownerId = request.ownerId ?? str(v, 'OwnerId') ?? userId;
  // A queue can own a lead but not the records it becomes.
  const recordOwner = ownerId.startsWith('005') ? ownerId : userId;
  const today = formatDateInZone(now, data.timeZone());

  let accountId = request.accountId ?? null;
  if (accountId) {
    if (data.live(accountId)?.type !== 'Account') {
      throw new SalesforceError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', { fields: ['AccountId'] });
    }
  } else {
    accountId = data.insertSystem(
      'Account',
      {
        Name: str(v, 'Company') ?? [str(v, 'FirstName'), str(v, 'LastName')].filter(Boolean).join(' '),
        ...copy(v, [
          ['Street', 'BillingStreet'],
          ['City', 'BillingCity'],
          ['State', 'BillingState'],
          ['PostalCode', 'BillingPostalCode'],
          ['Country', 'BillingCountry'],
          ['Phone', 'Phone'],
          ['Fax', 'Fax'],
          ['Website', 'Website'],
          ['Industry', 'Industry'],
          ['AnnualRevenue', 'AnnualRevenue'],
          ['NumberOfEmployees', 'NumberOfEmployees'],
          ['Rating', 'Rating'],
          ['LeadSource', 'AccountSource']
        ]),
        OwnerId: recordOwner
      },
      userId
    );
  }

  const contactFields = copy(v, [
    ['Salutation', 'Salutation'],
    ['FirstName', 'FirstName'],
    ['LastName', 'LastName'],
    ['Title', 'Title'],
    ['Email', 'Email'],
    ['Phone', 'Phone'],
    ['MobilePhone', 'MobilePhone'],
    ['Fax', 'Fax'],
    ['Street', 'MailingStreet'],
    ['City', 'MailingCity'],
    ['State', 'MailingState'],
    ['PostalCode', 'MailingPostalCode'],
    ['Country', 'MailingCountry'],
    ['LeadSource', 'LeadSource'],
    ['Description', 'Description'],
    ['HasOptedOutOfEmail', 'HasOptedOutOfEmail'],
    ['HasOptedOutOfFax', 'HasOptedOutOfFax'],
    ['DoNotCall', 'DoNotCall']
  ]);
  let contactId = request.contactId ?? null;
  if (contactId) {
    const contact = data.live(contactId);
    if (contact?.type !== 'Contact' || contact.values['AccountId'] !== accountId) {
      throw new SalesforceError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', { fields: ['ContactId'] });
    }
    // Merging fills the contact's empty fields from the lead.
    const fill = Object.fromEntries(
      Object.entries(contactFields).filter(([k, value]) => value !== null && contact.values[k] == null)
    );
    if (Object.keys(fill).length) data.updateSystem('Contact', contactId, fill, userId);
  } else {
    contactId = data.insertSystem('Contact', { ...contactFields, AccountId: accountId, OwnerId: recordOwner }, userId);
  }

  let opportunityId: string | null = null;
  if (!request.doNotCreateOpportunity) {
    opportunityId = data.insertSystem(
      'Opportunity',
      {
        Name: request.opportunityName ?? `${str(v, 'Company') ?? str(v, 'LastName') ?? 'Lead'}-`,
        AccountId: accountId,
        StageName: OPPORTUNITY_STAGES[0]!.value,
        CloseDate: endOfQuarter(today),
        LeadSource: v['LeadSource'] ?? null,
        OwnerId: recordOwner
      },
      userId
    );
    data.insertSystem(
      'OpportunityContactRole',
      { OpportunityId: opportunityId, ContactId: contactId, IsPrimary: true },
      userId
    );
  }

  // The lead's activities now belong to the contact, related to the new opportunity (or the account).
  for (const type of ['Task', 'Event']) {
    for (const activity of data.children(type, 'WhoId', lead.id)) {
      const changes: FieldValues = { WhoId: contactId };
      if (activity.values['WhatId'] == null) changes['WhatId'] = opportunityId ?? accountId;
      data.updateSystem(type, activity.id, changes, userId);
    }
  }

  data.updateSystem(
    'Lead',
    lead.id,
    {
      Status: status,
      IsConverted: true,
      ConvertedDate: today,
      ConvertedAccountId: accountId,
      ConvertedContactId: contactId,
      ConvertedOpportunityId: opportunityId
    },
    userId
  );
  return { leadId: lead.id, accountId, contactId, opportunityId };
}
