// Test helper: runs a call that must fail and returns the SalesforceError it threw.
import { SalesforceError } from '../../errors.ts';

export function catchSalesforceError(run: () => unknown): SalesforceError {
  try {
    run();
  } catch (error) {
    if (error instanceof SalesforceError) return error;
    throw error;
  }
  throw new Error('expected a SalesforceError, but the call succeeded');
}

/** The last line of a positioned query error: the detail after `ERROR at Row:R:Column:C`. */
export function detailOf(error: SalesforceError): string {
  return error.message.split('\n').pop() ?? '';
}

/** `Row:R:Column:C` of a positioned query error. */
export function positionOf(error: SalesforceError): string | undefined {
  return /ERROR at (Row:\d+:Column:\d+)/.exec(error.message)?.[1];
}
