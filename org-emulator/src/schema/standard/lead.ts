// Lead. Company is required unless person accounts are enabled; conversion fields are read-only.
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
  CLEAN_STATUSES,
  INDUSTRIES,
  LEAD_DEFAULT_STATUS,
  LEAD_SOURCES,
  LEAD_STATUSES,
  RATINGS,
  SALUTATIONS
} from './picklists.ts';

export function leadObject(options: { personAccounts: boolean }): SObjectDef {
  const fields: FieldDef[] = [
    idField('Lead ID'),
    isDeletedField(),
    reference('MasterRecordId', ['Lead'], 'MasterRecord', { label: 'Master Record ID', ...READ_ONLY }),
    text('LastName', 80, { label: 'Last Name', ...REQUIRED, compoundFieldName: 'Name', searchGroup: 'name' }),
    text('FirstName', 40, { label: 'First Name', compoundFieldName: 'Name', searchGroup: 'name' }),
    picklist('Salutation', SALUTATIONS, { compoundFieldName: 'Name' }),
    text('Name', 121, {
      label: 'Full Name',
      ...READ_ONLY,
      nillable: false,
      nameField: true,
      extraTypeInfo: 'personname',
      searchGroup: 'name'
    }),
    text('Title', 128),
    // IN NAME FIELDS searches Company on Lead (SOSL reference).
    text('Company', 255, { nillable: options.personAccounts, searchGroup: 'name' }),
    ...addressFields('', ''),
    phone('Phone'),
    phone('MobilePhone', { label: 'Mobile Phone' }),
    phone('Fax'),
    email('Email', { idLookup: true }),
    url('Website'),
    url('PhotoUrl', 255, { label: 'Photo URL', ...READ_ONLY }),
    textArea('Description', 32000),
    picklist('LeadSource', LEAD_SOURCES, { label: 'Lead Source' }),
    picklist('Status', LEAD_STATUSES, { nillable: false, default: LEAD_DEFAULT_STATUS }),
    picklist('Industry', INDUSTRIES),
    picklist('Rating', RATINGS),
    currency('AnnualRevenue', 18, 0, { label: 'Annual Revenue' }),
    int('NumberOfEmployees', 8, { label: 'Employees' }),
    ownerField(['Group', 'User'], 'Owner ID'),
    checkbox('HasOptedOutOfEmail', false, { label: 'Email Opt Out' }),
    // Createable (imports of already-converted leads) but never updateable.
    checkbox('IsConverted', false, { label: 'Converted', updateable: false }),
    date('ConvertedDate', { label: 'Converted Date', ...READ_ONLY }),
    reference('ConvertedAccountId', ['Account'], 'ConvertedAccount', { label: 'Converted Account ID', ...READ_ONLY }),
    reference('ConvertedContactId', ['Contact'], 'ConvertedContact', { label: 'Converted Contact ID', ...READ_ONLY }),
    reference('ConvertedOpportunityId', ['Opportunity'], 'ConvertedOpportunity', {
      label: 'Converted Opportunity ID',
      ...READ_ONLY
    }),
    checkbox('IsUnreadByOwner', false, { label: 'Unread By Owner' }),
    ...auditFields(),
    lastActivityDate(),
    checkbox('DoNotCall', false, { label: 'Do Not Call' }),
    checkbox('HasOptedOutOfFax', false, { label: 'Fax Opt Out' }),
    lastViewedDate(),
    lastReferencedDate(),
    datetime('LastTransferDate', { label: 'Last Transfer Date', ...READ_ONLY }),
    text('Jigsaw', 20, { label: 'Data.com Key' }),
    text('JigsawContactId', 20, { label: 'Jigsaw Contact ID', ...READ_ONLY }),
    picklist('CleanStatus', CLEAN_STATUSES, { label: 'Clean Status', restrictedPicklist: true }),
    text('CompanyDunsNumber', 9, { label: 'Company D-U-N-S Number' }),
    text('EmailBouncedReason', 255, { label: 'Email Bounced Reason' }),
    datetime('EmailBouncedDate', { label: 'Email Bounced Date' })
  ];
  return sobject('Lead', 'Lead', 'Leads', '00Q', fields, { mergeable: true, feedEnabled: true });
}
