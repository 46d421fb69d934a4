import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/ldsUtils';
import DEFAULT_MESSAGE from '@salesforce/label/c.Error_Panel_Default_Message';
import SHOW_DETAILS from '@salesforce/label/c.Error_Panel_Show_Details';
import HIDE_DETAILS from '@salesforce/label/c.Error_Panel_Hide_Details';

/**
 * The one way our components show an error: a friendly sentence, and the technical messages (reduced by
 * reduceErrors) behind a "Show details" toggle for the admin the rep forwards them to.
 */
export default class ErrorPanel extends LightningElement {
    /** A single error or an array of errors, in any shape reduceErrors understands. */
    @api errors;
    /** The sentence a rep reads first; defaults to a generic message. */
    @api friendlyMessage;

    showDetails = false;

    get message() {
        return this.friendlyMessage || DEFAULT_MESSAGE;
    }

    get messages() {
        return reduceErrors(this.errors);
    }

    get hasDetails() {
        return this.messages.length > 0;
    }

    get toggleLabel() {
        return this.showDetails ? HIDE_DETAILS : SHOW_DETAILS;
    }

    get ariaExpanded() {
        return String(this.showDetails);
    }

    handleToggleDetails() {
        this.showDetails = !this.showDetails;
    }
}
