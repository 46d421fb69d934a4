// "Green on a fresh clone": a file the gates need but git ignores passes here and is missing from every clone.
// This happened once: the root .gitignore's `data/` (meant for the service's ./data directory) matched the LWC
// tests' `__tests__/data/` fixture folders. Every file of the package and of its gates must be committable.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { listFiles } from './lib/files.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GUARDED = ['force-app', 'scripts/checks', 'scripts/preview', 'jest.config.lwc.js'];

/** The files among `files` (relative to the repository root) that git's ignore rules exclude. */
function ignoredByGit(files: string[]): string[] {
  // --no-index: judge by the ignore rules alone, whether or not a file is tracked yet.
  const run = spawnSync('git', ['check-ignore', '--no-index', '--stdin'], {
    cwd: ROOT,
    input: files.join('\n'),
    encoding: 'utf8'
  });
  if (run.error) throw new Error(`git is needed for this check: ${run.error.message}`);
  // Exit 1 means "nothing ignored"; anything above 1 is a git failure.
  if ((run.status ?? 2) > 1) throw new Error(`git check-ignore failed: ${run.stderr}`);
  return run.stdout.split('\n').filter(Boolean);
}

describe('the package and its gates in git', () => {
  it('ignores none of their files, so a fresh clone has every fixture, script and metadata file', () => {
    const files = GUARDED.flatMap((entry) =>
      entry.endsWith('.js') ? [entry] : listFiles(path.join(ROOT, entry)).map((f) => path.relative(ROOT, f))
    );
    expect(files.length).toBeGreaterThan(100);
    expect(ignoredByGit(files)).toEqual([]);
  });

  it('would notice an ignored file (the check itself works)', () => {
    expect(ignoredByGit(['node_modules/jest/package.json', 'force-app/README.md'])).toEqual([
      'node_modules/jest/package.json'
    ]);
  });
});
