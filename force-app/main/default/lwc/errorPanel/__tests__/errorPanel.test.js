import { createElement } from 'lwc';
import ErrorPanel from 'c/errorPanel';
import DEFAULT_MESSAGE from '@salesforce/label/c.Error_Panel_Default_Message';
import SHOW_DETAILS from '@salesforce/label/c.Error_Panel_Show_Details';
import HIDE_DETAILS from '@salesforce/label/c.Error_Panel_Hide_Details';

const mockApexError = require('./fixtures/apexError.json');

function flushPromises() {
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    return new Promise((resolve) => setTimeout(resolve, 0));
}

async function createPanel(props) {
    const element = createElement('c-error-panel', { is: ErrorPanel });
    Object.assign(element, props);
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

const query = (element, dataId) => element.shadowRoot.querySelector(`[data-id="${dataId}"]`);

describe('c-error-panel', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows the friendly message in an alert', async () => {
        const element = await createPanel({ errors: mockApexError, friendlyMessage: 'We could not load activity.' });

        expect(query(element, 'message').textContent).toBe('We could not load activity.');
        expect(element.shadowRoot.querySelector('[role="alert"]')).not.toBeNull();
    });

    it('shows a default message when none is given', async () => {
        const element = await createPanel({ errors: mockApexError });

        expect(query(element, 'message').textContent).toBe(DEFAULT_MESSAGE);
    });

    it('keeps the technical details hidden behind a collapsed toggle', async () => {
        const element = await createPanel({ errors: mockApexError });

        const toggle = query(element, 'details-toggle');
        expect(toggle.label).toBe(SHOW_DETAILS);
        expect(toggle.ariaExpanded).toBe('false');
        expect(query(element, 'details')).toBeNull();
    });

    it('shows the reduced error messages when the toggle is clicked, and hides them again', async () => {
        const element = await createPanel({ errors: [mockApexError, new Error('Network is offline')] });

        query(element, 'details-toggle').click();
        await flushPromises();

        const details = [...query(element, 'details').querySelectorAll('li')].map((li) => li.textContent);
        expect(details).toEqual([mockApexError.body.message, 'Network is offline']);
        expect(query(element, 'details-toggle').label).toBe(HIDE_DETAILS);
        expect(query(element, 'details-toggle').ariaExpanded).toBe('true');

        query(element, 'details-toggle').click();
        await flushPromises();
        expect(query(element, 'details')).toBeNull();
    });

    it('offers no toggle when the errors carry no message', async () => {
        const element = await createPanel({ errors: [{ unexpected: true }] });

        expect(query(element, 'details-toggle')).toBeNull();
        expect(query(element, 'message').textContent).toBe(DEFAULT_MESSAGE);
    });

    it('is accessible with the details hidden', async () => {
        const element = await createPanel({ errors: mockApexError });
        await expect(element).toBeAccessible();
    });

    it('is accessible with the details shown', async () => {
        const element = await createPanel({ errors: mockApexError });
        query(element, 'details-toggle').click();
        await flushPromises();
        await expect(element).toBeAccessible();
    });
});
