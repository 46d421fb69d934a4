// Task and Event. Their Who (Contact or Lead) and What (Account, Opportunity, Case, activity-enabled custom
// objects) are polymorphic; AccountId, IsClosed and IsHighPriority are derived by the data model.
import type { FieldDef, SObjectDef } from '../../model/types.ts';
import {
  auditFields,
  checkbox,
  CREATE_ONLY,
  date,
  datetime,
  field,
  idField,
  int,
  isDeletedField,
  ownerField,
  picklist,
  READ_ONLY,
  reference,
  text,
  textArea,
  values
} from '../fields.ts';
import { sobject } from '../objects.ts';
import {
  ACTIVITY_PRIORITIES,
  ACTIVITY_TYPES,
  CALL_TYPES,
  EVENT_SUBJECTS,
  EVENT_SUBTYPES,
  SHOW_AS,
  TASK_DEFAULT_PRIORITY,
  TASK_DEFAULT_STATUS,
  TASK_STATUSES,
  TASK_SUBJECTS,
  TASK_SUBTYPES,
  TIME_ZONES
} from './picklists.ts';

/** Standard WhatId targets; activity-enabled custom objects are appended when force-app is loaded. */
export const STANDARD_WHAT_TARGETS = ['Account', 'Case', 'Opportunity'];
export const WHO_TARGETS = ['Contact', 'Lead'];

const RECURRENCE_TYPES = [
  'RecursDaily',
  'RecursEveryWeekday',
  'RecursMonthly',
  'RecursMonthlyNth',
  'RecursWeekly',
  'RecursYearly',
  'RecursYearlyNth'
];
const RECURRENCE_INSTANCES = ['First', 'Second', 'Third', 'Fourth', 'Last'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
];

function whoWhatFields(childRelationshipName: string): FieldDef[] {
  return [
    // Deleting the Who or the What deletes its activities.
    reference('WhoId', WHO_TARGETS, 'Who', {
      label: 'Name ID',
      childRelationshipName,
      namePointing: true,
      cascadeDelete: true
    }),
    reference('WhatId', STANDARD_WHAT_TARGETS, 'What', {
      label: 'Related To ID',
      childRelationshipName,
      namePointing: true,
      cascadeDelete: true
    }),
    // Shared Activities counts, maintained with the relation rows.
    int('WhoCount', 9, { label: 'Relation Count', ...READ_ONLY }),
    int('WhatCount', 9, { label: 'Related To Count', ...READ_ONLY })
  ];
}

function subjectField(list: string[]): FieldDef {
  // IN NAME FIELDS searches Subject on activities (SOSL reference).
  return field('Subject', 'combobox', { length: 255, picklistValues: values(list), searchGroup: 'name' });
}

function recurrencePicklists(): FieldDef[] {
  return [
    picklist('RecurrenceTimeZoneSidKey', TIME_ZONES, { label: 'Recurrence Time Zone', restrictedPicklist: true }),
    picklist('RecurrenceType', RECURRENCE_TYPES, { label: 'Recurrence Pattern', restrictedPicklist: true }),
    int('RecurrenceInterval', 9, { label: 'Recurrence Interval' }),
    int('RecurrenceDayOfWeekMask', 9, { label: 'Recurrence Day of Week Mask' }),
    int('RecurrenceDayOfMonth', 9, { label: 'Recurrence Day of Month' }),
    picklist('RecurrenceInstance', RECURRENCE_INSTANCES, { label: 'Recurrence Instance', restrictedPicklist: true }),
    picklist('RecurrenceMonthOfYear', MONTHS, { label: 'Recurrence Month of Year', restrictedPicklist: true })
  ];
}

export function taskObject(): SObjectDef {
  return sobject(
    'Task',
    'Task',
    'Tasks',
    '00T',
    [
      idField('Activity ID'),
      ...whoWhatFields('Tasks'),
      subjectField(TASK_SUBJECTS),
      date('ActivityDate', { label: 'Due Date Only' }),
      picklist('Status', TASK_STATUSES, { nillable: false, default: TASK_DEFAULT_STATUS }),
      picklist('Priority', ACTIVITY_PRIORITIES, { nillable: false, default: TASK_DEFAULT_PRIORITY }),
      checkbox('IsHighPriority', false, { label: 'High Priority', ...READ_ONLY }),
      ownerField(['Group', 'User'], 'Assigned To ID'),
      textArea('Description', 32000, { label: 'Comments' }),
      picklist('Type', ACTIVITY_TYPES),
      isDeletedField(),
      reference('AccountId', ['Account'], 'Account', { label: 'Account ID', ...READ_ONLY }),
      checkbox('IsClosed', false, { label: 'Closed', ...READ_ONLY }),
      ...auditFields(),
      checkbox('IsArchived', false, { label: 'Archived', ...READ_ONLY }),
      int('CallDurationInSeconds', 8, { label: 'Call Duration' }),
      picklist('CallType', CALL_TYPES, { label: 'Call Type', restrictedPicklist: true }),
      text('CallDisposition', 255, { label: 'Call Result' }),
      text('CallObject', 255, { label: 'Call Object Identifier' }),
      datetime('ReminderDateTime', { label: 'Reminder Date/Time' }),
      checkbox('IsReminderSet', false, { label: 'Reminder Set' }),
      reference('RecurrenceActivityId', ['Task'], 'RecurrenceActivity', {
        label: 'Recurrence Activity ID',
        ...READ_ONLY,
        childRelationshipName: 'RecurringTasks'
      }),
      checkbox('IsRecurrence', false, { label: 'Create Recurring Series of Tasks', ...CREATE_ONLY }),
      date('RecurrenceStartDateOnly', { label: 'Recurrence Start' }),
      date('RecurrenceEndDateOnly', { label: 'Recurrence End' }),
      ...recurrencePicklists(),
      picklist(
        'RecurrenceRegeneratedType',
        ['RecurrenceRegenerateAfterDueDate', 'RecurrenceRegenerateAfterToday', 'RecurrenceRegenerated'],
        { label: 'Repeat This Task', restrictedPicklist: true }
      ),
      // Set on create (defaults to Task), never changed afterwards.
      picklist('TaskSubtype', TASK_SUBTYPES, {
        label: 'Task Subtype',
        restrictedPicklist: true,
        defaultedOnCreate: true,
        ...CREATE_ONLY
      }),
      datetime('CompletedDateTime', { label: 'Completed Date/Time', ...READ_ONLY })
    ],
    { feedEnabled: false, mergeable: false, mruEnabled: false }
  );
}

export function eventObject(): SObjectDef {
  return sobject(
    'Event',
    'Event',
    'Events',
    '00U',
    [
      idField('Activity ID'),
      ...whoWhatFields('Events'),
      subjectField(EVENT_SUBJECTS),
      text('Location', 255),
      checkbox('IsAllDayEvent', false, { label: 'All-Day Event' }),
      datetime('ActivityDateTime', { label: 'Due Date Time' }),
      date('ActivityDate', { label: 'Due Date Only' }),
      int('DurationInMinutes', 8, { label: 'Duration' }),
      datetime('StartDateTime', { label: 'Start Date Time' }),
      datetime('EndDateTime', { label: 'End Date Time' }),
      date('EndDate', { label: 'End', ...READ_ONLY }),
      textArea('Description', 32000),
      reference('AccountId', ['Account'], 'Account', { label: 'Account ID', ...READ_ONLY }),
      ownerField(['User'], 'Assigned To ID'),
      picklist('Type', ACTIVITY_TYPES),
      checkbox('IsPrivate', false, { label: 'Private' }),
      picklist('ShowAs', SHOW_AS, { label: 'Show Time As', restrictedPicklist: true, default: 'Busy' }),
      isDeletedField(),
      checkbox('IsChild', false, { label: 'Is Child', ...READ_ONLY }),
      checkbox('IsGroupEvent', false, { label: 'Group Event', ...READ_ONLY }),
      picklist('GroupEventType', ['0', '1', '2', '3'], { label: 'Group Event Type', ...READ_ONLY }),
      ...auditFields(),
      checkbox('IsArchived', false, { label: 'Archived', ...READ_ONLY }),
      reference('RecurrenceActivityId', ['Event'], 'RecurrenceActivity', {
        label: 'Recurrence Activity ID',
        ...READ_ONLY,
        childRelationshipName: 'RecurringEvents'
      }),
      checkbox('IsRecurrence', false, { label: 'Create Recurring Series of Events', ...CREATE_ONLY }),
      datetime('RecurrenceStartDateTime', { label: 'Recurrence Start' }),
      date('RecurrenceEndDateOnly', { label: 'Recurrence End' }),
      ...recurrencePicklists(),
      datetime('ReminderDateTime', { label: 'Reminder Date/Time' }),
      checkbox('IsReminderSet', false, { label: 'Reminder Set' }),
      picklist('EventSubtype', EVENT_SUBTYPES, {
        label: 'Event Subtype',
        restrictedPicklist: true,
        defaultedOnCreate: true,
        ...CREATE_ONLY
      })
    ],
    { feedEnabled: false, mergeable: false, mruEnabled: false }
  );
}
