// `npm test`: every gate of every part, in order, then one line `N passed, N failed` with the totals.
// Jest steps contribute their individual test counts; every other gate counts as one check.
// Usage: npm test [-- --only name[,name]] [-- --skip name[,name]]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const resultsDir = path.join(root, 'build', 'test-results');
const bin = (name: string): string => path.join(root, 'node_modules', '.bin', name);
const node = process.execPath;

interface Step {
  name: string;
  command: string[];
  jestResults?: string;
  env?: Record<string, string>;
}

const jest = (name: string, config: string, extraNodeArgs: string[] = []): Step => {
  const out = path.join(resultsDir, `${name}.json`);
  return {
    name,
    command: [
      node,
      ...extraNodeArgs,
      path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
      '--config',
      config,
      '--json',
      '--outputFile',
      out
    ],
    jestResults: out
  };
};

const sfEnv = { SF_DISABLE_TELEMETRY: 'true', SF_SKIP_NEW_VERSION_CHECK: 'true' };

const steps: Step[] = [
  { name: 'typecheck', command: [bin('tsc'), '-p', 'tsconfig.json'] },
  { name: 'eslint', command: [bin('eslint'), '--max-warnings', '0', '.'] },
  { name: 'prettier', command: [bin('prettier'), '--check', '.'] },
  { name: 'metadata', command: [node, 'scripts/checks/metadata.ts'], env: sfEnv },
  { name: 'apex-syntax', command: [node, 'scripts/checks/apex-syntax.ts'] },
  { name: 'apex-pmd', command: [node, 'scripts/checks/apex-pmd.ts'] },
  jest('jest-lwc', 'jest.config.lwc.js'),
  jest('jest-node', 'jest.config.js', ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning'])
];

function listArg(flag: string): string[] | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? (process.argv[i + 1] ?? '').split(',').filter(Boolean) : undefined;
}

const only = listArg('--only');
const skip = listArg('--skip') ?? [];
const selected = steps.filter((s) => (!only || only.includes(s.name)) && !skip.includes(s.name));

interface JestJson {
  numPassedTests: number;
  numFailedTests: number;
  numRuntimeErrorTestSuites: number;
}

mkdirSync(resultsDir, { recursive: true });
let passed = 0;
let failed = 0;
const report: string[] = [];

for (const step of selected) {
  process.stdout.write(`\n=== ${step.name} ===\n`);
  if (step.jestResults) rmSync(step.jestResults, { force: true });
  const started = Date.now();
  const [cmd, ...args] = step.command as [string, ...string[]];
  const run = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...step.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (step.jestResults) {
    if (existsSync(step.jestResults)) {
      const r = JSON.parse(readFileSync(step.jestResults, 'utf8')) as JestJson;
      const stepFailed =
        r.numFailedTests +
        r.numRuntimeErrorTestSuites +
        (run.status !== 0 && r.numFailedTests === 0 && r.numRuntimeErrorTestSuites === 0 ? 1 : 0);
      passed += r.numPassedTests;
      failed += stepFailed;
      report.push(`${step.name}: ${r.numPassedTests} passed, ${stepFailed} failed (${seconds}s)`);
    } else {
      failed += 1;
      report.push(`${step.name}: did not produce results (exit ${run.status ?? run.signal}) (${seconds}s)`);
    }
  } else if (run.status === 0) {
    passed += 1;
    report.push(`${step.name}: passed (${seconds}s)`);
  } else {
    failed += 1;
    report.push(`${step.name}: FAILED (exit ${run.status ?? run.signal}) (${seconds}s)`);
  }
}

process.stdout.write(`\n=== summary ===\n${report.join('\n')}\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 && selected.length > 0 ? 0 : 1);
