// Command-line options of `npm run org`: parsed strictly, every bad flag refused with a message naming it.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SettingsError, validateSettings } from './settings.ts';
import type { EmulatorSettings } from './settings.ts';
import type { StartOrgOptions } from '../server.ts';

export const USAGE = `Usage: npm run org -- [options]

Starts a local Salesforce org (REST API, OAuth) on 127.0.0.1.

  --port <n>                  port to listen on (default 3100; 0 picks a free one)
  --namespace <ns>            package namespace for force-app objects and fields (e.g. swb)
  --data <file.json>          load the org from this file; write it back on exit and POST /__org/save
  --force-app <dir>           SFDX package directory to read objects from (default: ./force-app)
  --person-accounts           enable Person Accounts
  --token-ttl <seconds>       access token lifetime (default 7200)
  --api-limit <n>             daily API request allowance (default 15000)
  --unavailable-rate <0..1>   share of API requests answered 503 SERVER_UNAVAILABLE (default 0)
  --row-lock-rate <0..1>      share of record writes failing UNABLE_TO_LOCK_ROW (default 0)
  --latency <ms>              delay added to every /services request (default 0)
  --search-lag <seconds>      how long new or changed records stay invisible to SOSL (default 0)
  --no-refresh-token-rotation keep one refresh token per authorization (rotation is on by default)
  --callback <url>            extra OAuth callback URL for the connected app (repeatable)
  --instance <xx>             two-character id instance code (default: random)
  --seed <n>                  seed for rate-based fault dice (reproducible runs)
  --help                      show this text

To drive a running emulator (expire sessions, exhaust the API allowance, inject faults, install validation rules,
reset, export …): npm run org -- control --help
`;

export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

const SETTING_FLAGS: Array<{ flag: string; setting: keyof EmulatorSettings; kind: 'int' | 'rate' }> = [
  { flag: 'token-ttl', setting: 'accessTokenTtlSeconds', kind: 'int' },
  { flag: 'api-limit', setting: 'apiDailyLimit', kind: 'int' },
  { flag: 'unavailable-rate', setting: 'serviceUnavailableRate', kind: 'rate' },
  { flag: 'row-lock-rate', setting: 'rowLockRate', kind: 'rate' },
  { flag: 'latency', setting: 'latencyMs', kind: 'int' },
  { flag: 'search-lag', setting: 'searchLagSeconds', kind: 'int' }
];

/** Turns argv into startOrg options; throws CliError with a message naming the bad flag. `null` means --help. */
export function parseCliArgs(argv: string[]): StartOrgOptions | null {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return null;
  if (positionals.length > 0) throw new CliError(`unexpected argument '${positionals[0]}'`);

  const options: StartOrgOptions = { port: 3100 };
  if (values.port !== undefined) options.port = wholeNumber('port', values.port, 0, 65535);
  if (values.namespace !== undefined) {
    if (!/^[A-Za-z][A-Za-z0-9]{0,14}$/.test(values.namespace)) {
      throw new CliError(
        `--namespace must be 1-15 letters and digits starting with a letter, got '${values.namespace}'`
      );
    }
    options.namespace = values.namespace;
  }
  if (values.data !== undefined) options.dataFile = path.resolve(values.data);
  if (values['force-app'] !== undefined) options.forceAppDir = path.resolve(values['force-app']);
  if (values['person-accounts']) options.personAccounts = true;
  if (values['no-refresh-token-rotation']) options.refreshTokenRotation = false;
  if (values.instance !== undefined) {
    if (!/^[A-Za-z0-9]{2}$/.test(values.instance))
      throw new CliError(`--instance must be 2 letters or digits, got '${values.instance}'`);
    options.instance = values.instance;
  }
  if (values.seed !== undefined) options.randomSeed = wholeNumber('seed', values.seed, 0, 2 ** 32 - 1);
  if (values.callback !== undefined) {
    for (const url of values.callback) {
      if (!URL.canParse(url)) throw new CliError(`--callback must be an absolute URL, got '${url}'`);
    }
    options.callbackUrls = values.callback;
  }

  const settings: Record<string, number> = {};
  for (const { flag, setting, kind } of SETTING_FLAGS) {
    const raw = values[flag as keyof typeof values];
    if (typeof raw !== 'string') continue;
    const n =
      kind === 'int'
        ? /^\d+$/.test(raw)
          ? Number(raw)
          : NaN
        : /^(?:0|1|0?\.\d+|1\.0*)$/.test(raw)
          ? Number(raw)
          : NaN;
    if (Number.isNaN(n)) {
      throw new CliError(
        `--${flag} must be ${kind === 'int' ? 'a whole number' : 'a number from 0 to 1'}, got '${raw}'`
      );
    }
    settings[setting] = n;
  }
  try {
    Object.assign(options, validateSettings(settings));
  } catch (error) {
    if (error instanceof SettingsError) {
      const flag = SETTING_FLAGS.find((f) => error.message.startsWith(f.setting))?.flag;
      throw new CliError(flag ? `--${flag}: ${error.message}` : error.message);
    }
    throw error;
  }
  return options;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      namespace: { type: 'string' },
      data: { type: 'string' },
      'force-app': { type: 'string' },
      'person-accounts': { type: 'boolean' },
      'token-ttl': { type: 'string' },
      'api-limit': { type: 'string' },
      'unavailable-rate': { type: 'string' },
      'row-lock-rate': { type: 'string' },
      latency: { type: 'string' },
      'search-lag': { type: 'string' },
      'no-refresh-token-rotation': { type: 'boolean' },
      callback: { type: 'string', multiple: true },
      instance: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' }
    }
  });
}

function wholeNumber(flag: string, raw: string, min: number, max: number): number {
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (Number.isNaN(n) || n < min || n > max)
    throw new CliError(`--${flag} must be a whole number from ${min} to ${max}, got '${raw}'`);
  return n;
}
