import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir` (recursively, sorted), skipping node_modules and dot-directories. */
export function listFiles(dir: string, accept: (file: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        walk(full);
      } else if (entry.isFile() && accept(full)) {
        out.push(full);
      }
    }
  };
  walk(dir);
  return out;
}

/** A path relative to the working directory, for messages. */
export function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}
