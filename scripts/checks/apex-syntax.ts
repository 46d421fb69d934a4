// `npm run check:apex` (first half): every Apex class and trigger parses with @apexdevtools/apex-parser (its
// `status` stays 0 even with errors, so errors are counted), plus the static security rules of security-review.md
// that the parse tree makes reliable: sharing declared, and "with sharing" where Lightning calls in (A5), access
// mode on every SOQL/SOSL and DML (A1, A2), justified bypasses (A3), no SECURITY_ENFORCED (A4), no concatenated
// dynamic queries (A7), no System.debug (S8), no DML in cacheable @AuraEnabled methods (L6), and messages a user
// reads (AuraHandledException, setMessage, addError) taken from custom labels (LABEL).
// Usage: node scripts/checks/apex-syntax.ts [--dir force-app]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseApex } from './lib/apex-rules.ts';
import { parseArgs, UsageError } from './lib/args.ts';
import { listFiles, shown } from './lib/files.ts';
import { printResults } from './lib/report.ts';
import type { CheckResult } from './lib/report.ts';

export function checkApex(dir: string): CheckResult[] {
  const files = listFiles(dir, (f) => f.endsWith('.cls') || f.endsWith('.trigger'));
  const analyses = files.map((f) => analyseApex(shown(f), readFileSync(f, 'utf8')));
  const tests = analyses.filter((a) => a.isTest).length;
  return [
    {
      name: 'apex-parses',
      checked: `${files.length} Apex files parsed with @apexdevtools/apex-parser`,
      findings: analyses.flatMap((a) => a.syntaxErrors)
    },
    {
      name: 'apex-security-rules',
      checked: `${files.length - tests} classes against A1–A5, A7, S8, L6, LABEL (${tests} test classes against A4 only)`,
      findings: analyses.flatMap((a) => a.findings)
    }
  ];
}

function main(): number {
  const args = parseArgs(process.argv.slice(2), ['dir'], { dir: 'force-app' });
  if (!existsSync(args.dir)) throw new UsageError(`--dir ${args.dir} does not exist`);
  console.log(`apex-syntax: checking ${args.dir}`);
  return printResults('apex-syntax', checkApex(args.dir));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exit(main());
  } catch (e) {
    console.error(`apex-syntax: ${e instanceof UsageError ? 'usage: ' : ''}${(e as Error).message}`);
    process.exit(2);
  }
}
