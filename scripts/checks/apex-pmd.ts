// `npm run check:apex` (second half): PMD via @salesforce/code-analyzer-core and its PMD engine on Java, rule
// selectors pmd:Security, pmd:AppExchange and pmd:Recommended. Fails on any severity 1–2 violation (read from the
// results) or engine error; lower severities are printed as notes. Usage: node scripts/checks/apex-pmd.ts [--dir force-app]
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, UsageError } from './lib/args.ts';
import { shown } from './lib/files.ts';
import { FAILING_SEVERITY, RULE_SELECTORS, runPmd } from './lib/pmd.ts';
import type { PmdFinding } from './lib/pmd.ts';
import { printResults } from './lib/report.ts';
import type { CheckResult } from './lib/report.ts';

const describe = (f: PmdFinding): string => `${f.rule} (severity ${f.severity}): ${f.message}`;

export async function checkPmd(dir: string, write: (line: string) => void = console.log): Promise<CheckResult[]> {
  const started = Date.now();
  const run = await runPmd(dir);
  const failing = run.findings.filter((f) => f.severity <= FAILING_SEVERITY);
  const notes = run.findings.filter((f) => f.severity > FAILING_SEVERITY);
  for (const note of notes) write(`note ${shown(note.file)}:${note.line}: ${describe(note)}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return [
    {
      name: 'pmd-engine',
      checked: `PMD ran ${run.ruleCount} rules (${RULE_SELECTORS.join(', ')}) in ${seconds}s`,
      findings: run.engineErrors.map((message) => ({ message }))
    },
    {
      name: 'pmd-severity-1-2',
      checked: `${run.findings.length} violations, ${failing.length} of severity 1–2, ${notes.length} notes`,
      findings: failing.map((f) => ({ file: shown(f.file), line: f.line, message: describe(f) }))
    }
  ];
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), ['dir'], { dir: 'force-app' });
  if (!existsSync(args.dir)) throw new UsageError(`--dir ${args.dir} does not exist`);
  console.log(`apex-pmd: checking ${args.dir}`);
  return printResults('apex-pmd', await checkPmd(args.dir));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`apex-pmd: ${e instanceof UsageError ? 'usage: ' : ''}${(e as Error).message}`);
      process.exit(2);
    }
  );
}
