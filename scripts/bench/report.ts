// The figures as tables: one or more per scenario, each row one engine (and one push size or phase).
import { NAIVE_CALLS_PER_ACTIVITY } from './apiCalls.ts';
import type { IntakeResult } from './scenarios/intake.ts';
import type { PipelineResult } from './scenarios/pipeline.ts';
import type { RepushResult } from './scenarios/repush.ts';
import type { ScenarioResult } from './scenarios/index.ts';
import { ENGINE_LABELS } from './stack.ts';
import type { Table } from './table.ts';
import { formatMegabytes, formatNumber, formatSeconds } from './table.ts';

const left = (header: string) => ({ header, align: 'left' as const });
const right = (header: string) => ({ header });
const ms = (value: number) => formatNumber(value, 1);
const times = (value: number | null) => (value === null ? 'n/a (0 calls)' : `${formatNumber(value, 1)}×`);

export function intakeTable(results: IntakeResult[]): Table {
  const concurrency = results[0]?.rows[0]?.concurrency ?? 0;
  return {
    title: `intake — POST /v1/activities into the durable inbox (worker off), ${concurrency} clients at once`,
    columns: [
      left('engine'),
      right('items/push'),
      right('pushes'),
      right('items'),
      right('accepted items/s'),
      right('pushes/s'),
      right('p50 ms'),
      right('p95 ms'),
      right('p99 ms'),
      right('max ms')
    ],
    rows: results.flatMap((result) =>
      result.rows.map((row) => [
        ENGINE_LABELS[row.engine],
        formatNumber(row.itemsPerPush),
        formatNumber(row.pushes),
        formatNumber(row.items),
        formatNumber(row.acceptedItemsPerSecond),
        formatNumber(row.pushesPerSecond, 1),
        ms(row.latency.p50Ms),
        ms(row.latency.p95Ms),
        ms(row.latency.p99Ms),
        ms(row.latency.maxMs)
      ])
    ),
    notes: ['latency: one request, sent to answer read; every accepted push is committed before its 202']
  };
}

/** A Developer Edition org's daily allowance, and the service's default share of it (WORKER_API_BUDGET_SHARE). */
const DAILY_ALLOWANCE = 15_000;
const DEFAULT_SHARE = 0.5;

/** What the cost means for a small org: activities a day within the service's share, ours and naive. */
export function allowanceNote(callsPerHundred: number): string {
  const budget = DAILY_ALLOWANCE * DEFAULT_SHARE;
  const ours = Math.floor((budget * 100) / callsPerHundred);
  const naive = Math.floor(budget / NAIVE_CALLS_PER_ACTIVITY);
  return (
    `within ${formatNumber(DEFAULT_SHARE * 100)} % of a ${formatNumber(DAILY_ALLOWANCE)}-call daily allowance: ` +
    `about ${formatNumber(ours)} activities a day at this cost, ${formatNumber(naive)} the naive way`
  );
}

export function pipelineTables(results: PipelineResult[]): Table[] {
  const first = results[0];
  const worker = first?.worker;
  const people = first?.org.people ?? 0;
  const throughput: Table = {
    title:
      `pipeline — ${formatNumber(first?.calls ?? 0)} calls, HTTP push → inbox → worker → jsforce → org ` +
      `(${formatNumber(people)} Contacts/Leads to match; worker batch ${worker?.batchSize}, ` +
      `wait ${worker?.batchWaitMs} ms)`,
    columns: [
      left('engine'),
      right('calls'),
      right('logged'),
      right('failed'),
      right('wall s'),
      right('pushing s'),
      right('logged/s'),
      right('to logged p50 s'),
      right('p95 s'),
      right('max s'),
      right('matched to a person')
    ],
    rows: results.map((r) => [
      ENGINE_LABELS[r.engine],
      formatNumber(r.calls),
      formatNumber(r.outcomes['logged'] ?? 0),
      formatNumber(r.outcomes['failed'] ?? 0),
      formatSeconds(r.wallMs),
      formatSeconds(r.pushWallMs),
      formatNumber(r.loggedPerSecond, 1),
      formatSeconds(r.timeToLogged.p50Ms),
      formatSeconds(r.timeToLogged.p95Ms),
      formatSeconds(r.timeToLogged.maxMs),
      `${formatNumber(r.org.withWho)} of ${formatNumber(r.org.tasks)} Tasks`
    ]),
    notes: [
      'wall: first push sent → every call logged; to logged: push accepted → Task written, per call (sampled)',
      'seven in ten callers are in the org (Contacts and Leads, numbers typed in other formats); three in ten are not'
    ]
  };
  const kinds = [...new Set(results.flatMap((r) => Object.keys(r.apiCalls.byKind)))].sort();
  const cost: Table = {
    title: 'pipeline — Salesforce API calls (charged to the org’s daily allowance, from the org’s request log)',
    columns: [
      left('engine'),
      right('activities'),
      right('API calls'),
      ...kinds.map(right),
      right('per 100 activities'),
      right('naive (2/activity)'),
      right('naive ÷ ours'),
      right('service’s own count')
    ],
    rows: results.map((r) => [
      ENGINE_LABELS[r.engine],
      formatNumber(r.outcomes['logged'] ?? 0),
      formatNumber(r.apiCalls.counted),
      ...kinds.map((kind) => formatNumber(r.apiCalls.byKind[kind] ?? 0)),
      formatNumber(r.cost.perHundredActivities, 2),
      formatNumber(r.cost.naiveCalls),
      times(r.cost.timesFewerThanNaive),
      formatNumber(r.serviceCountedCalls)
    ]),
    notes: [
      'naive: an integration that spends one search and one write per activity',
      ...(first && first.cost.perHundredActivities > 0 ? [allowanceNote(first.cost.perHundredActivities)] : [])
    ]
  };
  const memory: Table = {
    title: 'memory — this process over the pipeline scenario (service + worker + pushing client; the org runs apart)',
    columns: [
      left('engine'),
      right('RSS before MB'),
      right('peak RSS MB'),
      right('RSS growth MB'),
      right('heap used before MB'),
      right('peak heap used MB'),
      right('peak heap total MB'),
      right('samples')
    ],
    rows: results.map((r) => [
      ENGINE_LABELS[r.engine],
      formatMegabytes(r.memory.baseline.rssBytes),
      formatMegabytes(r.memory.peak.rssBytes),
      formatMegabytes(r.memory.peak.rssBytes - r.memory.baseline.rssBytes),
      formatMegabytes(r.memory.baseline.heapUsedBytes),
      formatMegabytes(r.memory.peak.heapUsedBytes),
      formatMegabytes(r.memory.peak.heapTotalBytes),
      formatNumber(r.memory.samples)
    ]),
    notes: [
      `process.memoryUsage() every ${first?.memory.intervalMs ?? 0} ms from the first push to the last call logged`
    ]
  };
  return [throughput, cost, memory];
}

export function repushTable(results: RepushResult[]): Table {
  return {
    title: 're-push — the same calls pushed again: unchanged (duplicates), then with new content (updates)',
    columns: [
      left('engine'),
      left('phase'),
      right('items'),
      left('accepted as'),
      right('API calls'),
      right('per 100 items'),
      right('naive ÷ ours'),
      right('wall s'),
      right('Tasks in org')
    ],
    rows: results.flatMap((result) =>
      result.rows.map((row) => [
        ENGINE_LABELS[result.engine],
        row.phase,
        formatNumber(row.items),
        Object.entries(row.accepted)
          .filter(([, n]) => n > 0)
          .map(([status, n]) => `${formatNumber(n)} ${status}`)
          .join(', '),
        formatNumber(row.apiCalls),
        formatNumber(row.cost.perHundredActivities, 2),
        times(row.cost.timesFewerThanNaive),
        formatSeconds(row.wallMs),
        formatNumber(result.tasksInOrg)
      ])
    ),
    notes: [
      'duplicates: the org is watched for longer than the worker takes to pick up a batch',
      'updates: each Task is updated in place by its External Activity ID (no second Task)'
    ]
  };
}

/** The tables of one scenario's results (all engines). */
export function scenarioTables(results: ScenarioResult[]): Table[] {
  const intake = results.filter((r): r is IntakeResult => r.scenario === 'intake');
  const pipeline = results.filter((r): r is PipelineResult => r.scenario === 'pipeline');
  const repush = results.filter((r): r is RepushResult => r.scenario === 'repush');
  return [
    ...(intake.length > 0 ? [intakeTable(intake)] : []),
    ...(pipeline.length > 0 ? pipelineTables(pipeline) : []),
    ...(repush.length > 0 ? [repushTable(repush)] : [])
  ];
}
