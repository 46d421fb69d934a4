// `npm run org -- control <command> …`: drives the control surface of a running emulator from the command line
// (the same operations as /__org and startOrg().control), for scripts, demos and chaos runs.
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

export const CONTROL_USAGE = `Usage: npm run org -- control <command> [arguments] [--url <base URL> | --port <n>]

Drives a running emulator (default http://127.0.0.1:3100) through its control surface.

  status                              org ids, settings, usage, pending faults, sessions
  settings [name=value …]             show, or change, settings: serviceUnavailableRate=0.2 rowLockRate=0.1
                                      latencyMs=250 searchLagSeconds=30 apiDailyLimit=1000
                                      accessTokenTtlSeconds=60 refreshTokenRotation=false
  expire-sessions                     every access token dies now (refresh tokens survive)
  exhaust --until <ISO time | epoch ms> | --seconds <n>
                                      spend the daily API allowance until then
  reset-usage                         API usage back to zero
  fault <kind> [--count n] [--method M] [--path text] [--records 0,2]
                                      fail the next matching requests; kind is serviceUnavailable, rowLock,
                                      sessionExpired or requestLimit
  clear-faults                        drop queued faults
  hold [--count n] [--method M] [--path text]
                                      stop the next matching requests once their body is in, unanswered, until
                                      released (a held request whose client leaves is still processed)
  holds                               armed holds and the requests held now
  release                             let the held requests go on; armed holds stay armed
  clear-holds                         disarm every hold and release what they hold
  in-flight                           requests received and not answered yet, with their stage
  add-validation-rule <JSON | file>   {"name","object","condition","errorMessage","errorField"?}
  remove-validation-rule <name>
  validation-rules                    list installed rules
  reset                               back to the seeded data
  export [file]                       every record as JSON (the --data format), to stdout or a file
  save                                write the org to its --data file
`;

export class ControlCliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ControlCliError';
  }
}

interface Call {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  route: string;
  body?: unknown;
  /** Where `export` writes its answer instead of stdout. */
  outputFile?: string;
}

export interface ControlIo {
  fetch: typeof fetch;
  print(text: string): void;
}

/** Runs one control command; resolves with the exit code (0 done, 1 refused by the emulator or unreachable). */
export async function runControlCommand(argv: string[], io: ControlIo): Promise<number> {
  const { values, positionals } = parse(argv);
  const [command, ...args] = positionals;
  if (values.help || command === undefined) {
    io.print(CONTROL_USAGE);
    return command === undefined && !values.help ? 2 : 0;
  }
  const base = baseUrl(values.url, values.port);
  const call = await callFor(command, args, values);
  let response: Response;
  try {
    response = await io.fetch(`${base}/__org${call.route}`, {
      method: call.method,
      headers: { 'content-type': 'application/json' },
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) })
    });
  } catch (error) {
    throw new ControlCliError(
      `no emulator answered at ${base} (${error instanceof Error ? error.message : String(error)})`
    );
  }
  const text = await response.text();
  if (!response.ok) {
    const detail = safeJson(text) as { error?: unknown } | undefined;
    throw new ControlCliError(
      `${command}: the emulator refused (${response.status}): ${typeof detail?.error === 'string' ? detail.error : text}`
    );
  }
  const pretty = text ? JSON.stringify(safeJson(text) ?? text, null, 2) : '';
  if (call.outputFile) {
    await writeFile(call.outputFile, `${pretty}\n`);
    io.print(`wrote ${call.outputFile}`);
  } else if (pretty) {
    io.print(pretty);
  } else {
    io.print('done');
  }
  return 0;
}

type Values = ReturnType<typeof parse>['values'];

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        port: { type: 'string' },
        until: { type: 'string' },
        seconds: { type: 'string' },
        count: { type: 'string' },
        method: { type: 'string' },
        path: { type: 'string' },
        records: { type: 'string' },
        help: { type: 'boolean', short: 'h' }
      }
    });
  } catch (error) {
    throw new ControlCliError(error instanceof Error ? error.message : String(error));
  }
}

function baseUrl(url: string | undefined, port: string | undefined): string {
  if (url !== undefined && port !== undefined) throw new ControlCliError('give --url or --port, not both');
  if (port !== undefined) {
    if (!/^\d+$/.test(port) || Number(port) > 65535) {
      throw new ControlCliError(`--port must be a whole number from 1 to 65535, got '${port}'`);
    }
    return `http://127.0.0.1:${port}`;
  }
  const base = url ?? 'http://127.0.0.1:3100';
  if (!URL.canParse(base)) throw new ControlCliError(`--url must be an absolute URL, got '${base}'`);
  return base.replace(/\/+$/, '');
}

async function callFor(command: string, args: string[], values: Values): Promise<Call> {
  const noArguments = (): void => {
    if (args.length > 0) throw new ControlCliError(`${command} takes no arguments, got '${args[0]}'`);
  };
  switch (command) {
    case 'status':
      noArguments();
      return { method: 'GET', route: '' };
    case 'settings':
      return args.length === 0
        ? { method: 'GET', route: '/settings' }
        : { method: 'PATCH', route: '/settings', body: settingsFrom(args) };
    case 'expire-sessions':
      noArguments();
      return { method: 'POST', route: '/sessions/expire' };
    case 'exhaust':
      noArguments();
      return { method: 'POST', route: '/usage/exhaust', body: exhaustBody(values) };
    case 'reset-usage':
      noArguments();
      return { method: 'POST', route: '/usage/reset' };
    case 'fault':
      return { method: 'POST', route: '/faults', body: faultBody(args, values) };
    case 'clear-faults':
      noArguments();
      return { method: 'DELETE', route: '/faults' };
    case 'hold':
      noArguments();
      return { method: 'POST', route: '/holds', body: holdBody(values) };
    case 'holds':
      noArguments();
      return { method: 'GET', route: '/holds' };
    case 'release':
      noArguments();
      return { method: 'POST', route: '/holds/release' };
    case 'clear-holds':
      noArguments();
      return { method: 'DELETE', route: '/holds' };
    case 'in-flight':
      noArguments();
      return { method: 'GET', route: '/requests/in-flight' };
    case 'add-validation-rule':
      if (args.length !== 1) throw new ControlCliError('add-validation-rule takes one JSON object or JSON file');
      return { method: 'POST', route: '/validation-rules', body: await jsonArgument(args[0]!) };
    case 'remove-validation-rule':
      if (args.length !== 1) throw new ControlCliError('remove-validation-rule takes the rule name');
      return { method: 'DELETE', route: `/validation-rules/${encodeURIComponent(args[0]!)}` };
    case 'validation-rules':
      noArguments();
      return { method: 'GET', route: '/validation-rules' };
    case 'reset':
      noArguments();
      return { method: 'POST', route: '/reset' };
    case 'export':
      if (args.length > 1) throw new ControlCliError('export takes at most one file name');
      return { method: 'GET', route: '/export', ...(args[0] ? { outputFile: args[0] } : {}) };
    case 'save':
      noArguments();
      return { method: 'POST', route: '/save' };
    default:
      throw new ControlCliError(`unknown control command '${command}'`);
  }
}

/** `name=value` pairs; values are read as JSON when they parse (numbers, booleans), else as text. */
function settingsFrom(args: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const arg of args) {
    const at = arg.indexOf('=');
    if (at <= 0) throw new ControlCliError(`settings are given as name=value, got '${arg}'`);
    const raw = arg.slice(at + 1);
    out[arg.slice(0, at)] = safeJson(raw) ?? raw;
  }
  return out;
}

function exhaustBody(values: Values): Record<string, unknown> {
  if ((values.until === undefined) === (values.seconds === undefined)) {
    throw new ControlCliError('exhaust needs --until <ISO time or epoch ms> or --seconds <n>');
  }
  if (values.seconds !== undefined) {
    if (!/^\d+$/.test(values.seconds))
      throw new ControlCliError(`--seconds must be a whole number, got '${values.seconds}'`);
    return { seconds: Number(values.seconds) };
  }
  const until = values.until!;
  return { until: /^\d+$/.test(until) ? Number(until) : until };
}

function faultBody(args: string[], values: Values): Record<string, unknown> {
  if (args.length !== 1)
    throw new ControlCliError('fault takes one kind: serviceUnavailable, rowLock, sessionExpired or requestLimit');
  const body: Record<string, unknown> = { kind: args[0], ...requestMatch(values) };
  if (values.records !== undefined) {
    const positions = values.records.split(',').map((p) => p.trim());
    if (!positions.every((p) => /^\d+$/.test(p))) {
      throw new ControlCliError(`--records must be positions like 0,2, got '${values.records}'`);
    }
    body['records'] = positions.map(Number);
  }
  return body;
}

function holdBody(values: Values): Record<string, unknown> {
  if (values.records !== undefined) throw new ControlCliError('--records only applies to rowLock faults');
  return requestMatch(values);
}

/** `--count`, `--method` and `--path`: which requests (and how many) a fault or a hold applies to. */
function requestMatch(values: Values): Record<string, unknown> {
  const match: Record<string, unknown> = {};
  if (values.count !== undefined) {
    if (!/^\d+$/.test(values.count)) throw new ControlCliError(`--count must be a whole number, got '${values.count}'`);
    match['count'] = Number(values.count);
  }
  if (values.method !== undefined) match['method'] = values.method;
  if (values.path !== undefined) match['path'] = values.path;
  return match;
}

/** Inline JSON (`{…}`) or the path of a JSON file. */
async function jsonArgument(arg: string): Promise<unknown> {
  const text = arg.trimStart().startsWith('{')
    ? arg
    : await readFile(arg, 'utf8').catch((error: unknown) => {
        throw new ControlCliError(`cannot read ${arg}: ${error instanceof Error ? error.message : String(error)}`);
      });
  const parsed = safeJson(text);
  if (parsed === undefined) throw new ControlCliError(`${arg} is not valid JSON`);
  return parsed;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
