// The calls the benchmark pushes: a sales team's traffic on one line. Seven in ten callers are people the org knows
// (Contacts and Leads in turn), three in ten are not; directions and outcomes vary as on a real line, and every
// call carries the links and a short summary a platform sends. Deterministic for a given run id and count.
import type { CallActivity } from '../../service/src/activities/schemas.ts';
import type { PersonKind, SeedCounts } from './people.ts';
import { pushedPhone } from './people.ts';

const LINE = { id: 'line-bench', name: 'Sales US', number: '+1 415 555 0100' };
const AGENTS = [
  { email: 'sam.lee@acme.example', name: 'Sam Lee', platformUserId: 'u-118' },
  { email: 'ana.ruiz@acme.example', name: 'Ana Ruiz', platformUserId: 'u-204' },
  { email: 'kofi.mensah@acme.example', name: 'Kofi Mensah', platformUserId: 'u-311' }
];
const STATUSES: Array<CallActivity['status']> = ['completed', 'completed', 'completed', 'missed', 'voicemail'];
const START = Date.UTC(2026, 0, 12, 8, 0, 0);

export interface CallBatchOptions {
  runId: string;
  count: number;
  /** How many Contacts and Leads the org holds (callers are picked among them). */
  people: SeedCounts;
  /** Index of the first call (to make a second, distinct batch). */
  offset?: number;
}

function caller(index: number, people: SeedCounts): { kind: PersonKind; index: number } {
  const slot = index % 10;
  // A large prime stride spreads the picks over the whole org instead of its first records.
  const spread = (index * 7919) >>> 0;
  if (slot < 4 && people.contacts > 0) return { kind: 'contact', index: spread % people.contacts };
  if (slot < 7 && people.leads > 0) return { kind: 'lead', index: spread % people.leads };
  return { kind: 'unknown', index };
}

export function benchCalls(options: CallBatchOptions): CallActivity[] {
  if (!Number.isInteger(options.count) || options.count < 1) {
    throw new Error(`the number of calls must be a whole number of at least 1, got ${options.count}`);
  }
  const offset = options.offset ?? 0;
  return Array.from({ length: options.count }, (_, n): CallActivity => {
    const i = offset + n;
    const id = `${options.runId}-${i}`;
    const who = caller(i, options.people);
    const phone = pushedPhone(who.kind, who.index);
    const direction = i % 3 === 0 ? 'outbound' : 'inbound';
    const status = STATUSES[i % STATUSES.length] as CallActivity['status'];
    const startedAt = new Date(START + i * 37_000);
    const talk = status === 'completed' ? 60 + ((i * 53) % 900) : 0;
    const answeredAt = new Date(startedAt.getTime() + 6_000);
    const customer = { phone };
    const us = { phone: LINE.number };
    return {
      id,
      type: 'call',
      provider: 'aircall',
      direction,
      status,
      startedAt: startedAt.toISOString(),
      ...(status === 'completed'
        ? {
            answeredAt: answeredAt.toISOString(),
            endedAt: new Date(answeredAt.getTime() + talk * 1000).toISOString(),
            durationSeconds: talk,
            recordingUrl: `https://assets.aircall.example/recordings/${id}.mp3`,
            summary: `Discussed the rollout plan and pricing for ${10 + (i % 90)} seats; follow up next week.`
          }
        : {}),
      ...(status === 'voicemail' ? { voicemailUrl: `https://assets.aircall.example/voicemails/${id}.mp3` } : {}),
      from: direction === 'inbound' ? customer : us,
      to: direction === 'inbound' ? us : customer,
      agent: AGENTS[i % AGENTS.length] as (typeof AGENTS)[number],
      line: LINE,
      conversationUrl: `https://dashboard.aircall.example/calls/${id}`
    };
  });
}

/** The same calls with changed content (late data: a new summary and tags), so each becomes a new version. */
export function updatedCalls(calls: readonly CallActivity[]): CallActivity[] {
  return calls.map((call) => ({
    ...call,
    summary: `${call.summary ?? 'Call'} Update: the customer signed the order form.`,
    tags: ['signed']
  }));
}

/** Pushes of at most `size` activities, each serialised once (the bench times the HTTP request, not JSON.stringify). */
export function pushBodies(activities: readonly unknown[], size: number): Array<{ items: number; body: string }> {
  const bodies: Array<{ items: number; body: string }> = [];
  for (let start = 0; start < activities.length; start += size) {
    const slice = activities.slice(start, start + size);
    bodies.push({ items: slice.length, body: JSON.stringify({ activities: slice }) });
  }
  return bodies;
}
