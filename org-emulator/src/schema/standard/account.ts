// Account, optionally with the Person Account fields (off by default, as in a new org).
import type { FieldDef, SObjectDef } from '../../model/types.ts';
import {
  addressFields,
  auditFields,
  checkbox,
  currency,
  date,
  datetime,
  email,
  idField,
  int,
  isDeletedField,
  lastActivityDate,
  lastReferencedDate,
  lastViewedDate,
  ownerField,
  phone,
  picklist,
  READ_ONLY,
  reference,
  REQUIRED,
  text,
  textArea,
  url
} from '../fields.ts';
import { sobject } from '../objects.ts';
import {
  ACCOUNT_OWNERSHIP,
  ACCOUNT_TYPES,
  CLEAN_STATUSES,
  INDUSTRIES,
  LEAD_SOURCES,
  RATINGS,
  SALUTATIONS
} from './picklists.ts';

export function accountObject(options: { personAccounts: boolean }): SObjectDef {
  const pa = options.personAccounts;
  const fields: FieldDef[] = [
    idField('Account ID'),
    isDeletedField(),
    reference('MasterRecordId', ['Account'], 'MasterRecord', { label: 'Master Record ID', ...READ_ONLY }),
    text('Name', 255, {
      label: 'Account Name',
      ...REQUIRED,
      nameField: true,
      searchGroup: 'name',
      // With person accounts the name of a person account is derived from its first and last name.
      extraTypeInfo: pa ? 'switchablepersonname' : null
    }),
    ...(pa ? personNameFields() : []),
    picklist('Type', ACCOUNT_TYPES, { label: 'Account Type' }),
    reference('ParentId', ['Account'], 'Parent', {
      label: 'Parent Account ID',
      childRelationshipName: 'ChildAccounts'
    }),
    ...addressFields('Billing', 'Billing'),
    ...addressFields('Shipping', 'Shipping'),
    phone('Phone', { label: 'Account Phone' }),
    phone('Fax', { label: 'Account Fax' }),
    text('AccountNumber', 40, { label: 'Account Number' }),
    url('Website'),
    url('PhotoUrl', 255, { label: 'Photo URL', ...READ_ONLY }),
    text('Sic', 20, { label: 'SIC Code' }),
    picklist('Industry', INDUSTRIES),
    currency('AnnualRevenue', 18, 0, { label: 'Annual Revenue' }),
    int('NumberOfEmployees', 8, { label: 'Employees' }),
    picklist('Ownership', ACCOUNT_OWNERSHIP),
    text('TickerSymbol', 20, { label: 'Ticker Symbol' }),
    textArea('Description', 32000, { label: 'Account Description' }),
    picklist('Rating', RATINGS, { label: 'Account Rating' }),
    text('Site', 80, { label: 'Account Site' }),
    ownerField(['User'], 'Owner ID'),
    ...auditFields(),
    lastActivityDate(),
    lastViewedDate(),
    lastReferencedDate(),
    ...(pa ? personContactFields() : []),
    text('Jigsaw', 20, { label: 'Data.com Key' }),
    text('JigsawCompanyId', 20, { label: 'Jigsaw Company ID', ...READ_ONLY }),
    picklist('CleanStatus', CLEAN_STATUSES, { label: 'Clean Status', restrictedPicklist: true }),
    picklist('AccountSource', LEAD_SOURCES, { label: 'Account Source' }),
    text('DunsNumber', 9, { label: 'D-U-N-S Number' }),
    text('Tradestyle', 255),
    text('NaicsCode', 8, { label: 'NAICS Code' }),
    text('NaicsDesc', 120, { label: 'NAICS Description' }),
    text('YearStarted', 4, { label: 'Year Started' }),
    text('SicDesc', 80, { label: 'SIC Description' })
  ];
  return sobject('Account', 'Account', 'Accounts', '001', fields, { mergeable: true, feedEnabled: true });
}

/** The person-name fields an Account gains with person accounts (they belong to the compound Name). */
function personNameFields(): FieldDef[] {
  return [
    text('LastName', 80, { label: 'Last Name', compoundFieldName: 'Name', searchGroup: 'name' }),
    text('FirstName', 40, { label: 'First Name', compoundFieldName: 'Name', searchGroup: 'name' }),
    picklist('Salutation', SALUTATIONS, { compoundFieldName: 'Name' })
  ];
}

/** The contact fields surfaced on a person account as Person*. */
function personContactFields(): FieldDef[] {
  return [
    reference('PersonContactId', ['Contact'], 'PersonContact', { label: 'Person Contact ID', ...READ_ONLY }),
    checkbox('IsPersonAccount', false, { label: 'Is Person Account', ...READ_ONLY }),
    ...addressFields('PersonMailing', 'Mailing'),
    ...addressFields('PersonOther', 'Other'),
    phone('PersonMobilePhone', { label: 'Mobile' }),
    phone('PersonHomePhone', { label: 'Home Phone' }),
    phone('PersonOtherPhone', { label: 'Other Phone' }),
    phone('PersonAssistantPhone', { label: 'Asst. Phone' }),
    email('PersonEmail', { label: 'Email' }),
    text('PersonTitle', 80, { label: 'Title' }),
    text('PersonDepartment', 80, { label: 'Department' }),
    text('PersonAssistantName', 40, { label: 'Assistant' }),
    picklist('PersonLeadSource', LEAD_SOURCES, { label: 'Lead Source' }),
    date('PersonBirthdate', { label: 'Birthdate' }),
    checkbox('PersonHasOptedOutOfEmail', false, { label: 'Email Opt Out' }),
    checkbox('PersonHasOptedOutOfFax', false, { label: 'Fax Opt Out' }),
    checkbox('PersonDoNotCall', false, { label: 'Do Not Call' }),
    date('PersonLastCURequestDate', { label: 'Last Stay-in-Touch Request Date', ...READ_ONLY }),
    date('PersonLastCUUpdateDate', { label: 'Last Stay-in-Touch Save Date', ...READ_ONLY }),
    text('PersonEmailBouncedReason', 255, { label: 'Email Bounced Reason' }),
    datetime('PersonEmailBouncedDate', { label: 'Email Bounced Date' })
  ];
}
