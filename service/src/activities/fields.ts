// Field schemas shared by every activity type: bounded strings, phones, emails, http(s) URLs, date-times and
// Salesforce id hints. Each carries the message a platform engineer sees when a value is refused.
import { z } from 'zod';
import type { HintObject } from './salesforceIds.ts';
import { KEY_PREFIXES, isIdOf } from './salesforceIds.ts';

// Single-line values refuse every control character; long text keeps tabs and line breaks.
const LINE_CONTROL = /[\u0000-\u001f\u007f]/;
const TEXT_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const LIMITS = {
  id: 255,
  name: 255,
  shortText: 255,
  title: 500,
  longText: 32_000,
  phone: 40,
  email: 254,
  url: 2048,
  tag: 100,
  listItems: 50,
  highlights: 100,
  comments: 100,
  people: 200
} as const;

export const line = (max: number) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !LINE_CONTROL.test(value), 'must not contain control characters or line breaks');

export const text = (max: number) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !TEXT_CONTROL.test(value), 'must not contain control characters');

/** The platform's own identifier for something (an activity, a user, a line). */
export const platformId = line(LIMITS.id);

/** Any human format ("+1 (415) 555-0100", "020 7946 0958 ext. 2"); normalising to E.164 is the matcher's job. */
export const phone = z
  .string()
  .max(LIMITS.phone, `must be at most ${LIMITS.phone} characters`)
  .refine((value) => /\d/.test(value), 'must contain digits')
  .refine((value) => !LINE_CONTROL.test(value), 'must not contain control characters or line breaks');

export const email = z
  .email({ message: 'must be an email address' })
  .max(LIMITS.email, `must be at most ${LIMITS.email} characters`);

export const httpUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  .max(LIMITS.url, `must be at most ${LIMITS.url} characters`);

export const dateTime = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-01-15T09:30:00Z'
});

export const seconds = (max: number) =>
  z.number().int('must be a whole number of seconds').min(0, 'must not be negative').max(max, `must be at most ${max}`);

export const list = <T extends z.ZodType>(item: T, max: number) =>
  z.array(item).max(max, `must have at most ${max} items`);

export const salesforceIdOf = (object: HintObject) =>
  z
    .string()
    .refine(
      (value) => isIdOf(object, value),
      `must be a Salesforce ${object} id (15 or 18 characters starting with ${KEY_PREFIXES[object]})`
    );

export const direction = z.enum(['inbound', 'outbound']);

/** Someone on a call, in a conversation or a meeting: at least one way to recognise them. */
export const party = z
  .strictObject({
    name: line(LIMITS.name).optional(),
    phone: phone.optional(),
    email: email.optional(),
    platformContactId: platformId.optional()
  })
  .refine(
    (p) => p.name !== undefined || p.phone !== undefined || p.email !== undefined || p.platformContactId !== undefined,
    'needs at least one of name, phone, email or platformContactId'
  );

/** The platform user who handled the activity; their email maps them to a Salesforce user. */
export const agent = z
  .strictObject({
    email: email.optional(),
    name: line(LIMITS.name).optional(),
    platformUserId: platformId.optional()
  })
  .refine(
    (a) => a.email !== undefined || a.name !== undefined || a.platformUserId !== undefined,
    'needs at least one of email, name or platformUserId'
  );

/** The phone line or shared inbox the activity went through (admins choose which ones log). */
export const lineInfo = z
  .strictObject({
    id: platformId.optional(),
    name: line(LIMITS.name).optional(),
    number: phone.optional()
  })
  .refine(
    (l) => l.id !== undefined || l.name !== undefined || l.number !== undefined,
    'needs at least one of id, name or number'
  );

export const handledBy = z.strictObject({
  kind: z.enum(['human', 'ai_agent']),
  agentName: line(LIMITS.name).optional()
});

/** Records the platform already knows the activity belongs to. */
export const related = z.strictObject({
  accountId: salesforceIdOf('Account').optional(),
  contactId: salesforceIdOf('Contact').optional(),
  leadId: salesforceIdOf('Lead').optional(),
  opportunityId: salesforceIdOf('Opportunity').optional(),
  caseId: salesforceIdOf('Case').optional()
});

export const highlight = z.strictObject({
  text: text(2000),
  /** Seconds from the start of the recording. */
  atSeconds: seconds(7 * 24 * 3600).optional(),
  speaker: line(LIMITS.name).optional()
});

export const comment = z.strictObject({
  body: text(4000),
  author: line(LIMITS.name).optional(),
  createdAt: dateTime.optional()
});

/** Conversation intelligence (Modjo and the like): present on calls, meetings and emails. */
export const insights = {
  summary: text(LIMITS.longText).optional(),
  topics: list(line(LIMITS.shortText), LIMITS.listItems).optional(),
  highlights: list(highlight, LIMITS.highlights).optional(),
  tags: list(line(LIMITS.tag), LIMITS.listItems).optional(),
  comments: list(comment, LIMITS.comments).optional(),
  notes: text(LIMITS.longText).optional()
};

export const campaignRef = z.strictObject({
  id: platformId.optional(),
  name: line(LIMITS.title),
  url: httpUrl.optional()
});
