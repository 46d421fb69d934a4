// Organization: one read-only row describing the org (id 00D…, time zone, edition).
import type { SObjectDef } from '../../model/types.ts';
import {
  addressFields,
  auditFields,
  checkbox,
  date,
  email,
  idField,
  int,
  phone,
  picklist,
  READ_ONLY,
  text
} from '../fields.ts';
import { sobject } from '../objects.ts';
import { LANGUAGES, LOCALES, TIME_ZONES } from './picklists.ts';

export const ORGANIZATION_TYPES = [
  'Team Edition',
  'Professional Edition',
  'Enterprise Edition',
  'Developer Edition',
  'Personal Edition',
  'Unlimited Edition',
  'Contact Manager Edition',
  'Base Edition'
];

const ACCESS_LEVELS = ['None', 'Read', 'Edit', 'ReadEditTransfer', 'ControlledByParent', 'ControlledByCampaign'];

export function organizationObject(): SObjectDef {
  const fields = [
    idField('Organization ID'),
    text('Name', 80, { nillable: false, nameField: true }),
    text('Division', 80),
    ...addressFields('', ''),
    phone('Phone'),
    phone('Fax'),
    text('PrimaryContact', 80, { label: 'Primary Contact' }),
    picklist('DefaultLocaleSidKey', LOCALES, { label: 'Locale', nillable: false, restrictedPicklist: true }),
    picklist('TimeZoneSidKey', TIME_ZONES, { label: 'Time Zone', nillable: false, restrictedPicklist: true }),
    picklist('LanguageLocaleKey', LANGUAGES, { label: 'Language', nillable: false, restrictedPicklist: true }),
    checkbox('ReceivesInfoEmails', false, { label: 'Info Emails' }),
    checkbox('ReceivesAdminInfoEmails', false, { label: 'Info Emails Admin' }),
    int('FiscalYearStartMonth', 2, { label: 'Fiscal Year Starts In' }),
    checkbox('UsesStartDateAsFiscalYearName', false, { label: 'Fiscal Year Name by Start' }),
    picklist('DefaultAccountAccess', ACCESS_LEVELS, { label: 'Default Account Access', restrictedPicklist: true }),
    picklist('DefaultContactAccess', ACCESS_LEVELS, { label: 'Default Contact Access', restrictedPicklist: true }),
    picklist('DefaultOpportunityAccess', ACCESS_LEVELS, {
      label: 'Default Opportunity Access',
      restrictedPicklist: true
    }),
    picklist('DefaultLeadAccess', ACCESS_LEVELS, { label: 'Default Lead Access', restrictedPicklist: true }),
    picklist('DefaultCaseAccess', ACCESS_LEVELS, { label: 'Default Case Access', restrictedPicklist: true }),
    picklist(
      'DefaultCalendarAccess',
      ['HideDetails', 'HideDetailsInsert', 'ShowDetails', 'ShowDetailsInsert', 'AllowEdits'],
      {
        label: 'Default Calendar Access',
        restrictedPicklist: true
      }
    ),
    email('ComplianceBccEmail', { label: 'Compliance BCC Email' }),
    text('SignupCountryIsoCode', 2, { label: 'Signup Country' }),
    date('TrialExpirationDate', { label: 'Trial Expiration Date' }),
    picklist('OrganizationType', ORGANIZATION_TYPES, { label: 'Edition', restrictedPicklist: true }),
    text('NamespacePrefix', 15, { label: 'Namespace Prefix' }),
    text('InstanceName', 5, { label: 'Instance Name' }),
    checkbox('IsSandbox', false, { label: 'Is Sandbox' }),
    checkbox('IsReadOnly', false, { label: 'Is Read Only' }),
    ...auditFields()
  ].map((f) => ({ ...f, ...READ_ONLY }));
  return sobject('Organization', 'Organization', 'Organizations', '00D', fields, {
    createable: false,
    updateable: false,
    deletable: false,
    undeletable: false,
    searchable: false,
    mruEnabled: false,
    layoutable: false
  });
}
