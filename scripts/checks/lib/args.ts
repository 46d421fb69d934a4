// Command-line options shared by the check scripts: `--dir <path>` (default force-app) and, for the metadata check,
// `--contract <file>`. Unknown options are an error rather than silently ignored.

export interface CheckArgs {
  dir: string;
  contract?: string;
}

export class UsageError extends Error {}

export function parseArgs(argv: string[], allowed: ReadonlyArray<keyof CheckArgs>, defaults: CheckArgs): CheckArgs {
  const result: CheckArgs = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const key = flag?.replace(/^--/, '') as keyof CheckArgs;
    if (!flag?.startsWith('--') || !allowed.includes(key)) {
      throw new UsageError(`unknown argument "${arg}"; expected ${allowed.map((a) => `--${a} <path>`).join(' or ')}`);
    }
    const value = inline ?? argv[++i];
    if (!value || value.startsWith('--')) throw new UsageError(`--${key} needs a path`);
    result[key] = value;
  }
  return result;
}
