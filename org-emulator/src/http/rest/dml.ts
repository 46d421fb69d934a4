// Shared pieces of every record write: the DML options from the request headers, the row-lock fault check, the
// URLs Salesforce gives records, and SaveResult bodies.
import { SalesforceError } from '../../errors.ts';
import type { DmlOptions } from '../../model/org-api.ts';
import type { SObjectDef } from '../../model/types.ts';
import { resourceNotFound, unableToLockRow } from './responses.ts';
import type { ApiRequest, RestContext } from './types.ts';
import { servicesPath } from './types.ts';

export function dmlOptions(req: ApiRequest, ctx: RestContext): DmlOptions {
  const duplicateHeader = req.headers['sforce-duplicate-rule-header'] ?? '';
  return { userId: ctx.userId, allowDuplicateSave: /allowSave\s*=\s*true/i.test(duplicateHeader) };
}

/** A single-record write that draws a row-lock fault fails as Salesforce's 400 UNABLE_TO_LOCK_ROW. */
export function failIfRowLocked(req: ApiRequest, ctx: RestContext): void {
  if (ctx.faults.lockedRecords(req.method, req.path, 1).size > 0) throw unableToLockRow();
}

/** The sObject a URL names (case-insensitively), or 404 as Salesforce answers for an unknown type. */
export function sobjectOr404(ctx: RestContext, name: string): SObjectDef {
  const def = ctx.org.schema.object(name);
  if (!def) throw resourceNotFound();
  return def;
}

export const recordUrl = (apiVersion: number, type: string, id: string): string =>
  `${servicesPath(apiVersion)}/sobjects/${type}/${id}`;

export interface SaveResult {
  id?: string;
  success: boolean;
  errors: Array<{ statusCode: string; message: string; fields: string[] }>;
  created?: boolean;
}

export const saveSuccess = (id: string, created?: boolean): SaveResult => ({
  id,
  success: true,
  errors: [],
  ...(created === undefined ? {} : { created })
});

export const saveFailure = (error: SalesforceError): SaveResult => ({
  success: false,
  errors: [error.toCollectionError()]
});

/** Anything thrown that is not a SalesforceError is a bug; it must not escape as a stack trace. */
export function asSalesforceError(error: unknown): SalesforceError {
  if (error instanceof SalesforceError) return error;
  throw error;
}
