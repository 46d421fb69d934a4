// A benchmark run: every chosen scenario on every chosen engine, each in a fresh process; the tables printed as
// each scenario finishes, and everything written as JSON at the end. A scenario that fails is reported and the
// others still run.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchOptions } from './options.ts';
import type { BenchProfile } from './profile.ts';
import { scenarioTables } from './report.ts';
import { runScenarioInProcess } from './runScenario.ts';
import type { ScenarioName, ScenarioResult } from './scenarios/index.ts';
import { ENGINE_LABELS, redactUrl, serviceConfig } from './stack.ts';
import type { EngineName } from './stack.ts';
import { renderTable } from './table.ts';

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  totalMemoryMb: number;
  node: string;
  platform: string;
}

export interface BenchFailure {
  scenario: ScenarioName;
  engine: EngineName;
  error: string;
}

export interface BenchReport {
  /** True when the run was stopped (Ctrl-C) before every scenario ran. */
  interrupted: boolean;
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  profile: BenchProfile;
  engines: EngineName[];
  scenarios: ScenarioName[];
  serviceEnv: Record<string, string>;
  results: ScenarioResult[];
  failures: BenchFailure[];
}

export interface BenchRun {
  report: BenchReport;
  jsonFile: string;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cores: os.availableParallelism(),
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    totalMemoryMb: Math.round(os.totalmem() / (1024 * 1024)),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`
  };
}

/** 2026-01-12T08-00-00-000Z: an ISO time that is a valid file name everywhere. */
export function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

export async function runBench(
  options: BenchOptions,
  io: { print: (text: string) => void; progress: (text: string) => void },
  signal?: AbortSignal
): Promise<BenchRun> {
  const started = new Date();
  const machine = machineInfo();
  io.print(
    `Switchboard benchmark (${options.profile.name}) — ${machine.cores} cores (${machine.cpuModel}), ` +
      `${Math.round(machine.totalMemoryMb / 1024)} GB, Node ${machine.node}, ${machine.platform}`
  );
  io.print(
    `engines: ${options.engines.map((e) => ENGINE_LABELS[e]).join(', ')}` +
      (options.engines.includes('postgres') ? ` (${redactUrl(options.databaseUrl)})` : '') +
      `; scenarios: ${options.scenarios.join(', ')}` +
      (Object.keys(options.serviceEnv).length > 0
        ? `; service settings: ${Object.entries(options.serviceEnv)
            .map(([k, v]) => `${k}=${v}`)
            .join(' ')}`
        : '')
  );

  // Settings passed to the service are checked once, before anything starts (a ConfigError names each problem).
  serviceConfig({ env: options.serviceEnv, storeEnv: {}, port: 0, loginUrl: 'https://login.salesforce.com' });

  const logDir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-logs-'));
  const runId = `bench-${randomBytes(4).toString('hex')}`;
  const results: ScenarioResult[] = [];
  const failures: BenchFailure[] = [];
  for (const scenario of options.scenarios) {
    const scenarioResults: ScenarioResult[] = [];
    for (const engine of options.engines) {
      if (signal?.aborted) break;
      io.progress(`${scenario} on ${ENGINE_LABELS[engine]}…`);
      const unitStarted = performance.now();
      try {
        const result = await runScenarioInProcess(
          scenario,
          {
            engine,
            profile: options.profile,
            databaseUrl: options.databaseUrl,
            logFile: path.join(logDir, `${scenario}-${engine}.log`),
            serviceEnv: options.serviceEnv,
            runId: `${runId}-${scenario}-${engine}`
          },
          signal
        );
        scenarioResults.push(result);
        io.progress(
          `${scenario} on ${ENGINE_LABELS[engine]}: done in ${((performance.now() - unitStarted) / 1000).toFixed(1)} s`
        );
      } catch (error) {
        const message = signal?.aborted ? 'interrupted (Ctrl-C)' : (error as Error).message;
        failures.push({ scenario, engine, error: message });
        io.progress(`${scenario} on ${ENGINE_LABELS[engine]} failed: ${message}`);
      }
    }
    results.push(...scenarioResults);
    for (const table of scenarioTables(scenarioResults)) io.print(`\n${renderTable(table)}`);
  }

  const report: BenchReport = {
    interrupted: signal?.aborted ?? false,
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    machine,
    profile: options.profile,
    engines: options.engines,
    scenarios: options.scenarios,
    serviceEnv: options.serviceEnv,
    results,
    failures
  };
  mkdirSync(options.outDir, { recursive: true });
  const jsonFile = path.join(options.outDir, `${fileTimestamp(started)}.json`);
  writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);

  const keepLogs = failures.length > 0 && readdirSync(logDir).length > 0;
  if (!keepLogs) rmSync(logDir, { recursive: true, force: true });
  if (failures.length > 0) {
    io.print(`\n${failures.length} scenario run(s) failed:`);
    for (const f of failures) io.print(`  ${f.scenario} on ${ENGINE_LABELS[f.engine]}: ${f.error}`);
    if (keepLogs) io.print(`The service logs of this run are kept in ${logDir}`);
  }
  const shown = path.relative(process.cwd(), jsonFile);
  io.print(`\nFigures written to ${shown.startsWith('..') ? jsonFile : shown}`);
  return { report, jsonFile };
}
