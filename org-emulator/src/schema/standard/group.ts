// Group: public groups and queues (a queue can own Leads, Cases and Tasks).
import type { SObjectDef } from '../../model/types.ts';
import { auditFields, checkbox, email, idField, ownerField, picklist, READ_ONLY, reference, text } from '../fields.ts';
import { sobject } from '../objects.ts';

export const GROUP_TYPES = [
  'AllCustomerPortal',
  'Channel',
  'ChannelProgramGroup',
  'CollaborationGroup',
  'Manager',
  'ManagerAndSubordinatesInternal',
  'Organization',
  'PRMOrganization',
  'Queue',
  'Regular',
  'Role',
  'RoleAndSubordinates',
  'RoleAndSubordinatesInternal',
  'Territory',
  'TerritoryAndSubordinates'
];

export function groupObject(): SObjectDef {
  return sobject(
    'Group',
    'Group',
    'Groups',
    '00G',
    [
      idField('Group ID'),
      text('Name', 40, { nillable: false, nameField: true, searchGroup: 'name' }),
      text('DeveloperName', 80, { label: 'Developer Name', defaultedOnCreate: true }),
      reference('RelatedId', ['User'], 'Related', { label: 'Related ID', ...READ_ONLY }),
      picklist('Type', GROUP_TYPES, { nillable: false, updateable: false, restrictedPicklist: true }),
      email('Email', { length: 255 }),
      ownerField(['User'], 'Owner ID', { ...READ_ONLY }),
      checkbox('DoesSendEmailToMembers', false, { label: 'Send Email to Members' }),
      checkbox('DoesIncludeBosses', true, { label: 'Include Bosses' }),
      ...auditFields()
    ],
    { searchable: false, undeletable: false, mruEnabled: false }
  );
}
