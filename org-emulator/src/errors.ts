// Errors as Salesforce shapes them. A single-record REST body is [{ message, errorCode, fields }]; a per-record
// result inside sObject Collections uses `statusCode` instead of `errorCode` (see ../shared/reference/salesforce-rest-api.md §2.2).

export class SalesforceError extends Error {
  readonly errorCode: string;
  readonly status: number;
  readonly fields: string[];

  constructor(errorCode: string, message: string, options: { status?: number; fields?: string[] } = {}) {
    super(message);
    this.name = 'SalesforceError';
    this.errorCode = errorCode;
    this.status = options.status ?? 400;
    this.fields = options.fields ?? [];
  }

  /** The body of a single-resource error response. */
  toRestBody(): Array<{ message: string; errorCode: string; fields?: string[] }> {
    return [
      { message: this.message, errorCode: this.errorCode, ...(this.fields.length ? { fields: this.fields } : {}) }
    ];
  }

  /** The entry of a per-record `errors` array inside a collection result. */
  toCollectionError(): { statusCode: string; message: string; fields: string[] } {
    return { statusCode: this.errorCode, message: this.message, fields: this.fields };
  }
}

export const notFound = (message = 'The requested resource does not exist'): SalesforceError =>
  new SalesforceError('NOT_FOUND', message, { status: 404 });

export const malformedQuery = (message: string): SalesforceError => new SalesforceError('MALFORMED_QUERY', message);

export const invalidSession = (): SalesforceError =>
  new SalesforceError('INVALID_SESSION_ID', 'Session expired or invalid', { status: 401 });
