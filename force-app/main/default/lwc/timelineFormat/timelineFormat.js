/**
 * Pure formatting helpers of the activity timeline: label templates, call durations, safe links and the month
 * sections the items are grouped into. No component state here, so each helper is tested on its own.
 */

/**
 * Fills a custom label's {0}, {1} … placeholders (custom labels have no parameters of their own).
 * @param {string} template the label value
 * @param {...*} args the values; a missing value leaves an empty string
 * @returns {string}
 */
export function formatLabel(template, ...args) {
    return String(template ?? '').replace(/\{(\d+)\}/g, (_, index) => {
        const value = args[Number(index)];
        return value === null || value === undefined ? '' : String(value);
    });
}

/**
 * A call duration as minutes and seconds: 0 → "0:00", 65 → "1:05", 3725 → "62:05".
 * @param {number} seconds
 * @returns {string|null} null when there is no usable duration
 */
export function formatDuration(seconds) {
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
        return null;
    }
    const whole = Math.round(seconds);
    const minutes = Math.floor(whole / 60);
    const rest = whole % 60;
    return `${minutes}:${String(rest).padStart(2, '0')}`;
}

/**
 * A link to another site (recording, conversation, campaign …) is shown only when it is an absolute http(s)
 * URL: the values come from outside systems, and a javascript: or data: URL in an href would run script.
 * @param {string} url
 * @returns {string|undefined}
 */
export function safeExternalUrl(url) {
    if (typeof url !== 'string') {
        return undefined;
    }
    const trimmed = url.trim();
    return /^https?:\/\/[^\s/]+/i.test(trimmed) ? trimmed : undefined;
}

/**
 * A link to a record in this org is shown only when it is a path on the same host ("/lightning/r/…").
 * @param {string} url
 * @returns {string|undefined}
 */
export function safeRecordUrl(url) {
    if (typeof url !== 'string') {
        return undefined;
    }
    return /^\/(?![/\\])\S*$/.test(url) ? url : undefined;
}

/**
 * Splits items (already newest first) into consecutive month sections, in the user's locale and time zone,
 * the way Salesforce's own activity timeline heads its months.
 * @param {Array<{occurredAt: string}>} items
 * @param {string} locale e.g. "en-US"
 * @param {string} timeZone e.g. "America/Los_Angeles"
 * @returns {Array<{key: string, label: string, items: Array}>}
 */
export function groupByMonth(items, locale, timeZone) {
    const keyFormat = monthFormat(locale, timeZone, { year: 'numeric', month: '2-digit' });
    const labelFormat = monthFormat(locale, timeZone, { year: 'numeric', month: 'long' });
    const sections = [];
    for (const item of items || []) {
        const date = new Date(item.occurredAt);
        const valid = !Number.isNaN(date.getTime());
        const key = valid ? keyFormat.format(date) : 'undated';
        const last = sections[sections.length - 1];
        if (last && last.key === key) {
            last.items.push(item);
        } else {
            sections.push({ key, label: valid ? labelFormat.format(date) : '', items: [item] });
        }
    }
    return sections;
}

function monthFormat(locale, timeZone, options) {
    try {
        return new Intl.DateTimeFormat(locale, { ...options, timeZone });
    } catch {
        // An unknown locale or time zone from the org must not break the timeline: fall back to the browser's.
        return new Intl.DateTimeFormat(undefined, options);
    }
}
