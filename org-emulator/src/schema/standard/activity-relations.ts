// The Shared Activities junction objects: one TaskRelation/EventRelation row per Who and What of an activity.
// The data model maintains them as activities are written; TaskWhoRelation is the read-only "who" view.
import type { SObjectDef } from '../../model/types.ts';
import {
  auditFields,
  checkbox,
  CREATE_ONLY,
  datetime,
  idField,
  isDeletedField,
  picklist,
  READ_ONLY,
  reference,
  REQUIRED,
  text
} from '../fields.ts';
import { sobject } from '../objects.ts';
import { STANDARD_WHAT_TARGETS, WHO_TARGETS } from './activity.ts';

const RELATION_TARGETS = [...WHO_TARGETS, ...STANDARD_WHAT_TARGETS];

export function taskRelationObject(): SObjectDef {
  return sobject(
    'TaskRelation',
    'Task Relation',
    'Task Relations',
    '0RT',
    [
      idField('Task Relation ID'),
      reference('RelationId', RELATION_TARGETS, 'Relation', {
        label: 'Relation ID',
        ...REQUIRED,
        ...CREATE_ONLY,
        namePointing: true
      }),
      reference('TaskId', ['Task'], 'Task', {
        label: 'Task ID',
        ...REQUIRED,
        ...CREATE_ONLY,
        childRelationshipName: 'TaskRelations',
        cascadeDelete: true
      }),
      checkbox('IsWhat', false, { label: 'Is What', ...CREATE_ONLY }),
      reference('AccountId', ['Account'], 'Account', { label: 'Account ID', ...READ_ONLY }),
      ...auditFields(),
      isDeletedField()
    ],
    { updateable: false, searchable: false, layoutable: false, mruEnabled: false, undeletable: false }
  );
}

export function taskWhoRelationObject(): SObjectDef {
  return sobject(
    'TaskWhoRelation',
    'Task Who Relation',
    'Task Who Relations',
    // A view of TaskRelation rows (IsWhat false): same ids, same key prefix.
    '0RT',
    [
      idField('Task Relation ID'),
      reference('RelationId', WHO_TARGETS, 'Relation', { label: 'Relation ID', ...READ_ONLY, namePointing: true }),
      reference('TaskId', ['Task'], 'Task', {
        label: 'Task ID',
        ...READ_ONLY,
        childRelationshipName: 'TaskWhoRelations',
        cascadeDelete: true
      }),
      text('Type', 255, { ...READ_ONLY, searchGroup: null }),
      reference('AccountId', ['Account'], 'Account', { label: 'Account ID', ...READ_ONLY }),
      ...auditFields().map((f) => ({ ...f, ...READ_ONLY })),
      isDeletedField()
    ],
    {
      createable: false,
      updateable: false,
      deletable: false,
      undeletable: false,
      searchable: false,
      layoutable: false,
      mruEnabled: false,
      replicateable: false,
      triggerable: false
    }
  );
}

export function eventRelationObject(): SObjectDef {
  return sobject(
    'EventRelation',
    'Event Relation',
    'Event Relations',
    '0RE',
    [
      idField('Event Relation ID'),
      reference('RelationId', [...RELATION_TARGETS, 'User'], 'Relation', {
        label: 'Relation ID',
        ...REQUIRED,
        ...CREATE_ONLY,
        namePointing: true
      }),
      reference('EventId', ['Event'], 'Event', {
        label: 'Event ID',
        ...REQUIRED,
        ...CREATE_ONLY,
        childRelationshipName: 'EventRelations',
        cascadeDelete: true
      }),
      picklist('Status', ['New', 'Declined', 'Accepted', 'Uninvited', 'Maybe'], { restrictedPicklist: true }),
      datetime('RespondedDate', { label: 'Response Date' }),
      text('Response', 255),
      checkbox('IsParent', false, { label: 'Is Parent', ...CREATE_ONLY }),
      checkbox('IsWhat', false, { label: 'Is What', ...CREATE_ONLY }),
      checkbox('IsInvitee', false, { label: 'Is Invitee', ...CREATE_ONLY }),
      reference('AccountId', ['Account'], 'Account', { label: 'Account ID', ...READ_ONLY }),
      ...auditFields(),
      isDeletedField()
    ],
    { searchable: false, layoutable: false, mruEnabled: false, undeletable: false }
  );
}
