// Task and Event: derived fields (IsClosed, IsHighPriority, AccountId …), the Who/What rules, Event timing,
// and the Shared Activities relation rows (TaskRelation/EventRelation) kept in step with WhoId and WhatId.
import { TASK_CLOSED_STATUSES, TASK_HIGH_PRIORITIES } from '../../schema/standard/picklists.ts';
import { formatDate, formatDateInZone, formatDateTime, parseDateTime } from '../dates.ts';
import { convertedLead, fieldIntegrity, requiredFieldsMissing } from '../dml-errors.ts';
import type { FieldValues } from '../types.ts';
import type { DataAccess, ObjectRules, SaveContext } from './context.ts';
import { str, touches } from './context.ts';

const DAY_MS = 86_400_000;
const MAX_EVENT_MINUTES = 14 * 24 * 60;

/**
 * The activity's account: the What's account when the What is an Account or an Opportunity, otherwise the
 * Who's account when the Who is a Contact (Object Reference, Task.AccountId).
 */
export function derivedAccountId(data: DataAccess, values: FieldValues): string | null {
  const what = data.live(str(values, 'WhatId'));
  if (what?.type === 'Account') return what.id;
  if (what?.type === 'Opportunity') return str(what.values, 'AccountId');
  if (what && data.schema.object(what.type)?.custom) {
    // A custom object that is a master-detail child of Account lends its account.
    const accountField = data.schema
      .object(what.type)
      ?.fields.find((f) => f.type === 'reference' && f.referenceTo.includes('Account') && f.relationshipOrder != null);
    if (accountField) return str(what.values, accountField.name);
  }
  const who = data.live(str(values, 'WhoId'));
  if (who?.type === 'Contact') return str(who.values, 'AccountId');
  return null;
}

function commonDerive(ctx: SaveContext): void {
  const v = ctx.values;
  if (touches(ctx, 'WhoId') || touches(ctx, 'WhatId')) {
    v['AccountId'] = derivedAccountId(ctx.data, v);
    v['WhoCount'] = v['WhoId'] ? 1 : 0;
    v['WhatCount'] = v['WhatId'] ? 1 : 0;
  }
}

/** Checks both activity kinds make on the Who and the What. */
function commonValidate(ctx: SaveContext): void {
  const who = ctx.data.live(str(ctx.values, 'WhoId'));
  if (who?.type !== 'Lead') return;
  if (touches(ctx, 'WhoId') && who.values['IsConverted'] === true) throw convertedLead(['WhoId']);
  // An activity about a lead can't also be related to another record (message wording unverified).
  if (ctx.values['WhatId']) {
    throw fieldIntegrity('You can’t associate a lead with a Related To record.', ['WhoId', 'WhatId']);
  }
}

export const taskRules: ObjectRules = {
  derive(ctx): void {
    const v = ctx.values;
    commonDerive(ctx);
    if (ctx.op === 'insert' && v['TaskSubtype'] == null) v['TaskSubtype'] = 'Task';
    const closed = TASK_CLOSED_STATUSES.includes(str(v, 'Status') ?? '');
    v['IsClosed'] = closed;
    v['IsHighPriority'] = TASK_HIGH_PRIORITIES.includes(str(v, 'Priority') ?? '');
    if (!closed) v['CompletedDateTime'] = null;
    else if (ctx.before?.['IsClosed'] !== true) v['CompletedDateTime'] = formatDateTime(ctx.now);
  },
  validate: commonValidate,
  afterSave(ctx): void {
    syncRelations(ctx, 'TaskRelation', 'TaskId');
  }
};

export const eventRules: ObjectRules = {
  derive(ctx): void {
    commonDerive(ctx);
    deriveEventTimes(ctx);
  },
  validate: commonValidate,
  afterSave(ctx): void {
    syncRelations(ctx, 'EventRelation', 'EventId');
  }
};

/** The owner's time zone decides an event's calendar dates. */
function ownerTimeZone(ctx: SaveContext): string {
  const owner = ctx.data.live(str(ctx.values, 'OwnerId'));
  return (owner?.type === 'User' && str(owner.values, 'TimeZoneSidKey')) || ctx.data.timeZone();
}

function instant(values: FieldValues, field: string): number | undefined {
  const v = str(values, field);
  return v === null ? undefined : parseDateTime(v);
}

/**
 * Event timing (Object Reference, Event): a timed event needs a start and a DurationInMinutes or an EndDateTime
 * (both allowed when they agree); an all-day event needs a date and lasts whole days (one by default).
 * StartDateTime and ActivityDateTime are the same instant; ActivityDate is its date. Events last at most 14 days.
 * Messages of the FIELD_INTEGRITY_EXCEPTIONs below are unverified against a real org.
 */
function deriveEventTimes(ctx: SaveContext): void {
  const v = ctx.values;
  const set = (f: string): boolean => ctx.changed.has(f);
  const timingTouched =
    ctx.op === 'insert' ||
    ['StartDateTime', 'ActivityDateTime', 'ActivityDate', 'DurationInMinutes', 'EndDateTime', 'IsAllDayEvent'].some(
      set
    );
  if (!timingTouched) return;
  const zone = ownerTimeZone(ctx);

  if (v['IsAllDayEvent'] === true) {
    const day = set('ActivityDate')
      ? str(v, 'ActivityDate')
      : set('StartDateTime') || set('ActivityDateTime')
        ? formatDate(instant(v, set('StartDateTime') ? 'StartDateTime' : 'ActivityDateTime') ?? NaN)
        : str(v, 'ActivityDate');
    if (!day || day.startsWith('NaN')) throw requiredFieldsMissing(['ActivityDate']);
    const start = Date.parse(`${day}T00:00:00Z`);
    let days = 1;
    if (set('DurationInMinutes') && typeof v['DurationInMinutes'] === 'number') {
      days = Math.max(1, Math.ceil(v['DurationInMinutes'] / 1440));
    } else if (set('EndDateTime') && instant(v, 'EndDateTime') !== undefined) {
      days = Math.floor((instant(v, 'EndDateTime')! - start) / DAY_MS) + 1;
    } else if (ctx.op === 'update' && typeof ctx.before?.['DurationInMinutes'] === 'number') {
      days = Math.max(1, Math.ceil(ctx.before['DurationInMinutes'] / 1440));
    }
    if (days < 1) throw fieldIntegrity('End Date Time: End can’t be before Start.', ['EndDateTime']);
    if (days * 1440 > MAX_EVENT_MINUTES) {
      throw fieldIntegrity('Event duration: an all-day event can last at most 14 days.', ['DurationInMinutes']);
    }
    v['ActivityDate'] = day;
    v['StartDateTime'] = formatDateTime(start);
    v['ActivityDateTime'] = formatDateTime(start);
    v['DurationInMinutes'] = days * 1440;
    v['EndDateTime'] = formatDateTime(start + (days - 1) * DAY_MS);
    v['EndDate'] = formatDate(start + (days - 1) * DAY_MS);
    return;
  }

  const startField = set('StartDateTime')
    ? 'StartDateTime'
    : set('ActivityDateTime')
      ? 'ActivityDateTime'
      : 'StartDateTime';
  const start = instant(v, startField) ?? instant(v, 'ActivityDateTime');
  const durationGiven = set('DurationInMinutes') && typeof v['DurationInMinutes'] === 'number';
  const endGiven = set('EndDateTime') && instant(v, 'EndDateTime') !== undefined;
  const missing: string[] = [];
  if (start === undefined) missing.push('ActivityDateTime');
  const keepsDuration = ctx.op === 'update' && typeof ctx.before?.['DurationInMinutes'] === 'number';
  if (!durationGiven && !endGiven && !keepsDuration) missing.push('DurationInMinutes');
  if (missing.length || start === undefined) throw requiredFieldsMissing(missing);

  let minutes: number;
  if (durationGiven && endGiven) {
    minutes = v['DurationInMinutes'] as number;
    if (start + minutes * 60_000 !== instant(v, 'EndDateTime')) {
      throw fieldIntegrity('Duration: Duration and End Date Time don’t match.', ['DurationInMinutes', 'EndDateTime']);
    }
  } else if (durationGiven) {
    minutes = v['DurationInMinutes'] as number;
  } else if (endGiven) {
    minutes = Math.round((instant(v, 'EndDateTime')! - start) / 60_000);
  } else {
    minutes = ctx.before?.['DurationInMinutes'] as number;
  }
  if (minutes < 0) throw fieldIntegrity('End Date Time: End can’t be before Start.', ['EndDateTime']);
  if (minutes > MAX_EVENT_MINUTES) {
    throw fieldIntegrity('Event duration: an event can last at most 14 days.', ['DurationInMinutes']);
  }
  const day = formatDateInZone(start, zone);
  if (set('ActivityDate') && v['ActivityDate'] != null && v['ActivityDate'] !== day) {
    throw fieldIntegrity('Due Date Only: the date must match the start date.', ['ActivityDate']);
  }
  const end = start + minutes * 60_000;
  v['StartDateTime'] = formatDateTime(start);
  v['ActivityDateTime'] = formatDateTime(start);
  v['ActivityDate'] = day;
  v['DurationInMinutes'] = minutes;
  v['EndDateTime'] = formatDateTime(end);
  v['EndDate'] = formatDateInZone(end, zone);
}

/**
 * One relation row per Who (IsWhat false) and per What (IsWhat true), as Shared Activities maintains them;
 * rows for a Who or What that was replaced are removed.
 */
function syncRelations(ctx: SaveContext, relationObject: 'TaskRelation' | 'EventRelation', parentField: string): void {
  if (ctx.op === 'update' && !ctx.changed.has('WhoId') && !ctx.changed.has('WhatId')) return;
  const wanted = new Map<string, boolean>();
  const whoId = str(ctx.values, 'WhoId');
  const whatId = str(ctx.values, 'WhatId');
  if (whoId) wanted.set(whoId, false);
  if (whatId) wanted.set(whatId, true);
  const existing = ctx.data.children(relationObject, parentField, ctx.id);
  for (const row of existing) {
    const relationId = str(row.values, 'RelationId') ?? '';
    if (wanted.get(relationId) === row.values['IsWhat']) wanted.delete(relationId);
    else if (relationObject !== 'EventRelation' || row.values['IsInvitee'] !== true) {
      ctx.data.deleteSystem(relationObject, row.id, ctx.userId);
    }
  }
  for (const [relationId, isWhat] of wanted) {
    const related = ctx.data.live(relationId);
    const accountId =
      related?.type === 'Account' ? related.id : related ? (str(related.values, 'AccountId') ?? null) : null;
    const values: FieldValues = { RelationId: relationId, [parentField]: ctx.id, IsWhat: isWhat, AccountId: accountId };
    if (relationObject === 'EventRelation') {
      values['IsParent'] = !isWhat;
      values['IsInvitee'] = false;
    }
    ctx.data.insertSystem(relationObject, values, ctx.userId);
  }
}

/** TaskWhoRelation mirrors the TaskRelation rows that name a person. */
export const taskRelationRules: ObjectRules = {
  derive(ctx): void {
    if (ctx.op === 'insert' && ctx.values['IsWhat'] == null) {
      const related = ctx.data.live(str(ctx.values, 'RelationId'));
      ctx.values['IsWhat'] = !(related?.type === 'Contact' || related?.type === 'Lead');
    }
  },
  afterSave(ctx): void {
    if (ctx.op !== 'insert' || ctx.values['IsWhat'] === true) return;
    const related = ctx.data.live(str(ctx.values, 'RelationId'));
    const mirror: FieldValues = {
      RelationId: ctx.values['RelationId'] ?? null,
      TaskId: ctx.values['TaskId'] ?? null,
      Type: related?.type ?? null,
      AccountId: ctx.values['AccountId'] ?? null
    };
    ctx.data.insertSystem('TaskWhoRelation', mirror, ctx.userId, ctx.id);
  },
  beforeDelete(ctx): void {
    if (ctx.data.liveOf('TaskWhoRelation', ctx.record.id)) {
      ctx.data.deleteSystem('TaskWhoRelation', ctx.record.id, ctx.userId);
    }
  }
};
