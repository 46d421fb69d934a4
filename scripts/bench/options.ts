// The command line of `npm run bench`: which scenarios, on which engines, how big. Every mistake is refused with a
// message naming the option and what it accepts.
import path from 'node:path';
import type { BenchProfile } from './profile.ts';
import { FULL_PROFILE, QUICK_PROFILE } from './profile.ts';
import { SCENARIO_NAMES } from './scenarios/index.ts';
import type { ScenarioName } from './scenarios/index.ts';
import type { EngineName } from './stack.ts';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export const USAGE = `npm run bench [-- options]

Measures the service through the real path (HTTP push, store, worker, jsforce, the org emulator) and prints
tables; the figures are also written as JSON to <out>/<timestamp>.json.

  --quick                         small sizes (well under a minute on 2 cores)
  --engine sqlite|postgres|both   store engine(s) to run on (default: both)
  --scenario NAME[,NAME]          ${SCENARIO_NAMES.join(', ')} or all (default: all); may be repeated;
                                  memory is measured over the pipeline (\`--scenario memory\` runs it)
  --calls N                       calls in the pipeline scenario (default: 5000; 500 with --quick)
  --out DIR                       where the JSON goes (default: build/bench)
  --help                          this text

Environment:
  BENCH_DATABASE_URL   PostgreSQL (default ${DEFAULT_DATABASE_URL}); each run works in a schema of its
                       own and drops it
  WORKER_*, PHONE_DEFAULT_REGION   passed to the service (see service/README.md), e.g. WORKER_BATCH_SIZE=200`;

export class UsageError extends Error {
  constructor(message: string) {
    super(`${message} (npm run bench -- --help lists the options)`);
    this.name = 'UsageError';
  }
}

export interface BenchOptions {
  profile: BenchProfile;
  engines: EngineName[];
  scenarios: ScenarioName[];
  outDir: string;
  databaseUrl: string;
  /** Settings passed through to the service. */
  serviceEnv: Record<string, string>;
}

export type ParsedArgs = { help: true } | { help: false; options: BenchOptions };

const ENGINE_CHOICES: Record<string, EngineName[]> = {
  sqlite: ['sqlite'],
  postgres: ['postgres'],
  both: ['sqlite', 'postgres']
};

/** Other names people type: "re-push" as it is spoken, and memory (measured over the pipeline). */
const SCENARIO_ALIASES: Record<string, ScenarioName> = { 're-push': 'repush', memory: 'pipeline' };

const PASSED_TO_SERVICE = /^(WORKER_[A-Z_]+|PHONE_DEFAULT_REGION)$/;
const MAX_CALLS = 1_000_000;

export function parseBenchArgs(argv: readonly string[], env: NodeJS.ProcessEnv = {}, cwd = process.cwd()): ParsedArgs {
  let quick = false;
  let engines: EngineName[] = ENGINE_CHOICES['both'] as EngineName[];
  let scenarios: ScenarioName[] | undefined;
  let calls: number | undefined;
  let outDir = 'build/bench';

  // `--name value` and `--name=value`; a bare `--` (npm's separator, typed twice) is ignored.
  const args = argv.flatMap((arg) => (arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg]));
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = () => {
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      i += 1;
      return next;
    };
    switch (arg) {
      case '--':
        break;
      case '--help':
      case '-h':
        return { help: true };
      case '--quick':
        quick = true;
        break;
      case '--engine': {
        const choice = value();
        const picked = ENGINE_CHOICES[choice];
        if (!picked) throw new UsageError(`--engine must be sqlite, postgres or both, not "${choice}"`);
        engines = picked;
        break;
      }
      case '--scenario': {
        const names = value()
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean);
        const chosen: ScenarioName[] = [];
        for (const name of names) {
          if (name === 'all') chosen.push(...SCENARIO_NAMES);
          else if ((SCENARIO_NAMES as readonly string[]).includes(name)) chosen.push(name as ScenarioName);
          else if (SCENARIO_ALIASES[name]) chosen.push(SCENARIO_ALIASES[name]);
          else
            throw new UsageError(
              `--scenario must be one of ${SCENARIO_NAMES.join(', ')}, memory or all, not "${name}"`
            );
        }
        if (chosen.length === 0) throw new UsageError('--scenario needs at least one scenario name');
        scenarios = [...(scenarios ?? []), ...chosen];
        break;
      }
      case '--calls': {
        const text = value();
        const n = Number(text);
        if (!/^\d+$/.test(text) || n < 1 || n > MAX_CALLS) {
          throw new UsageError(`--calls must be a whole number from 1 to ${MAX_CALLS}, not "${text}"`);
        }
        calls = n;
        break;
      }
      case '--out':
        outDir = value();
        break;
      default:
        throw new UsageError(`unknown option "${arg}"`);
    }
  }

  const base = quick ? QUICK_PROFILE : FULL_PROFILE;
  const profile: BenchProfile = calls === undefined ? base : { ...base, pipeline: { ...base.pipeline, calls } };
  const unique = [...new Set(scenarios ?? SCENARIO_NAMES)];
  return {
    help: false,
    options: {
      profile,
      engines,
      // Always in the documented order, whatever order they were asked for in.
      scenarios: SCENARIO_NAMES.filter((name) => unique.includes(name)),
      outDir: path.resolve(cwd, outDir),
      databaseUrl: env['BENCH_DATABASE_URL'] || DEFAULT_DATABASE_URL,
      serviceEnv: Object.fromEntries(
        Object.entries(env).filter(
          (entry): entry is [string, string] => PASSED_TO_SERVICE.test(entry[0]) && entry[1] !== undefined
        )
      )
    }
  };
}
