// `npm run demo`: pushes a sample day of calls to the running service with the demo key, waits until each is
// processed, then reads what landed in the local org through jsforce (as the org's admin, with the local connected
// app's client credentials) and prints it.
import { Connection, OAuth2 } from 'jsforce';
import { SEEDED_CONNECTED_APP } from '@switchboard/org-emulator';
import { externalActivityId } from '../../service/src/activities/externalActivityId.ts';
import { sampleDayOfCalls } from '../../service/src/activities/sampleDay.ts';
import { tasksByExternalIds } from '../../service/src/salesforce/queryText.ts';
import { salesforceSchema } from '../../service/src/salesforce/schema.ts';

export interface DemoOptions {
  serviceUrl: string;
  orgUrl: string;
  demoKey: string;
  tenantId: string;
  print: (line: string) => void;
  /** YYYY-MM-DD; today by default. */
  day?: string;
  timeoutMs?: number;
}

export interface DemoTask {
  activityId: string;
  status: string;
  subject: string;
  who: string;
  callType: string;
  durationSeconds: number | null;
}

const FINAL = new Set(['logged', 'skipped', 'failed']);

async function activityStatus(
  options: DemoOptions,
  id: string
): Promise<{ status: string; lastError?: { code: string; message: string } }> {
  const response = await fetch(`${options.serviceUrl}/v1/activities/${encodeURIComponent(id)}`, {
    headers: { authorization: `Bearer ${options.demoKey}` }
  });
  if (response.status !== 200) throw new Error(`status of ${id}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { status: string; lastError?: { code: string; message: string } };
}

function pad(text: string, width: number): string {
  return text.length >= width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

export async function runDemo(options: DemoOptions): Promise<DemoTask[]> {
  const day = options.day ?? new Date().toISOString().slice(0, 10);
  const runId = `demo-${Date.now().toString(36)}`;
  const calls = sampleDayOfCalls({ day, runId }).map((s) => s.call);

  const pushed = await fetch(`${options.serviceUrl}/v1/activities`, {
    method: 'POST',
    headers: { authorization: `Bearer ${options.demoKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ activities: calls })
  });
  if (pushed.status !== 202) throw new Error(`the push was refused: ${pushed.status} ${await pushed.text()}`);
  const summary = ((await pushed.json()) as { summary: Record<string, number> }).summary;
  options.print(`Pushed ${calls.length} calls of ${day}: ${JSON.stringify(summary)}. Waiting for the worker…`);

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  const statuses = new Map<string, { status: string; lastError?: { code: string; message: string } }>();
  for (;;) {
    for (const call of calls) statuses.set(call.id, await activityStatus(options, call.id));
    if ([...statuses.values()].every((s) => FINAL.has(s.status))) break;
    if (Date.now() > deadline) {
      throw new Error(
        `not all calls were processed in time: ${[...statuses].map(([id, s]) => `${id}=${s.status}`).join(', ')}`
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  const token = await new OAuth2({
    loginUrl: options.orgUrl,
    clientId: SEEDED_CONNECTED_APP.clientId,
    clientSecret: SEEDED_CONNECTED_APP.clientSecret
  }).requestToken({ grant_type: 'client_credentials' });
  const conn = new Connection({ instanceUrl: token.instance_url, accessToken: token.access_token, version: '67.0' });
  const schema = salesforceSchema('');
  const byExternalId = new Map(calls.map((c) => [externalActivityId(options.tenantId, c.id), c.id]));
  const result = await conn.query<Record<string, unknown>>(
    tasksByExternalIds(
      schema,
      [...byExternalId.keys()],
      ['externalActivityId', 'subject', 'Who.Name', 'callType', 'callDurationInSeconds']
    )
  );
  const tasks: DemoTask[] = result.records.map((record) => {
    const activityId = byExternalId.get(String(record[schema.task.fields.externalActivityId])) ?? '?';
    const who = record['Who'] as { Name?: string } | null;
    return {
      activityId,
      status: statuses.get(activityId)?.status ?? '?',
      subject: String(record[schema.task.fields.subject] ?? ''),
      who: who?.Name ?? '(no match)',
      callType: String(record[schema.task.fields.callType] ?? ''),
      durationSeconds: (record[schema.task.fields.callDurationInSeconds] as number | null) ?? null
    };
  });

  options.print(`\nTasks in the org (${options.orgUrl}):`);
  options.print(`${pad('Subject', 44)} ${pad('Who', 16)} ${pad('Type', 9)} Duration`);
  for (const task of tasks) {
    const duration = task.durationSeconds === null ? '-' : `${task.durationSeconds} s`;
    options.print(`${pad(task.subject, 44)} ${pad(task.who, 16)} ${pad(task.callType, 9)} ${duration}`);
  }
  const notLogged = [...statuses].filter(([, s]) => s.status !== 'logged');
  for (const [id, s] of notLogged) {
    options.print(`${id}: ${s.status}${s.lastError ? ` (${s.lastError.code}: ${s.lastError.message})` : ''}`);
  }
  return tasks;
}
