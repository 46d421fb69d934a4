// The writer of this release: each call becomes a Task upserted by External Activity ID through sObject
// Collections, with WhoId found by phone (one batched SOSL for the whole micro-batch). Other activity types are
// skipped under a named rule until their logging rules arrive.
//
// TaskSubtype can be set on create only. An item never logged before is sent with it; if the Task exists anyway
// (a worker crashed after writing, before recording the result), Salesforce refuses that record with
// INVALID_FIELD_FOR_INSERT_UPDATE on TaskSubtype and it is sent again without. An item logged before is sent
// without it from the start.
import { callActivity } from '../activities/schemas.ts';
import type { CallActivity } from '../activities/schemas.ts';
import { externalActivityId } from '../activities/externalActivityId.ts';
import {
  ApiBudgetExhaustedError,
  SalesforceConnectionBrokenError,
  classifyFailure,
  isUnexpectedFailure,
  toActivityError
} from '../salesforce/errors.ts';
import { normalisePhone, phoneSearchTerms, storedPhoneMatches } from '../salesforce/phones.ts';
import type { NormalisedPhone } from '../salesforce/phones.ts';
import { phoneSearches } from '../salesforce/queryText.ts';
import type { RecordError, SalesforceRecord, TenantOrg, UpsertOutcome } from '../salesforce/salesforceAccess.ts';
import type { SalesforceSchema } from '../salesforce/schema.ts';
import type { ClaimedActivity } from '../store/inbox.ts';
import { callTaskRecord } from './callTask.ts';
import type { ActivityWriter, PauseKind, WriteContext, WriteOutcome, WriteResult } from './writer.ts';

// Salesforce asks to try these record errors again later.
const TRANSIENT_RECORD_CODES = new Set(['UNABLE_TO_LOCK_ROW', 'SERVER_UNAVAILABLE', 'UNKNOWN_EXCEPTION']);

export interface CallTaskWriterOptions {
  schema: SalesforceSchema;
  phoneDefaultRegion: string;
  clock: () => number;
  /** How long a tenant whose connection broke waits before the worker looks again (a reconnect lifts it). */
  brokenConnectionPauseMs: number;
}

interface PreparedCall {
  item: ClaimedActivity;
  call: CallActivity;
  externalId: string;
  counterparty?: NormalisedPhone;
  line?: NormalisedPhone;
}

export function createCallTaskWriter(options: CallTaskWriterOptions): ActivityWriter {
  const { schema } = options;
  const region = options.phoneDefaultRegion;

  function pauseFor(error: ApiBudgetExhaustedError | SalesforceConnectionBrokenError): WriteResult['pause'] {
    if (error instanceof ApiBudgetExhaustedError) {
      const kind: PauseKind = error.reason === 'budget' ? 'api_budget' : 'request_limit';
      return { until: error.resumeAt, reason: error.message, kind };
    }
    return {
      until: options.clock() + options.brokenConnectionPauseMs,
      reason: `${error.code}: ${error.message}`,
      kind: 'connection_error'
    };
  }

  /** A failure that hit the whole batch (the phone search, or every record's request). */
  function wholeBatch(
    error: unknown,
    calls: PreparedCall[],
    outcomes: Map<string, WriteOutcome>,
    log: WriteContext['log']
  ): WriteResult {
    if (error instanceof ApiBudgetExhaustedError || error instanceof SalesforceConnectionBrokenError) {
      return { outcomes, pause: pauseFor(error) };
    }
    if (isUnexpectedFailure(error)) log.error({ err: error }, 'the phone search failed unexpectedly');
    const outcome: WriteOutcome =
      classifyFailure(error) === 'permanent'
        ? { status: 'failed', error: toActivityError(error) }
        : { status: 'transient', error: toActivityError(error) };
    for (const prepared of calls) outcomes.set(prepared.item.activityId, outcome);
    return { outcomes };
  }

  /** Contacts or unconverted Leads by the E.164 number they were found for; Contacts first. */
  async function matchWhos(org: TenantOrg, calls: PreparedCall[]): Promise<Map<string, { id: string; name?: string }>> {
    const phones = new Map<string, NormalisedPhone>();
    for (const prepared of calls)
      if (prepared.counterparty) phones.set(prepared.counterparty.e164, prepared.counterparty);
    const matches = new Map<string, { id: string; name?: string }>();
    if (phones.size === 0) return matches;
    const found: SalesforceRecord[] = [];
    for (const sosl of phoneSearches(schema, [...phones.values()].flatMap(phoneSearchTerms))) {
      found.push(...(await org.search(sosl)));
    }
    const typeOf = (record: SalesforceRecord) => (record.attributes as { type?: string } | undefined)?.type;
    const ordered = [
      ...found.filter((r) => typeOf(r) === schema.contact.object),
      ...found.filter((r) => typeOf(r) === schema.lead.object)
    ];
    for (const [e164, phone] of phones) {
      const who = ordered.find(
        (r) =>
          storedPhoneMatches(r[schema.contact.fields.phone] as string | null, phone, region) ||
          storedPhoneMatches(r[schema.contact.fields.mobilePhone] as string | null, phone, region)
      );
      if (typeof who?.Id === 'string') {
        const name = who[schema.contact.fields.name];
        matches.set(e164, { id: who.Id, ...(typeof name === 'string' && name ? { name } : {}) });
      }
    }
    return matches;
  }

  function recordOutcome(outcome: UpsertOutcome, log: WriteContext['log']): WriteOutcome | 'not_sent' {
    if (outcome.ok) return { status: 'logged', records: [{ object: schema.task.object, id: outcome.id }] };
    if ('notSent' in outcome) return 'not_sent';
    if ('requestError' in outcome) {
      if (isUnexpectedFailure(outcome.requestError)) {
        log.error({ err: outcome.requestError }, 'an upsert request failed unexpectedly');
      }
      const error = toActivityError(outcome.requestError);
      return classifyFailure(outcome.requestError) === 'permanent'
        ? { status: 'failed', error }
        : { status: 'transient', error };
    }
    const [first] = outcome.recordErrors;
    const error = {
      code: first?.statusCode ?? 'UNKNOWN_ERROR',
      message: outcome.recordErrors.map((e) => e.message).join('; ') || 'Salesforce refused the record',
      ...(first && first.fields.length > 0 ? { fields: first.fields } : {})
    };
    return outcome.recordErrors.every((e) => TRANSIENT_RECORD_CODES.has(e.statusCode))
      ? { status: 'transient', error }
      : { status: 'failed', error };
  }

  const refusedTaskSubtype = (errors: RecordError[]) =>
    errors.some(
      (e) => e.statusCode === 'INVALID_FIELD_FOR_INSERT_UPDATE' && e.fields.includes(schema.task.fields.taskSubtype)
    );

  return {
    async write(items, context: WriteContext): Promise<WriteResult> {
      const outcomes = new Map<string, WriteOutcome>();
      const calls: PreparedCall[] = [];
      for (const item of items) {
        if (item.type !== 'call') {
          outcomes.set(item.activityId, {
            status: 'skipped',
            rule: `${item.type}_logging_not_available`,
            reason: `logging ${item.type} activities to Salesforce arrives in a later release`
          });
          continue;
        }
        const parsed = callActivity.safeParse(item.payload);
        if (!parsed.success) {
          outcomes.set(item.activityId, {
            status: 'failed',
            error: { code: 'invalid_payload', message: 'the stored call no longer matches the call schema' }
          });
          continue;
        }
        const call = parsed.data;
        const counterpartyRaw = call.direction === 'inbound' ? call.from.phone : call.to.phone;
        const counterparty = counterpartyRaw ? normalisePhone(counterpartyRaw, region) : undefined;
        const line = call.line?.number ? normalisePhone(call.line.number, region) : undefined;
        calls.push({
          item,
          call,
          externalId: externalActivityId(context.tenantId, item.activityId),
          ...(counterparty ? { counterparty } : {}),
          ...(line ? { line } : {})
        });
      }
      if (calls.length === 0) return { outcomes };

      let whos: Map<string, { id: string; name?: string }>;
      try {
        whos = await matchWhos(context.org, calls);
      } catch (error) {
        context.log.warn({ code: toActivityError(error).code }, 'phone matching failed');
        return wholeBatch(error, calls, outcomes, context.log);
      }

      const recordFor = (prepared: PreparedCall, includeTaskSubtype: boolean) => {
        const who = prepared.counterparty ? whos.get(prepared.counterparty.e164) : undefined;
        return callTaskRecord(schema, {
          call: prepared.call,
          externalId: prepared.externalId,
          ...(prepared.counterparty ? { counterpartyPhone: prepared.counterparty } : {}),
          ...(prepared.line ? { linePhone: prepared.line } : {}),
          ...(who ? { whoId: who.id, ...(who.name ? { whoName: who.name } : {}) } : {}),
          includeTaskSubtype
        });
      };
      const neverLogged = (prepared: PreparedCall) => !prepared.item.salesforceRecords?.length;

      const first = await context.org.upsert(
        schema.task.object,
        schema.task.fields.externalActivityId,
        calls.map((prepared) => recordFor(prepared, neverLogged(prepared)))
      );
      // The Task existed already although this item was never recorded as logged: update it without TaskSubtype.
      const again = calls.filter((prepared, i) => {
        const outcome = first[i] as UpsertOutcome;
        return (
          neverLogged(prepared) && !outcome.ok && 'recordErrors' in outcome && refusedTaskSubtype(outcome.recordErrors)
        );
      });
      const second =
        again.length === 0
          ? []
          : await context.org.upsert(
              schema.task.object,
              schema.task.fields.externalActivityId,
              again.map((prepared) => recordFor(prepared, false))
            );
      const final = new Map<string, UpsertOutcome>();
      calls.forEach((prepared, i) => final.set(prepared.item.activityId, first[i] as UpsertOutcome));
      again.forEach((prepared, i) => final.set(prepared.item.activityId, second[i] as UpsertOutcome));

      let pause: WriteResult['pause'];
      for (const [activityId, upserted] of final) {
        const outcome = recordOutcome(upserted, context.log);
        if (outcome === 'not_sent') {
          if (!upserted.ok && 'notSent' in upserted) pause ??= pauseFor(upserted.notSent);
          continue;
        }
        outcomes.set(activityId, outcome);
      }
      return pause ? { outcomes, pause } : { outcomes };
    }
  };
}
