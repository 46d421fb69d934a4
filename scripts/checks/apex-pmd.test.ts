import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { fixturesDir } from './test-support/fixture-project.ts';
import { runScript } from './test-support/run-script.ts';

// Each run starts PMD on Java (a few seconds), so the script runs twice in all: once clean, once failing.
describe('apex-pmd', () => {
  it('passes code that uses user mode and binds, printing lower-severity findings as notes only', () => {
    const result = runScript('apex-pmd.ts', ['--dir', path.join(fixturesDir, 'apex-clean')]);
    expect(result.stdout).toMatch(
      /ok {3}pmd-engine: PMD ran \d+ rules \(pmd:Security, pmd:AppExchange, pmd:Recommended\)/
    );
    // PMD did find something (severity 3–5): the verdict comes from the severities it reported, not from whether
    // it reported anything or how a process exited.
    const [, violations, notes] = /pmd-severity-1-2: (\d+) violations, 0 of severity 1–2, (\d+) notes/.exec(
      result.stdout
    ) ?? ['', '0', '0'];
    expect(Number(violations)).toBeGreaterThan(0);
    expect(Number(notes)).toBe(Number(violations));
    expect(result.stdout).toMatch(/^note \S+CleanController\.cls:\d+: \w+ \(severity [3-5]\)/m);
    expect(result.stdout).toContain('apex-pmd: passed');
    expect(result.status).toBe(0);
  });

  it('fails on SOQL injection and CRUD violations, naming file, line, rule and message', () => {
    const result = runScript('apex-pmd.ts', ['--dir', path.join(fixturesDir, 'pmd-violations')]);
    const failing = result.stdout.split('\n').filter((line) => /^\s+\S+InjectableSearch\.cls:\d+: /.test(line));
    expect(failing).toEqual([
      expect.stringMatching(
        /InjectableSearch\.cls:3: ApexSOQLInjection \(severity 2\): Avoid untrusted\/unescaped variables/
      ),
      expect.stringMatching(/InjectableSearch\.cls:4: ApexCRUDViolation \(severity 2\): .*enforce user mode/)
    ]);
    expect(result.stdout).toMatch(/FAIL pmd-severity-1-2: \d+ violations, 2 of severity 1–2/);
    expect(result.status).toBe(1);
  });
});
