// A call as a Task: the standard fields a rep reads (subject, description with the summary and the links, call
// type, duration, date, who) plus the package's fields (channel, direction, outcome, numbers, links, provider, …).
// Everything a rep needs after an uninstall lives in standard fields; the package's fields add structure on top.
import type { CallActivity } from '../activities/schemas.ts';
import type { NormalisedPhone } from '../salesforce/phones.ts';
import type { SalesforceSchema } from '../salesforce/schema.ts';
import { FIELD_LENGTHS, PICKLIST_VALUES, TASK_VALUES } from '../salesforce/schema.ts';

export interface CallTaskInput {
  call: CallActivity;
  externalId: string;
  /** The customer's side of the call: `from` when inbound, `to` when outbound. */
  counterpartyPhone?: NormalisedPhone;
  linePhone?: NormalisedPhone;
  /** The Contact or Lead matched by phone, and its name (used when the platform sent none). */
  whoId?: string;
  whoName?: string;
  /** TaskSubtype can be set on create only: leave it out when the Task may already exist. */
  includeTaskSubtype: boolean;
}

const OUTCOMES: Record<CallActivity['status'], { inbound: string; outbound: string }> = {
  completed: { inbound: PICKLIST_VALUES.callOutcome.answered, outbound: PICKLIST_VALUES.callOutcome.answered },
  missed: { inbound: PICKLIST_VALUES.callOutcome.missed, outbound: PICKLIST_VALUES.callOutcome.noAnswer },
  voicemail: { inbound: PICKLIST_VALUES.callOutcome.voicemail, outbound: PICKLIST_VALUES.callOutcome.voicemail },
  no_answer: { inbound: PICKLIST_VALUES.callOutcome.missed, outbound: PICKLIST_VALUES.callOutcome.noAnswer },
  busy: { inbound: PICKLIST_VALUES.callOutcome.busy, outbound: PICKLIST_VALUES.callOutcome.busy },
  failed: { inbound: PICKLIST_VALUES.callOutcome.failed, outbound: PICKLIST_VALUES.callOutcome.failed },
  canceled: { inbound: PICKLIST_VALUES.callOutcome.missed, outbound: PICKLIST_VALUES.callOutcome.noAnswer }
};

const SUBJECTS: Record<CallActivity['status'], { inbound: string; outbound: string }> = {
  completed: { inbound: 'Inbound call from', outbound: 'Outbound call to' },
  missed: { inbound: 'Missed call from', outbound: 'Unanswered call to' },
  voicemail: { inbound: 'Voicemail from', outbound: 'Voicemail left for' },
  no_answer: { inbound: 'Unanswered call from', outbound: 'Unanswered call to' },
  busy: { inbound: 'Busy: call from', outbound: 'Busy: call to' },
  failed: { inbound: 'Failed call from', outbound: 'Failed call to' },
  canceled: { inbound: 'Canceled call from', outbound: 'Canceled call to' }
};

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Semicolon-separated values that fit a Text(255) field: whole items only. */
function joinedList(values: readonly string[] | undefined, max: number): string | undefined {
  if (!values || values.length === 0) return undefined;
  let out = '';
  for (const value of values) {
    const next = out === '' ? value : `${out}; ${value}`;
    if (next.length > max) break;
    out = next;
  }
  return out === '' ? truncate(values[0] as string, max) : out;
}

function clock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

function humanDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return s === 0 ? `${m} min` : `${m} min ${s} s`;
}

/** Talk time: as pushed, else answered → ended; 0 for a call nobody answered. */
export function callDurationSeconds(call: CallActivity): number | undefined {
  if (call.durationSeconds !== undefined) return call.durationSeconds;
  if (call.answeredAt && call.endedAt) {
    return Math.max(0, Math.round((Date.parse(call.endedAt) - Date.parse(call.answeredAt)) / 1000));
  }
  return call.status === 'completed' ? undefined : 0;
}

function partyLabel(party: CallActivity['from'], phone: NormalisedPhone | undefined): string {
  const number = phone?.e164 ?? party.phone;
  if (party.name && number) return `${party.name} (${number})`;
  return party.name ?? number ?? party.email ?? party.platformContactId ?? 'unknown';
}

export function callSubject(call: CallActivity, counterpartyPhone?: NormalisedPhone, whoName?: string): string {
  const counterparty = call.direction === 'inbound' ? call.from : call.to;
  const who =
    counterparty.name ??
    whoName ??
    counterpartyPhone?.e164 ??
    counterparty.phone ??
    counterparty.email ??
    'unknown caller';
  return truncate(`${SUBJECTS[call.status][call.direction]} ${who}`, FIELD_LENGTHS.subject);
}

export function callDescription(
  call: CallActivity,
  phones: { counterparty?: NormalisedPhone; line?: NormalisedPhone }
): string {
  const fromPhone = call.direction === 'inbound' ? phones.counterparty : undefined;
  const toPhone = call.direction === 'outbound' ? phones.counterparty : undefined;
  const duration = callDurationSeconds(call);
  const lines: string[] = [];
  if (call.summary) lines.push(call.summary, '');
  lines.push(
    [
      `Direction: ${call.direction}`,
      `Status: ${call.status.replace('_', ' ')}`,
      ...(duration !== undefined ? [`Duration: ${humanDuration(duration)}`] : [])
    ].join(' · ')
  );
  lines.push(`From: ${partyLabel(call.from, fromPhone)}`, `To: ${partyLabel(call.to, toPhone)}`);
  if (call.line?.name || call.line?.number) {
    lines.push(`Line: ${[call.line.name, phones.line?.e164 ?? call.line.number].filter(Boolean).join(' ')}`);
  }
  if (call.agent) {
    const agent = [call.agent.name, call.agent.email ? `<${call.agent.email}>` : undefined].filter(Boolean).join(' ');
    if (agent) lines.push(`Agent: ${agent}`);
  }
  if (call.handledBy?.kind === 'ai_agent') {
    lines.push(`Handled by: AI agent${call.handledBy.agentName ? ` (${call.handledBy.agentName})` : ''}`);
  }
  const links: Array<[string, string | undefined]> = [
    ['Recording', call.recordingUrl],
    ['Voicemail', call.voicemailUrl],
    ['Conversation', call.conversationUrl],
    ['Transcript', call.transcriptUrl]
  ];
  for (const [label, url] of links) if (url) lines.push(`${label}: ${url}`);
  if (call.topics?.length) lines.push(`Topics: ${call.topics.join(', ')}`);
  if (call.tags?.length) lines.push(`Tags: ${call.tags.join(', ')}`);
  if (call.highlights?.length) {
    lines.push('', 'Highlights:');
    for (const h of call.highlights) {
      const at = h.atSeconds !== undefined ? `[${clock(h.atSeconds)}] ` : '';
      lines.push(`- ${at}${h.speaker ? `${h.speaker}: ` : ''}${h.text}`);
    }
  }
  if (call.notes) lines.push('', 'Notes:', call.notes);
  if (call.comments?.length) {
    lines.push('', 'Comments:');
    for (const c of call.comments) lines.push(`- ${c.author ? `${c.author}: ` : ''}${c.body}`);
  }
  return truncate(lines.join('\n'), FIELD_LENGTHS.description);
}

const fitsUrlField = (url: string | undefined) => (url && url.length <= FIELD_LENGTHS.url ? url : undefined);

/** The Task fields for one call, keyed by API name. */
export function callTaskRecord(schema: SalesforceSchema, input: CallTaskInput): Record<string, unknown> {
  const { call } = input;
  const f = schema.task.fields;
  const duration = callDurationSeconds(call);
  const counterparty = call.direction === 'inbound' ? call.from : call.to;
  const counterpartyNumber = input.counterpartyPhone?.e164 ?? counterparty.phone;
  const lineNumber = input.linePhone?.e164 ?? call.line?.number;
  const recordingUrl = fitsUrlField(call.recordingUrl) ?? fitsUrlField(call.voicemailUrl);
  const conversationUrl = fitsUrlField(call.conversationUrl);
  const topics = joinedList(call.topics, FIELD_LENGTHS.text);
  const tags = joinedList(call.tags, FIELD_LENGTHS.text);
  const record: Record<string, unknown> = {
    attributes: { type: schema.task.object },
    [f.externalActivityId]: input.externalId,
    [f.subject]: callSubject(call, input.counterpartyPhone, input.whoName),
    [f.description]: callDescription(call, {
      ...(input.counterpartyPhone ? { counterparty: input.counterpartyPhone } : {}),
      ...(input.linePhone ? { line: input.linePhone } : {})
    }),
    [f.status]: TASK_VALUES.status.completed,
    [f.activityDate]: call.startedAt.slice(0, 10),
    [f.callType]: TASK_VALUES.callType[call.direction],
    [f.channel]: call.status === 'voicemail' ? PICKLIST_VALUES.channel.voicemail : PICKLIST_VALUES.channel.call,
    [f.direction]: PICKLIST_VALUES.direction[call.direction],
    [f.callOutcome]: OUTCOMES[call.status][call.direction],
    [f.occurredAt]: new Date(call.startedAt).toISOString(),
    [f.provider]: truncate(call.provider, FIELD_LENGTHS.provider)
  };
  if (duration !== undefined) record[f.callDurationInSeconds] = duration;
  if (input.whoId) record[f.whoId] = input.whoId;
  if (counterpartyNumber) record[f.counterpartyNumber] = truncate(counterpartyNumber, FIELD_LENGTHS.phone);
  if (lineNumber) record[f.lineNumber] = truncate(lineNumber, FIELD_LENGTHS.phone);
  if (recordingUrl) record[f.recordingUrl] = recordingUrl;
  if (conversationUrl) record[f.conversationUrl] = conversationUrl;
  if (call.handledBy) {
    record[f.handledBy] =
      call.handledBy.kind === 'ai_agent' ? PICKLIST_VALUES.handledBy.aiAgent : PICKLIST_VALUES.handledBy.human;
  }
  if (topics) record[f.topics] = topics;
  if (tags) record[f.tags] = tags;
  if (input.includeTaskSubtype) record[f.taskSubtype] = TASK_VALUES.taskSubtype.call;
  return record;
}
