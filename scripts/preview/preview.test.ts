// Runs the `npm run preview` pipeline end to end — LWC compiler, lightning-base-components, SLDS, headless
// Chromium — and holds every rendered state to account: no console or page error, no failed request, the
// expected DOM, real label text, and a PNG on disk.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readCustomLabels } from './labels.ts';
import { REPOSITORY_ROOT, runPreview } from './pipeline.ts';
import type { PreviewReport } from './pipeline.ts';
import { watchForProblems, withPreviewBrowser } from './render.ts';
import type { ScenarioResult } from './render.ts';
import type { Scenario } from './scenarios.ts';
import { startPreviewServer } from './server.ts';

const LWC_DATA = path.join(REPOSITORY_ROOT, 'force-app/main/default/lwc/activityTimeline/__tests__/fixtures');
const fixture = (name: string) =>
  JSON.parse(readFileSync(path.join(LWC_DATA, `${name}.json`), 'utf8')) as {
    items: { id: string; occurredAt: string }[];
    nextCursor: string | null;
  };

/** Width and height from a PNG's IHDR chunk; throws when the file is not a PNG. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  if (bytes.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error(`${file} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('npm run preview', () => {
  let outDir: string;
  let report: PreviewReport;
  const result = (name: string): ScenarioResult => {
    const found = report.results.find((r) => r.name === name);
    if (!found) throw new Error(`no result for scenario ${name}`);
    return found;
  };

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'switchboard-preview-test-'));
    report = await runPreview({ outDir });
  }, 240_000);

  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('renders every scenario without a console error, page error or failed request', () => {
    expect(report.results.map((r) => r.name)).toEqual(report.scenarios.map((s) => s.name));
    expect(report.results.filter((r) => r.problems.length > 0).map((r) => [r.name, r.problems])).toEqual([]);
  });

  it('writes one PNG per scenario, cropped to the 640 px component column', () => {
    for (const r of report.results) {
      expect(path.dirname(r.png)).toBe(outDir);
      const { width, height } = pngSize(r.png);
      expect(width).toBe(640);
      expect(height).toBeGreaterThan(80);
    }
  });

  it('applies the SLDS stylesheet inside the components (no assistive text on screen)', () => {
    expect(report.results.filter((r) => r.visibleAssistiveText.length > 0).map((r) => r.name)).toEqual([]);
  });

  it('shows the real custom label text, not label names', () => {
    const labels = readCustomLabels(
      path.join(REPOSITORY_ROOT, 'force-app/main/default/labels/CustomLabels.labels-meta.xml')
    );
    const timeline = result('activity-timeline');
    expect(timeline.text).toContain(labels.get('Timeline_Title'));
    expect(timeline.text).toContain(labels.get('Timeline_View_All'));
    expect(result('activity-timeline-empty').text).toContain(labels.get('Timeline_Empty_Title'));
    expect(result('activity-timeline-error').text).toContain(labels.get('Timeline_Load_Error'));
    for (const r of report.results) expect(r.text).not.toMatch(/\bc\.[A-Z]\w+_/);
  });

  it('renders the timeline with every fixture item, two months and the AI-agent mark', () => {
    expect(result('activity-timeline').counts).toEqual({
      items: fixture('timelinePage').items.length,
      sections: 2,
      viewAll: 1,
      aiAgent: 1
    });
  });

  it('asks Apex for the first page through the wire with the defaults', () => {
    expect(result('activity-timeline').apexCalls).toEqual([
      {
        kind: 'wire',
        params: {
          recordId: expect.any(String),
          pageSize: 20,
          itemTypes: ['call', 'message', 'meeting', 'email', 'engagement'],
          cursor: null
        }
      }
    ]);
  });

  it('expands an item: details with the recording, conversation and record links', () => {
    expect(result('activity-timeline-expanded').counts).toEqual({ items: 8, expanded: 1, links: 3 });
  });

  it('expands an engagement event: the clicked link and the record link', () => {
    const expanded = result('activity-timeline-expanded-engagement');
    expect(expanded.counts).toEqual({ items: 8, expanded: 1, links: 2 });
    expect(expanded.text).toContain('https://www.example.com/blog/reporting-update');
  });

  it('pages with the cursor on "View all" and shows every item', () => {
    const first = fixture('timelinePage');
    const next = fixture('timelineNextPage');
    // The fixtures are two pages of one timeline, as Apex's keyset paging returns them: newest first throughout.
    const times = [...first.items, ...next.items].map((item) => Date.parse(item.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const viewAll = result('activity-timeline-view-all');
    expect(viewAll.counts).toEqual({ items: first.items.length + next.items.length, sections: 3, loadMore: 0 });
    expect(viewAll.apexCalls.map((c) => [c.kind, c.params.cursor])).toEqual([
      ['wire', null],
      ['imperative', first.nextCursor]
    ]);
  });

  it('keeps the items and offers a retry when a further page fails', () => {
    expect(result('activity-timeline-load-more-error').counts).toEqual({ items: 8, errorPanels: 1, loadMore: 1 });
  });

  it('renders the empty, error, loading and no-types states', () => {
    expect(result('activity-timeline-empty').counts).toEqual({ items: 0, empty: 1 });
    expect(result('activity-timeline-error').counts).toEqual({ items: 0, errorPanels: 1 });
    expect(result('activity-timeline-loading').counts).toEqual({ items: 0, spinners: 1 });
    expect(result('activity-timeline-no-types').counts).toEqual({ items: 0 });
    expect(result('activity-timeline-no-types').apexCalls).toEqual([]);
  });

  it('renders the error panel on its own with its details', () => {
    expect(result('error-panel').counts).toEqual({ details: 1 });
  });
});

describe('the preview renderer', () => {
  it('records console errors, uncaught exceptions, HTTP errors and requests outside the preview server', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-preview-problems-'));
    writeFileSync(
      path.join(dir, 'index.html'),
      `<script>
        console.error('something broke');
        fetch('/missing.js').catch(() => {});
        fetch('http://example.invalid/tracker.js').catch(() => {});
        setTimeout(() => { throw new Error('late failure'); });
      </script>`
    );
    const server = await startPreviewServer({ '/index.html': path.join(dir, 'index.html') }, {});
    try {
      const problems: string[] = [];
      await withPreviewBrowser({ now: new Date(), locale: 'en-US', timeZone: 'UTC' }, async (context) => {
        const page = await context.newPage();
        await watchForProblems(page, server.url, problems);
        await Promise.all([
          page.waitForResponse((response) => response.url().endsWith('/missing.js')),
          page.goto(`${server.url}/index.html`)
        ]);
        await page.waitForTimeout(300);
      });

      expect(problems).toEqual(
        expect.arrayContaining([
          'console error: something broke',
          expect.stringMatching(/^HTTP 404: http:\/\/127\.0\.0\.1:\d+\/missing\.js$/),
          'request outside the preview server: http://example.invalid/tracker.js',
          // Under Playwright's fixed clock, an exception in a timer surfaces as a console error.
          expect.stringMatching(/^(page|console) error: (Error: )?late failure/)
        ])
      );
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('reports a component that does not mount, and a state that is never reached, as problems', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'switchboard-preview-failures-'));
    try {
      const failing: Scenario[] = [
        {
          name: 'unknown-component',
          description: 'a component the preview page does not know',
          component: 'c-no-such-component' as Scenario['component'],
          props: {},
          readyWhen: 'c-no-such-component'
        },
        {
          name: 'state-never-reached',
          description: 'an error answer while the scenario waits for the empty state',
          component: 'c-activity-timeline',
          props: { recordId: '003Dn00000JordanAAA' },
          wire: { error: { body: { message: 'boom' } } },
          readyWhen: '[data-id="empty"]'
        }
      ];
      const { results } = await runPreview({ outDir, scenarios: failing, timeoutMs: 1500 });

      const [unknown, neverReached] = results;
      expect(unknown?.problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^page error: Unknown preview component c-no-such-component/),
          expect.stringMatching(/^did not mount/)
        ])
      );
      expect(neverReached?.problems).toEqual([expect.stringMatching(/^wait for \[data-id="empty"\]: .*Timeout/)]);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 120_000);
});
