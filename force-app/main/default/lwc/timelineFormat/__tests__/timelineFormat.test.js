import { formatDuration, formatLabel, groupByMonth, safeExternalUrl, safeRecordUrl } from 'c/timelineFormat';

describe('formatLabel', () => {
    it('fills numbered placeholders, in any order and repeated', () => {
        expect(formatLabel('{1} called {0}; {1} again', 'Jordan', 'Maya')).toBe('Maya called Jordan; Maya again');
    });

    it('leaves an empty string for a missing value and copes with no template', () => {
        expect(formatLabel('Show details for {0}')).toBe('Show details for ');
        expect(formatLabel(undefined, 'x')).toBe('');
    });
});

describe('formatDuration', () => {
    it.each([
        [0, '0:00'],
        [5, '0:05'],
        [65, '1:05'],
        [754, '12:34'],
        [3725, '62:05'],
        [59.6, '1:00']
    ])('formats %p seconds as %p', (seconds, text) => {
        expect(formatDuration(seconds)).toBe(text);
    });

    it.each([[null], [undefined], [-1], [Number.NaN], ['65']])('has no duration for %p', (value) => {
        expect(formatDuration(value)).toBeNull();
    });
});

describe('safeExternalUrl', () => {
    it('accepts absolute http and https URLs', () => {
        expect(safeExternalUrl('https://assets.aircall.io/recordings/1.mp3')).toBe(
            'https://assets.aircall.io/recordings/1.mp3'
        );
        expect(safeExternalUrl(' http://example.com/a?b=c ')).toBe('http://example.com/a?b=c');
    });

    it.each([
        // eslint-disable-next-line no-script-url -- an unsafe URL is the input under test
        ['javascript:alert(1)'],
        // eslint-disable-next-line no-script-url -- an unsafe URL is the input under test
        ['JAVASCRIPT:alert(1)'],
        ['data:text/html,<script>alert(1)</script>'],
        ['//example.com/protocol-relative'],
        ['/lightning/r/Task/00T/view'],
        ['https://'],
        [''],
        [null],
        [42]
    ])('rejects %p', (url) => {
        expect(safeExternalUrl(url)).toBeUndefined();
    });
});

describe('safeRecordUrl', () => {
    it('accepts a path on this org', () => {
        expect(safeRecordUrl('/lightning/r/Task/00TDn00000AbCd1AAF/view')).toBe(
            '/lightning/r/Task/00TDn00000AbCd1AAF/view'
        );
    });

    it.each([
        ['//evil.example.com/lightning/r/Task/x/view'],
        ['/\\evil.example.com'],
        ['https://evil.example.com/lightning/r/Task/x/view'],
        // eslint-disable-next-line no-script-url -- an unsafe URL is the input under test
        ['javascript:alert(1)'],
        ['/lightning/r/Task/x/view onmouseover'],
        [undefined]
    ])('rejects %p', (url) => {
        expect(safeRecordUrl(url)).toBeUndefined();
    });
});

describe('groupByMonth', () => {
    const at = (id, occurredAt) => ({ id, occurredAt });

    it('groups consecutive items by month, keeping their order', () => {
        const items = [
            at('a', '2026-11-20T16:42:00.000Z'),
            at('b', '2026-11-01T09:00:00.000Z'),
            at('c', '2026-10-29T13:20:00.000Z'),
            at('d', '2025-10-02T13:20:00.000Z')
        ];

        const sections = groupByMonth(items, 'en-US', 'UTC');

        expect(sections.map((s) => [s.label, s.items.map((i) => i.id)])).toEqual([
            ['November 2026', ['a', 'b']],
            ['October 2026', ['c']],
            ['October 2025', ['d']]
        ]);
        expect(new Set(sections.map((s) => s.key)).size).toBe(3);
    });

    it("uses the user's time zone to decide the month", () => {
        const items = [at('a', '2026-11-01T03:00:00.000Z')];

        expect(groupByMonth(items, 'en-US', 'UTC')[0].label).toBe('November 2026');
        expect(groupByMonth(items, 'en-US', 'America/Los_Angeles')[0].label).toBe('October 2026');
    });

    it("uses the user's locale for the month name", () => {
        expect(groupByMonth([at('a', '2026-11-20T12:00:00.000Z')], 'fr-FR', 'UTC')[0].label).toBe('novembre 2026');
    });

    it('still groups when the locale or time zone is unknown', () => {
        const sections = groupByMonth([at('a', '2026-11-20T12:00:00.000Z')], 'en-US', 'Not/AZone');
        expect(sections).toHaveLength(1);
        expect(sections[0].label).toMatch(/2026/);
    });

    it('puts items without a valid date in their own section, and copes with no items', () => {
        const sections = groupByMonth([at('a', 'not a date')], 'en-US', 'UTC');
        expect(sections).toEqual([{ key: 'undated', label: '', items: [at('a', 'not a date')] }]);
        expect(groupByMonth(undefined, 'en-US', 'UTC')).toEqual([]);
    });
});
