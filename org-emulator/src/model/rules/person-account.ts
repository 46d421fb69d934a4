// Person Accounts (when enabled): an Account created with a LastName is a person account. Its Name is the
// person's name, and the platform keeps a Contact for the person (PersonContactId) in step with the Person*
// fields. The emulator has no record types, so the LastName is what makes an account a person account.
import { notWritable } from '../dml-errors.ts';
import type { FieldValues } from '../types.ts';
import type { ObjectRules, SaveContext } from './context.ts';
import { str } from './context.ts';
import { personName } from './names.ts';

/** Account field → the person contact's field it mirrors. */
const CONTACT_FIELDS: Record<string, string> = {
  FirstName: 'FirstName',
  LastName: 'LastName',
  Salutation: 'Salutation',
  Phone: 'Phone',
  Fax: 'Fax',
  PersonEmail: 'Email',
  PersonMobilePhone: 'MobilePhone',
  PersonHomePhone: 'HomePhone',
  PersonOtherPhone: 'OtherPhone',
  PersonAssistantPhone: 'AssistantPhone',
  PersonTitle: 'Title',
  PersonDepartment: 'Department',
  PersonAssistantName: 'AssistantName',
  PersonLeadSource: 'LeadSource',
  PersonBirthdate: 'Birthdate',
  PersonHasOptedOutOfEmail: 'HasOptedOutOfEmail',
  PersonHasOptedOutOfFax: 'HasOptedOutOfFax',
  PersonDoNotCall: 'DoNotCall',
  PersonMailingStreet: 'MailingStreet',
  PersonMailingCity: 'MailingCity',
  PersonMailingState: 'MailingState',
  PersonMailingPostalCode: 'MailingPostalCode',
  PersonMailingCountry: 'MailingCountry',
  PersonOtherStreet: 'OtherStreet',
  PersonOtherCity: 'OtherCity',
  PersonOtherState: 'OtherState',
  PersonOtherPostalCode: 'OtherPostalCode',
  PersonOtherCountry: 'OtherCountry',
  OwnerId: 'OwnerId'
};

const PERSON_ONLY = Object.keys(CONTACT_FIELDS).filter((f) => !['Phone', 'Fax', 'OwnerId'].includes(f));

function isPerson(ctx: SaveContext): boolean {
  if (ctx.op === 'update') return ctx.before?.['IsPersonAccount'] === true;
  return ctx.values['LastName'] != null;
}

function contactValues(values: FieldValues, fields: Iterable<string>): FieldValues {
  const out: FieldValues = {};
  for (const f of fields) {
    const target = CONTACT_FIELDS[f];
    if (target) out[target] = values[f] ?? null;
  }
  return out;
}

export const personAccountRules: ObjectRules = {
  derive(ctx): void {
    const v = ctx.values;
    if (!isPerson(ctx)) {
      if (ctx.system) return;
      // Person fields don't exist on a business account.
      const misplaced = PERSON_ONLY.filter((f) => ctx.changed.has(f) && v[f] != null && v[f] !== false);
      if (misplaced.length) throw notWritable(misplaced);
      return;
    }
    if (!ctx.system && ctx.changed.has('Name') && ctx.op === 'update') throw notWritable(['Name']);
    v['IsPersonAccount'] = true;
    v['Name'] = personName(v);
  },
  afterSave(ctx): void {
    if (ctx.values['IsPersonAccount'] !== true) return;
    if (ctx.op === 'insert') {
      const contactId = ctx.data.insertSystem(
        'Contact',
        { ...contactValues(ctx.values, Object.keys(CONTACT_FIELDS)), AccountId: ctx.id, IsPersonAccount: true },
        ctx.userId
      );
      ctx.data.updateSystem('Account', ctx.id, { PersonContactId: contactId }, ctx.userId);
      return;
    }
    const contactId = str(ctx.values, 'PersonContactId');
    const changed = [...ctx.changed].filter((f) => f in CONTACT_FIELDS);
    if (contactId && changed.length) {
      ctx.data.updateSystem('Contact', contactId, contactValues(ctx.values, changed), ctx.userId);
    }
  },
  beforeDelete(ctx): void {
    const contactId = str(ctx.record.values, 'PersonContactId');
    if (contactId && ctx.data.live(contactId)) ctx.data.deleteSystem('Contact', contactId, ctx.userId);
  }
};
