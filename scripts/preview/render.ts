// Renders each scenario in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) and
// writes a PNG of the component. Anything that goes wrong on the page — a console error, an uncaught
// exception, a failed or refused request, a component that did not mount or never reached its state — is
// recorded as a problem of that scenario rather than thrown, so one report lists every failure.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import type { Scenario } from './scenarios.ts';

// What the page scripts see; the callbacks passed to page.evaluate run in the browser, where these exist.
interface PreviewWindow {
  __PREVIEW_SCENARIO__?: unknown;
  __PREVIEW_STATUS__?: unknown;
  __PREVIEW_APEX_CALLS__?: unknown;
  document: { fonts: { ready: Promise<unknown> } };
}

export const CHROMIUM_PATH = '/usr/bin/chromium';

// The network is closed on this machine, and a preview must not phone home anyway.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];

export interface RenderOptions {
  /** Base URL of the preview server (serving /index.html, /preview.js and /assets/). */
  baseUrl: string;
  outDir: string;
  now: Date;
  locale: string;
  timeZone: string;
  /** How long a scenario may take to reach its state. */
  timeoutMs?: number;
}

export interface ScenarioResult {
  name: string;
  png: string;
  problems: string[];
  counts: Record<string, number>;
  /** The rendered text of the component, as a user reads it. */
  text: string;
  /** Text of every .slds-assistive-text that is visible on screen (SLDS not applied where it should be). */
  visibleAssistiveText: string[];
  apexCalls: { kind: string; params: Record<string, unknown> }[];
}

export interface BrowserOptions {
  now: Date;
  locale: string;
  timeZone: string;
}

/**
 * Runs `use` with a Chromium context on a fresh profile (removed afterwards, so nothing of one run leaks into
 * the next), with the preview's clock, locale, time zone and viewport.
 */
export async function withPreviewBrowser<T>(
  options: BrowserOptions,
  use: (context: BrowserContext) => Promise<T>
): Promise<T> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: install Debian's chromium package (.ci/run does)`);
  }
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'switchboard-preview-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 680, height: 900 },
      deviceScaleFactor: 1,
      locale: options.locale,
      timezoneId: options.timeZone,
      reducedMotion: 'reduce'
    });
    await context.clock.setFixedTime(options.now);
    return await use(context);
  } finally {
    await context?.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

export async function renderScenarios(scenarios: Scenario[], options: RenderOptions): Promise<ScenarioResult[]> {
  return withPreviewBrowser(options, async (context) => {
    const results: ScenarioResult[] = [];
    for (const scenario of scenarios) {
      results.push(await renderScenario(context, scenario, options));
    }
    return results;
  });
}

async function renderScenario(
  context: BrowserContext,
  scenario: Scenario,
  options: RenderOptions
): Promise<ScenarioResult> {
  const timeout = options.timeoutMs ?? 15_000;
  const result: ScenarioResult = {
    name: scenario.name,
    png: path.join(options.outDir, `${scenario.name}.png`),
    problems: [],
    counts: {},
    text: '',
    visibleAssistiveText: [],
    apexCalls: []
  };
  const page = await context.newPage();
  try {
    page.setDefaultTimeout(timeout);
    await watchForProblems(page, options.baseUrl, result.problems);
    await page.addInitScript(
      (value) => {
        (globalThis as unknown as PreviewWindow).__PREVIEW_SCENARIO__ = value;
      },
      scenario as unknown as Record<string, unknown>
    );

    await page.goto(`${options.baseUrl}/index.html`, { waitUntil: 'load' });
    const status = await page.evaluate(() => (globalThis as unknown as PreviewWindow).__PREVIEW_STATUS__);
    if (!isMounted(status)) {
      result.problems.push(`did not mount: ${JSON.stringify(status ?? 'no status (the script did not run)')}`);
      return result;
    }
    for (const selector of scenario.clicks ?? []) {
      await step(result, `click ${selector}`, () => page.locator(selector).first().click());
    }
    // Park the mouse on the empty canvas: no hover highlight or focus ring left over from the clicks.
    if (scenario.clicks?.length) await page.mouse.click(1, 1);
    await step(result, `wait for ${scenario.readyWhen}`, () =>
      page.locator(scenario.readyWhen).first().waitFor({ state: 'visible' })
    );
    await page.evaluate(() => (globalThis as unknown as PreviewWindow).document.fonts.ready.then(() => undefined));

    for (const [key, selector] of Object.entries(scenario.counts ?? {})) {
      result.counts[key] = await page.locator(selector).count();
    }
    result.text = await page.locator('#root').innerText();
    result.visibleAssistiveText = await visibleAssistiveText(page);
    result.apexCalls = (await page.evaluate(
      () => (globalThis as unknown as PreviewWindow).__PREVIEW_APEX_CALLS__ ?? []
    )) as ScenarioResult['apexCalls'];
    await page.locator('#root').screenshot({ path: result.png, animations: 'disabled' });
    return result;
  } catch (error) {
    result.problems.push(`render failed: ${(error as Error).message}`);
    return result;
  } finally {
    await page.close();
  }
}

function isMounted(status: unknown): boolean {
  return typeof status === 'object' && status !== null && (status as { mounted?: unknown }).mounted === true;
}

async function step(result: ScenarioResult, what: string, action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch (error) {
    result.problems.push(`${what}: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** Records every console error, uncaught exception, failed request and HTTP error of the page in `problems`. */
export async function watchForProblems(page: Page, baseUrl: string, problems: string[]): Promise<void> {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`)
  );
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  // Only the preview server may be reached; anything else is a bug in the page (and would hang offline).
  await page.route(
    (url) => !url.href.startsWith(baseUrl) && url.protocol !== 'data:',
    (route) => {
      problems.push(`request outside the preview server: ${route.request().url()}`);
      return route.abort('blockedbyclient');
    }
  );
}

/** Assistive text is clipped to 1px by SLDS; if it can be seen, the stylesheet is not reaching the component. */
async function visibleAssistiveText(page: Page): Promise<string[]> {
  const texts: string[] = [];
  for (const element of await page.locator('.slds-assistive-text').all()) {
    const box = await element.boundingBox();
    if (box !== null && box.width > 2 && box.height > 2) {
      texts.push((await element.textContent())?.trim() ?? '');
    }
  }
  return texts;
}
