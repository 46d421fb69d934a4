// A realistic day of calls for one sales line, as a phone platform would push them: inbound, outbound, missed and
// voicemail; callers the org knows (Contacts and Leads of the emulator's seeded org, their numbers typed in other
// formats than the org stores) and callers it does not. Used by `npm run demo` and by the worker's tests.
import type { CallActivity } from './schemas.ts';

export interface SampleDayOptions {
  /** YYYY-MM-DD */
  day: string;
  /** Makes the ids unique per run (a demo can run many times). */
  runId: string;
  provider?: string;
}

export interface SampleCall {
  call: CallActivity;
  /** Who the org should find for it (name of the seeded Contact or Lead), or undefined for an unknown caller. */
  expectedWho?: string;
}

export function sampleDayOfCalls(options: SampleDayOptions): SampleCall[] {
  const provider = options.provider ?? 'aircall';
  const at = (time: string) => `${options.day}T${time}Z`;
  const line = { id: 'line-sales-us', name: 'Sales US', number: '+1 415 555 0100' };
  const agent = { email: 'sam.lee@acme.example', name: 'Sam Lee', platformUserId: 'u-118' };
  const id = (n: string) => `${options.runId}-${n}`;
  return [
    {
      expectedWho: 'Jane Doe',
      call: {
        id: id('c1'),
        type: 'call',
        provider,
        direction: 'inbound',
        status: 'completed',
        startedAt: at('09:02:11'),
        answeredAt: at('09:02:19'),
        endedAt: at('09:09:40'),
        durationSeconds: 441,
        from: { phone: '(415) 555-0142' },
        to: { phone: line.number },
        agent,
        line,
        recordingUrl: `https://assets.aircall.example/recordings/${id('c1')}.mp3`,
        conversationUrl: `https://dashboard.aircall.example/calls/${id('c1')}`,
        summary: 'Jane wants to move the rollout to March and asked for a revised quote.',
        topics: ['rollout', 'pricing']
      }
    },
    {
      expectedWho: 'Lena Lopez',
      call: {
        id: id('c2'),
        type: 'call',
        provider,
        direction: 'outbound',
        status: 'completed',
        startedAt: at('10:15:00'),
        answeredAt: at('10:15:12'),
        endedAt: at('10:21:02'),
        durationSeconds: 350,
        from: { phone: line.number },
        to: { phone: '+14155550111', name: 'Lena Lopez' },
        agent,
        line,
        recordingUrl: `https://assets.aircall.example/recordings/${id('c2')}.mp3`
      }
    },
    {
      expectedWho: 'Priya Patel',
      call: {
        id: id('c3'),
        type: 'call',
        provider,
        direction: 'inbound',
        status: 'missed',
        startedAt: at('11:40:05'),
        from: { phone: '+44 20 7946 0958' },
        to: { phone: line.number },
        line
      }
    },
    {
      expectedWho: 'Omar Haddad',
      call: {
        id: id('c4'),
        type: 'call',
        provider,
        direction: 'inbound',
        status: 'voicemail',
        startedAt: at('13:05:30'),
        endedAt: at('13:06:10'),
        from: { phone: '415.555.0187' },
        to: { phone: line.number },
        line,
        voicemailUrl: `https://assets.aircall.example/voicemails/${id('c4')}.mp3`
      }
    },
    {
      call: {
        id: id('c5'),
        type: 'call',
        provider,
        direction: 'inbound',
        status: 'completed',
        startedAt: at('14:30:00'),
        answeredAt: at('14:30:04'),
        endedAt: at('14:32:44'),
        from: { phone: '+1 (212) 555-0199', name: 'Unknown caller' },
        to: { phone: line.number },
        agent,
        line
      }
    },
    {
      expectedWho: 'Tom Nguyen',
      call: {
        id: id('c6'),
        type: 'call',
        provider,
        direction: 'outbound',
        status: 'no_answer',
        startedAt: at('16:45:00'),
        from: { phone: line.number },
        to: { phone: '415 555 0166' },
        agent,
        line
      }
    }
  ];
}
