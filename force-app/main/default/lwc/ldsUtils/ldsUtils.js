/**
 * Turns whatever a wire adapter, an imperative Apex call or our own code rejected with into a list of
 * human-readable messages, so every component shows errors the same way (through c-error-panel).
 *
 * Shapes handled: a string; a JavaScript Error; Apex/network errors ({ body: { message } }); UI API read
 * errors ({ body: [{ message }] }); UI API DML errors ({ body: { pageErrors, fieldErrors, output: { errors,
 * fieldErrors } } }); fetch-style errors ({ statusText }); and arrays of any of these.
 * @param {*} errors a single error or an array of errors; null and undefined entries are ignored
 * @returns {string[]} distinct, non-empty messages, in the order they were found
 */
export function reduceErrors(errors) {
    const list = Array.isArray(errors) ? errors : [errors];
    const messages = list.flatMap((error) => messagesOf(error)).filter((m) => typeof m === 'string' && m.trim());
    return [...new Set(messages)];
}

function messagesOf(error) {
    if (error === null || error === undefined) {
        return [];
    }
    if (typeof error === 'string') {
        return [error];
    }
    if (Array.isArray(error)) {
        return error.flatMap((e) => messagesOf(e));
    }
    if (typeof error !== 'object') {
        return [String(error)];
    }
    const body = error.body;
    if (Array.isArray(body)) {
        return body.flatMap((e) => messagesOf(e));
    }
    if (body && typeof body === 'object') {
        const fromBody = [
            ...messagesOfRecordErrors(body),
            ...messagesOfRecordErrors(body.output),
            ...(typeof body.message === 'string' ? [body.message] : [])
        ];
        if (fromBody.length) {
            return fromBody;
        }
    }
    if (typeof error.message === 'string') {
        return [error.message];
    }
    if (typeof error.statusText === 'string') {
        return [error.statusText];
    }
    return [];
}

// Page-level and field-level errors of a UI API record save (pageErrors/fieldErrors or output.errors/fieldErrors).
function messagesOfRecordErrors(source) {
    if (!source || typeof source !== 'object') {
        return [];
    }
    const pageErrors = [...asArray(source.pageErrors), ...asArray(source.errors)];
    const fieldErrors = Object.values(source.fieldErrors || {}).flatMap((errs) => asArray(errs));
    return [...pageErrors, ...fieldErrors].map((e) => e && e.message).filter((m) => typeof m === 'string');
}

function asArray(value) {
    return Array.isArray(value) ? value : [];
}
