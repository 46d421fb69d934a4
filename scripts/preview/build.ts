// Compiles the package's Lightning Web Components for the browser with the open-source LWC compiler, the
// npm lightning-base-components and the Salesforce-module stand-ins, into one script. The result is cached by
// a hash of everything that goes into it, so an unchanged tree renders without the ~20 s rollup build.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rollup } from 'rollup';
import type { Plugin } from 'rollup';
import lwcModule from '@lwc/rollup-plugin';
import replaceModule from '@rollup/plugin-replace';
import { readCustomLabels } from './labels.ts';
import { salesforceModules } from './salesforceModules.ts';

// Both plugins ship CommonJS with an `exports.default` (and types to match); depending on the loader (Node's ESM,
// jest's), the default import is the function itself or the CommonJS exports object around it.
function defaultExport<T>(module: T): T extends { default: infer D } ? D : T {
  const candidate = module as { default?: unknown };
  return (typeof module === 'function' ? module : candidate.default) as T extends { default: infer D } ? D : T;
}
const lwc = defaultExport(lwcModule);
const replace = defaultExport(replaceModule);

export interface BuildOptions {
  /** Repository root. */
  root: string;
  /** Where bundles are cached (one folder per input hash). */
  cacheDir: string;
  locale: string;
  timeZone: string;
}

export interface BuildResult {
  bundleFile: string;
  cached: boolean;
  seconds: number;
}

export const LWC_DIR = 'force-app/main/default/lwc';
export const LABELS_FILE = 'force-app/main/default/labels/CustomLabels.labels-meta.xml';
const APP_DIR = 'scripts/preview/app';
const TOOLCHAIN = ['lwc', '@lwc/rollup-plugin', 'lightning-base-components', 'rollup', '@rollup/plugin-replace'];

/** Files of the components themselves (not their jest tests), as c/<name> module records. */
function componentModules(root: string): { name: string; path: string }[] {
  const lwcDir = path.join(root, LWC_DIR);
  return readdirSync(lwcDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(lwcDir, entry.name, `${entry.name}.js`)))
    .map((entry) => ({ name: `c/${entry.name}`, path: path.join(lwcDir, entry.name, `${entry.name}.js`) }));
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.name !== '__tests__')
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(full) : [full];
    })
    .sort();
}

function inputHash(root: string, options: BuildOptions): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ locale: options.locale, timeZone: options.timeZone }));
  const inputs = [
    ...filesUnder(path.join(root, LWC_DIR)),
    ...filesUnder(path.join(root, APP_DIR)),
    path.join(root, LABELS_FILE),
    path.join(root, 'scripts/preview/build.ts'),
    path.join(root, 'scripts/preview/salesforceModules.ts'),
    path.join(root, 'scripts/preview/labels.ts')
  ];
  for (const file of inputs) {
    hash.update(path.relative(root, file));
    hash.update(readFileSync(file));
  }
  for (const pkg of TOOLCHAIN) {
    const manifest = JSON.parse(readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as {
      version: string;
    };
    hash.update(`${pkg}@${manifest.version}`);
  }
  return hash.digest('hex').slice(0, 16);
}

function plugins(root: string, options: BuildOptions): Plugin[] {
  const stubs = path.join(root, APP_DIR, 'stubs');
  return [
    salesforceModules({
      labels: readCustomLabels(path.join(root, LABELS_FILE)),
      locale: options.locale,
      timeZone: options.timeZone,
      apexStubs: {
        '@salesforce/apex': path.join(stubs, 'apex.js'),
        '@salesforce/apex/ActivityTimelineController.getTimeline': path.join(stubs, 'getTimeline.js')
      }
    }),
    replace({
      preventAssignment: true,
      values: {
        // Development mode: the LWC engine reports template and property mistakes, which the render test catches.
        'process.env.NODE_ENV': JSON.stringify('development'),
        // lightning-base-components read import.meta.env.SSR, which only an SSR bundler defines.
        'import.meta.env.SSR': 'false'
      }
    }),
    lwc({
      rootDir: root,
      // lightning-base-components uses lwc:is (dynamic components) in a few places.
      enableDynamicComponents: true,
      modules: [...componentModules(root), { npm: 'lightning-base-components' }]
    }) as Plugin
  ];
}

/** Builds (or reuses) the preview bundle; warnings other than LBC's known duplicate slots are printed. */
export async function buildPreviewBundle(options: BuildOptions): Promise<BuildResult> {
  const started = Date.now();
  const root = options.root;
  const key = inputHash(root, options);
  const dir = path.join(options.cacheDir, key);
  const bundleFile = path.join(dir, 'preview.js');
  if (existsSync(bundleFile) && statSync(bundleFile).size > 0) {
    return { bundleFile, cached: true, seconds: (Date.now() - started) / 1000 };
  }
  const bundle = await rollup({
    input: path.join(root, APP_DIR, 'main.js'),
    plugins: plugins(root, options),
    onwarn(warning, warn) {
      // lightning-card declares the same slot twice (LWC1137); harmless and not ours.
      if (warning.code === 'PLUGIN_WARNING' && /LWC1137/.test(warning.message)) return;
      warn(warning);
    }
  });
  try {
    const { output } = await bundle.generate({ format: 'iife', inlineDynamicImports: true });
    const [chunk] = output;
    if (chunk === undefined || chunk.type !== 'chunk') {
      throw new Error('The preview build produced no script');
    }
    // Builds of older inputs are dropped; the new one is written under a temporary name and then moved into
    // place, so a concurrent reader never sees half a file.
    mkdirSync(dir, { recursive: true });
    for (const entry of readdirSync(options.cacheDir)) {
      if (entry !== key) rmSync(path.join(options.cacheDir, entry), { recursive: true, force: true });
    }
    const temporary = `${bundleFile}.${process.pid}.tmp`;
    writeFileSync(temporary, chunk.code);
    renameSync(temporary, bundleFile);
  } finally {
    await bundle.close();
  }
  return { bundleFile, cached: false, seconds: (Date.now() - started) / 1000 };
}
