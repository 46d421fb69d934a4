// The component states the preview renders, one PNG each. Data comes from the components' own jest fixtures
// (force-app/main/default/lwc/<component>/__tests__/fixtures), so the preview and the unit tests show the same
// records.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ApexAnswer {
  data?: unknown;
  error?: unknown;
  /** Never answer: the component stays in its loading state. */
  pending?: boolean;
}

export interface Scenario {
  /** File name of the PNG (without .png) and the name printed in reports. */
  name: string;
  description: string;
  component: 'c-activity-timeline' | 'c-activity-timeline-item' | 'c-error-panel';
  props: Record<string, unknown>;
  /** What ActivityTimelineController.getTimeline answers through the wire (first page). */
  wire?: ApexAnswer;
  /** What it answers to imperative calls ("View all", "Load more"), in order. */
  pages?: ApexAnswer[];
  /** Clicked in order once the component has rendered (Playwright selectors; they pierce shadow roots). */
  clicks?: string[];
  /** Shown once the state is reached; the screenshot waits for it. */
  readyWhen: string;
  /** Selectors counted in the rendered state, reported as facts for the render test. */
  counts?: Record<string, string>;
}

const ALL_TYPES_OFF = {
  showCalls: false,
  showMessages: false,
  showMeetings: false,
  showEmails: false,
  showEngagement: false
};

/** The instant the preview browser believes it is: a few hours after the newest fixture activity. */
export const PREVIEW_NOW = new Date('2026-11-20T19:30:00.000Z');

export function loadScenarios(root: string): Scenario[] {
  const fixture = (component: string, name: string): unknown =>
    JSON.parse(
      readFileSync(
        path.join(root, 'force-app/main/default/lwc', component, '__tests__/fixtures', `${name}.json`),
        'utf8'
      )
    );
  const firstPage = fixture('activityTimeline', 'timelinePage');
  const nextPage = fixture('activityTimeline', 'timelineNextPage');
  const emptyPage = fixture('activityTimeline', 'timelineEmpty');
  const apexError = fixture('activityTimeline', 'apexError');
  const recordId = '003Dn00000JordanAAA';
  const items = 'c-activity-timeline-item';

  return [
    {
      name: 'activity-timeline',
      description: 'A contact with calls, texts, a meeting, engagement events and an email, across two months',
      component: 'c-activity-timeline',
      props: { recordId },
      wire: { data: firstPage },
      readyWhen: items,
      counts: {
        items,
        sections: '[data-id="section"]',
        viewAll: '[data-id="view-all"]',
        aiAgent: '[data-id="ai-agent"]'
      }
    },
    {
      name: 'activity-timeline-expanded',
      description: 'The newest call expanded: facts, summary, details, recording and conversation links',
      component: 'c-activity-timeline',
      props: { recordId },
      wire: { data: firstPage },
      clicks: [`${items} >> nth=0 >> [data-id="toggle"]`],
      readyWhen: '[data-id="details"]',
      counts: { items, expanded: '[data-id="details"]', links: '[data-id="links"] a' }
    },
    {
      name: 'activity-timeline-expanded-engagement',
      description: 'A campaign click expanded: the engagement type, source and the clicked link with its URL',
      component: 'c-activity-timeline',
      props: { recordId },
      wire: { data: firstPage },
      clicks: [`${items} >> nth=4 >> [data-id="toggle"]`],
      readyWhen: '[data-id="details"]',
      counts: { items, expanded: '[data-id="details"]', links: '[data-id="links"] a' }
    },
    {
      name: 'activity-timeline-view-all',
      description: '"View all" paged to the end with the cursor',
      component: 'c-activity-timeline',
      props: { recordId },
      wire: { data: firstPage },
      pages: [{ data: nextPage }],
      clicks: ['[data-id="view-all"]'],
      readyWhen: '[data-id="end-of-list"]',
      counts: { items, sections: '[data-id="section"]', loadMore: '[data-id="load-more"]' }
    },
    {
      name: 'activity-timeline-load-more-error',
      description: 'A further page failed: the items stay, the error panel offers the details and a retry',
      component: 'c-activity-timeline',
      props: { recordId },
      wire: { data: firstPage },
      pages: [{ error: apexError }],
      clicks: ['[data-id="view-all"]'],
      readyWhen: '[data-id="load-more-error"]',
      counts: { items, errorPanels: 'c-error-panel', loadMore: '[data-id="load-more"]' }
    },
    {
      name: 'activity-timeline-empty',
      description: 'A record without activity',
      component: 'c-activity-timeline',
      props: { recordId },
      wire: { data: emptyPage },
      readyWhen: '[data-id="empty"]',
      counts: { items, empty: '[data-id="empty"]' }
    },
    {
      name: 'activity-timeline-error',
      description: 'The first page failed (an AuraHandledException), with its details shown',
      component: 'c-activity-timeline',
      props: { recordId },
      wire: { error: apexError },
      clicks: ['[data-id="error"] >> [data-id="details-toggle"]'],
      readyWhen: '[data-id="error"] >> [data-id="details"]',
      counts: { items, errorPanels: 'c-error-panel' }
    },
    {
      name: 'activity-timeline-loading',
      description: 'Waiting for the first page',
      component: 'c-activity-timeline',
      props: { recordId },
      wire: { pending: true },
      readyWhen: '[data-id="loading"] lightning-spinner',
      counts: { items, spinners: 'lightning-spinner' }
    },
    {
      name: 'activity-timeline-no-types',
      description: 'Every activity type switched off in App Builder',
      component: 'c-activity-timeline',
      props: { recordId, ...ALL_TYPES_OFF },
      wire: { data: firstPage },
      readyWhen: '[data-id="no-types"]',
      counts: { items }
    },
    {
      name: 'error-panel',
      description: 'The shared error panel on its own, details shown',
      component: 'c-error-panel',
      props: { errors: apexError, friendlyMessage: undefined },
      clicks: ['[data-id="details-toggle"]'],
      readyWhen: '[data-id="details"]',
      counts: { details: '[data-id="details"] li' }
    }
  ];
}
