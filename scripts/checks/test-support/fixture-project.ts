// Copies a fixture tree to a temporary directory so a test can break one thing in it and run a check on the copy.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const checksDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface FixtureCopy {
  root: string;
  /** Absolute path of a file inside the copy. */
  file(relative: string): string;
  /** Replaces text in a file of the copy; fails the test when the text is not there. */
  replace(relative: string, from: string | RegExp, to: string): void;
  write(relative: string, content: string): void;
  remove(relative: string): void;
  dispose(): void;
}

export function copyFixture(name: string): FixtureCopy {
  const root = mkdtempSync(path.join(os.tmpdir(), `switchboard-${name}-`));
  cpSync(path.join(fixturesDir, name), root, { recursive: true });
  const file = (relative: string): string => path.join(root, relative);
  return {
    root,
    file,
    replace(relative, from, to) {
      const before = readFileSync(file(relative), 'utf8');
      const after = before.replace(from, to);
      if (after === before) throw new Error(`fixture ${relative} does not contain ${String(from)}`);
      writeFileSync(file(relative), after);
    },
    write(relative, content) {
      writeFileSync(file(relative), content);
    },
    remove(relative) {
      rmSync(file(relative), { recursive: true, force: true });
    },
    dispose() {
      rmSync(root, { recursive: true, force: true });
    }
  };
}
