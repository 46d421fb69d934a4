// One realistic activity of each type, as a platform would push it. Used by tests and as the OpenAPI examples'
// source of truth (the OpenAPI test validates them against the documented schema).
import type { CallActivity, EmailActivity, EngagementActivity, MeetingActivity, MessageActivity } from './schemas.ts';

export const sampleCall: CallActivity = {
  id: 'call-7f3a9c',
  type: 'call',
  provider: 'aircall',
  direction: 'inbound',
  status: 'completed',
  startedAt: '2026-01-15T09:30:00Z',
  answeredAt: '2026-01-15T09:30:07Z',
  endedAt: '2026-01-15T09:34:12Z',
  durationSeconds: 245,
  from: { phone: '+1 (415) 555-0132', name: 'Dana Reyes' },
  to: { phone: '+1 415 555 0100' },
  agent: { email: 'sam.lee@acme.example', name: 'Sam Lee', platformUserId: 'u-118' },
  line: { id: 'line-2', name: 'Sales US', number: '+1 415 555 0100' },
  handledBy: { kind: 'human' },
  recordingUrl: 'https://assets.aircall.example/recordings/7f3a9c.mp3',
  conversationUrl: 'https://dashboard.aircall.example/calls/7f3a9c',
  summary: 'Dana asked about annual pricing for 40 seats; send a quote by Friday.',
  topics: ['pricing', 'renewal'],
  highlights: [{ text: 'We need this live before March.', atSeconds: 95, speaker: 'Dana Reyes' }],
  tags: ['hot-lead'],
  comments: [{ body: 'Follow up with the security questionnaire.', author: 'Sam Lee' }],
  related: { opportunityId: '006000000000001AAA' }
};

export const sampleMessage: MessageActivity = {
  id: 'msg-51c0',
  type: 'message',
  provider: 'quo',
  direction: 'outbound',
  channel: 'sms',
  status: 'delivered',
  sentAt: '2026-01-15T10:02:00Z',
  conversationId: 'conv-88',
  body: 'Hi Dana, the quote is on its way.',
  from: { phone: '+1 415 555 0100' },
  to: { phone: '+1 (415) 555-0132' },
  agent: { email: 'sam.lee@acme.example' },
  line: { number: '+1 415 555 0100' }
};

export const sampleMeeting: MeetingActivity = {
  id: 'mtg-2026-01-16-acme',
  type: 'meeting',
  provider: 'modjo',
  title: 'Acme — pricing review',
  status: 'completed',
  startAt: '2026-01-16T15:00:00+01:00',
  endAt: '2026-01-16T15:45:00+01:00',
  conferenceUrl: 'https://meet.example/acme-pricing',
  organizer: { email: 'sam.lee@acme.example', name: 'Sam Lee' },
  attendees: [{ email: 'dana.reyes@customer.example', name: 'Dana Reyes' }],
  recordingUrl: 'https://app.modjo.example/calls/991/recording',
  transcriptUrl: 'https://app.modjo.example/calls/991/transcript',
  summary: 'Agreed on a 40-seat pilot.',
  topics: ['pilot', 'pricing']
};

export const sampleEmail: EmailActivity = {
  id: 'email-0c1d',
  type: 'email',
  provider: 'modjo',
  direction: 'outbound',
  sentAt: '2026-01-16T17:00:00Z',
  subject: 'Your quote for 40 seats',
  body: 'Hi Dana,\n\nAttached is the quote we discussed.\n\nSam',
  from: { email: 'sam.lee@acme.example', name: 'Sam Lee' },
  to: [{ email: 'dana.reyes@customer.example', name: 'Dana Reyes' }],
  cc: [{ email: 'finance@customer.example' }]
};

export const sampleEngagement: EngagementActivity = {
  id: 'ac-evt-99120',
  type: 'engagement',
  provider: 'activecampaign',
  event: 'campaign_clicked',
  occurredAt: '2026-01-17T08:12:44Z',
  contact: { email: 'dana.reyes@customer.example', platformContactId: 'ac-contact-4411' },
  campaign: { id: '77', name: 'January webinar invite', url: 'https://acme.activehosted.example/campaign/77' },
  clickedUrl: 'https://acme.example/webinar'
};

export const sampleActivities = [sampleCall, sampleMessage, sampleMeeting, sampleEmail, sampleEngagement];
