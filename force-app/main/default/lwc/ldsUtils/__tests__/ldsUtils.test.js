import { reduceErrors } from 'c/ldsUtils';

const mockApexError = require('./fixtures/apexError.json');
const mockUiApiReadErrors = require('./fixtures/uiApiReadErrors.json');
const mockUiApiSaveError = require('./fixtures/uiApiSaveError.json');
const mockDmlPageErrors = require('./fixtures/dmlPageErrors.json');

describe('reduceErrors', () => {
    it('returns the message of an Apex error (AuraHandledException)', () => {
        expect(reduceErrors(mockApexError)).toEqual([mockApexError.body.message]);
    });

    it('returns every message of a UI API read error', () => {
        expect(reduceErrors(mockUiApiReadErrors)).toEqual([
            'The requested resource does not exist',
            "You don't have access to this record."
        ]);
    });

    it('returns the page and field errors of a UI API save error, then its summary', () => {
        expect(reduceErrors(mockUiApiSaveError)).toEqual([
            'Close date is required.',
            'Enter a valid phone number.',
            mockUiApiSaveError.body.message
        ]);
    });

    it('returns the page and field errors of a DML error', () => {
        expect(reduceErrors(mockDmlPageErrors)).toEqual(['Use one of these records?', 'Email: invalid email address']);
    });

    it('returns the message of a JavaScript error', () => {
        expect(reduceErrors(new TypeError('Cannot read properties of undefined'))).toEqual([
            'Cannot read properties of undefined'
        ]);
    });

    it('returns a string as it is', () => {
        expect(reduceErrors('Request timed out')).toEqual(['Request timed out']);
    });

    it('falls back to the status text of a fetch-style error without a body', () => {
        expect(reduceErrors({ status: 503, statusText: 'Service Unavailable', body: null })).toEqual([
            'Service Unavailable'
        ]);
    });

    it('flattens an array of mixed errors, drops empty entries and repeats', () => {
        expect(reduceErrors([mockApexError, null, undefined, '', mockApexError, 'Offline'])).toEqual([
            mockApexError.body.message,
            'Offline'
        ]);
    });

    it('returns nothing for no error or an error it cannot read', () => {
        expect(reduceErrors(undefined)).toEqual([]);
        expect(reduceErrors(null)).toEqual([]);
        expect(reduceErrors([])).toEqual([]);
        expect(reduceErrors({ body: {} })).toEqual([]);
        expect(reduceErrors({ unexpected: true })).toEqual([]);
    });
});
