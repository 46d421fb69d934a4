// The canonical activity: what a platform pushes to POST /v1/activities, one strict schema per type, discriminated
// on `type`. Unknown fields are refused (a typo never silently drops data). Everything the logging features in
// DESIGN.md need is here: who (parties, agent, line), what happened (status, direction, times), the links
// (recording, voicemail, conversation, transcript), conversation intelligence and hints to Salesforce records.
import { z } from 'zod';
import {
  LIMITS,
  agent,
  campaignRef,
  dateTime,
  direction,
  email,
  handledBy,
  httpUrl,
  insights,
  line,
  lineInfo,
  list,
  party,
  platformId,
  related,
  seconds,
  text
} from './fields.ts';

const DAY = 24 * 3600;

const common = {
  /** The platform's id for this activity; pushing it again updates the same activity. */
  id: platformId,
  /** The platform it comes from (aircall, quo, modjo, activecampaign, …). */
  provider: line(80),
  related: related.optional(),
  tags: insights.tags
};

function notBefore(later: string | undefined, earlier: string | undefined): boolean {
  return later === undefined || earlier === undefined || Date.parse(later) >= Date.parse(earlier);
}

export const CALL_STATUSES = ['completed', 'missed', 'voicemail', 'no_answer', 'busy', 'failed', 'canceled'] as const;

export const callActivity = z
  .strictObject({
    ...common,
    type: z.literal('call'),
    direction,
    /** How the call went: answered and completed, missed, sent to voicemail, … */
    status: z.enum(CALL_STATUSES),
    startedAt: dateTime,
    answeredAt: dateTime.optional(),
    endedAt: dateTime.optional(),
    durationSeconds: seconds(2 * DAY).optional(),
    from: party,
    to: party,
    agent: agent.optional(),
    line: lineInfo.optional(),
    handledBy: handledBy.optional(),
    recordingUrl: httpUrl.optional(),
    voicemailUrl: httpUrl.optional(),
    conversationUrl: httpUrl.optional(),
    transcriptUrl: httpUrl.optional(),
    ...insights
  })
  .superRefine((call, ctx) => {
    if (!notBefore(call.answeredAt, call.startedAt)) {
      ctx.addIssue({ code: 'custom', path: ['answeredAt'], message: 'must not be before startedAt' });
    }
    if (!notBefore(call.endedAt, call.startedAt)) {
      ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'must not be before startedAt' });
    } else if (!notBefore(call.endedAt, call.answeredAt)) {
      ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'must not be before answeredAt' });
    }
  });

export const messageActivity = z
  .strictObject({
    ...common,
    type: z.literal('message'),
    direction,
    channel: z.enum(['sms', 'mms', 'whatsapp', 'chat', 'other']).optional(),
    status: z.enum(['sent', 'delivered', 'received', 'failed']).optional(),
    sentAt: dateTime,
    /** Messages of one conversation are grouped (one-hour windows) when logged. */
    conversationId: platformId.optional(),
    body: text(LIMITS.longText).optional(),
    mediaUrls: list(httpUrl, 20).optional(),
    from: party,
    to: party,
    agent: agent.optional(),
    line: lineInfo.optional(),
    handledBy: handledBy.optional(),
    conversationUrl: httpUrl.optional()
  })
  .refine((m) => m.body !== undefined || (m.mediaUrls?.length ?? 0) > 0, {
    path: ['body'],
    message: 'is required when the message has no mediaUrls'
  });

export const meetingActivity = z
  .strictObject({
    ...common,
    type: z.literal('meeting'),
    title: line(LIMITS.title),
    status: z.enum(['scheduled', 'completed', 'canceled', 'no_show']).optional(),
    startAt: dateTime,
    endAt: dateTime.optional(),
    durationSeconds: seconds(7 * DAY).optional(),
    location: line(LIMITS.title).optional(),
    conferenceUrl: httpUrl.optional(),
    organizer: party.optional(),
    attendees: list(party, LIMITS.people).optional(),
    agent: agent.optional(),
    recordingUrl: httpUrl.optional(),
    conversationUrl: httpUrl.optional(),
    transcriptUrl: httpUrl.optional(),
    ...insights
  })
  .refine((m) => notBefore(m.endAt, m.startAt), { path: ['endAt'], message: 'must not be before startAt' });

const emailParty = z.strictObject({ email, name: line(LIMITS.name).optional() });

export const emailActivity = z.strictObject({
  ...common,
  type: z.literal('email'),
  direction,
  sentAt: dateTime,
  subject: line(LIMITS.title),
  body: text(LIMITS.longText).optional(),
  threadId: platformId.optional(),
  from: emailParty,
  to: list(emailParty, LIMITS.people).min(1, 'must have at least 1 item'),
  cc: list(emailParty, LIMITS.people).optional(),
  agent: agent.optional(),
  conversationUrl: httpUrl.optional(),
  ...insights
});

export const ENGAGEMENT_EVENTS = [
  'campaign_sent',
  'campaign_opened',
  'campaign_clicked',
  'campaign_replied',
  'campaign_bounced',
  'unsubscribed',
  'automation_entered',
  'automation_completed',
  'site_visit',
  'custom_event'
] as const;

export const engagementActivity = z
  .strictObject({
    ...common,
    type: z.literal('engagement'),
    event: z.enum(ENGAGEMENT_EVENTS),
    occurredAt: dateTime,
    /** The Lead or Contact the event is about. */
    contact: party,
    campaign: campaignRef.optional(),
    automation: campaignRef.optional(),
    clickedUrl: httpUrl.optional(),
    replyBody: text(LIMITS.longText).optional(),
    bounceReason: line(LIMITS.title).optional(),
    pageUrl: httpUrl.optional(),
    customEventName: line(LIMITS.shortText).optional(),
    /** A link to the event in the platform. */
    conversationUrl: httpUrl.optional()
  })
  .superRefine((e, ctx) => {
    const require = (field: keyof typeof e, when: string) => {
      if (e[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `is required for ${when}` });
    };
    if (e.event.startsWith('campaign_')) require('campaign', `event ${e.event}`);
    if (e.event.startsWith('automation_')) require('automation', `event ${e.event}`);
    if (e.event === 'campaign_clicked') require('clickedUrl', 'event campaign_clicked');
    if (e.event === 'site_visit') require('pageUrl', 'event site_visit');
    if (e.event === 'custom_event') require('customEventName', 'event custom_event');
  });

export const ACTIVITY_TYPES = ['call', 'message', 'meeting', 'email', 'engagement'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const activitySchemas = {
  call: callActivity,
  message: messageActivity,
  meeting: meetingActivity,
  email: emailActivity,
  engagement: engagementActivity
} as const;

export const activity = z.discriminatedUnion('type', [
  callActivity,
  messageActivity,
  meetingActivity,
  emailActivity,
  engagementActivity
]);

export type CallActivity = z.infer<typeof callActivity>;
export type MessageActivity = z.infer<typeof messageActivity>;
export type MeetingActivity = z.infer<typeof meetingActivity>;
export type EmailActivity = z.infer<typeof emailActivity>;
export type EngagementActivity = z.infer<typeof engagementActivity>;
export type Activity = z.infer<typeof activity>;
