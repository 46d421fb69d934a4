import { z } from 'zod';
import { INSTANT_FIELD, activityContentHash, canonicalJson, contentHash } from './contentHash.ts';
import { dateTime } from './fields.ts';
import { activitySchemas } from './schemas.ts';
import { isSalesforceId } from './salesforceIds.ts';
import { sampleActivities, sampleCall, sampleEngagement, sampleMessage } from './samples.ts';
import { MAX_ACTIVITIES_PER_PUSH, validateActivityBatch } from './validateBatch.ts';

/** The field errors for one activity pushed alone (or undefined when it is accepted). */
function errorsFor(activity: unknown) {
  const result = validateActivityBatch({ activities: [activity] });
  if (!result.ok) throw new Error(`envelope refused: ${JSON.stringify(result)}`);
  const [item] = result.items;
  return item?.ok ? undefined : item?.errors;
}

describe('validating a push', () => {
  it('accepts one sample of every activity type', () => {
    const result = validateActivityBatch({ activities: sampleActivities });
    expect(result.ok && result.items.map((i) => [i.index, i.ok])).toEqual([
      [0, true],
      [1, true],
      [2, true],
      [3, true],
      [4, true]
    ]);
  });

  it('refuses a body that is not an object with a non-empty activities array, naming the problem', () => {
    expect(validateActivityBatch([])).toEqual({
      ok: false,
      reason: 'invalid_body',
      errors: [{ path: '', message: 'must be a JSON object with an activities array' }]
    });
    expect(validateActivityBatch({})).toEqual({
      ok: false,
      reason: 'invalid_body',
      errors: [{ path: 'activities', message: 'is required' }]
    });
    expect(validateActivityBatch({ activities: 'call' })).toEqual({
      ok: false,
      reason: 'invalid_body',
      errors: [{ path: 'activities', message: 'must be an array' }]
    });
    expect(validateActivityBatch({ activities: [], extra: 1 })).toEqual({
      ok: false,
      reason: 'invalid_body',
      errors: [
        { path: 'activities', message: 'must have at least 1 item' },
        { path: 'extra', message: 'is not a known field' }
      ]
    });
  });

  it(`refuses more than ${MAX_ACTIVITIES_PER_PUSH} activities as too many`, () => {
    const activities = Array.from({ length: MAX_ACTIVITIES_PER_PUSH + 1 }, (_, i) => ({ ...sampleCall, id: `c${i}` }));
    expect(validateActivityBatch({ activities })).toEqual({ ok: false, reason: 'too_many_items', count: 501 });
    expect(validateActivityBatch({ activities: activities.slice(1) }).ok).toBe(true);
  });

  it('validates each activity on its own: the good ones pass, each bad one carries its own paths', () => {
    const result = validateActivityBatch({
      activities: [sampleCall, { ...sampleCall, id: 'c2', from: { phone: 'no digits here' } }, 'not an object']
    });
    expect(result.ok && result.items).toEqual([
      { index: 0, ok: true, activity: sampleCall, contentHash: activityContentHash(sampleCall) },
      { index: 1, ok: false, id: 'c2', errors: [{ path: 'activities[1].from.phone', message: 'must contain digits' }] },
      { index: 2, ok: false, id: null, errors: [{ path: 'activities[2]', message: 'must be an object' }] }
    ]);
  });
});

describe('the canonical activity schemas', () => {
  it('refuse unknown fields, at any depth, by name', () => {
    expect(errorsFor({ ...sampleCall, colour: 'red', from: { ...sampleCall.from, nickname: 'D' } })).toEqual([
      { path: 'activities[0].from.nickname', message: 'is not a known field' },
      { path: 'activities[0].colour', message: 'is not a known field' }
    ]);
  });

  it('refuse a missing or unknown type', () => {
    const { type: _type, ...untyped } = sampleCall;
    expect(errorsFor(untyped)).toEqual([{ path: 'activities[0].type', message: 'is required' }]);
    expect(errorsFor({ ...sampleCall, type: 'fax' })).toEqual([
      { path: 'activities[0].type', message: 'must be one of: call, message, meeting, email, engagement' }
    ]);
  });

  it('refuse wrong types and missing required fields', () => {
    const { startedAt: _startedAt, ...noStart } = sampleCall;
    expect(errorsFor({ ...noStart, durationSeconds: '245', direction: 'sideways' })).toEqual([
      { path: 'activities[0].direction', message: 'must be one of: inbound, outbound' },
      { path: 'activities[0].startedAt', message: 'is required' },
      { path: 'activities[0].durationSeconds', message: 'must be a number' }
    ]);
  });

  it('take phones in any human format that has digits and at most 40 characters', () => {
    expect(errorsFor({ ...sampleCall, from: { phone: '020 7946 0958 ext. 12' } })).toBeUndefined();
    expect(errorsFor({ ...sampleCall, from: { phone: '1-800-FLOWERS' } })).toBeUndefined();
    expect(errorsFor({ ...sampleCall, from: { phone: '+1'.padEnd(41, '5') } })).toEqual([
      { path: 'activities[0].from.phone', message: 'must be at most 40 characters' }
    ]);
    expect(errorsFor({ ...sampleCall, from: { phone: '' } })).toEqual([
      { path: 'activities[0].from.phone', message: 'must contain digits' }
    ]);
  });

  it('accept injection-shaped text that meets the rules as plain data, and refuse what breaks them', () => {
    const hostile = {
      ...sampleCall,
      from: { phone: "+1 555' OR '1'='1", name: "Robert'); DELETE FROM Contact; --", email: "o'brien@example.com" },
      to: { name: 'FIND {x} IN ALL FIELDS RETURNING Contact' }
    };
    expect(errorsFor(hostile)).toBeUndefined();
    expect(errorsFor({ ...sampleCall, from: { email: "x' OR '1'='1@evil.example" } })).toEqual([
      { path: 'activities[0].from.email', message: 'must be an email address' }
    ]);
    expect(errorsFor({ ...sampleCall, from: { name: 'line\nbreak' } })).toEqual([
      { path: 'activities[0].from.name', message: 'must not contain control characters or line breaks' }
    ]);
  });

  it('take only http(s) links', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://files.example/x', 'not a url']) {
      expect(errorsFor({ ...sampleCall, recordingUrl: url })).toEqual([
        { path: 'activities[0].recordingUrl', message: 'must be an http(s) URL' }
      ]);
    }
  });

  it('take Salesforce hints only as ids of the right object, with a valid checksum', () => {
    expect(
      errorsFor({ ...sampleCall, related: { caseId: '500000000000001', accountId: '001000000000001AAA' } })
    ).toBeUndefined();
    expect(
      errorsFor({ ...sampleCall, related: { caseId: '006000000000001AAA', accountId: '001000000000001AAB' } })
    ).toEqual([
      {
        path: 'activities[0].related.accountId',
        message: 'must be a Salesforce Account id (15 or 18 characters starting with 001)'
      },
      {
        path: 'activities[0].related.caseId',
        message: 'must be a Salesforce Case id (15 or 18 characters starting with 500)'
      }
    ]);
    expect(isSalesforceId('001000000000001AAA')).toBe(true);
    expect(isSalesforceId('001000000000001aaa')).toBe(false);
    expect(isSalesforceId("001' OR Id != '")).toBe(false);
  });

  it('keep call times in order', () => {
    expect(errorsFor({ ...sampleCall, endedAt: '2026-01-15T09:29:00Z' })).toEqual([
      { path: 'activities[0].endedAt', message: 'must not be before startedAt' }
    ]);
    expect(errorsFor({ ...sampleCall, startedAt: '2026-01-15 09:30' })).toEqual([
      {
        path: 'activities[0].startedAt',
        message: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-01-15T09:30:00Z'
      }
    ]);
  });

  it('require what each engagement event needs', () => {
    const { clickedUrl: _clicked, ...noClick } = sampleEngagement;
    expect(errorsFor(noClick)).toEqual([
      { path: 'activities[0].clickedUrl', message: 'is required for event campaign_clicked' }
    ]);
    expect(
      errorsFor({ ...sampleEngagement, event: 'custom_event', campaign: undefined, clickedUrl: undefined })
    ).toEqual([{ path: 'activities[0].customEventName', message: 'is required for event custom_event' }]);
    expect(
      errorsFor({
        id: 'e1',
        type: 'engagement',
        provider: 'ac',
        event: 'unsubscribed',
        occurredAt: '2026-01-17T08:00:00Z',
        contact: { email: 'a@b.example' }
      })
    ).toBeUndefined();
  });

  it('need a body or media on a message, and some way to recognise each party', () => {
    const { body: _body, ...noBody } = sampleMessage;
    expect(errorsFor(noBody)).toEqual([
      { path: 'activities[0].body', message: 'is required when the message has no mediaUrls' }
    ]);
    expect(errorsFor({ ...sampleMessage, to: {} })).toEqual([
      { path: 'activities[0].to', message: 'needs at least one of name, phone, email or platformContactId' }
    ]);
  });

  it('bound string lengths and list sizes', () => {
    expect(
      errorsFor({ ...sampleCall, summary: 'x'.repeat(32_001), tags: Array.from({ length: 51 }, (_, i) => `t${i}`) })
    ).toEqual([
      { path: 'activities[0].tags', message: 'must have at most 50 items' },
      { path: 'activities[0].summary', message: 'must be at most 32000 characters' }
    ]);
  });
});

describe('content hashing', () => {
  it('ignores key order but not values', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
  });

  it('when an activity is pushed again with the same instants written in another offset or precision, then its hash is the same', () => {
    const first = { ...sampleCall, startedAt: '2026-01-15T17:30:00Z', endedAt: '2026-01-15T17:37:21Z' };
    const sameMoments = {
      ...sampleCall,
      startedAt: '2026-01-15T09:30:00-08:00',
      endedAt: '2026-01-15T18:37:21.000+01:00'
    };
    const laterStart = { ...first, startedAt: '2026-01-15T17:30:01Z' };
    expect(activityContentHash(sameMoments)).toBe(activityContentHash(first));
    expect(activityContentHash(laterStart)).not.toBe(activityContentHash(first));
    // Only date-times are read as instants: another field with the same text is compared as text.
    expect(activityContentHash({ ...first, summary: '2026-01-15T17:30:00Z' })).not.toBe(
      activityContentHash({ ...first, summary: '2026-01-15T09:30:00-08:00' })
    );
  });

  it('every date-time field of every activity type is named …At, and no other field is (the hash relies on it)', () => {
    const dateTimes: string[] = [];
    const namedAt: string[] = [];
    const walk = (schema: unknown, path: string): void => {
      let inner = schema;
      while (inner instanceof z.ZodOptional) inner = inner.unwrap();
      if (inner === dateTime) dateTimes.push(path);
      if (inner instanceof z.ZodArray) walk(inner.element, path);
      if (inner instanceof z.ZodObject) {
        for (const [key, field] of Object.entries(inner.shape as Record<string, unknown>)) {
          if (INSTANT_FIELD.test(key)) namedAt.push(`${path}.${key}`);
          walk(field, `${path}.${key}`);
        }
      }
    };
    for (const [type, schema] of Object.entries(activitySchemas)) walk(schema, type);
    expect(namedAt.sort()).toEqual(dateTimes.sort());
    const found = dateTimes;
    expect(found.sort()).toEqual(
      [
        'call.answeredAt',
        'call.comments.createdAt',
        'call.endedAt',
        'call.startedAt',
        'email.comments.createdAt',
        'email.sentAt',
        'engagement.occurredAt',
        'meeting.comments.createdAt',
        'meeting.endAt',
        'meeting.startAt',
        'message.sentAt'
      ].sort()
    );
  });
});
