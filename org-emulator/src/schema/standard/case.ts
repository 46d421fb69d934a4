// Case. CaseNumber is an auto number; IsClosed follows Status; BusinessHoursId defaults to the default hours.
import type { SObjectDef } from '../../model/types.ts';
import {
  auditFields,
  checkbox,
  datetime,
  email,
  idField,
  isDeletedField,
  lastReferencedDate,
  lastViewedDate,
  ownerField,
  phone,
  picklist,
  READ_ONLY,
  reference,
  text,
  textArea
} from '../fields.ts';
import { sobject } from '../objects.ts';
import {
  CASE_DEFAULT_PRIORITY,
  CASE_DEFAULT_STATUS,
  CASE_ORIGINS,
  CASE_PRIORITIES,
  CASE_REASONS,
  CASE_STATUSES,
  CASE_TYPES
} from './picklists.ts';

export function caseObject(): SObjectDef {
  return sobject(
    'Case',
    'Case',
    'Cases',
    '500',
    [
      idField('Case ID'),
      isDeletedField(),
      text('CaseNumber', 30, {
        label: 'Case Number',
        ...READ_ONLY,
        nillable: false,
        defaultedOnCreate: true,
        autoNumber: true,
        displayFormat: '{00000000}',
        startingNumber: 1000,
        idLookup: true,
        nameField: true,
        searchGroup: 'name'
      }),
      reference('ContactId', ['Contact'], 'Contact', { label: 'Contact ID', childRelationshipName: 'Cases' }),
      reference('AccountId', ['Account'], 'Account', { label: 'Account ID', childRelationshipName: 'Cases' }),
      reference('BusinessHoursId', ['BusinessHours'], 'BusinessHours', {
        label: 'Business Hours ID',
        defaultedOnCreate: true
      }),
      reference('ParentId', ['Case'], 'Parent', { label: 'Parent Case ID', childRelationshipName: 'Cases' }),
      text('SuppliedName', 80, { label: 'Web Name' }),
      email('SuppliedEmail', { label: 'Web Email' }),
      text('SuppliedPhone', 40, { label: 'Web Phone' }),
      text('SuppliedCompany', 80, { label: 'Web Company' }),
      picklist('Type', CASE_TYPES, { label: 'Case Type' }),
      picklist('Status', CASE_STATUSES, { default: CASE_DEFAULT_STATUS }),
      picklist('Reason', CASE_REASONS, { label: 'Case Reason' }),
      picklist('Origin', CASE_ORIGINS, { label: 'Case Origin' }),
      text('Subject', 255),
      picklist('Priority', CASE_PRIORITIES, { default: CASE_DEFAULT_PRIORITY }),
      textArea('Description', 32000),
      checkbox('IsClosed', false, { label: 'Closed', ...READ_ONLY }),
      datetime('ClosedDate', { label: 'Closed Date', ...READ_ONLY }),
      checkbox('IsEscalated', false, { label: 'Escalated' }),
      ownerField(['Group', 'User'], 'Owner ID'),
      checkbox('IsClosedOnCreate', false, { label: 'Closed When Created', ...READ_ONLY }),
      ...auditFields(),
      phone('ContactPhone', { label: 'Contact Phone', ...READ_ONLY }),
      phone('ContactMobile', { label: 'Contact Mobile', ...READ_ONLY }),
      email('ContactEmail', { label: 'Contact Email', ...READ_ONLY }),
      phone('ContactFax', { label: 'Contact Fax', ...READ_ONLY }),
      textArea('Comments', 4000, { label: 'Internal Comments' }),
      lastViewedDate(),
      lastReferencedDate()
    ],
    { feedEnabled: true }
  );
}
