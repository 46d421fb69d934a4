import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getTimeline from '@salesforce/apex/ActivityTimelineController.getTimeline';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { groupByMonth } from 'c/timelineFormat';
import TITLE from '@salesforce/label/c.Timeline_Title';
import REFRESH from '@salesforce/label/c.Timeline_Refresh';
import LOADING from '@salesforce/label/c.Timeline_Loading';
import LOADING_MORE from '@salesforce/label/c.Timeline_Loading_More';
import EMPTY_TITLE from '@salesforce/label/c.Timeline_Empty_Title';
import EMPTY_BODY from '@salesforce/label/c.Timeline_Empty_Body';
import NO_TYPES_SELECTED from '@salesforce/label/c.Timeline_No_Types_Selected';
import LOAD_ERROR from '@salesforce/label/c.Timeline_Load_Error';
import LOAD_MORE_ERROR from '@salesforce/label/c.Timeline_Load_More_Error';
import VIEW_ALL from '@salesforce/label/c.Timeline_View_All';
import LOAD_MORE from '@salesforce/label/c.Timeline_Load_More';
import END_OF_LIST from '@salesforce/label/c.Timeline_End_Of_List';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 50;

/**
 * The activity timeline of a Lead, Contact, Account or Opportunity record page: calls, texts, meetings,
 * emails and engagement events, newest first, from ActivityTimelineController.getTimeline. The first page
 * comes through the (cached) wire; "View all" then pages through the rest imperatively with the cursor.
 */
export default class ActivityTimeline extends LightningElement {
    /** The record of the page, set by Lightning. */
    @api recordId;
    /** App Builder "Number of items": the page size, 1 to 50. */
    @api maxItems = DEFAULT_PAGE_SIZE;
    // App Builder type switches. Booleans cannot default to true in LWC; unset (undefined) means shown.
    @api showCalls;
    @api showMessages;
    @api showMeetings;
    @api showEmails;
    @api showEngagement;

    labels = {
        title: TITLE,
        refresh: REFRESH,
        loading: LOADING,
        loadingMore: LOADING_MORE,
        emptyTitle: EMPTY_TITLE,
        emptyBody: EMPTY_BODY,
        noTypesSelected: NO_TYPES_SELECTED,
        loadError: LOAD_ERROR,
        loadMoreError: LOAD_MORE_ERROR,
        viewAll: VIEW_ALL,
        loadMore: LOAD_MORE,
        endOfList: END_OF_LIST
    };

    firstPage;
    error;
    laterItems = [];
    nextCursor;
    hasMore = false;
    isViewingAll = false;
    isLoadingMore = false;
    loadMoreError;

    wiredResult;
    // Bumped whenever the wire delivers a new first page, so an answer to an older "load more" is dropped.
    generation = 0;

    /** The contract's item types, from the App Builder switches. */
    get itemTypes() {
        return [
            ['call', this.showCalls],
            ['message', this.showMessages],
            ['meeting', this.showMeetings],
            ['email', this.showEmails],
            ['engagement', this.showEngagement]
        ]
            .filter(([, shown]) => shown !== false)
            .map(([type]) => type);
    }

    get hasSelectedTypes() {
        return this.itemTypes.length > 0;
    }

    /** "Number of items" as a whole number within 1..50 (App Builder enforces it; markup may not). */
    get pageSize() {
        const size = Math.trunc(Number(this.maxItems));
        if (!Number.isFinite(size) || size < 1) {
            return DEFAULT_PAGE_SIZE;
        }
        return Math.min(size, MAX_PAGE_SIZE);
    }

    // An empty type list means "all types" to the controller: with every switch off, the wire must not run.
    get queryRecordId() {
        return this.hasSelectedTypes ? this.recordId : undefined;
    }

    @wire(getTimeline, {
        recordId: '$queryRecordId',
        pageSize: '$pageSize',
        itemTypes: '$itemTypes',
        cursor: null
    })
    wiredTimeline(result) {
        this.wiredResult = result;
        const { data, error } = result;
        if (data) {
            this.showFirstPage(data, undefined);
        } else if (error) {
            this.showFirstPage(undefined, error);
        }
    }

    showFirstPage(page, error) {
        this.generation += 1;
        this.firstPage = page;
        this.error = error;
        this.laterItems = [];
        this.nextCursor = page ? page.nextCursor : undefined;
        this.hasMore = Boolean(page && page.hasMore && page.nextCursor);
        this.isViewingAll = false;
        this.isLoadingMore = false;
        this.loadMoreError = undefined;
    }

    get items() {
        const seen = new Set();
        const first = (this.firstPage && this.firstPage.items) || [];
        // Ids are the list keys: an item repeated across pages is shown once.
        return [...first, ...this.laterItems].filter((item) => item && !seen.has(item.id) && seen.add(item.id));
    }

    get sections() {
        return groupByMonth(this.items, LOCALE, TIME_ZONE);
    }

    get isLoading() {
        return Boolean(this.queryRecordId) && !this.firstPage && !this.error;
    }

    get hasItems() {
        return this.items.length > 0;
    }

    get isEmpty() {
        return Boolean(this.firstPage) && !this.hasItems;
    }

    get showViewAll() {
        return this.hasMore && !this.isViewingAll && !this.isLoadingMore;
    }

    get showLoadMore() {
        return this.hasMore && this.isViewingAll && !this.isLoadingMore;
    }

    get showEndOfList() {
        return this.isViewingAll && !this.hasMore && !this.isLoadingMore;
    }

    get hasFooter() {
        return this.showViewAll || this.showLoadMore || this.isLoadingMore || this.showEndOfList || this.loadMoreError;
    }

    get isRefreshDisabled() {
        return !this.wiredResult || this.isLoading;
    }

    handleViewAll() {
        this.isViewingAll = true;
        return this.loadNextPage();
    }

    handleLoadMore() {
        return this.loadNextPage();
    }

    handleRefresh() {
        return this.wiredResult ? refreshApex(this.wiredResult) : undefined;
    }

    async loadNextPage() {
        if (!this.hasMore || this.isLoadingMore) {
            return;
        }
        const generation = this.generation;
        this.isLoadingMore = true;
        this.loadMoreError = undefined;
        try {
            const page = await getTimeline({
                recordId: this.recordId,
                pageSize: this.pageSize,
                itemTypes: this.itemTypes,
                cursor: this.nextCursor
            });
            if (generation !== this.generation) {
                return;
            }
            this.laterItems = [...this.laterItems, ...((page && page.items) || [])];
            this.nextCursor = page ? page.nextCursor : undefined;
            this.hasMore = Boolean(page && page.hasMore && page.nextCursor);
        } catch (error) {
            if (generation === this.generation) {
                this.loadMoreError = error;
            }
        } finally {
            if (generation === this.generation) {
                this.isLoadingMore = false;
            }
        }
    }
}
