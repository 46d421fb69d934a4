import { createElement } from 'lwc';
import ActivityTimeline from 'c/activityTimeline';
import getTimeline from '@salesforce/apex/ActivityTimelineController.getTimeline';
import { refreshApex } from '@salesforce/apex';
import LOAD_ERROR from '@salesforce/label/c.Timeline_Load_Error';
import LOAD_MORE_ERROR from '@salesforce/label/c.Timeline_Load_More_Error';
import LOADING from '@salesforce/label/c.Timeline_Loading';
import LOADING_MORE from '@salesforce/label/c.Timeline_Loading_More';
import EMPTY_TITLE from '@salesforce/label/c.Timeline_Empty_Title';
import NO_TYPES_SELECTED from '@salesforce/label/c.Timeline_No_Types_Selected';
import VIEW_ALL from '@salesforce/label/c.Timeline_View_All';
import LOAD_MORE from '@salesforce/label/c.Timeline_Load_More';
import REFRESH from '@salesforce/label/c.Timeline_Refresh';

const mockTimelinePage = require('./fixtures/timelinePage.json');
const mockNextPage = require('./fixtures/timelineNextPage.json');
const mockEmptyPage = require('./fixtures/timelineEmpty.json');
const mockApexError = require('./fixtures/apexError.json');

// The Apex method is both the wire adapter (first page) and an imperative call ("View all" / "Load more").
jest.mock(
    '@salesforce/apex/ActivityTimelineController.getTimeline',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);

jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

const RECORD_ID = '00QDn000001LeadAAA';
const ALL_TYPES = ['call', 'message', 'meeting', 'email', 'engagement'];

function flushPromises() {
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function createTimeline(props = {}) {
    const element = createElement('c-activity-timeline', { is: ActivityTimeline });
    Object.assign(element, { recordId: RECORD_ID, ...props });
    document.body.appendChild(element);
    return element;
}

const query = (element, dataId) => element.shadowRoot.querySelector(`[data-id="${dataId}"]`);
const renderedItems = (element) => [...element.shadowRoot.querySelectorAll('c-activity-timeline-item')];
const renderedIds = (element) => renderedItems(element).map((item) => item.item.id);
const idsOf = (...pages) => pages.flatMap((page) => page.items.map((item) => item.id));

async function emitFirstPage(page = mockTimelinePage) {
    getTimeline.emit(page);
    await flushPromises();
}

async function click(element, dataId) {
    query(element, dataId).click();
    await flushPromises();
}

describe('c-activity-timeline', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    describe('first page (wire)', () => {
        it('shows a labelled spinner and nothing else while the first page loads', async () => {
            const element = createTimeline();
            await flushPromises();

            const spinner = query(element, 'loading').querySelector('lightning-spinner');
            expect(spinner.alternativeText).toBe(LOADING);
            expect(renderedItems(element)).toHaveLength(0);
            expect(query(element, 'error')).toBeNull();
            expect(query(element, 'empty')).toBeNull();
        });

        it('renders one timeline item per activity, in the order Apex returned them (newest first)', async () => {
            const element = createTimeline();
            await emitFirstPage();

            expect(renderedIds(element)).toEqual(idsOf(mockTimelinePage));
            expect(query(element, 'loading')).toBeNull();
        });

        it('renders calls, texts, meetings, emails and engagement events', async () => {
            const element = createTimeline();
            await emitFirstPage();

            const types = new Set(renderedItems(element).map((item) => item.item.itemType));
            expect([...types].sort()).toEqual([...ALL_TYPES].sort());
        });

        it('puts each item in a list item of an SLDS timeline list, one list per month', async () => {
            const element = createTimeline();
            await emitFirstPage();

            const sections = [...element.shadowRoot.querySelectorAll('[data-id="section"]')];
            // The fixture spans November and October 2026 (in the user's time zone).
            expect(sections.map((s) => s.querySelector('h3').textContent.trim())).toEqual([
                'November 2026',
                'October 2026'
            ]);
            for (const section of sections) {
                const list = section.querySelector('ul.slds-timeline');
                expect(list.getAttribute('aria-label')).toBe(section.querySelector('h3').textContent.trim());
                for (const child of list.children) {
                    expect(child.tagName).toBe('LI');
                    expect(child.querySelector('c-activity-timeline-item')).not.toBeNull();
                }
            }
            const perSection = sections.map((s) => s.querySelectorAll('c-activity-timeline-item').length);
            expect(perSection).toEqual([6, 2]);
        });

        it('shows the empty state when the record has no activity', async () => {
            const element = createTimeline();
            await emitFirstPage(mockEmptyPage);

            expect(query(element, 'empty').textContent).toContain(EMPTY_TITLE);
            expect(renderedItems(element)).toHaveLength(0);
            expect(query(element, 'footer')).toBeNull();
        });

        it('shows the error panel with the Apex error when the first page fails', async () => {
            const element = createTimeline();
            getTimeline.error(mockApexError.body, mockApexError.status, mockApexError.statusText);
            await flushPromises();

            const panel = query(element, 'error');
            expect(panel).not.toBeNull();
            expect(panel.friendlyMessage).toBe(LOAD_ERROR);
            expect(panel.errors.body.message).toBe(mockApexError.body.message);
            expect(renderedItems(element)).toHaveLength(0);
            expect(query(element, 'loading')).toBeNull();
        });

        it('replaces an error with the items when the wire later delivers data', async () => {
            const element = createTimeline();
            getTimeline.error(mockApexError.body);
            await flushPromises();
            await emitFirstPage();

            expect(query(element, 'error')).toBeNull();
            expect(renderedItems(element)).toHaveLength(mockTimelinePage.items.length);
        });
    });

    describe('what is asked of Apex', () => {
        it('asks for the record, 20 items, every type and the first page by default', async () => {
            createTimeline();
            await flushPromises();

            expect(getTimeline.getLastConfig()).toEqual({
                recordId: RECORD_ID,
                pageSize: 20,
                itemTypes: ALL_TYPES,
                cursor: null
            });
        });

        it('passes only the types whose App Builder switch is on', async () => {
            createTimeline({ showEmails: false, showEngagement: false, showCalls: true });
            await flushPromises();

            expect(getTimeline.getLastConfig().itemTypes).toEqual(['call', 'message', 'meeting']);
        });

        it('asks again with the new types when a switch changes', async () => {
            const element = createTimeline();
            await flushPromises();
            element.showMeetings = false;
            await flushPromises();

            expect(getTimeline.getLastConfig().itemTypes).toEqual(['call', 'message', 'email', 'engagement']);
        });

        it.each([
            [5, 5],
            [50, 50],
            [80, 50],
            [0, 20],
            [-3, 20],
            ['12', 12],
            ['many', 20],
            [7.9, 7]
        ])('uses "Number of items" %p as page size %p', async (maxItems, pageSize) => {
            createTimeline({ maxItems });
            await flushPromises();

            expect(getTimeline.getLastConfig().pageSize).toBe(pageSize);
        });

        it('does not query and says why when every type is switched off', async () => {
            const element = createTimeline({
                showCalls: false,
                showMessages: false,
                showMeetings: false,
                showEmails: false,
                showEngagement: false
            });
            await flushPromises();

            // An empty type list would mean "all types" to the controller; no record id keeps the wire idle.
            expect(getTimeline.getLastConfig().recordId).toBeUndefined();
            expect(query(element, 'no-types').textContent.trim()).toBe(NO_TYPES_SELECTED);
            expect(query(element, 'loading')).toBeNull();
        });
    });

    describe('view all and load more (imperative Apex with the cursor)', () => {
        it('offers "View all" only when Apex says there is more', async () => {
            const element = createTimeline();
            await emitFirstPage();
            expect(query(element, 'view-all').label).toBe(VIEW_ALL);

            await emitFirstPage({ ...mockTimelinePage, hasMore: false, nextCursor: null });
            expect(query(element, 'view-all')).toBeNull();
            expect(query(element, 'footer')).toBeNull();
        });

        it('"View all" loads the next page with the cursor and appends it', async () => {
            getTimeline.mockResolvedValue(mockNextPage);
            const element = createTimeline({ showEmails: false, maxItems: 8 });
            await emitFirstPage();

            await click(element, 'view-all');

            expect(getTimeline).toHaveBeenCalledTimes(1);
            expect(getTimeline).toHaveBeenCalledWith({
                recordId: RECORD_ID,
                pageSize: 8,
                itemTypes: ['call', 'message', 'meeting', 'engagement'],
                cursor: mockTimelinePage.nextCursor
            });
            expect(renderedIds(element)).toEqual(idsOf(mockTimelinePage, mockNextPage));
            expect(query(element, 'view-all')).toBeNull();
            expect(query(element, 'load-more')).toBeNull();
            expect(query(element, 'end-of-list')).not.toBeNull();
        });

        it('"Load more" follows each page\'s cursor until hasMore is false', async () => {
            const [first, ...rest] = mockNextPage.items;
            getTimeline
                .mockResolvedValueOnce({ items: [first], hasMore: true, nextCursor: 'cursor-3' })
                .mockResolvedValueOnce({ items: rest, hasMore: false, nextCursor: null });
            const element = createTimeline();
            await emitFirstPage();

            await click(element, 'view-all');
            expect(query(element, 'load-more').label).toBe(LOAD_MORE);
            expect(query(element, 'end-of-list')).toBeNull();

            await click(element, 'load-more');

            expect(getTimeline.mock.calls.map(([params]) => params.cursor)).toEqual([
                mockTimelinePage.nextCursor,
                'cursor-3'
            ]);
            expect(renderedIds(element)).toEqual(idsOf(mockTimelinePage, mockNextPage));
            expect(query(element, 'load-more')).toBeNull();
            expect(query(element, 'end-of-list')).not.toBeNull();
        });

        it('shows a labelled spinner instead of the button while a page loads', async () => {
            let resolvePage;
            getTimeline.mockReturnValue(
                new Promise((resolve) => {
                    resolvePage = resolve;
                })
            );
            const element = createTimeline();
            await emitFirstPage();

            await click(element, 'view-all');
            expect(query(element, 'loading-more').querySelector('lightning-spinner').alternativeText).toBe(
                LOADING_MORE
            );
            expect(query(element, 'view-all')).toBeNull();
            expect(query(element, 'load-more')).toBeNull();

            resolvePage(mockNextPage);
            await flushPromises();
            expect(query(element, 'loading-more')).toBeNull();
        });

        it('keeps the items, shows the error panel and offers a retry when a page fails', async () => {
            getTimeline.mockRejectedValueOnce(mockApexError).mockResolvedValueOnce(mockNextPage);
            const element = createTimeline();
            await emitFirstPage();

            await click(element, 'view-all');

            const panel = query(element, 'load-more-error');
            expect(panel.friendlyMessage).toBe(LOAD_MORE_ERROR);
            expect(panel.errors).toEqual(mockApexError);
            expect(renderedIds(element)).toEqual(idsOf(mockTimelinePage));

            await click(element, 'load-more');

            expect(getTimeline.mock.calls[1][0].cursor).toBe(mockTimelinePage.nextCursor);
            expect(query(element, 'load-more-error')).toBeNull();
            expect(renderedIds(element)).toEqual(idsOf(mockTimelinePage, mockNextPage));
        });

        it('shows an item only once when pages overlap', async () => {
            getTimeline.mockResolvedValue({
                items: [mockTimelinePage.items[7], ...mockNextPage.items],
                hasMore: false,
                nextCursor: null
            });
            const element = createTimeline();
            await emitFirstPage();

            await click(element, 'view-all');

            expect(renderedIds(element)).toEqual(idsOf(mockTimelinePage, mockNextPage));
        });

        it('starts over from the new first page when the wire delivers one (refresh or record change)', async () => {
            getTimeline.mockResolvedValue({ ...mockNextPage, hasMore: true, nextCursor: 'cursor-3' });
            const element = createTimeline();
            await emitFirstPage();
            await click(element, 'view-all');
            expect(renderedItems(element)).toHaveLength(11);

            await emitFirstPage();

            expect(renderedIds(element)).toEqual(idsOf(mockTimelinePage));
            expect(query(element, 'view-all')).not.toBeNull();
            expect(query(element, 'load-more')).toBeNull();
        });

        it('drops the answer of a page requested before the wire delivered a new first page', async () => {
            let resolvePage;
            getTimeline.mockReturnValue(
                new Promise((resolve) => {
                    resolvePage = resolve;
                })
            );
            const element = createTimeline();
            await emitFirstPage();
            await click(element, 'view-all');

            await emitFirstPage();
            resolvePage(mockNextPage);
            await flushPromises();

            expect(renderedIds(element)).toEqual(idsOf(mockTimelinePage));
            expect(query(element, 'view-all')).not.toBeNull();
        });
    });

    describe('refresh', () => {
        it('refreshes the wired first page through refreshApex', async () => {
            const element = createTimeline();
            await emitFirstPage();
            const button = query(element, 'refresh');
            expect(button.alternativeText).toBe(REFRESH);
            expect(button.disabled).toBe(false);

            await click(element, 'refresh');

            expect(refreshApex).toHaveBeenCalledTimes(1);
            expect(refreshApex.mock.calls[0][0].data).toEqual(mockTimelinePage);
        });

        it('is disabled while the first page loads', async () => {
            const element = createTimeline();
            await flushPromises();

            expect(query(element, 'refresh').disabled).toBe(true);
        });
    });

    describe('accessibility', () => {
        it('is accessible while loading', async () => {
            const element = createTimeline();
            await flushPromises();
            await expect(element).toBeAccessible();
        });

        it('is accessible with data', async () => {
            const element = createTimeline();
            await emitFirstPage();
            await expect(element).toBeAccessible();
        });

        it('is accessible after paging to the end', async () => {
            getTimeline.mockResolvedValue(mockNextPage);
            const element = createTimeline();
            await emitFirstPage();
            await click(element, 'view-all');
            await expect(element).toBeAccessible();
        });

        it('is accessible when empty', async () => {
            const element = createTimeline();
            await emitFirstPage(mockEmptyPage);
            await expect(element).toBeAccessible();
        });

        it('is accessible when the first page fails', async () => {
            const element = createTimeline();
            getTimeline.error(mockApexError.body);
            await flushPromises();
            await expect(element).toBeAccessible();
        });

        it('is accessible when a further page fails', async () => {
            getTimeline.mockRejectedValue(mockApexError);
            const element = createTimeline();
            await emitFirstPage();
            await click(element, 'view-all');
            await expect(element).toBeAccessible();
        });

        it('is accessible when every type is switched off', async () => {
            const element = createTimeline({
                showCalls: false,
                showMessages: false,
                showMeetings: false,
                showEmails: false,
                showEngagement: false
            });
            await flushPromises();
            await expect(element).toBeAccessible();
        });
    });
});
