// User and Profile. Only the User fields an integration reads or writes are modelled (the real object has
// ~180, most of them UserPreferences* flags); Profile is included so ProfileId and Profile.Name resolve.
import type { SObjectDef } from '../../model/types.ts';
import {
  addressFields,
  auditFields,
  checkbox,
  datetime,
  email,
  idField,
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
import { EMAIL_ENCODINGS, LANGUAGES, LOCALES, TIME_ZONES } from './picklists.ts';

const USER_TYPES = [
  'Standard',
  'PowerPartner',
  'PowerCustomerSuccess',
  'CustomerSuccess',
  'Guest',
  'CspLitePortal',
  'CsnOnly',
  'SelfService'
];

export function userObject(): SObjectDef {
  return sobject(
    'User',
    'User',
    'Users',
    '005',
    [
      idField('User ID'),
      text('Username', 80, { ...REQUIRED, unique: true, idLookup: true, searchGroup: 'name' }),
      text('LastName', 80, { label: 'Last Name', ...REQUIRED, compoundFieldName: 'Name', searchGroup: 'name' }),
      text('FirstName', 40, { label: 'First Name', compoundFieldName: 'Name', searchGroup: 'name' }),
      text('Name', 121, {
        label: 'Full Name',
        ...READ_ONLY,
        nillable: false,
        nameField: true,
        extraTypeInfo: 'personname',
        searchGroup: 'name'
      }),
      text('CompanyName', 80, { label: 'Company Name' }),
      text('Division', 80),
      text('Department', 80),
      text('Title', 80),
      ...addressFields('', ''),
      email('Email', { length: 128, ...REQUIRED, idLookup: true }),
      email('SenderEmail', { label: 'Email Sender Address' }),
      text('SenderName', 80, { label: 'Email Sender Name' }),
      textArea('Signature', 1333, { label: 'Email Signature' }),
      phone('Phone'),
      phone('Fax'),
      phone('MobilePhone', { label: 'Mobile' }),
      text('Alias', 8, { ...REQUIRED }),
      text('CommunityNickname', 40, { label: 'Nickname', nillable: false, defaultedOnCreate: true, unique: true }),
      checkbox('IsActive', true, { label: 'Active', defaultedOnCreate: true }),
      picklist('TimeZoneSidKey', TIME_ZONES, { label: 'Time Zone', ...REQUIRED, restrictedPicklist: true }),
      picklist('LocaleSidKey', LOCALES, { label: 'Locale', ...REQUIRED, restrictedPicklist: true }),
      checkbox('ReceivesInfoEmails', false, { label: 'Info Emails' }),
      checkbox('ReceivesAdminInfoEmails', false, { label: 'Admin Info Emails' }),
      picklist('EmailEncodingKey', EMAIL_ENCODINGS, {
        label: 'Email Encoding',
        ...REQUIRED,
        restrictedPicklist: true
      }),
      reference('ProfileId', ['Profile'], 'Profile', { label: 'Profile ID', ...REQUIRED }),
      picklist('UserType', USER_TYPES, { label: 'User Type', ...READ_ONLY, restrictedPicklist: true }),
      picklist('LanguageLocaleKey', LANGUAGES, { label: 'Language', ...REQUIRED, restrictedPicklist: true }),
      text('EmployeeNumber', 20, { label: 'Employee Number' }),
      reference('ManagerId', ['User'], 'Manager', { label: 'Manager ID', childRelationshipName: 'ManagedUsers' }),
      datetime('LastLoginDate', { label: 'Last Login', ...READ_ONLY }),
      datetime('LastPasswordChangeDate', { label: 'Last Password Change or Reset', ...READ_ONLY }),
      ...auditFields(),
      text('FederationIdentifier', 512, { label: 'SAML Federation ID', idLookup: true }),
      textArea('AboutMe', 1000, { label: 'About Me' }),
      url('FullPhotoUrl', 1024, { label: 'Url for full-sized Photo', ...READ_ONLY }),
      url('SmallPhotoUrl', 1024, { label: 'Photo', ...READ_ONLY }),
      phone('Extension'),
      checkbox('IsProfilePhotoActive', false, { label: 'Has Profile Photo', ...READ_ONLY })
    ],
    { deletable: false, undeletable: false, searchable: true, feedEnabled: true }
  );
}

export function profileObject(): SObjectDef {
  return sobject(
    'Profile',
    'Profile',
    'Profile',
    '00e',
    [
      idField('Profile ID'),
      text('Name', 255, { ...REQUIRED, nameField: true, searchGroup: 'name' }),
      picklist('UserType', USER_TYPES, { label: 'User Type', ...READ_ONLY, restrictedPicklist: true }),
      text('Description', 255),
      ...auditFields()
    ],
    {
      // Profiles are setup data: the API reads them, it doesn't create or delete them here.
      createable: false,
      updateable: false,
      deletable: false,
      undeletable: false,
      searchable: false,
      mruEnabled: false
    }
  );
}
