// Pushes to POST /v1/activities as a platform would (Bearer key, JSON body), timing each request from the first
// byte sent to the whole answer read. Bodies are serialised beforehand, so the time is the service's (and HTTP's).

export interface PushSummary {
  queued: number;
  updated: number;
  duplicate: number;
  rejected: number;
}

export interface TimedPush {
  status: number;
  latencyMs: number;
  summary?: PushSummary;
  /** The answer's text when it was not a 202. */
  error?: string;
}

export async function pushActivities(serviceUrl: string, apiKey: string, body: string): Promise<TimedPush> {
  const started = performance.now();
  const response = await fetch(`${serviceUrl}/v1/activities`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body
  });
  const text = await response.text();
  const latencyMs = performance.now() - started;
  if (response.status !== 202) return { status: response.status, latencyMs, error: text.slice(0, 500) };
  const parsed = JSON.parse(text) as { summary: PushSummary };
  return { status: response.status, latencyMs, summary: parsed.summary };
}

/** Every push must be a 202 accepting each item as `expected`; anything else stops the scenario with the answer. */
export function expectAccepted(push: TimedPush, items: number, expected: keyof PushSummary): void {
  if (push.status !== 202 || !push.summary) {
    throw new Error(`a push was refused: ${push.status} ${push.error ?? ''}`);
  }
  if (push.summary[expected] !== items) {
    throw new Error(`a push of ${items} items came back ${JSON.stringify(push.summary)}, expected all ${expected}`);
  }
}

export function addSummaries(total: PushSummary, push: TimedPush): PushSummary {
  const s = push.summary ?? { queued: 0, updated: 0, duplicate: 0, rejected: 0 };
  return {
    queued: total.queued + s.queued,
    updated: total.updated + s.updated,
    duplicate: total.duplicate + s.duplicate,
    rejected: total.rejected + s.rejected
  };
}

export const EMPTY_SUMMARY: PushSummary = { queued: 0, updated: 0, duplicate: 0, rejected: 0 };

/**
 * Runs `bodies` through `concurrency` clients, each sending its next body when its previous answer is in.
 * Returns each push's result in body order and the wall time of the whole run.
 */
export async function pushAll(
  serviceUrl: string,
  apiKey: string,
  bodies: readonly string[],
  concurrency: number
): Promise<{ pushes: TimedPush[]; wallMs: number }> {
  const pushes: TimedPush[] = new Array<TimedPush>(bodies.length);
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < bodies.length) {
      const index = next++;
      pushes[index] = await pushActivities(serviceUrl, apiKey, bodies[index] as string);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, bodies.length)) }, client));
  return { pushes, wallMs: performance.now() - started };
}
