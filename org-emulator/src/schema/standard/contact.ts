// Contact. Name is the read-only compound of FirstName and LastName.
import type { FieldDef, SObjectDef } from '../../model/types.ts';
import {
  addressFields,
  auditFields,
  checkbox,
  date,
  datetime,
  email,
  idField,
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
import { CLEAN_STATUSES, LEAD_SOURCES, SALUTATIONS } from './picklists.ts';

export function contactObject(options: { personAccounts: boolean }): SObjectDef {
  const fields: FieldDef[] = [
    idField('Contact ID'),
    isDeletedField(),
    reference('MasterRecordId', ['Contact'], 'MasterRecord', { label: 'Master Record ID', ...READ_ONLY }),
    reference('AccountId', ['Account'], 'Account', {
      label: 'Account ID',
      childRelationshipName: 'Contacts',
      cascadeDelete: true
    }),
    ...(options.personAccounts
      ? [checkbox('IsPersonAccount', false, { label: 'Is Person Account', ...READ_ONLY })]
      : []),
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
    ...addressFields('Other', 'Other'),
    ...addressFields('Mailing', 'Mailing'),
    phone('Phone', { label: 'Business Phone' }),
    phone('Fax', { label: 'Business Fax' }),
    phone('MobilePhone', { label: 'Mobile Phone' }),
    phone('HomePhone', { label: 'Home Phone' }),
    phone('OtherPhone', { label: 'Other Phone' }),
    phone('AssistantPhone', { label: 'Asst. Phone' }),
    reference('ReportsToId', ['Contact'], 'ReportsTo', { label: 'Reports To ID' }),
    email('Email', { idLookup: true }),
    text('Title', 128),
    text('Department', 80),
    text('AssistantName', 40, { label: "Assistant's Name", searchGroup: 'name' }),
    picklist('LeadSource', LEAD_SOURCES, { label: 'Lead Source' }),
    date('Birthdate'),
    textArea('Description', 32000, { label: 'Contact Description' }),
    ownerField(['User'], 'Owner ID'),
    checkbox('HasOptedOutOfEmail', false, { label: 'Email Opt Out' }),
    checkbox('HasOptedOutOfFax', false, { label: 'Fax Opt Out' }),
    checkbox('DoNotCall', false, { label: 'Do Not Call' }),
    ...auditFields(),
    lastActivityDate(),
    date('LastCURequestDate', { label: 'Last Stay-in-Touch Request Date', ...READ_ONLY }),
    date('LastCUUpdateDate', { label: 'Last Stay-in-Touch Save Date', ...READ_ONLY }),
    lastViewedDate(),
    lastReferencedDate(),
    text('EmailBouncedReason', 255, { label: 'Email Bounced Reason' }),
    datetime('EmailBouncedDate', { label: 'Email Bounced Date' }),
    checkbox('IsEmailBounced', false, { label: 'Is Email Bounced', ...READ_ONLY }),
    url('PhotoUrl', 255, { label: 'Photo URL', ...READ_ONLY }),
    text('Jigsaw', 20, { label: 'Data.com Key' }),
    text('JigsawContactId', 20, { label: 'Jigsaw Contact ID', ...READ_ONLY }),
    picklist('CleanStatus', CLEAN_STATUSES, { label: 'Clean Status', restrictedPicklist: true })
  ];
  return sobject('Contact', 'Contact', 'Contacts', '003', fields, { mergeable: true, feedEnabled: true });
}
