import path from 'node:path';
import { DEFAULT_DATABASE_URL, UsageError, parseBenchArgs } from './options.ts';
import { FULL_PROFILE, QUICK_PROFILE } from './profile.ts';

const parse = (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const parsed = parseBenchArgs(args, env, '/repo');
  if (parsed.help) throw new Error('expected options, got --help');
  return parsed.options;
};

describe('npm run bench options', () => {
  it('with no options, runs every scenario on both engines at full size, into build/bench', () => {
    const options = parse([]);
    expect(options.profile).toBe(FULL_PROFILE);
    expect(options.engines).toEqual(['sqlite', 'postgres']);
    expect(options.scenarios).toEqual(['intake', 'pipeline', 'repush']);
    expect(options.outDir).toBe(path.resolve('/repo', 'build/bench'));
    expect(options.databaseUrl).toBe(DEFAULT_DATABASE_URL);
  });

  it('takes --quick, --engine, --scenario (listed, repeated or aliased) and --calls, in either spelling', () => {
    const options = parse([
      '--',
      '--quick',
      '--',
      '--engine=postgres',
      '--scenario',
      'repush,intake',
      '--calls',
      '120'
    ]);
    expect(options.profile.name).toBe('quick');
    expect(options.profile.pipeline.calls).toBe(120);
    expect(options.profile.intake).toEqual(QUICK_PROFILE.intake);
    expect(options.engines).toEqual(['postgres']);
    expect(options.scenarios).toEqual(['intake', 'repush']);
    expect(parse(['--scenario', 'memory', '--scenario', 're-push']).scenarios).toEqual(['pipeline', 'repush']);
    expect(parse(['--scenario', 'all']).scenarios).toEqual(['intake', 'pipeline', 'repush']);
  });

  it('passes WORKER_* and PHONE_DEFAULT_REGION to the service, and reads BENCH_DATABASE_URL; nothing else', () => {
    const options = parse([], {
      WORKER_BATCH_SIZE: '200',
      PHONE_DEFAULT_REGION: 'GB',
      TOKEN_ENCRYPTION_KEY: 'not-for-the-bench',
      BENCH_DATABASE_URL: 'postgres://bench@db:5432/bench'
    });
    expect(options.serviceEnv).toEqual({ WORKER_BATCH_SIZE: '200', PHONE_DEFAULT_REGION: 'GB' });
    expect(options.databaseUrl).toBe('postgres://bench@db:5432/bench');
  });

  it('answers --help without running anything', () => {
    expect(parseBenchArgs(['--quick', '--help'])).toEqual({ help: true });
  });

  it.each([
    [['--engine', 'mysql'], '--engine must be sqlite, postgres or both, not "mysql"'],
    [['--engine'], '--engine needs a value'],
    [['--scenario', 'speed'], 'not "speed"'],
    [['--scenario', ','], '--scenario needs at least one scenario name'],
    [['--calls', '0'], '--calls must be a whole number from 1 to 1000000, not "0"'],
    [['--calls', '5e3'], 'not "5e3"'],
    [['--fast'], 'unknown option "--fast"']
  ])('refuses %j with a message naming the option', (args, message) => {
    expect(() => parseBenchArgs(args)).toThrow(UsageError);
    expect(() => parseBenchArgs(args)).toThrow(message);
  });
});
