// sObject Rows by External ID: `sobjects/{T}/{Field}/{value}` — GET (200 / 300 / 404), PATCH upsert
// (201 created / 200 `created:false` from v46, 204 before / 300 / 404) and DELETE.
import { SalesforceError } from '../../errors.ts';
import type { FieldDef, SObjectDef } from '../../model/types.ts';
import { asSalesforceError, dmlOptions, failIfRowLocked, recordUrl, saveSuccess, sobjectOr404 } from './dml.ts';
import { hasIdField, idInBodyError, recordValues, requireObjectBody } from './json-body.ts';
import { externalIdFieldNotFound, resourceNotFound } from './responses.ts';
import type { ApiRequest, ApiResponse, RestContext } from './types.ts';

/** The `created` flag and the 200-on-update answer arrived in API 46.0. */
const CREATED_FLAG_VERSION = 46;

export function getByExternalId(
  req: ApiRequest,
  ctx: RestContext,
  typeName: string,
  fieldSegment: string,
  value: string
): ApiResponse {
  const def = sobjectOr404(ctx, typeName);
  const field = externalIdField(ctx, def, fieldSegment);
  refuseFileExtension(value);
  const matches = ctx.org.findByField(def.name, field.name, value);
  if (matches.length === 0) throw resourceNotFound();
  if (matches.length > 1) return multipleChoices(req, def, matches);
  const id = matches[0]!.id;
  const fieldsParam = req.query.get('fields');
  const fields = fieldsParam
    ?.split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const values = ctx.org.retrieve(def.name, id, fields && fields.length ? fields : undefined);
  return {
    status: 200,
    body: { attributes: { type: def.name, url: recordUrl(req.apiVersion, def.name, id) }, ...values }
  };
}

export function upsertByExternalId(
  req: ApiRequest,
  ctx: RestContext,
  typeName: string,
  fieldSegment: string,
  value: string
): ApiResponse {
  const def = sobjectOr404(ctx, typeName);
  const field = externalIdField(ctx, def, fieldSegment);
  refuseFileExtension(value);
  const values = recordValues(requireObjectBody(req.body, def.name));
  if (field.name !== 'Id' && hasIdField(values)) throw idInBodyError();
  // "Do not specify Id or an external ID field in the request body or an error is generated."
  if (Object.keys(values).some((k) => k.toLowerCase() === field.name.toLowerCase())) {
    throw new SalesforceError(
      'INVALID_FIELD',
      `The external ID field ${field.name} should not be specified in the sobject data: its value is in the URL.`,
      { fields: [field.name] }
    );
  }
  if (req.query.get('updateOnly') === 'true' && ctx.org.findByField(def.name, field.name, value).length === 0) {
    throw resourceNotFound();
  }
  failIfRowLocked(req, ctx);
  let outcome: { id: string; created: boolean };
  try {
    outcome = ctx.org.upsert(def.name, field.name, value, values, dmlOptions(req, ctx));
  } catch (error) {
    if (asSalesforceError(error).errorCode === 'MULTIPLE_CHOICES') {
      return multipleChoices(req, def, ctx.org.findByField(def.name, field.name, value));
    }
    throw error;
  }
  const withFlag = req.apiVersion >= CREATED_FLAG_VERSION;
  if (outcome.created) {
    return {
      status: 201,
      body: saveSuccess(outcome.id, withFlag ? true : undefined),
      location: recordUrl(req.apiVersion, def.name, outcome.id)
    };
  }
  return withFlag ? { status: 200, body: saveSuccess(outcome.id, false) } : { status: 204 };
}

export function deleteByExternalId(
  req: ApiRequest,
  ctx: RestContext,
  typeName: string,
  fieldSegment: string,
  value: string
): ApiResponse {
  const def = sobjectOr404(ctx, typeName);
  const field = externalIdField(ctx, def, fieldSegment);
  refuseFileExtension(value);
  const matches = ctx.org.findByField(def.name, field.name, value);
  if (matches.length === 0) throw resourceNotFound();
  if (matches.length > 1) return multipleChoices(req, def, matches);
  failIfRowLocked(req, ctx);
  ctx.org.delete(def.name, matches[0]!.id, dmlOptions(req, ctx));
  return { status: 204 };
}

/**
 * "For security reasons, some Top Level Domains (TLD) may conflict with certain file format extensions": a value
 * ending in `.inc` (an email at a .inc domain) is answered 404 before any lookup, as documented.
 */
function refuseFileExtension(value: string): void {
  if (/\.inc$/i.test(value)) throw resourceNotFound();
}

/** Only External ID (or idLookup) fields address rows; anything else is Salesforce's 404. */
function externalIdField(ctx: RestContext, def: SObjectDef, segment: string): FieldDef {
  const field = ctx.org.schema.field(def.name, segment);
  if (!field || !(field.externalId || field.idLookup)) throw externalIdFieldNotFound(segment);
  return field;
}

/** 300 Multiple Choices: the body lists the URLs of the matching records. */
function multipleChoices(req: ApiRequest, def: SObjectDef, matches: Array<{ id: string }>): ApiResponse {
  return { status: 300, body: matches.map((m) => recordUrl(req.apiVersion, def.name, m.id)) };
}
