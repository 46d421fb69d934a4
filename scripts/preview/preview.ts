// `npm run preview [-- scenario …]`: renders every component state of the package's Lightning Web Components
// in headless Chromium and writes one PNG each to .preview/. Exits 1 when any state failed to render cleanly.
import path from 'node:path';
import { runPreview } from './pipeline.ts';

const only = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
try {
  const report = await runPreview(only.length > 0 ? { only } : {});
  const { build } = report;
  console.log(`bundle: ${build.cached ? 'cached' : 'built'} in ${build.seconds.toFixed(1)} s`);
  let failed = 0;
  for (const result of report.results) {
    const problems = [
      ...result.problems,
      ...result.visibleAssistiveText.map((text) => `assistive text visible on screen: "${text}"`)
    ];
    const counts = Object.entries(result.counts)
      .map(([key, value]) => `${key}=${value}`)
      .join(' ');
    console.log(`${problems.length ? 'FAIL' : 'ok  '} ${path.relative(process.cwd(), result.png)}  ${counts}`);
    for (const problem of problems) console.log(`       ${problem}`);
    if (problems.length) failed += 1;
  }
  console.log(`${report.results.length - failed} rendered, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
} catch (error) {
  console.error(`preview failed: ${(error as Error).stack ?? String(error)}`);
  process.exitCode = 1;
}
