import { createElement } from 'lwc';
import ActivityTimelineItem from 'c/activityTimelineItem';
import TYPE_CALL from '@salesforce/label/c.Timeline_Type_Call';
import TYPE_MESSAGE from '@salesforce/label/c.Timeline_Type_Message';
import TYPE_MEETING from '@salesforce/label/c.Timeline_Type_Meeting';
import TYPE_EMAIL from '@salesforce/label/c.Timeline_Type_Email';
import TYPE_ENGAGEMENT from '@salesforce/label/c.Timeline_Type_Engagement';
import DIRECTION_OUTBOUND from '@salesforce/label/c.Timeline_Direction_Outbound';
import DIRECTION_INBOUND from '@salesforce/label/c.Timeline_Direction_Inbound';
import FIELD_OWNER from '@salesforce/label/c.Timeline_Field_Owner';
import FIELD_REPLY from '@salesforce/label/c.Timeline_Field_Reply';
import FIELD_DETAILS from '@salesforce/label/c.Timeline_Field_Details';
import HANDLED_BY_AI from '@salesforce/label/c.Timeline_Handled_By_AI';
import CALL_VOICEMAIL from '@salesforce/label/c.Timeline_Call_Voicemail';
import CALL_MISSED from '@salesforce/label/c.Timeline_Call_Missed';
import ENGAGEMENT_CAMPAIGN_CLICKED from '@salesforce/label/c.Timeline_Engagement_Campaign_Clicked';
import LINK_RECORDING from '@salesforce/label/c.Timeline_Link_Recording';
import LINK_VOICEMAIL from '@salesforce/label/c.Timeline_Link_Voicemail';
import LINK_CONVERSATION from '@salesforce/label/c.Timeline_Link_Conversation';
import LINK_CLICKED from '@salesforce/label/c.Timeline_Link_Clicked';
import LINK_CAMPAIGN from '@salesforce/label/c.Timeline_Link_Campaign';
import LINK_AUTOMATION from '@salesforce/label/c.Timeline_Link_Automation';
import LINK_RECORD from '@salesforce/label/c.Timeline_Link_Record';
import UNTITLED from '@salesforce/label/c.Timeline_Untitled';
import NEW_TAB from '@salesforce/label/c.Timeline_New_Tab';

// The real labels carry the item title as {0}; the default jest label mock ("c.Timeline_Show_Details") has none.
jest.mock('@salesforce/label/c.Timeline_Show_Details', () => ({ default: 'Show details for {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.Timeline_Hide_Details', () => ({ default: 'Hide details for {0}' }), { virtual: true });

const mockCall = require('./fixtures/call.json');
const mockAiAgentCall = require('./fixtures/aiAgentCall.json');
const mockVoicemail = require('./fixtures/voicemail.json');
const mockMissedCall = require('./fixtures/missedCall.json');
const mockMessage = require('./fixtures/message.json');
const mockMeeting = require('./fixtures/meeting.json');
const mockEmail = require('./fixtures/email.json');
const mockEngagementClicked = require('./fixtures/engagementClicked.json');
const mockEngagementReplied = require('./fixtures/engagementReplied.json');
const mockAutomationEntered = require('./fixtures/automationEntered.json');
const mockUntrustedLinks = require('./fixtures/untrustedLinks.json');
const mockSparseEmail = require('./fixtures/sparseEmail.json');

function flushPromises() {
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    return new Promise((resolve) => setTimeout(resolve, 0));
}

const query = (element, dataId) => element.shadowRoot.querySelector(`[data-id="${dataId}"]`);

async function createItem(item) {
    const element = createElement('c-activity-timeline-item', { is: ActivityTimelineItem });
    element.item = item;
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

async function expand(element) {
    query(element, 'toggle').click();
    await flushPromises();
}

const facts = (element) =>
    Object.fromEntries(
        [...element.shadowRoot.querySelectorAll('[data-fact]')].map((li) => [li.dataset.fact, li.textContent.trim()])
    );
const field = (element, key) => element.shadowRoot.querySelector(`[data-field="${key}"]`);
const link = (element, key) => element.shadowRoot.querySelector(`[data-link="${key}"] a`);

describe('c-activity-timeline-item', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    describe('collapsed row', () => {
        it.each([
            ['a call', mockCall, 'standard:log_a_call', TYPE_CALL, 'slds-timeline__item_call'],
            ['a text message', mockMessage, 'standard:sms', TYPE_MESSAGE, 'slds-timeline__item_task'],
            ['a meeting', mockMeeting, 'standard:event', TYPE_MEETING, 'slds-timeline__item_event'],
            ['an email', mockEmail, 'standard:email', TYPE_EMAIL, 'slds-timeline__item_email'],
            ['a campaign event', mockEngagementClicked, 'standard:campaign', TYPE_ENGAGEMENT, undefined],
            ['an automation event', mockAutomationEntered, 'standard:flow', TYPE_ENGAGEMENT, undefined]
        ])('shows %s with its icon, alternative text and timeline line', async (_, item, iconName, label, line) => {
            const element = await createItem(item);

            const icon = element.shadowRoot.querySelector('lightning-icon');
            expect(icon.iconName).toBe(iconName);
            expect(icon.alternativeText).toBe(label);
            const timelineClasses = [...query(element, 'item').classList].filter((c) =>
                c.startsWith('slds-timeline__item_')
            );
            expect(timelineClasses).toEqual(['slds-timeline__item_expandable', line].filter(Boolean));
        });

        it('shows the title linked to the activity record, and the one-line summary', async () => {
            const element = await createItem(mockCall);

            const anchor = query(element, 'title').querySelector('a');
            expect(anchor.textContent).toBe(mockCall.title);
            expect(anchor.getAttribute('href')).toBe(mockCall.recordUrl);
            expect(query(element, 'summary').textContent).toBe(mockCall.summary);
        });

        it('shows when it happened, exactly and relative to now', async () => {
            const element = await createItem(mockCall);

            const when = query(element, 'when');
            const expected = new Date(mockCall.occurredAt).getTime();
            expect(when.querySelector('lightning-formatted-date-time').value).toBe(expected);
            expect(when.querySelector('lightning-relative-date-time').value).toBe(expected);
        });

        it('shows the year only for activity of another year', async () => {
            const thisYear = await createItem({ ...mockCall, occurredAt: new Date().toISOString() });
            const oldItem = await createItem(mockSparseEmail);

            const yearOf = (el) => query(el, 'when').querySelector('lightning-formatted-date-time').year;
            expect(yearOf(thisYear)).toBeUndefined();
            expect(yearOf(oldItem)).toBe('numeric');
        });

        it('shows direction, duration as m:ss, the person and the owner of a call', async () => {
            const element = await createItem(mockCall);

            expect(facts(element)).toEqual({
                direction: DIRECTION_OUTBOUND,
                duration: expect.stringMatching(/12:34$/),
                related: expect.stringMatching(new RegExp(`${mockCall.relatedName}$`)),
                owner: `${FIELD_OWNER} ${mockCall.ownerName}`
            });
        });

        it('shows the subtype of a voicemail and its 0:38 duration', async () => {
            const element = await createItem(mockVoicemail);

            expect(facts(element)).toMatchObject({
                subtype: CALL_VOICEMAIL,
                direction: DIRECTION_INBOUND,
                duration: expect.stringMatching(/0:38$/)
            });
        });

        it('shows a missed call as missed, without a 0:00 duration', async () => {
            const element = await createItem(mockMissedCall);

            expect(facts(element).subtype).toBe(CALL_MISSED);
            expect(facts(element).duration).toBeUndefined();
        });

        it('shows no duration for activity other than calls', async () => {
            const element = await createItem({ ...mockMessage, durationSeconds: 42 });

            expect(facts(element).duration).toBeUndefined();
            expect(facts(element).direction).toBe(DIRECTION_INBOUND);
        });

        it('shows the engagement type for an engagement event', async () => {
            const element = await createItem(mockEngagementClicked);

            expect(facts(element).subtype).toBe(ENGAGEMENT_CAMPAIGN_CLICKED);
        });

        it('does not name the owner of an engagement event, which is the integration user', async () => {
            const element = await createItem(mockEngagementClicked);
            await expand(element);

            expect(mockEngagementClicked.ownerName).toBeTruthy();
            expect(facts(element).owner).toBeUndefined();
            expect(field(element, 'owner')).toBeNull();
            expect(element.shadowRoot.textContent).not.toContain(mockEngagementClicked.ownerName);
        });

        it('shows markup in a subject, summary or details as text, never as elements', async () => {
            const hostile = '<img src=x onerror="window.__pwned = true">';
            const element = await createItem({
                ...mockCall,
                title: hostile,
                summary: `Summary ${hostile}`,
                details: `Details ${hostile}`,
                relatedName: hostile
            });
            await expand(element);

            expect(element.shadowRoot.querySelector('img')).toBeNull();
            expect(query(element, 'title').textContent).toBe(hostile);
            expect(query(element, 'summary').textContent).toBe(`Summary ${hostile}`);
            const details = element.shadowRoot.querySelector('[data-text="details"] lightning-formatted-text');
            expect(details.value).toBe(`Details ${hostile}`);
            expect(window.__pwned).toBeUndefined();
        });

        it('marks a call handled by an AI agent', async () => {
            const aiCall = await createItem(mockAiAgentCall);
            const humanCall = await createItem(mockCall);

            expect(query(aiCall, 'ai-agent').label).toBe(HANDLED_BY_AI);
            expect(query(humanCall, 'ai-agent')).toBeNull();
        });

        it('falls back to a placeholder title and leaves out what is missing', async () => {
            const element = await createItem(mockSparseEmail);

            expect(query(element, 'title').textContent.trim()).toBe(UNTITLED);
            expect(query(element, 'title').querySelector('a')).toBeNull();
            expect(query(element, 'summary')).toBeNull();
            expect(facts(element)).toEqual({});
        });
    });

    describe('caret and details', () => {
        it('starts collapsed, with a caret labelled with the title and announcing the collapsed state', async () => {
            const element = await createItem(mockCall);

            const toggle = query(element, 'toggle');
            expect(toggle.ariaExpanded).toBe('false');
            expect(toggle.alternativeText).toBe(`Show details for ${mockCall.title}`);
            expect(toggle.iconName).toBe('utility:chevronright');
            expect(query(element, 'details')).toBeNull();
            expect(query(element, 'item').classList).not.toContain('slds-is-open');
        });

        it('expands on a click of the caret and collapses on the next', async () => {
            const element = await createItem(mockCall);

            await expand(element);
            const toggle = query(element, 'toggle');
            expect(toggle.ariaExpanded).toBe('true');
            expect(toggle.alternativeText).toBe(`Hide details for ${mockCall.title}`);
            expect(toggle.iconName).toBe('utility:chevrondown');
            expect(query(element, 'details')).not.toBeNull();
            expect(query(element, 'item').classList).toContain('slds-is-open');

            await expand(element);
            expect(query(element, 'toggle').ariaExpanded).toBe('false');
            expect(query(element, 'details')).toBeNull();
        });

        it('shows the exact date and the labelled facts of a call', async () => {
            const element = await createItem(mockAiAgentCall);
            await expand(element);

            expect(field(element, 'date').querySelector('lightning-formatted-date-time').value).toBe(
                new Date(mockAiAgentCall.occurredAt).getTime()
            );
            expect(field(element, 'type').textContent).toBe(TYPE_CALL);
            expect(field(element, 'name').textContent).toBe(mockAiAgentCall.relatedName);
            expect(field(element, 'owner').textContent).toBe(mockAiAgentCall.ownerName);
            expect(field(element, 'direction').textContent).toBe(DIRECTION_INBOUND);
            expect(field(element, 'duration').textContent).toBe('1:35');
            expect(field(element, 'provider').textContent).toBe('Quo');
            expect(field(element, 'handledBy').textContent).toBe(HANDLED_BY_AI);
        });

        it('shows the summary and the details in full', async () => {
            const element = await createItem(mockCall);
            await expand(element);

            const text = (key) =>
                element.shadowRoot.querySelector(`[data-text="${key}"] lightning-formatted-text`).value;
            expect(text('summary')).toBe(mockCall.summary);
            expect(text('details')).toBe(mockCall.details);
            expect(element.shadowRoot.querySelector('[data-text="details"] .slds-text-title').textContent).toBe(
                FIELD_DETAILS
            );
        });

        it('shows the recording and conversation links of a call, opening safely in a new tab', async () => {
            const element = await createItem(mockCall);
            await expand(element);

            const recording = link(element, 'recording');
            expect(recording.getAttribute('href')).toBe(mockCall.recordingUrl);
            expect(recording.textContent).toBe(`${LINK_RECORDING} ${NEW_TAB}`);
            expect(recording.getAttribute('target')).toBe('_blank');
            expect(recording.getAttribute('rel')).toBe('noopener noreferrer');
            expect(link(element, 'conversation').getAttribute('href')).toBe(mockCall.conversationUrl);
            expect(link(element, 'conversation').textContent).toContain(LINK_CONVERSATION);
            expect(link(element, 'record').getAttribute('href')).toBe(mockCall.recordUrl);
            expect(link(element, 'record').textContent).toBe(LINK_RECORD);
        });

        it('calls a voicemail recording a voicemail', async () => {
            const element = await createItem(mockVoicemail);
            await expand(element);

            expect(link(element, 'recording').textContent).toContain(LINK_VOICEMAIL);
        });

        it.each([
            ['a clicked campaign link, with the URL', mockEngagementClicked, LINK_CLICKED, true],
            ['the campaign web copy of a reply', mockEngagementReplied, LINK_CAMPAIGN, false],
            ['the automation', mockAutomationEntered, LINK_AUTOMATION, false]
        ])('links an engagement event to %s', async (_, item, label, showsUrl) => {
            const element = await createItem(item);
            await expand(element);

            const anchor = link(element, 'link');
            expect(anchor.getAttribute('href')).toBe(item.linkUrl);
            expect(anchor.textContent).toContain(label);
            const shown = element.shadowRoot.querySelector('[data-link="link"]').textContent;
            expect(shown.includes(item.linkUrl)).toBe(showsUrl);
        });

        it("labels a campaign reply's body as the reply", async () => {
            const element = await createItem(mockEngagementReplied);
            await expand(element);

            const reply = element.shadowRoot.querySelector('[data-text="details"]');
            expect(reply.querySelector('.slds-text-title').textContent).toBe(FIELD_REPLY);
            expect(reply.querySelector('lightning-formatted-text').value).toBe(mockEngagementReplied.details);
        });

        it('leaves out links that are not http(s) or not on this org', async () => {
            const element = await createItem(mockUntrustedLinks);
            await expand(element);

            expect(link(element, 'recording')).toBeNull();
            expect(link(element, 'conversation')).toBeNull();
            expect(link(element, 'record')).toBeNull();
            expect(query(element, 'title').querySelector('a')).toBeNull();
            expect(link(element, 'link').getAttribute('href')).toBe(mockUntrustedLinks.linkUrl);
            const hrefs = [...element.shadowRoot.querySelectorAll('a')].map((a) => a.getAttribute('href'));
            expect(hrefs).toEqual([mockUntrustedLinks.linkUrl]);
        });

        it('shows no links section and no empty fields when there is nothing to show', async () => {
            const element = await createItem(mockSparseEmail);
            await expand(element);

            expect(query(element, 'links')).toBeNull();
            expect([...element.shadowRoot.querySelectorAll('[data-field]')].map((f) => f.dataset.field)).toEqual([
                'date',
                'type'
            ]);
            expect(element.shadowRoot.querySelectorAll('[data-text]')).toHaveLength(0);
        });
    });

    describe('accessibility', () => {
        it.each([
            ['a collapsed call', mockCall],
            ['a collapsed AI-agent call', mockAiAgentCall],
            ['a collapsed engagement event', mockEngagementClicked]
        ])('is accessible for %s', async (_, item) => {
            const element = await createItem(item);
            await expect(element).toBeAccessible();
        });

        it.each([
            ['an expanded call', mockCall],
            ['an expanded meeting', mockMeeting],
            ['an expanded campaign reply', mockEngagementReplied],
            ['an expanded item without data', mockSparseEmail]
        ])('is accessible for %s', async (_, item) => {
            const element = await createItem(item);
            await expand(element);
            await expect(element).toBeAccessible();
        });
    });
});
