// PMD through Salesforce Code Analyzer's own engine library (@salesforce/code-analyzer-core with the PMD engine),
// the same rules `sf code-analyzer run` applies, offline. Results are read from the run, never from an exit code.
import { CodeAnalyzer, CodeAnalyzerConfig, EventType, LogLevel } from '@salesforce/code-analyzer-core';
import type { EngineLogEvent, LogEvent, Violation } from '@salesforce/code-analyzer-core';
import * as pmdEngine from '@salesforce/code-analyzer-pmd-engine';

/** Security rules, the AppExchange security-review rules and the Recommended set (which includes best practices). */
export const RULE_SELECTORS = ['pmd:Security', 'pmd:AppExchange', 'pmd:Recommended'];
/** Severity 1 (critical) and 2 (high) fail the gate; 3–5 are printed as notes. */
export const FAILING_SEVERITY = 2;

export interface PmdFinding {
  file: string;
  line: number;
  rule: string;
  severity: number;
  message: string;
}

export interface PmdRun {
  ruleCount: number;
  findings: PmdFinding[];
  engineErrors: string[];
}

export async function runPmd(dir: string): Promise<PmdRun> {
  const analyzer = new CodeAnalyzer(CodeAnalyzerConfig.withDefaults());
  const engineErrors: string[] = [];
  analyzer.onEvent(EventType.LogEvent, (event: LogEvent) => {
    if (event.logLevel <= LogLevel.Error) engineErrors.push(`code analyzer: ${event.message}`);
  });
  analyzer.onEvent(EventType.EngineLogEvent, (event: EngineLogEvent) => {
    if (event.logLevel <= LogLevel.Error) engineErrors.push(`${event.engineName}: ${event.message}`);
  });
  await analyzer.addEnginePlugin(pmdEngine.createEnginePlugin());
  const workspace = await analyzer.createWorkspace([dir]);
  const selection = await analyzer.selectRules(RULE_SELECTORS, { workspace });
  const results = await analyzer.run(selection, { workspace });
  return {
    ruleCount: selection.getCount(),
    findings: results.getViolations().map(toFinding),
    engineErrors
  };
}

function toFinding(violation: Violation): PmdFinding {
  const location = violation.getPrimaryLocation();
  return {
    file: location.getFile() ?? '(no file)',
    line: location.getStartLine() ?? 0,
    rule: violation.getRule().getName(),
    severity: violation.getRule().getSeverityLevel(),
    message: violation.getMessage().trim()
  };
}
