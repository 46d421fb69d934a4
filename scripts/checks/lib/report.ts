// What every check script prints: one line per check with what it looked at, each finding with its place, and a
// verdict. The exit code is derived from the findings so that the three scripts behave alike.

export interface Finding {
  file?: string;
  line?: number;
  message: string;
}

export interface CheckResult {
  /** Short stable name of the check, e.g. `field-docs`. */
  name: string;
  /** What the check looked at, e.g. `45 custom fields`. */
  checked: string;
  findings: Finding[];
}

export function location(finding: Finding): string {
  if (!finding.file) return '';
  return finding.line ? `${finding.file}:${finding.line}: ` : `${finding.file}: `;
}

/** Prints the results and returns the process exit code (0 when there is no finding). */
export function printResults(
  tool: string,
  results: CheckResult[],
  write: (line: string) => void = console.log
): number {
  let total = 0;
  for (const result of results) {
    const verdict = result.findings.length === 0 ? 'ok  ' : 'FAIL';
    write(`${verdict} ${result.name}: ${result.checked}`);
    for (const finding of result.findings) write(`       ${location(finding)}${finding.message}`);
    total += result.findings.length;
  }
  write(
    total === 0
      ? `${tool}: passed (${results.length} checks)`
      : `${tool}: FAILED with ${total} finding${total === 1 ? '' : 's'} in ${results.filter((r) => r.findings.length > 0).length} of ${results.length} checks`
  );
  return total === 0 ? 0 : 1;
}
