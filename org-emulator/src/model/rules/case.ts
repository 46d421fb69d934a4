// Case: IsClosed and ClosedDate follow Status; BusinessHoursId defaults to the org's default business hours;
// the account and the Contact* fields come from the case's contact.
import { CASE_CLOSED_STATUSES } from '../../schema/standard/picklists.ts';
import type { ObjectRules } from './context.ts';
import { str, touches } from './context.ts';

export const caseRules: ObjectRules = {
  derive(ctx): void {
    const v = ctx.values;
    if (touches(ctx, 'Status')) {
      const closed = CASE_CLOSED_STATUSES.includes(str(v, 'Status') ?? '');
      const wasClosed = ctx.before?.['IsClosed'] === true;
      v['IsClosed'] = closed;
      if (closed && !wasClosed) v['ClosedDate'] = v['LastModifiedDate'] ?? null;
      if (!closed) v['ClosedDate'] = null;
      if (ctx.op === 'insert') v['IsClosedOnCreate'] = closed;
    }
    if (ctx.op === 'insert' && v['BusinessHoursId'] == null) {
      const defaultHours = ctx.data.find('BusinessHours', (h) => h['IsDefault'] === true)[0];
      v['BusinessHoursId'] = defaultHours?.id ?? null;
    }
    if (touches(ctx, 'ContactId')) {
      const contact = ctx.data.live(str(v, 'ContactId'));
      const isContact = contact?.type === 'Contact';
      if (isContact && v['AccountId'] == null) v['AccountId'] = contact.values['AccountId'] ?? null;
      v['ContactPhone'] = isContact ? (contact.values['Phone'] ?? null) : null;
      v['ContactMobile'] = isContact ? (contact.values['MobilePhone'] ?? null) : null;
      v['ContactEmail'] = isContact ? (contact.values['Email'] ?? null) : null;
      v['ContactFax'] = isContact ? (contact.values['Fax'] ?? null) : null;
    }
  }
};
