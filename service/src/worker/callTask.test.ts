import { sampleCall } from '../activities/samples.ts';
import type { CallActivity } from '../activities/schemas.ts';
import { normalisePhone } from '../salesforce/phones.ts';
import { salesforceSchema } from '../salesforce/schema.ts';
import { callDurationSeconds, callSubject, callTaskRecord } from './callTask.ts';

const schema = salesforceSchema('swb');
const phone = (raw: string) => normalisePhone(raw, 'US');

describe('a call as a Task', () => {
  it('carries the standard fields a rep reads and the package fields under the namespace', () => {
    const counterparty = phone(sampleCall.from.phone as string);
    const record = callTaskRecord(schema, {
      call: sampleCall,
      externalId: 'ten_1:call-7f3a9c',
      ...(counterparty ? { counterpartyPhone: counterparty } : {}),
      whoId: '003000000000001AAA',
      includeTaskSubtype: true
    });
    expect(record).toMatchObject({
      attributes: { type: 'Task' },
      swb__External_Activity_Id__c: 'ten_1:call-7f3a9c',
      Subject: 'Inbound call from Dana Reyes',
      Status: 'Completed',
      ActivityDate: '2026-01-15',
      CallType: 'Inbound',
      CallDurationInSeconds: 245,
      WhoId: '003000000000001AAA',
      TaskSubtype: 'Call',
      swb__Channel__c: 'Call',
      swb__Direction__c: 'Inbound',
      swb__Call_Outcome__c: 'Answered',
      swb__Occurred_At__c: '2026-01-15T09:30:00.000Z',
      swb__Counterparty_Number__c: '+14155550132',
      swb__Recording_Url__c: sampleCall.recordingUrl,
      swb__Conversation_Url__c: sampleCall.conversationUrl,
      swb__Provider__c: 'aircall',
      swb__Handled_By__c: 'Human',
      swb__Topics__c: 'pricing; renewal',
      swb__Tags__c: 'hot-lead'
    });
    const description = String(record['Description']);
    expect(description.split('\n')[0]).toBe(sampleCall.summary);
    for (const text of [
      'Direction: inbound · Status: completed · Duration: 4 min 5 s',
      'From: Dana Reyes (+14155550132)',
      'Agent: Sam Lee <sam.lee@acme.example>',
      `Recording: ${sampleCall.recordingUrl}`,
      `Conversation: ${sampleCall.conversationUrl}`,
      '- [1:35] Dana Reyes: We need this live before March.',
      '- Sam Lee: Follow up with the security questionnaire.'
    ]) {
      expect(description).toContain(text);
    }
  });

  it('names the matched Contact or Lead in the subject when the platform sent no name', () => {
    const call: CallActivity = { ...sampleCall, from: { phone: '(415) 555-0142' } };
    const record = callTaskRecord(schema, {
      call,
      externalId: 'x',
      whoId: '003000000000002AAA',
      whoName: 'Jane Doe',
      includeTaskSubtype: false
    });
    expect(record['Subject']).toBe('Inbound call from Jane Doe');
    expect(callSubject(call, phone('(415) 555-0142'))).toBe('Inbound call from +14155550142');
  });

  it('leaves TaskSubtype out when the Task may exist (it is create-only), and WhoId out when nobody matched', () => {
    const record = callTaskRecord(schema, { call: sampleCall, externalId: 'x', includeTaskSubtype: false });
    expect(record).not.toHaveProperty('TaskSubtype');
    expect(record).not.toHaveProperty('WhoId');
  });

  it('keeps the date the call had where it happened', () => {
    const late: CallActivity = { ...sampleCall, startedAt: '2026-01-15T23:30:00-08:00' };
    const record = callTaskRecord(schema, { call: late, externalId: 'x', includeTaskSubtype: false });
    expect(record).toMatchObject({ ActivityDate: '2026-01-15', swb__Occurred_At__c: '2026-01-16T07:30:00.000Z' });
  });

  it('names each call flow in the subject and the outcome', () => {
    const cases: Array<[Partial<CallActivity>, string, string]> = [
      [{ status: 'missed' }, 'Missed call from Dana Reyes', 'Missed'],
      [{ status: 'voicemail' }, 'Voicemail from Dana Reyes', 'Voicemail'],
      [
        { direction: 'outbound', status: 'no_answer', to: { phone: '+1 212 555 0101' } },
        'Unanswered call to +12125550101',
        'No Answer'
      ],
      [{ direction: 'outbound', status: 'busy', to: { name: 'Ops' } }, 'Busy: call to Ops', 'Busy']
    ];
    for (const [change, subject, outcome] of cases) {
      const call = { ...sampleCall, ...change } as CallActivity;
      const counterparty = phone((call.direction === 'inbound' ? call.from.phone : call.to.phone) ?? '');
      expect(callSubject(call, counterparty)).toBe(subject);
      const record = callTaskRecord(schema, { call, externalId: 'x', includeTaskSubtype: false });
      expect(record['swb__Call_Outcome__c']).toBe(outcome);
    }
  });

  it('fits long values into their fields: URLs over 255 stay in the description only, lists keep whole items', () => {
    const longUrl = `https://assets.example/${'r'.repeat(300)}.mp3`;
    const call: CallActivity = {
      ...sampleCall,
      recordingUrl: longUrl,
      topics: Array.from({ length: 40 }, (_, i) => `topic number ${i}`)
    };
    const record = callTaskRecord(schema, { call, externalId: 'x', includeTaskSubtype: false });
    expect(record).not.toHaveProperty('swb__Recording_Url__c');
    expect(String(record['Description'])).toContain(`Recording: ${longUrl}`);
    const topics = String(record['swb__Topics__c']);
    expect(topics.length).toBeLessThanOrEqual(255);
    expect(topics.split('; ').every((t) => /^topic number \d+$/.test(t))).toBe(true);
    const huge: CallActivity = { ...sampleCall, summary: 'x'.repeat(32_000) };
    expect(
      String(callTaskRecord(schema, { call: huge, externalId: 'x', includeTaskSubtype: false })['Description']).length
    ).toBe(32_000);
  });

  it('measures talk time as pushed, else from answer to end, and 0 for a call nobody answered', () => {
    expect(callDurationSeconds(sampleCall)).toBe(245);
    const { durationSeconds: _ignored, ...withoutDuration } = sampleCall;
    expect(callDurationSeconds(withoutDuration as CallActivity)).toBe(245);
    expect(
      callDurationSeconds({
        ...withoutDuration,
        status: 'missed',
        answeredAt: undefined,
        endedAt: undefined
      } as CallActivity)
    ).toBe(0);
  });
});
