// A local `.env` (git-ignored) for development: its variables fill in what the environment does not already set.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

export function loadDotEnv(directory = process.cwd(), env: NodeJS.ProcessEnv = process.env): string | undefined {
  const file = path.join(directory, '.env');
  if (!existsSync(file)) return undefined;
  for (const [name, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) {
    if (env[name] === undefined) env[name] = value;
  }
  return file;
}
