import { CliError, parseCliArgs } from './cli-options.ts';

describe('npm run org options', () => {
  it('defaults to port 3100, in memory, no namespace', () => {
    expect(parseCliArgs([])).toEqual({ port: 3100 });
  });

  it('maps every control flag to a start option', () => {
    const options = parseCliArgs([
      '--port=0',
      '--namespace',
      'swb',
      '--person-accounts',
      '--token-ttl',
      '60',
      '--api-limit',
      '100',
      '--unavailable-rate',
      '0.1',
      '--row-lock-rate',
      '.5',
      '--latency',
      '25',
      '--search-lag',
      '30',
      '--no-refresh-token-rotation',
      '--callback',
      'http://127.0.0.1:4000/cb',
      '--callback',
      'http://localhost:4001/cb',
      '--instance',
      'Zx',
      '--seed',
      '9'
    ]);
    expect(options).toEqual({
      port: 0,
      namespace: 'swb',
      personAccounts: true,
      accessTokenTtlSeconds: 60,
      apiDailyLimit: 100,
      serviceUnavailableRate: 0.1,
      rowLockRate: 0.5,
      latencyMs: 25,
      searchLagSeconds: 30,
      refreshTokenRotation: false,
      callbackUrls: ['http://127.0.0.1:4000/cb', 'http://localhost:4001/cb'],
      instance: 'Zx',
      randomSeed: 9
    });
  });

  it('resolves --data to an absolute path', () => {
    expect(parseCliArgs(['--data', 'org.json'])?.dataFile).toMatch(/^\/.*\/org\.json$/);
  });

  it('returns null for --help', () => {
    expect(parseCliArgs(['--help'])).toBeNull();
  });

  it.each([
    [['--port', 'abc'], "--port must be a whole number from 0 to 65535, got 'abc'"],
    [['--port', '70000'], "--port must be a whole number from 0 to 65535, got '70000'"],
    [['--row-lock-rate', '1.5'], "--row-lock-rate must be a number from 0 to 1, got '1.5'"],
    [['--token-ttl', '0'], '--token-ttl: accessTokenTtlSeconds must be a whole number from 1'],
    [['--namespace', 'sw_b'], '--namespace must be 1-15 letters and digits'],
    [['--colour'], "Unknown option '--colour'"],
    [['stray'], "unexpected argument 'stray'"],
    [['--callback', 'not a url'], "--callback must be an absolute URL, got 'not a url'"]
  ])('refuses %j with a message naming the flag', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(CliError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
