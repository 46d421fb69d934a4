import { LightningElement, api } from 'lwc';
import { formatDuration, formatLabel, safeExternalUrl, safeRecordUrl } from 'c/timelineFormat';
import TYPE_CALL from '@salesforce/label/c.Timeline_Type_Call';
import TYPE_MESSAGE from '@salesforce/label/c.Timeline_Type_Message';
import TYPE_MEETING from '@salesforce/label/c.Timeline_Type_Meeting';
import TYPE_EMAIL from '@salesforce/label/c.Timeline_Type_Email';
import TYPE_ENGAGEMENT from '@salesforce/label/c.Timeline_Type_Engagement';
import CALL_MISSED from '@salesforce/label/c.Timeline_Call_Missed';
import CALL_VOICEMAIL from '@salesforce/label/c.Timeline_Call_Voicemail';
import ENGAGEMENT_CAMPAIGN_SENT from '@salesforce/label/c.Timeline_Engagement_Campaign_Sent';
import ENGAGEMENT_CAMPAIGN_OPENED from '@salesforce/label/c.Timeline_Engagement_Campaign_Opened';
import ENGAGEMENT_CAMPAIGN_CLICKED from '@salesforce/label/c.Timeline_Engagement_Campaign_Clicked';
import ENGAGEMENT_CAMPAIGN_REPLIED from '@salesforce/label/c.Timeline_Engagement_Campaign_Replied';
import ENGAGEMENT_CAMPAIGN_BOUNCED from '@salesforce/label/c.Timeline_Engagement_Campaign_Bounced';
import ENGAGEMENT_UNSUBSCRIBED from '@salesforce/label/c.Timeline_Engagement_Unsubscribed';
import ENGAGEMENT_AUTOMATION_ENTERED from '@salesforce/label/c.Timeline_Engagement_Automation_Entered';
import ENGAGEMENT_AUTOMATION_COMPLETED from '@salesforce/label/c.Timeline_Engagement_Automation_Completed';
import ENGAGEMENT_SITE_VISIT from '@salesforce/label/c.Timeline_Engagement_Site_Visit';
import ENGAGEMENT_CUSTOM_EVENT from '@salesforce/label/c.Timeline_Engagement_Custom_Event';
import DIRECTION_INBOUND from '@salesforce/label/c.Timeline_Direction_Inbound';
import DIRECTION_OUTBOUND from '@salesforce/label/c.Timeline_Direction_Outbound';
import HANDLED_BY_AI from '@salesforce/label/c.Timeline_Handled_By_AI';
import HANDLED_BY_HUMAN from '@salesforce/label/c.Timeline_Handled_By_Human';
import SHOW_DETAILS from '@salesforce/label/c.Timeline_Show_Details';
import HIDE_DETAILS from '@salesforce/label/c.Timeline_Hide_Details';
import UNTITLED from '@salesforce/label/c.Timeline_Untitled';
import NEW_TAB from '@salesforce/label/c.Timeline_New_Tab';
import FIELD_DATE from '@salesforce/label/c.Timeline_Field_Date';
import FIELD_TYPE from '@salesforce/label/c.Timeline_Field_Type';
import FIELD_NAME from '@salesforce/label/c.Timeline_Field_Name';
import FIELD_OWNER from '@salesforce/label/c.Timeline_Field_Owner';
import FIELD_DIRECTION from '@salesforce/label/c.Timeline_Field_Direction';
import FIELD_DURATION from '@salesforce/label/c.Timeline_Field_Duration';
import FIELD_PROVIDER from '@salesforce/label/c.Timeline_Field_Provider';
import FIELD_HANDLED_BY from '@salesforce/label/c.Timeline_Field_Handled_By';
import FIELD_SUMMARY from '@salesforce/label/c.Timeline_Field_Summary';
import FIELD_DETAILS from '@salesforce/label/c.Timeline_Field_Details';
import FIELD_REPLY from '@salesforce/label/c.Timeline_Field_Reply';
import FIELD_LINKS from '@salesforce/label/c.Timeline_Field_Links';
import LINK_RECORDING from '@salesforce/label/c.Timeline_Link_Recording';
import LINK_VOICEMAIL from '@salesforce/label/c.Timeline_Link_Voicemail';
import LINK_CONVERSATION from '@salesforce/label/c.Timeline_Link_Conversation';
import LINK_CAMPAIGN from '@salesforce/label/c.Timeline_Link_Campaign';
import LINK_CLICKED from '@salesforce/label/c.Timeline_Link_Clicked';
import LINK_AUTOMATION from '@salesforce/label/c.Timeline_Link_Automation';
import LINK_PAGE from '@salesforce/label/c.Timeline_Link_Page';
import LINK_GENERIC from '@salesforce/label/c.Timeline_Link_Generic';
import LINK_RECORD from '@salesforce/label/c.Timeline_Link_Record';

// Icon and SLDS timeline line colour per item type. SLDS has line colours for call, email, event and task only:
// texts take the task green (the colour of the sms icon), engagement keeps the neutral line.
const TYPES = {
    call: { label: TYPE_CALL, iconName: 'standard:log_a_call', lineClass: 'slds-timeline__item_call' },
    message: { label: TYPE_MESSAGE, iconName: 'standard:sms', lineClass: 'slds-timeline__item_task' },
    meeting: { label: TYPE_MEETING, iconName: 'standard:event', lineClass: 'slds-timeline__item_event' },
    email: { label: TYPE_EMAIL, iconName: 'standard:email', lineClass: 'slds-timeline__item_email' },
    engagement: { label: TYPE_ENGAGEMENT, iconName: 'standard:campaign', lineClass: '' }
};
const UNKNOWN_TYPE = { label: '', iconName: 'standard:task', lineClass: '' };

// Subtype values are API values (the Engagement_Event__c Type picklist, or Missed/Voicemail for calls).
const SUBTYPES = {
    Missed: { label: CALL_MISSED },
    Voicemail: { label: CALL_VOICEMAIL },
    'Campaign Sent': { label: ENGAGEMENT_CAMPAIGN_SENT, linkLabel: LINK_CAMPAIGN },
    'Campaign Opened': { label: ENGAGEMENT_CAMPAIGN_OPENED, linkLabel: LINK_CAMPAIGN },
    'Campaign Clicked': { label: ENGAGEMENT_CAMPAIGN_CLICKED, linkLabel: LINK_CLICKED, showUrl: true },
    'Campaign Replied': { label: ENGAGEMENT_CAMPAIGN_REPLIED, linkLabel: LINK_CAMPAIGN, detailsLabel: FIELD_REPLY },
    'Campaign Bounced': { label: ENGAGEMENT_CAMPAIGN_BOUNCED, linkLabel: LINK_CAMPAIGN },
    Unsubscribed: { label: ENGAGEMENT_UNSUBSCRIBED, linkLabel: LINK_CAMPAIGN },
    'Automation Entered': {
        label: ENGAGEMENT_AUTOMATION_ENTERED,
        linkLabel: LINK_AUTOMATION,
        iconName: 'standard:flow'
    },
    'Automation Completed': {
        label: ENGAGEMENT_AUTOMATION_COMPLETED,
        linkLabel: LINK_AUTOMATION,
        iconName: 'standard:flow'
    },
    'Site Visit': { label: ENGAGEMENT_SITE_VISIT, linkLabel: LINK_PAGE, showUrl: true, iconName: 'standard:link' },
    'Custom Event': { label: ENGAGEMENT_CUSTOM_EVENT, linkLabel: LINK_GENERIC }
};

const DIRECTIONS = { Inbound: DIRECTION_INBOUND, Outbound: DIRECTION_OUTBOUND };
const HANDLERS = { 'AI agent': HANDLED_BY_AI, Human: HANDLED_BY_HUMAN };
const AI_AGENT = 'AI agent';

/**
 * One entry of the activity timeline (an SLDS timeline item): icon, title, when, owner, the call's direction
 * and duration, a one-line summary, and a caret that expands the details and links.
 */
export default class ActivityTimelineItem extends LightningElement {
    /** A TimelineItem of ActivityTimelineController.getTimeline, as the contract defines it. */
    @api item;

    isExpanded = false;
    newTabLabel = NEW_TAB;
    fieldLinksLabel = FIELD_LINKS;

    get record() {
        return this.item || {};
    }

    get type() {
        return TYPES[this.record.itemType] || { ...UNKNOWN_TYPE, label: this.record.itemType || '' };
    }

    get subtype() {
        const value = this.record.subtype;
        return value ? SUBTYPES[value] || { label: value } : undefined;
    }

    get containerClass() {
        return ['slds-timeline__item_expandable', this.type.lineClass, this.isExpanded ? 'slds-is-open' : '']
            .filter(Boolean)
            .join(' ');
    }

    get iconName() {
        return (this.record.itemType === 'engagement' && this.subtype && this.subtype.iconName) || this.type.iconName;
    }

    get typeLabel() {
        return this.type.label;
    }

    get title() {
        return this.record.title || (this.subtype && this.subtype.label) || UNTITLED;
    }

    get recordUrl() {
        return safeRecordUrl(this.record.recordUrl);
    }

    get summary() {
        return this.record.summary || '';
    }

    get isAiAgent() {
        return this.record.handledBy === AI_AGENT;
    }

    get aiAgentLabel() {
        return HANDLED_BY_AI;
    }

    get occurredAt() {
        const time = new Date(this.record.occurredAt).getTime();
        return Number.isNaN(time) ? undefined : time;
    }

    get hasOccurredAt() {
        return this.occurredAt !== undefined;
    }

    // The year is shown only for activity of another year, as Salesforce's own timeline does.
    get yearFormat() {
        return new Date(this.occurredAt).getFullYear() === new Date().getFullYear() ? undefined : 'numeric';
    }

    get directionLabel() {
        const direction = this.record.direction;
        return direction ? DIRECTIONS[direction] || direction : undefined;
    }

    // A missed call has no talk time worth showing (its 0:00 would read as a dropped call).
    get duration() {
        const record = this.record;
        return record.itemType === 'call' && record.subtype !== 'Missed'
            ? formatDuration(record.durationSeconds)
            : null;
    }

    // Engagement events are owned by the integration user that recorded them: "Assigned to" would name that
    // technical user on every campaign event, so the owner is shown for activities only.
    get ownerName() {
        return this.record.itemType === 'engagement' ? undefined : this.record.ownerName;
    }

    get ownerText() {
        return this.ownerName ? `${FIELD_OWNER} ${this.ownerName}` : undefined;
    }

    /** The small facts under the title: subtype, direction, duration, person, owner. */
    get facts() {
        const facts = [];
        if (this.subtype) {
            facts.push({ key: 'subtype', text: this.subtype.label });
        }
        if (this.directionLabel) {
            facts.push({ key: 'direction', text: this.directionLabel });
        }
        if (this.duration) {
            facts.push({ key: 'duration', text: this.duration, assistiveText: FIELD_DURATION });
        }
        if (this.record.relatedName) {
            facts.push({ key: 'related', text: this.record.relatedName, assistiveText: FIELD_NAME });
        }
        if (this.ownerText) {
            facts.push({ key: 'owner', text: this.ownerText });
        }
        return facts;
    }

    get toggleLabel() {
        return formatLabel(this.isExpanded ? HIDE_DETAILS : SHOW_DETAILS, this.title);
    }

    get caretIcon() {
        return this.isExpanded ? 'utility:chevrondown' : 'utility:chevronright';
    }

    get ariaExpanded() {
        return String(this.isExpanded);
    }

    /** The labelled fields of the expanded details; empty values are left out. */
    get detailFields() {
        const record = this.record;
        const candidates = [
            { key: 'type', label: FIELD_TYPE, value: this.subtype ? this.subtype.label : this.typeLabel },
            { key: 'name', label: FIELD_NAME, value: record.relatedName },
            { key: 'owner', label: FIELD_OWNER, value: this.ownerName },
            { key: 'direction', label: FIELD_DIRECTION, value: this.directionLabel },
            { key: 'duration', label: FIELD_DURATION, value: this.duration },
            { key: 'provider', label: FIELD_PROVIDER, value: record.provider },
            {
                key: 'handledBy',
                label: FIELD_HANDLED_BY,
                value: record.handledBy ? HANDLERS[record.handledBy] || record.handledBy : undefined
            }
        ];
        return candidates.filter((field) => field.value);
    }

    get dateLabel() {
        return FIELD_DATE;
    }

    /** Summary and long text; the summary is repeated in full only when the long text does not already say it. */
    get texts() {
        const { summary, details } = this.record;
        const texts = [];
        if (summary && summary !== details) {
            texts.push({ key: 'summary', label: FIELD_SUMMARY, value: summary });
        }
        if (details) {
            const label = (this.subtype && this.subtype.detailsLabel) || FIELD_DETAILS;
            texts.push({ key: 'details', label, value: details });
        }
        return texts;
    }

    /** Links to other systems open in a new tab; unsafe or missing URLs are left out. */
    get links() {
        const record = this.record;
        const links = [];
        const add = (key, label, url, showUrl) => {
            const safe = safeExternalUrl(url);
            if (safe) {
                links.push({ key, label, url: safe, displayUrl: showUrl ? safe : undefined });
            }
        };
        add('recording', record.subtype === 'Voicemail' ? LINK_VOICEMAIL : LINK_RECORDING, record.recordingUrl);
        add('conversation', LINK_CONVERSATION, record.conversationUrl);
        const subtype = this.subtype || {};
        add('link', subtype.linkLabel || LINK_GENERIC, record.linkUrl, subtype.showUrl);
        return links;
    }

    get hasLinks() {
        return this.links.length > 0 || Boolean(this.recordUrl);
    }

    get recordLinkLabel() {
        return LINK_RECORD;
    }

    handleToggle() {
        this.isExpanded = !this.isExpanded;
    }
}
