import path from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { checkApex } from './apex-syntax.ts';
import { copyFixture, fixturesDir } from './test-support/fixture-project.ts';
import type { FixtureCopy } from './test-support/fixture-project.ts';
import { runScript } from './test-support/run-script.ts';

const findingsOf = (dir: string, check: string): string[] =>
  (checkApex(dir).find((r) => r.name === check)?.findings ?? []).map(
    (f) => `${path.basename(f.file ?? '')}:${f.line ?? ''} ${/\(([A-Z0-9/]+)\)$/.exec(f.message)?.[1] ?? f.message}`
  );

let copy: FixtureCopy | undefined;
afterEach(() => copy?.dispose());

describe('apex-syntax on code that follows the rules', () => {
  it('accepts user mode, stated DML modes, a justified system-mode count, label messages and a test class building data', () => {
    const dir = path.join(fixturesDir, 'apex-clean');
    expect(findingsOf(dir, 'apex-parses')).toEqual([]);
    expect(findingsOf(dir, 'apex-security-rules')).toEqual([]);
  });

  it('exits 0 from the command line', () => {
    const result = runScript('apex-syntax.ts', ['--dir', path.join(fixturesDir, 'apex-clean')]);
    expect(result.stdout).toContain('apex-syntax: passed (2 checks)');
    expect(result.status).toBe(0);
  });
});

describe('apex-syntax on code that breaks each rule once', () => {
  it('reports every violation at its line, with its checklist rule, and nothing else', () => {
    expect(findingsOf(path.join(fixturesDir, 'apex-violations'), 'apex-security-rules').sort()).toEqual(
      [
        'CacheableDml.cls:4 L6', // DML in a cacheable @AuraEnabled method
        'ConcatenatedQuery.cls:5 A7', // user input concatenated into a dynamic query
        'DebugStatement.cls:3 S8', // System.debug outside tests
        'InheritedController.cls:1 A5', // @AuraEnabled methods in an inherited-sharing class
        'LiteralMessages.cls:5 LABEL', // AuraHandledException with a literal message
        'LiteralMessages.cls:8 LABEL', // setMessage with literal text concatenated in
        'LiteralMessages.cls:9 LABEL', // a literal passed to a helper that builds the AuraHandledException
        'NoSharing.cls:1 A5', // no sharing keyword
        'SecurityEnforced.cls:3 A1', // WITH SECURITY_ENFORCED is no access mode either
        'SecurityEnforced.cls:3 A4',
        'SecurityEnforcedTest.cls:5 A4', // A4 applies to test classes too
        'UnmodedDml.cls:3 A2', // insert without "as user"
        'UnmodedDml.cls:4 A3', // "as system" without a SECURITY-BYPASS reason
        'UnmodedDml.cls:5 A2', // Database.insert without an AccessLevel
        'UnmodedQueries.cls:3 A1', // SOQL without WITH USER_MODE
        'UnmodedQueries.cls:4 A1', // SOSL without WITH USER_MODE
        'UnmodedQueries.cls:5 A1', // Database.query without an AccessLevel
        'UnmodedQueries.cls:6 A3', // WITH SYSTEM_MODE without a reason
        'WithoutSharing.cls:1 A3/A5' // without sharing without a reason
      ].sort()
    );
  });

  it('exits 1 and prints each finding with file and line', () => {
    const result = runScript('apex-syntax.ts', ['--dir', path.join(fixturesDir, 'apex-violations')]);
    expect(result.stdout).toMatch(/FAIL apex-security-rules/);
    expect(result.stdout).toMatch(/apex-violations\/classes\/NoSharing\.cls:1: class NoSharing declares no sharing/);
    expect(result.stdout).toContain('apex-syntax: FAILED with 19 findings');
    expect(result.status).toBe(1);
  });
});

describe('apex-syntax on code that does not parse', () => {
  it('reports the syntax error with its line even though the parser status says success', () => {
    copy = copyFixture('apex-clean');
    copy.write(
      'classes/Broken.cls',
      'public with sharing class Broken {\n    public static void run() {\n        Integer x = ;\n    }\n}\n'
    );
    expect(findingsOf(copy.root, 'apex-parses')).toEqual([
      expect.stringMatching(/^Broken\.cls:3 syntax error at column \d+/)
    ]);
    const result = runScript('apex-syntax.ts', ['--dir', copy.root]);
    expect(result.stdout).toMatch(/FAIL apex-parses: 3 Apex files/);
    expect(result.status).toBe(1);
  });

  it('exits 2 when the directory does not exist', () => {
    const result = runScript('apex-syntax.ts', ['--dir', path.join(fixturesDir, 'no-such-dir')]);
    expect(result.stderr).toMatch(/usage: --dir .*no-such-dir does not exist/);
    expect(result.status).toBe(2);
  });
});
