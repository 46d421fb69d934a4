// `npm run preview` and its test share this pipeline: build (or reuse) the bundle, serve it with the SLDS
// assets on 127.0.0.1, render every scenario in headless Chromium, and write one PNG per scenario.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPreviewBundle } from './build.ts';
import type { BuildResult } from './build.ts';
import { renderScenarios } from './render.ts';
import type { ScenarioResult } from './render.ts';
import { loadScenarios, PREVIEW_NOW } from './scenarios.ts';
import type { Scenario } from './scenarios.ts';
import { startPreviewServer } from './server.ts';

export const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LOCALE = 'en-US';
const TIME_ZONE = 'America/Los_Angeles';

export interface PreviewOptions {
  root?: string;
  /** Where the PNGs go; .preview/ at the repository root by default (git-ignored). */
  outDir?: string;
  /** Only these scenarios (by name); all by default. */
  only?: string[];
  /** Other scenarios than the package's own (the render test's failure cases). */
  scenarios?: Scenario[];
  /** How long each scenario may take to reach its state. */
  timeoutMs?: number;
}

export interface PreviewReport {
  build: BuildResult;
  outDir: string;
  scenarios: Scenario[];
  results: ScenarioResult[];
}

export async function runPreview(options: PreviewOptions = {}): Promise<PreviewReport> {
  const root = options.root ?? REPOSITORY_ROOT;
  const outDir = options.outDir ?? path.join(root, '.preview');
  mkdirSync(outDir, { recursive: true });

  const all = options.scenarios ?? loadScenarios(root);
  const unknown = (options.only ?? []).filter((name) => !all.some((s) => s.name === name));
  if (unknown.length > 0) {
    throw new Error(`Unknown preview scenario(s): ${unknown.join(', ')}; known: ${all.map((s) => s.name).join(', ')}`);
  }
  const scenarios = options.only ? all.filter((s) => options.only?.includes(s.name)) : all;

  const build = await buildPreviewBundle({
    root,
    cacheDir: path.join(root, '.preview', '.build'),
    locale: LOCALE,
    timeZone: TIME_ZONE
  });
  const server = await startPreviewServer(
    {
      '/index.html': path.join(root, 'scripts/preview/app/index.html'),
      '/preview.js': build.bundleFile
    },
    { '/assets/': path.join(root, 'node_modules/@salesforce-ux/design-system/assets') }
  );
  try {
    const results = await renderScenarios(scenarios, {
      baseUrl: server.url,
      outDir,
      now: PREVIEW_NOW,
      locale: LOCALE,
      timeZone: TIME_ZONE,
      timeoutMs: options.timeoutMs
    });
    return { build, outDir, scenarios, results };
  } finally {
    await server.close();
  }
}
