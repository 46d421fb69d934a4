// `npm run bench` end to end, at its smallest: --quick on SQLite with a 100-call pipeline. The real CLI runs in a
// process of its own, like a person running it; the test reads the tables it prints and the JSON it writes. It
// checks their shape and that every figure is a finite number where one belongs — never how fast anything was.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchReport } from './bench.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CALLS = 100;

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['scripts/bench/run.ts', ...args],
      { cwd: root, timeout: 170_000, maxBuffer: 10 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      }
    );
  });
}

/** The rows of the table whose title starts with `title`: cells are separated by two spaces or more. */
function tableRows(stdout: string, title: string): string[][] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line.startsWith(title));
  if (start < 0) throw new Error(`no table titled "${title}" in:\n${stdout}`);
  const rows: string[][] = [];
  // Title, header, rule; then rows until the notes (indented) or a blank line.
  for (const line of lines.slice(start + 3)) {
    if (line.trim() === '' || line.startsWith('  ')) break;
    rows.push(line.trim().split(/\s{2,}/));
  }
  return rows;
}

function headerOf(stdout: string, title: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line.startsWith(title));
  return (lines[start + 1] ?? '').trim().split(/\s{2,}/);
}

/** A printed figure ("12,345.6", "50.0×") as a number. */
function figure(cell: string | undefined): number {
  const value = Number((cell ?? '').replace(/,/g, '').replace(/×$/, ''));
  if (!Number.isFinite(value)) throw new Error(`"${cell}" is not a number`);
  return value;
}

function expectPositive(cells: Array<string | undefined>): void {
  for (const cell of cells) expect(figure(cell)).toBeGreaterThan(0);
}

/** Every number anywhere in a JSON value. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

describe('npm run bench -- --quick --engine sqlite (100 calls)', () => {
  let outDir: string;
  let run: CliRun;

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-test-'));
    run = await runCli(['--quick', '--engine', 'sqlite', '--calls', String(CALLS), '--out', outDir]);
  }, 180_000);

  afterAll(() => {
    rmSync(outDir, { recursive: true, force: true });
  });

  it('finishes without a failure and says which machine and Node version measured', () => {
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: expect.not.stringContaining('failed') });
    expect(run.stdout).toContain(`${os.availableParallelism()} cores`);
    expect(run.stdout).toContain(`Node ${process.version}`);
  });

  it('prints the intake table: a row for pushes of 1 and of 500, each with a rate and p50/p95/p99 latencies', () => {
    const title = 'intake — ';
    expect(headerOf(run.stdout, title)).toEqual([
      'engine',
      'items/push',
      'pushes',
      'items',
      'accepted items/s',
      'pushes/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms'
    ]);
    const rows = tableRows(run.stdout, title);
    expect(rows.map((row) => [row[0], row[1]])).toEqual([
      ['SQLite', '1'],
      ['SQLite', '500']
    ]);
    for (const row of rows) {
      expect(figure(row[3])).toBe(figure(row[1]) * figure(row[2]));
      expectPositive(row.slice(4));
      expect(figure(row[6])).toBeLessThanOrEqual(figure(row[7]));
      expect(figure(row[7])).toBeLessThanOrEqual(figure(row[8]));
    }
  });

  it('prints the pipeline: every call logged, wall time and rate, and its API calls against a naive integration', () => {
    const [throughput] = tableRows(run.stdout, 'pipeline — 100 calls');
    expect(throughput?.slice(0, 4)).toEqual(['SQLite', '100', '100', '0']);
    expectPositive(throughput?.slice(4, 10) ?? []);
    expect(throughput?.[10]).toMatch(/^\d+ of 100 Tasks$/);

    const costTitle = 'pipeline — Salesforce API calls';
    const header = headerOf(run.stdout, costTitle);
    const [cost] = tableRows(run.stdout, costTitle);
    const cell = (name: string) => cost?.[header.indexOf(name)];
    expect(header).toEqual(expect.arrayContaining(['API calls', 'per 100 activities', 'naive (2/activity)']));
    const calls = figure(cell('API calls'));
    expect(calls).toBeGreaterThan(0);
    expect(figure(cell('per 100 activities'))).toBeCloseTo((calls * 100) / CALLS, 2);
    expect(figure(cell('naive (2/activity)'))).toBe(2 * CALLS);
    expect(figure(cell('naive ÷ ours'))).toBeCloseTo((2 * CALLS) / calls, 1);
    expect(figure(cell('service’s own count'))).toBeGreaterThan(0);
  });

  it('prints peak RSS and heap over the pipeline', () => {
    const [memory] = tableRows(run.stdout, 'memory — ');
    expect(memory?.[0]).toBe('SQLite');
    expectPositive([memory?.[1], memory?.[2], memory?.[4], memory?.[5], memory?.[6], memory?.[7]]);
    expect(figure(memory?.[2])).toBeGreaterThanOrEqual(figure(memory?.[1]));
  });

  it('prints the re-push phases with the API calls each spent', () => {
    const rows = tableRows(run.stdout, 're-push — ');
    expect(rows.map((row) => [row[1], row[3]])).toEqual([
      ['first push', '200 queued'],
      ['same batch again', '200 duplicate'],
      ['updated batch', '200 updated']
    ]);
    for (const row of rows) expect(figure(row[4])).toBeGreaterThanOrEqual(0);
    expect(figure(rows[0]?.[4])).toBeGreaterThan(0);
    expect(figure(rows[2]?.[4])).toBeGreaterThan(0);
  });

  it('writes the same figures as JSON to <out>/<timestamp>.json', () => {
    const files = readdirSync(outDir);
    expect(files).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.json$/)]);
    const report = JSON.parse(readFileSync(path.join(outDir, files[0] as string), 'utf8')) as BenchReport;
    expect(report.machine).toMatchObject({ cores: os.availableParallelism(), node: process.version });
    expect(report.failures).toEqual([]);
    expect(report.results.map((r) => [r.scenario, r.engine])).toEqual([
      ['intake', 'sqlite'],
      ['pipeline', 'sqlite'],
      ['repush', 'sqlite']
    ]);
    const numbers = numbersIn(report.results);
    expect(numbers.length).toBeGreaterThan(50);
    for (const n of numbers) expect(Number.isFinite(n) && n >= 0).toBe(true);
  });
});
