// Error responses in Salesforce's shapes.
import { SalesforceError } from '../../errors.ts';
import type { ApiResponse } from './types.ts';

export function errorResponse(error: SalesforceError): ApiResponse {
  return { status: error.status, body: error.toRestBody() };
}

export const resourceNotFound = (): SalesforceError =>
  new SalesforceError('NOT_FOUND', 'The requested resource does not exist', { status: 404 });

/** The 405 body Salesforce sends: `HTTP Method 'PATCH' not allowed. Allowed are HEAD,GET,POST`. */
export function methodNotAllowed(method: string, allowed: string[]): SalesforceError {
  return new SalesforceError(
    'METHOD_NOT_ALLOWED',
    `HTTP Method '${method}' not allowed. Allowed are ${allowed.join(',')}`,
    {
      status: 405
    }
  );
}

export const externalIdFieldNotFound = (segment: string): SalesforceError =>
  new SalesforceError('NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${segment}`, {
    status: 404
  });

export const unableToLockRow = (): SalesforceError =>
  new SalesforceError('UNABLE_TO_LOCK_ROW', 'unable to obtain exclusive access to this record');
